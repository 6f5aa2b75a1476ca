from typing import Literal

from ..._models import BaseModel
from .conversation_item import ConversationItem

__all__ = ["ResponseOutputItemAddedEvent"]


class ResponseOutputItemAddedEvent(BaseModel):
    event_id: str
    item: ConversationItem
    output_index: int
    response_id: str
    type: Literal["response.output_item.added"]
