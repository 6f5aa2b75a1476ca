from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from .realtime_session_create_request import RealtimeSessionCreateRequest
from .realtime_transcription_session_create_request import RealtimeTranscriptionSessionCreateRequest

__all__ = ["Session", "SessionUpdateEvent"]

Session: TypeAlias = Annotated[
    RealtimeSessionCreateRequest | RealtimeTranscriptionSessionCreateRequest, Field(discriminator="type")
]


class SessionUpdateEvent(BaseModel):
    """Change the session: only the fields given change."""

    session: Session
    type: Literal["session.update"]
    event_id: str | None = None
