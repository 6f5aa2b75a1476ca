from typing import Literal

from ..._models import BaseModel

__all__ = ["ConversationItemTruncateEvent"]


class ConversationItemTruncateEvent(BaseModel):
    audio_end_ms: int
    content_index: int
    item_id: str
    type: Literal["conversation.item.truncate"]
    event_id: str | None = None
