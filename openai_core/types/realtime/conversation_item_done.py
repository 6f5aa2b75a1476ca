from typing import Literal

from ..._models import BaseModel
from .conversation_item import ConversationItem

__all__ = ["ConversationItemDone"]


class ConversationItemDone(BaseModel):
    event_id: str
    item: ConversationItem
    type: Literal["conversation.item.done"]
    previous_item_id: str | None = None
