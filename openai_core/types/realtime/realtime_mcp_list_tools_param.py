from collections.abc import Iterable
from typing import Literal, Required, TypedDict

__all__ = ["RealtimeMcpListToolsParam", "Tool"]


class Tool(TypedDict, total=False):
    input_schema: Required[object]
    name: Required[str]
    annotations: object | None
    description: str | None


class RealtimeMcpListToolsParam(TypedDict, total=False):
    server_label: Required[str]
    tools: Required[Iterable[Tool]]
    type: Required[Literal["mcp_list_tools"]]
    id: str
