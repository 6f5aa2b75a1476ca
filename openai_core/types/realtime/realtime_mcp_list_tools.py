from typing import Literal

from ..._models import BaseModel

__all__ = ["RealtimeMcpListTools", "Tool"]


class Tool(BaseModel):
    input_schema: object
    name: str
    annotations: object | None = None
    description: str | None = None


class RealtimeMcpListTools(BaseModel):
    server_label: str
    tools: list[Tool]
    type: Literal["mcp_list_tools"]
    id: str | None = None
