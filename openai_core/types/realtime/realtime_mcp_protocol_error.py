from typing import Literal

from ..._models import BaseModel

__all__ = ["RealtimeMcpProtocolError"]


class RealtimeMcpProtocolError(BaseModel):
    code: int
    message: str
    type: Literal["protocol_error"]
