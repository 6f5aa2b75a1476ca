from typing import Any, Literal

from ..._models import BaseModel

__all__ = ["Error", "ResponseSteerFailedEvent", "Steer"]


class Error(BaseModel):
    code: str  # "response_not_found", "invalid_input", "steering_not_supported", ...
    message: str
    type: Literal["invalid_request_error"]


class Steer(BaseModel):
    input: str | list[Any]
    previous_response_id: str
    id: str | None = None


class ResponseSteerFailedEvent(BaseModel):
    """Steering input that could not be committed, given back (``steer.input``)."""

    error: Error
    sequence_number: int
    steer: Steer
    type: Literal["response.steer.failed"]
    stream_id: str | None = None
