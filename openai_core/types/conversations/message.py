"""A message of a conversation, and the parts its ``content`` is made of. Every field the API adds later
is kept (as an extra attribute); a part of a type not listed here parses as ``UnknownContent``."""

from typing import TYPE_CHECKING, Literal, TypeAlias

from ..._models import BaseModel
from ..._unions import open_union
from ..responses.response_input_file import ResponseInputFile
from ..responses.response_input_image import ResponseInputImage
from ..responses.response_input_text import ResponseInputText
from ..responses.response_output_refusal import ResponseOutputRefusal
from ..responses.response_output_text import ResponseOutputText
from .computer_screenshot_content import ComputerScreenshotContent
from .summary_text_content import SummaryTextContent
from .text_content import TextContent

__all__ = ["Content", "ContentReasoningText", "Message", "UnknownContent"]


class ContentReasoningText(BaseModel):
    text: str
    type: Literal["reasoning_text"]


class UnknownContent(BaseModel):
    """A content part of a type this package does not model (yet), every field kept as sent."""

    type: str


Content: TypeAlias = (
    ResponseInputText
    | ResponseOutputText
    | TextContent
    | SummaryTextContent
    | ContentReasoningText
    | ResponseOutputRefusal
    | ResponseInputImage
    | ComputerScreenshotContent
    | ResponseInputFile
)
if not TYPE_CHECKING:
    Content = open_union(Content, UnknownContent)


class Message(BaseModel):
    id: str
    content: list[Content]
    role: Literal["unknown", "user", "assistant", "system", "critic", "discriminator", "developer", "tool"]
    status: Literal["in_progress", "completed", "incomplete"]
    type: Literal["message"]
    phase: Literal["commentary", "final_answer"] | None = None
