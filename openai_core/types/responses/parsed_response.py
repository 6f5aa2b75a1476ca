"""``responses.parse()`` results: the ``Response`` with each ``output_text`` part parsed into the
``text_format`` class given (``part.parsed``; ``response.output_parsed`` is the first) and each function
call's arguments parsed when its tool is strict (``call.parsed_arguments``)."""

from typing import TYPE_CHECKING, Annotated, Any, Generic, Literal, TypeAlias, TypeVar

from pydantic import Field

from .response import Response
from .response_code_interpreter_tool_call import ResponseCodeInterpreterToolCall
from .response_computer_tool_call import ResponseComputerToolCall
from .response_custom_tool_call import ResponseCustomToolCall
from .response_file_search_tool_call import ResponseFileSearchToolCall
from .response_function_tool_call import ResponseFunctionToolCall
from .response_function_web_search import ResponseFunctionWebSearch
from .response_output_item import (
    ImageGenerationCall,
    LocalShellCall,
    McpApprovalRequest,
    McpCall,
    McpListTools,
)
from .response_output_message import ResponseOutputMessage
from .response_output_refusal import ResponseOutputRefusal
from .response_output_text import ResponseOutputText
from .response_reasoning_item import ResponseReasoningItem

__all__ = [
    "ParsedContent",
    "ParsedResponse",
    "ParsedResponseFunctionToolCall",
    "ParsedResponseOutputItem",
    "ParsedResponseOutputMessage",
    "ParsedResponseOutputText",
]

ContentType = TypeVar("ContentType")

# As in the chat results, fields are narrowed to parsed subtypes: sound for reading, which is what these
# results are for; mypy flags any narrowed mutable list.


class ParsedResponseOutputText(ResponseOutputText, Generic[ContentType]):
    type: Literal["output_text"]
    parsed: ContentType | None = None
    """The part's text parsed into the ``text_format`` class given to ``parse()``."""


ParsedContent: TypeAlias = Annotated[
    ParsedResponseOutputText[ContentType] | ResponseOutputRefusal, Field(discriminator="type")
]


class ParsedResponseOutputMessage(ResponseOutputMessage, Generic[ContentType]):
    if TYPE_CHECKING:
        content: list[ParsedContent[ContentType]]  # type: ignore[assignment]
    else:
        content: list[Any]


class ParsedResponseFunctionToolCall(ResponseFunctionToolCall):
    parsed_arguments: object = None
    """The arguments as JSON values when the call's tool is ``strict`` (the schema guarantees them)."""


ParsedResponseOutputItem: TypeAlias = (
    ParsedResponseOutputMessage[ContentType]
    | ParsedResponseFunctionToolCall
    | ResponseFileSearchToolCall
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


class ParsedResponse(Response, Generic[ContentType]):
    if TYPE_CHECKING:
        output: list[ParsedResponseOutputItem[ContentType]]  # type: ignore[assignment]
    else:
        output: list[Any]

    @property
    def output_parsed(self) -> ContentType | None:
        """The first parsed ``output_text`` part of the output messages; None when nothing parsed."""
        for item in self.output:
            if item.type == "message":
                for part in item.content:
                    if part.type == "output_text" and part.parsed is not None:
                        return part.parsed
        return None
