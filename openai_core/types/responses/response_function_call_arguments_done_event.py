from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseFunctionCallArgumentsDoneEvent"]


class ResponseFunctionCallArgumentsDoneEvent(BaseModel):
    """A function call's arguments are complete."""

    arguments: str
    item_id: str
    output_index: int
    sequence_number: int
    name: str | None = None
    type: Literal["response.function_call_arguments.done"]
