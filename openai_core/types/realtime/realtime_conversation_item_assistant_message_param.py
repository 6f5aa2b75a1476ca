from collections.abc import Iterable
from typing import Literal, Required, TypedDict

__all__ = ["Content", "RealtimeConversationItemAssistantMessageParam"]


class Content(TypedDict, total=False):
    audio: str
    text: str
    transcript: str
    type: Literal["output_text", "output_audio"]


class RealtimeConversationItemAssistantMessageParam(TypedDict, total=False):
    content: Required[Iterable[Content]]
    role: Required[Literal["assistant"]]
    type: Required[Literal["message"]]
    id: str
    object: Literal["realtime.item"]
    status: Literal["completed", "incomplete", "in_progress"]
