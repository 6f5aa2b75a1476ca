from typing import Literal

from ..._models import BaseModel

__all__ = ["Content", "RealtimeConversationItemAssistantMessage"]


class Content(BaseModel):
    audio: str | None = None
    text: str | None = None
    transcript: str | None = None
    type: Literal["output_text", "output_audio"] | None = None


class RealtimeConversationItemAssistantMessage(BaseModel):
    content: list[Content]
    role: Literal["assistant"]
    type: Literal["message"]
    id: str | None = None
    object: Literal["realtime.item"] | None = None
    status: Literal["completed", "incomplete", "in_progress"] | None = None
