from typing import Literal

from ..._models import BaseModel

__all__ = ["Conversation", "ConversationCreatedEvent"]


class Conversation(BaseModel):
    id: str | None = None
    object: Literal["realtime.conversation"] | None = None


class ConversationCreatedEvent(BaseModel):
    conversation: Conversation
    event_id: str
    type: Literal["conversation.created"]
