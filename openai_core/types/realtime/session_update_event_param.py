from typing import Literal, Required, TypeAlias, TypedDict

from .realtime_session_create_request_param import RealtimeSessionCreateRequestParam
from .realtime_transcription_session_create_request_param import (
    RealtimeTranscriptionSessionCreateRequestParam,
)

__all__ = ["Session", "SessionUpdateEventParam"]

Session: TypeAlias = RealtimeSessionCreateRequestParam | RealtimeTranscriptionSessionCreateRequestParam


class SessionUpdateEventParam(TypedDict, total=False):
    session: Required[Session]
    type: Required[Literal["session.update"]]
    event_id: str
