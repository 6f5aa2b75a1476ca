from typing import Literal

from pydantic import Field

from ..._models import BaseModel

__all__ = ["FunctionTool"]


class FunctionTool(BaseModel):
    name: str
    parameters: dict[str, object] | None = None
    strict: bool | None = None
    type: Literal["function"]
    allowed_callers: list[Literal["direct", "programmatic"]] | None = None
    async_: bool | None = Field(alias="async", default=None)
    defer_loading: bool | None = None
    description: str | None = None
    output_schema: dict[str, object] | None = None
