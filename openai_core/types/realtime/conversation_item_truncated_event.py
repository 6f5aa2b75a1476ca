from typing import Literal

from ..._models import BaseModel

__all__ = ["ConversationItemTruncatedEvent"]


class ConversationItemTruncatedEvent(BaseModel):
    audio_end_ms: int
    content_index: int
    event_id: str
    item_id: str
    type: Literal["conversation.item.truncated"]
