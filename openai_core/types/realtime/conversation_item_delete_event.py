from typing import Literal

from ..._models import BaseModel

__all__ = ["ConversationItemDeleteEvent"]


class ConversationItemDeleteEvent(BaseModel):
    item_id: str
    type: Literal["conversation.item.delete"]
    event_id: str | None = None
