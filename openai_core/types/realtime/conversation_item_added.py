from typing import Literal

from ..._models import BaseModel
from .conversation_item import ConversationItem

__all__ = ["ConversationItemAdded"]


class ConversationItemAdded(BaseModel):
    event_id: str
    item: ConversationItem
    type: Literal["conversation.item.added"]
    previous_item_id: str | None = None
