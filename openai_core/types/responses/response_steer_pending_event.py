from typing import Any, Literal

from ..._models import BaseModel

__all__ = ["ResponseSteerPendingEvent", "Steer"]


class Steer(BaseModel):
    id: str
    previous_response_id: str


class ResponseSteerPendingEvent(BaseModel):
    """Accepted steering input waits for tool output or approvals (``required_input``: the
    ``{"type": "function_call_output", "call_id": ...}`` stubs to fill and send in a ``response.create``)."""

    reason: str  # "waiting_for_required_input"; new values may come
    required_input: list[Any]  # {"type": "function_call_output", "call_id": ...} stubs, among others
    sequence_number: int
    steer: Steer
    type: Literal["response.steer.pending"]
    stream_id: str | None = None
