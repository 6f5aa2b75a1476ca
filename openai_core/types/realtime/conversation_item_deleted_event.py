from typing import Literal

from ..._models import BaseModel

__all__ = ["ConversationItemDeletedEvent"]


class ConversationItemDeletedEvent(BaseModel):
    event_id: str
    item_id: str
    type: Literal["conversation.item.deleted"]
