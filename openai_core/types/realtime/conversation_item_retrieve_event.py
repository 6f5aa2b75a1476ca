from typing import Literal

from ..._models import BaseModel

__all__ = ["ConversationItemRetrieveEvent"]


class ConversationItemRetrieveEvent(BaseModel):
    item_id: str
    type: Literal["conversation.item.retrieve"]
    event_id: str | None = None
