from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseCancelEvent"]


class ResponseCancelEvent(BaseModel):
    type: Literal["response.cancel"]
    event_id: str | None = None
    response_id: str | None = None
