from typing import Literal

from ..._models import BaseModel
from .realtime_response import RealtimeResponse

__all__ = ["ResponseDoneEvent"]


class ResponseDoneEvent(BaseModel):
    """The response finished (completed, cancelled, incomplete or failed: ``response.status``)."""

    event_id: str
    response: RealtimeResponse
    type: Literal["response.done"]
