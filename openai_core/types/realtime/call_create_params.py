from typing import Required, TypedDict

from .realtime_session_create_request_param import RealtimeSessionCreateRequestParam

__all__ = ["CallCreateParams"]


class CallCreateParams(TypedDict, total=False):
    sdp: Required[str]
    session: RealtimeSessionCreateRequestParam
