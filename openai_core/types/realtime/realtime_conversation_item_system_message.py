from typing import Literal

from ..._models import BaseModel

__all__ = ["Content", "RealtimeConversationItemSystemMessage"]


class Content(BaseModel):
    text: str | None = None
    type: Literal["input_text"] | None = None


class RealtimeConversationItemSystemMessage(BaseModel):
    content: list[Content]
    role: Literal["system"]
    type: Literal["message"]
    id: str | None = None
    object: Literal["realtime.item"] | None = None
    status: Literal["completed", "incomplete", "in_progress"] | None = None
