from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseMcpCallArgumentsDone"]


class ResponseMcpCallArgumentsDone(BaseModel):
    arguments: str
    event_id: str
    item_id: str
    output_index: int
    response_id: str
    type: Literal["response.mcp_call_arguments.done"]
