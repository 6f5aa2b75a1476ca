from typing import Literal, Required, TypedDict

from .realtime_response_create_params_with_references_param import (
    RealtimeResponseCreateParamsWithReferencesParam,
)

__all__ = ["ResponseCreateEventWithReferencesParam"]


class ResponseCreateEventWithReferencesParam(TypedDict, total=False):
    type: Required[Literal["response.create"]]
    event_id: str
    response: RealtimeResponseCreateParamsWithReferencesParam
