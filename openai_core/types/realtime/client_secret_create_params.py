from typing import Literal, TypeAlias, TypedDict

from .realtime_session_create_request_param import RealtimeSessionCreateRequestParam
from .realtime_transcription_session_create_request_param import (
    RealtimeTranscriptionSessionCreateRequestParam,
)

__all__ = ["ClientSecretCreateParams", "ExpiresAfter", "Session"]


class ExpiresAfter(TypedDict, total=False):
    anchor: Literal["created_at"]
    seconds: int


Session: TypeAlias = RealtimeSessionCreateRequestParam | RealtimeTranscriptionSessionCreateRequestParam


class ClientSecretCreateParams(TypedDict, total=False):
    expires_after: ExpiresAfter
    session: Session
