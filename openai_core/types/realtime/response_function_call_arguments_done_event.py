from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseFunctionCallArgumentsDoneEvent"]


class ResponseFunctionCallArgumentsDoneEvent(BaseModel):
    arguments: str
    call_id: str
    event_id: str
    item_id: str
    name: str
    output_index: int
    response_id: str
    type: Literal["response.function_call_arguments.done"]
