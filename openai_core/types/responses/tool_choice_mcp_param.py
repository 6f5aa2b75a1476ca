from typing import Literal, Required, TypedDict

__all__ = ["ToolChoiceMcpParam"]


class ToolChoiceMcpParam(TypedDict, total=False):
    server_label: Required[str]
    type: Required[Literal["mcp"]]
    name: str | None
