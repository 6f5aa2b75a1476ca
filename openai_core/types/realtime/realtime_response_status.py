from typing import Literal

from ..._models import BaseModel

__all__ = ["Error", "RealtimeResponseStatus"]


class Error(BaseModel):
    code: str | None = None
    message: str | None = None
    type: str | None = None


class RealtimeResponseStatus(BaseModel):
    error: Error | None = None
    reason: Literal["turn_detected", "client_cancelled", "max_output_tokens", "content_filter"] | None = None
    type: Literal["completed", "cancelled", "incomplete", "failed"] | None = None
