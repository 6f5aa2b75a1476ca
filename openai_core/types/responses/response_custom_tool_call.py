from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel

__all__ = ["Caller", "CallerDirect", "CallerProgram", "ResponseCustomToolCall"]


class CallerDirect(BaseModel):
    type: Literal["direct"]


class CallerProgram(BaseModel):
    caller_id: str
    type: Literal["program"]


Caller: TypeAlias = Annotated[CallerDirect | CallerProgram, Field(discriminator="type")]


class ResponseCustomToolCall(BaseModel):
    call_id: str
    input: str
    name: str
    type: Literal["custom_tool_call"]
    id: str | None = None
    async_: bool | None = Field(alias="async", default=None)
    caller: Caller | None = None
    namespace: str | None = None
