"""The items of ``Response.output``, told apart by ``type``.

Fields the official SDK marks as required on the built-in tools' calls (file search, web search,
computer use, code interpreter, image generation, MCP, local shell) are optional here: compatible servers
leave some out. Every field the API adds later is kept as an extra attribute.

An item of a type this package does not know yet parses as ``ResponseUnknownItem`` (with every field
kept) instead of failing; type checkers see only the known members (``if item.type == "message":``
narrows as usual).
"""

from typing import TYPE_CHECKING, Literal, TypeAlias

from ..._models import BaseModel
from ..._unions import open_union
from .mcp_tool_call_error import McpToolCallError
from .response_code_interpreter_tool_call import ResponseCodeInterpreterToolCall
from .response_computer_tool_call import ResponseComputerToolCall
from .response_custom_tool_call import ResponseCustomToolCall
from .response_file_search_tool_call import ResponseFileSearchToolCall
from .response_function_tool_call import ResponseFunctionToolCall
from .response_function_web_search import ResponseFunctionWebSearch
from .response_output_message import ResponseOutputMessage
from .response_reasoning_item import ResponseReasoningItem

__all__ = [
    "ImageGenerationCall",
    "ImageGenerationCallError",
    "ImageGenerationCallErrorModerationDetails",
    "ImageGenerationCallSvgUsage",
    "LocalShellCall",
    "LocalShellCallAction",
    "McpApprovalRequest",
    "McpCall",
    "McpListTools",
    "McpListToolsTool",
    "ResponseOutputItem",
    "ResponseUnknownItem",
]


class ImageGenerationCallErrorModerationDetails(BaseModel):
    categories: list[str]
    moderation_stage: Literal["input", "output", "unknown"]


class ImageGenerationCallError(BaseModel):
    code: str | None = None
    message: str
    param: str | None = None
    type: str
    moderation_details: ImageGenerationCallErrorModerationDetails | None = None


class ImageGenerationCallSvgUsage(BaseModel):
    input_tokens: int
    model: str
    output_tokens: int
    reasoning_tokens: int
    total_tokens: int


class ImageGenerationCall(BaseModel):
    id: str
    type: Literal["image_generation_call"]
    result: str | None = None
    """The image, base64-encoded."""
    status: Literal["in_progress", "completed", "generating", "failed"] | None = None
    action: Literal["generate", "edit", "auto"] | None = None
    background: Literal["transparent", "opaque", "auto"] | None = None
    error: ImageGenerationCallError | None = None
    output_format: Literal["png", "webp", "jpeg", "gif", "svg"] | None = None
    quality: Literal["low", "medium", "high", "xhigh", "max", "auto"] | None = None
    revised_prompt: str | None = None
    size: str | None = None
    svg_usage: ImageGenerationCallSvgUsage | None = None


class LocalShellCallAction(BaseModel):
    command: list[str]
    env: dict[str, str]
    type: Literal["exec"]
    timeout_ms: int | None = None
    user: str | None = None
    working_directory: str | None = None


class LocalShellCall(BaseModel):
    id: str
    type: Literal["local_shell_call"]
    action: LocalShellCallAction | None = None
    call_id: str | None = None
    status: Literal["in_progress", "completed", "incomplete"] | None = None


class McpCall(BaseModel):
    id: str
    type: Literal["mcp_call"]
    arguments: str | None = None
    name: str | None = None
    server_label: str | None = None
    approval_request_id: str | None = None
    error: McpToolCallError | None = None
    output: str | None = None
    status: Literal["in_progress", "completed", "incomplete", "calling", "failed"] | None = None


class McpListToolsTool(BaseModel):
    input_schema: object
    name: str
    annotations: object | None = None
    description: str | None = None


class McpListTools(BaseModel):
    id: str
    type: Literal["mcp_list_tools"]
    server_label: str | None = None
    tools: list[McpListToolsTool] | None = None
    error: str | None = None


class McpApprovalRequest(BaseModel):
    id: str
    type: Literal["mcp_approval_request"]
    arguments: str | None = None
    name: str | None = None
    server_label: str | None = None


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
