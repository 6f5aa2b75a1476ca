from typing import Literal

from ..._models import BaseModel

__all__ = ["McpListToolsCompleted"]


class McpListToolsCompleted(BaseModel):
    event_id: str
    item_id: str
    type: Literal["mcp_list_tools.completed"]
