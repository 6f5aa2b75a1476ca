from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseErrorEvent"]


class ResponseErrorEvent(BaseModel):
    """An error reported inside the stream (an ``event: error``); it is yielded, not raised, as in the
    official SDK."""

    code: str | None = None
    message: str
    param: str | None = None
    sequence_number: int
    type: Literal["error"]
