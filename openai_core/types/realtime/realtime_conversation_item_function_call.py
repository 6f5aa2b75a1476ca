from typing import Literal

from ..._models import BaseModel

__all__ = ["RealtimeConversationItemFunctionCall"]


class RealtimeConversationItemFunctionCall(BaseModel):
    """The model calling a function: ``arguments`` is its JSON-encoded arguments."""

    arguments: str
    name: str
    type: Literal["function_call"]
    id: str | None = None
    call_id: str | None = None
    object: Literal["realtime.item"] | None = None
    status: Literal["completed", "incomplete", "in_progress"] | None = None
