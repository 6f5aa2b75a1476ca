from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from .realtime_session_create_request import RealtimeSessionCreateRequest
from .realtime_transcription_session_create_request import RealtimeTranscriptionSessionCreateRequest

__all__ = ["Session", "SessionUpdatedEvent"]

Session: TypeAlias = Annotated[
    RealtimeSessionCreateRequest | RealtimeTranscriptionSessionCreateRequest, Field(discriminator="type")
]


class SessionUpdatedEvent(BaseModel):
    event_id: str
    session: Session
    type: Literal["session.updated"]
