from typing import Literal, Required, TypedDict

__all__ = ["RealtimeConversationItemFunctionCallParam"]


class RealtimeConversationItemFunctionCallParam(TypedDict, total=False):
    arguments: Required[str]
    name: Required[str]
    type: Required[Literal["function_call"]]
    id: str
    call_id: str
    object: Literal["realtime.item"]
    status: Literal["completed", "incomplete", "in_progress"]
