from typing import Literal

from ..._models import BaseModel
from .realtime_response_create_params import RealtimeResponseCreateParams

__all__ = ["ResponseCreateEvent"]


class ResponseCreateEvent(BaseModel):
    type: Literal["response.create"]
    event_id: str | None = None
    response: RealtimeResponseCreateParams | None = None
