from typing import Literal, Required, TypedDict

__all__ = ["ConversationItemRetrieveEventParam"]


class ConversationItemRetrieveEventParam(TypedDict, total=False):
    item_id: Required[str]
    type: Required[Literal["conversation.item.retrieve"]]
    event_id: str
