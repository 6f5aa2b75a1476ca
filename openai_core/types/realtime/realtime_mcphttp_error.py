from typing import Literal

from ..._models import BaseModel

__all__ = ["RealtimeMcphttpError"]


class RealtimeMcphttpError(BaseModel):
    code: int
    message: str
    type: Literal["http_error"]
