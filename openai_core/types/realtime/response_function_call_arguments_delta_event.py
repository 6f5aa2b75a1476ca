from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseFunctionCallArgumentsDeltaEvent"]


class ResponseFunctionCallArgumentsDeltaEvent(BaseModel):
    call_id: str
    delta: str
    event_id: str
    item_id: str
    output_index: int
    response_id: str
    type: Literal["response.function_call_arguments.delta"]
