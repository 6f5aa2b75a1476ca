from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseMcpCallCompleted"]


class ResponseMcpCallCompleted(BaseModel):
    event_id: str
    item_id: str
    output_index: int
    type: Literal["response.mcp_call.completed"]
