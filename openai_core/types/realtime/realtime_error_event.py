from typing import Literal

from ..._models import BaseModel
from .realtime_error import RealtimeError

__all__ = ["RealtimeErrorEvent"]


class RealtimeErrorEvent(BaseModel):
    """The server reports an error; the session stays open unless it closes the connection too."""

    error: RealtimeError
    event_id: str
    type: Literal["error"]
