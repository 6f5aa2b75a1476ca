from typing import Annotated, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from .realtime_session_create_response import RealtimeSessionCreateResponse
from .realtime_transcription_session_create_response import RealtimeTranscriptionSessionCreateResponse

__all__ = ["ClientSecretCreateResponse", "Session"]

Session: TypeAlias = Annotated[
    RealtimeSessionCreateResponse | RealtimeTranscriptionSessionCreateResponse, Field(discriminator="type")
]


class ClientSecretCreateResponse(BaseModel):
    """An ephemeral key (``value``, ``ek_...``) for a browser or app to connect with, and its session."""

    expires_at: int
    session: Session
    value: str
