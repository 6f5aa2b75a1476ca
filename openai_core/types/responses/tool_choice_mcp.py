from typing import Literal

from ..._models import BaseModel

__all__ = ["ToolChoiceMcp"]


class ToolChoiceMcp(BaseModel):
    server_label: str
    type: Literal["mcp"]
    name: str | None = None
