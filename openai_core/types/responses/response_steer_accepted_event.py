from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseSteerAcceptedEvent", "Steer"]


class Steer(BaseModel):
    id: str
    previous_response_id: str


class ResponseSteerAcceptedEvent(BaseModel):
    """The server holds the input of a ``response.steer`` (the successor's ``response.created`` is when
    it is applied)."""

    sequence_number: int
    steer: Steer
    type: Literal["response.steer.accepted"]
    stream_id: str | None = None
