from collections.abc import Iterable
from typing import Literal, Required, TypedDict

__all__ = ["Content", "RealtimeConversationItemSystemMessageParam"]


class Content(TypedDict, total=False):
    text: str
    type: Literal["input_text"]


class RealtimeConversationItemSystemMessageParam(TypedDict, total=False):
    content: Required[Iterable[Content]]
    role: Required[Literal["system"]]
    type: Required[Literal["message"]]
    id: str
    object: Literal["realtime.item"]
    status: Literal["completed", "incomplete", "in_progress"]
