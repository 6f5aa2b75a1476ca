from typing import Literal

from ..._models import BaseModel

__all__ = ["Content", "RealtimeConversationItemUserMessage"]


class Content(BaseModel):
    """One part of a user message: text, base64 audio (with its transcript) or an image."""

    audio: str | None = None
    detail: Literal["auto", "low", "high"] | None = None
    image_url: str | None = None
    text: str | None = None
    transcript: str | None = None
    type: Literal["input_text", "input_audio", "input_image"] | None = None


class RealtimeConversationItemUserMessage(BaseModel):
    content: list[Content]
    role: Literal["user"]
    type: Literal["message"]
    id: str | None = None
    object: Literal["realtime.item"] | None = None
    status: Literal["completed", "incomplete", "in_progress"] | None = None
