"""``ConversationItem``: an item of a conversation (a message, a tool call or its output, a reasoning
item...), told apart by ``type``. An item of a type this package does not know parses as
``ResponseUnknownItem`` (every field kept) instead of failing."""

from typing import TYPE_CHECKING, TypeAlias

from ..._unions import open_union
from ..responses.response_code_interpreter_tool_call import ResponseCodeInterpreterToolCall
from ..responses.response_computer_tool_call import ResponseComputerToolCall
from ..responses.response_computer_tool_call_output_item import ResponseComputerToolCallOutputItem
from ..responses.response_custom_tool_call import ResponseCustomToolCall
from ..responses.response_file_search_tool_call import ResponseFileSearchToolCall
from ..responses.response_function_tool_call_item import ResponseFunctionToolCallItem
from ..responses.response_function_tool_call_output_item import ResponseFunctionToolCallOutputItem
from ..responses.response_function_web_search import ResponseFunctionWebSearch
from ..responses.response_output_item import (
    ImageGenerationCall,
    LocalShellCall,
    McpApprovalRequest,
    McpCall,
    McpListTools,
    ResponseUnknownItem,
)
from ..responses.response_reasoning_item import ResponseReasoningItem
from .message import Message

__all__ = ["ConversationItem"]

ConversationItem: TypeAlias = (
    Message
    | ResponseFunctionToolCallItem
    | ResponseFunctionToolCallOutputItem
    | ResponseFileSearchToolCall
    | ResponseFunctionWebSearch
    | ImageGenerationCall
    | ResponseComputerToolCall
    | ResponseComputerToolCallOutputItem
    | ResponseReasoningItem
    | ResponseCodeInterpreterToolCall
    | LocalShellCall
    | McpListTools
    | McpApprovalRequest
    | McpCall
    | ResponseCustomToolCall
)
if not TYPE_CHECKING:
    ConversationItem = open_union(ConversationItem, ResponseUnknownItem)
