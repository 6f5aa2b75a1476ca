"""The items of ``Response.output``.

Messages, function calls and reasoning items are modelled field by field. The built-in tools' calls
(file search, web search, computer use, code interpreter, image generation, MCP, custom tools, local
shell) are modelled leniently: their ``id``, ``type`` and ``status`` are declared and every other field
the API sends is kept as an extra attribute (``item.queries``, ``item.to_dict()["action"]``...), so
they are typed enough to tell apart and never fail to parse when the API extends them.

An item of a type this package does not know yet parses as ``ResponseUnknownItem`` (with every field
kept) instead of failing; type checkers see only the known members (``if item.type == "message":``
narrows as usual).
"""

from typing import TYPE_CHECKING, Literal, TypeAlias

from ..._models import BaseModel
from ..._unions import open_union
from .response_function_tool_call import ResponseFunctionToolCall
from .response_output_message import ResponseOutputMessage
from .response_reasoning_item import ResponseReasoningItem

__all__ = [
    "ImageGenerationCall",
    "LocalShellCall",
    "McpApprovalRequest",
    "McpCall",
    "McpListTools",
    "ResponseCodeInterpreterToolCall",
    "ResponseComputerToolCall",
    "ResponseCustomToolCall",
    "ResponseFileSearchToolCall",
    "ResponseFunctionWebSearch",
    "ResponseOutputItem",
    "ResponseUnknownItem",
]

_Status: TypeAlias = Literal["in_progress", "searching", "completed", "incomplete", "failed", "interpreting",
                             "generating", "calling"]


class ResponseFileSearchToolCall(BaseModel):
    id: str
    type: Literal["file_search_call"]
    status: _Status | None = None
    queries: list[str] | None = None


class ResponseFunctionWebSearch(BaseModel):
    id: str
    type: Literal["web_search_call"]
    status: _Status | None = None


class ResponseComputerToolCall(BaseModel):
    id: str
    type: Literal["computer_call"]
    call_id: str | None = None
    status: _Status | None = None


class ResponseCodeInterpreterToolCall(BaseModel):
    id: str
    type: Literal["code_interpreter_call"]
    code: str | None = None
    container_id: str | None = None
    status: _Status | None = None


class ImageGenerationCall(BaseModel):
    id: str
    type: Literal["image_generation_call"]
    result: str | None = None
    """The image, base64-encoded."""
    status: _Status | None = None


class LocalShellCall(BaseModel):
    id: str
    type: Literal["local_shell_call"]
    call_id: str | None = None
    status: _Status | None = None


class McpCall(BaseModel):
    id: str
    type: Literal["mcp_call"]
    arguments: str | None = None
    name: str | None = None
    server_label: str | None = None
    output: str | None = None
    status: _Status | None = None


class McpListTools(BaseModel):
    id: str
    type: Literal["mcp_list_tools"]
    server_label: str | None = None


class McpApprovalRequest(BaseModel):
    id: str
    type: Literal["mcp_approval_request"]
    arguments: str | None = None
    name: str | None = None
    server_label: str | None = None


class ResponseCustomToolCall(BaseModel):
    call_id: str
    input: str
    name: str
    type: Literal["custom_tool_call"]
    id: str | None = None


class ResponseUnknownItem(BaseModel):
    """An item of a type this package does not model (yet): every field is kept as sent."""

    type: str
    id: str | None = None


ResponseOutputItem: TypeAlias = (
    ResponseOutputMessage
    | ResponseFileSearchToolCall
    | ResponseFunctionToolCall
    | ResponseFunctionWebSearch
    | ResponseComputerToolCall
    | ResponseReasoningItem
    | ImageGenerationCall
    | ResponseCodeInterpreterToolCall
    | LocalShellCall
    | McpCall
    | McpListTools
    | McpApprovalRequest
    | ResponseCustomToolCall
)
if not TYPE_CHECKING:
    ResponseOutputItem = open_union(ResponseOutputItem, ResponseUnknownItem)
