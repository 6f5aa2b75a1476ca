"""One item of a ``responses.create(input=[...])`` list.

Messages, function calls and their outputs, reasoning items and item references are typed in full;
items of the built-in tools (computer call outputs, MCP approvals, ...) are accepted as plain dicts.
"""

from typing import Literal, Required, TypeAlias, TypedDict

from .easy_input_message_param import EasyInputMessageParam
from .response_function_tool_call_param import ResponseFunctionToolCallParam
from .response_input_message_content_list_param import ResponseInputMessageContentListParam
from .response_output_message_param import ResponseOutputMessageParam
from .response_reasoning_item_param import ResponseReasoningItemParam

__all__ = ["FunctionCallOutput", "ItemReference", "Message", "ResponseInputItemParam"]


class Message(TypedDict, total=False):
    content: Required[ResponseInputMessageContentListParam]
    role: Required[Literal["user", "system", "developer"]]
    status: Literal["in_progress", "completed", "incomplete"]
    type: Literal["message"]


class FunctionCallOutput(TypedDict, total=False):
    call_id: Required[str]
    output: Required[str | ResponseInputMessageContentListParam]
    type: Required[Literal["function_call_output"]]
    id: str | None
    status: Literal["in_progress", "completed", "incomplete"] | None


class ItemReference(TypedDict, total=False):
    id: Required[str]
    type: Literal["item_reference"] | None


ResponseInputItemParam: TypeAlias = (
    EasyInputMessageParam
    | Message
    | ResponseOutputMessageParam
    | ResponseFunctionToolCallParam
    | FunctionCallOutput
    | ResponseReasoningItemParam
    | ItemReference
    | dict[str, object]
)
