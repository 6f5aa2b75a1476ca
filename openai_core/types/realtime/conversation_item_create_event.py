from typing import Literal

from ..._models import BaseModel
from .conversation_item import ConversationItem

__all__ = ["ConversationItemCreateEvent"]


class ConversationItemCreateEvent(BaseModel):
    item: ConversationItem
    type: Literal["conversation.item.create"]
    event_id: str | None = None
    previous_item_id: str | None = None
