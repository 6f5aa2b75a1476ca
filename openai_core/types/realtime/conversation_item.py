from typing import TYPE_CHECKING, Any, TypeAlias

from ..._unions import member_tag, open_union
from .realtime_conversation_item_assistant_message import RealtimeConversationItemAssistantMessage
from .realtime_conversation_item_function_call import RealtimeConversationItemFunctionCall
from .realtime_conversation_item_function_call_output import RealtimeConversationItemFunctionCallOutput
from .realtime_conversation_item_system_message import RealtimeConversationItemSystemMessage
from .realtime_conversation_item_unknown import RealtimeConversationItemUnknown
from .realtime_conversation_item_user_message import RealtimeConversationItemUserMessage
from .realtime_mcp_approval_request import RealtimeMcpApprovalRequest
from .realtime_mcp_approval_response import RealtimeMcpApprovalResponse
from .realtime_mcp_list_tools import RealtimeMcpListTools
from .realtime_mcp_tool_call import RealtimeMcpToolCall

__all__ = ["ConversationItem"]

ConversationItem: TypeAlias = (
    RealtimeConversationItemSystemMessage
    | RealtimeConversationItemUserMessage
    | RealtimeConversationItemAssistantMessage
    | RealtimeConversationItemFunctionCall
    | RealtimeConversationItemFunctionCallOutput
    | RealtimeMcpApprovalResponse
    | RealtimeMcpListTools
    | RealtimeMcpToolCall
    | RealtimeMcpApprovalRequest
)

# Three members share type "message": the role tells them apart.
_MESSAGES = {
    "system": member_tag(RealtimeConversationItemSystemMessage),
    "user": member_tag(RealtimeConversationItemUserMessage),
    "assistant": member_tag(RealtimeConversationItemAssistantMessage),
}


def _message_tag(value: Any) -> object:
    if isinstance(value, dict):
        kind, role = value.get("type"), value.get("role")
    else:
        kind, role = getattr(value, "type", None), getattr(value, "role", None)
    if kind != "message":
        return None
    return _MESSAGES.get(role, "") if isinstance(role, str) else ""


if not TYPE_CHECKING:
    ConversationItem = open_union(ConversationItem, RealtimeConversationItemUnknown, tag_of=_message_tag)
