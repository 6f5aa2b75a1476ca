from typing import Literal

from ..._models import BaseModel
from .response_input_content import ResponseInputContent

__all__ = ["ResponseFunctionToolCallOutputItem"]


class ResponseFunctionToolCallOutputItem(BaseModel):
    id: str
    output: str | list[ResponseInputContent]
    status: Literal["in_progress", "completed", "incomplete"]
    type: Literal["function_call_output"]
    call_id: str | None = None
    created_by: str | None = None
    name: str | None = None
