from typing import Literal

from ..._models import BaseModel

__all__ = ["McpListToolsInProgress"]


class McpListToolsInProgress(BaseModel):
    event_id: str
    item_id: str
    type: Literal["mcp_list_tools.in_progress"]
