from typing import Literal, Required, TypedDict

__all__ = ["ConversationItemTruncateEventParam"]


class ConversationItemTruncateEventParam(TypedDict, total=False):
    audio_end_ms: Required[int]
    content_index: Required[int]
    item_id: Required[str]
    type: Required[Literal["conversation.item.truncate"]]
    event_id: str
