from collections.abc import Iterable
from typing import Literal, Required, TypedDict

__all__ = ["Content", "RealtimeConversationItemUserMessageParam"]


class Content(TypedDict, total=False):
    audio: str
    detail: Literal["auto", "low", "high"]
    image_url: str
    text: str
    transcript: str
    type: Literal["input_text", "input_audio", "input_image"]


class RealtimeConversationItemUserMessageParam(TypedDict, total=False):
    content: Required[Iterable[Content]]
    role: Required[Literal["user"]]
    type: Required[Literal["message"]]
    id: str
    object: Literal["realtime.item"]
    status: Literal["completed", "incomplete", "in_progress"]
