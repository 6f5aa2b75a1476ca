from typing import Literal, Required, TypedDict

from .realtime_response_create_params_param import RealtimeResponseCreateParamsParam

__all__ = ["ResponseCreateEventParam"]


class ResponseCreateEventParam(TypedDict, total=False):
    type: Required[Literal["response.create"]]
    event_id: str
    response: RealtimeResponseCreateParamsParam
