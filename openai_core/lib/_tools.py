"""``pydantic_function_tool(Model)``: a function tool whose parameters are a model's strict schema."""

from __future__ import annotations

from typing import Any, cast

import pydantic

from ..types.chat import ChatCompletionFunctionToolParam
from ..types.shared_params import FunctionDefinition
from ._pydantic import to_strict_json_schema

__all__ = ["PydanticFunctionTool", "pydantic_function_tool"]


class PydanticFunctionTool(dict[str, Any]):
    """A function definition (a plain dict on the wire) that remembers the model it was made from, so
    ``parse()`` / ``stream()`` can turn the call's arguments back into that model."""

    model: type[pydantic.BaseModel]

    def __init__(self, definition: FunctionDefinition, model: type[pydantic.BaseModel]) -> None:
        super().__init__(definition)
        self.model = model

    def cast(self) -> FunctionDefinition:
        return cast(FunctionDefinition, self)


def pydantic_function_tool(
    model: type[pydantic.BaseModel], *, name: str | None = None, description: str | None = None
) -> ChatCompletionFunctionToolParam:
    """A ``strict`` function tool for ``tools=[...]``: named after the model class and described by its
    docstring unless ``name`` / ``description`` say otherwise. ``parse()`` and ``stream()`` give the call's
    arguments back as an instance of ``model`` (``tool_call.function.parsed_arguments``)."""
    if description is None:
        # The class's own docstring only: inspect.getdoc() would fall back to pydantic.BaseModel's.
        description = model.__doc__
    function = PydanticFunctionTool(
        {"name": name or model.__name__, "strict": True, "parameters": to_strict_json_schema(model)}, model
    ).cast()
    if description is not None:
        function["description"] = description
    return {"type": "function", "function": function}
