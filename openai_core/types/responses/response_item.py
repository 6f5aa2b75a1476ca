"""An item as ``responses.input_items.list()`` returns it: an input message or any output item."""

from typing import TYPE_CHECKING, Any, TypeAlias

from ..._unions import member_tag, open_union
from .response_code_interpreter_tool_call import ResponseCodeInterpreterToolCall
from .response_computer_tool_call import ResponseComputerToolCall
from .response_computer_tool_call_output_item import ResponseComputerToolCallOutputItem
from .response_custom_tool_call import ResponseCustomToolCall
from .response_file_search_tool_call import ResponseFileSearchToolCall
from .response_function_tool_call_item import ResponseFunctionToolCallItem
from .response_function_tool_call_output_item import ResponseFunctionToolCallOutputItem
from .response_function_web_search import ResponseFunctionWebSearch
from .response_input_message_item import ResponseInputMessageItem
from .response_output_item import (
    ImageGenerationCall,
    LocalShellCall,
    McpApprovalRequest,
    McpCall,
    McpListTools,
    ResponseUnknownItem,
)
from .response_output_message import ResponseOutputMessage
from .response_reasoning_item import ResponseReasoningItem

__all__ = ["ResponseItem"]


ResponseItem: TypeAlias = (
    ResponseInputMessageItem
    | ResponseOutputMessage
    | ResponseFileSearchToolCall
    | ResponseComputerToolCall
    | ResponseComputerToolCallOutputItem
    | ResponseFunctionWebSearch
    | ResponseFunctionToolCallItem
    | ResponseFunctionToolCallOutputItem
    | ResponseReasoningItem
    | ImageGenerationCall
    | ResponseCodeInterpreterToolCall
    | LocalShellCall
    | McpListTools
    | McpApprovalRequest
    | McpCall
    | ResponseCustomToolCall
)

_OUTPUT_MESSAGE = member_tag(ResponseOutputMessage)
_INPUT_MESSAGE = member_tag(ResponseInputMessageItem)


def _message_tag(value: Any) -> str | None:
    # Input and output messages share `type: "message"`; the role tells them apart.
    if isinstance(value, dict):
        kind, role = value.get("type"), value.get("role")
    else:
        kind, role = getattr(value, "type", None), getattr(value, "role", None)
    if kind != "message":
        return None
    return _OUTPUT_MESSAGE if role == "assistant" else _INPUT_MESSAGE


if not TYPE_CHECKING:
    ResponseItem = open_union(ResponseItem, ResponseUnknownItem, tag_of=_message_tag)
