from typing import Literal

from ..._models import BaseModel
from .conversation_item import ConversationItem

__all__ = ["ResponseOutputItemDoneEvent"]


class ResponseOutputItemDoneEvent(BaseModel):
    event_id: str
    item: ConversationItem
    output_index: int
    response_id: str
    type: Literal["response.output_item.done"]
