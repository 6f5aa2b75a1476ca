"""A tool for ``responses.create(tools=[...])``: function tools are typed in full, the built-in tools
(``{"type": "web_search"}``, ``{"type": "file_search", "vector_store_ids": [...]}``, MCP, ...) are
accepted as plain dicts."""

from typing import TypeAlias

from .function_tool_param import FunctionToolParam

__all__ = ["ToolParam"]

ToolParam: TypeAlias = FunctionToolParam | dict[str, object]
