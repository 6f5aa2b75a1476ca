from typing import Literal, Required, TypedDict

__all__ = ["RealtimeConversationItemFunctionCallOutputParam"]


class RealtimeConversationItemFunctionCallOutputParam(TypedDict, total=False):
    call_id: Required[str]
    output: Required[str]
    type: Required[Literal["function_call_output"]]
    id: str
    object: Literal["realtime.item"]
    status: Literal["completed", "incomplete", "in_progress"]
