from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from .response_input_content import ResponseInputContent

__all__ = ["Caller", "CallerDirect", "CallerProgram", "ResponseFunctionToolCallOutputItem"]


class CallerDirect(BaseModel):
    type: Literal["direct"]


class CallerProgram(BaseModel):
    caller_id: str
    type: Literal["program"]


Caller: TypeAlias = Annotated[CallerDirect | CallerProgram, Field(discriminator="type")]


class ResponseFunctionToolCallOutputItem(BaseModel):
    id: str
    output: str | list[ResponseInputContent]
    status: Literal["in_progress", "completed", "incomplete"]
    type: Literal["function_call_output"]
    call_id: str | None = None
    caller: Caller | None = None
    created_by: str | None = None
    name: str | None = None
    namespace: str | None = None
