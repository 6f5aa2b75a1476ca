"""A message of a conversation, and the parts its ``content`` is made of. Every field the API adds later
is kept (as an extra attribute); a part of a type not listed here parses as ``UnknownContent``."""

from typing import TYPE_CHECKING, Literal, TypeAlias

from ..._models import BaseModel
from ..._unions import open_union

__all__ = [
    "ComputerScreenshotContent",
    "Content",
    "InputFileContent",
    "InputImageContent",
    "InputTextContent",
    "Message",
    "OutputTextContent",
    "ReasoningText",
    "RefusalContent",
    "SummaryTextContent",
    "TextContent",
    "UnknownContent",
]


class InputTextContent(BaseModel):
    text: str
    type: Literal["input_text"]


class OutputTextContent(BaseModel):
    annotations: list[object]
    text: str
    type: Literal["output_text"]
    logprobs: list[object] | None = None


class TextContent(BaseModel):
    text: str
    type: Literal["text"]


class SummaryTextContent(BaseModel):
    text: str
    type: Literal["summary_text"]


class ReasoningText(BaseModel):
    text: str
    type: Literal["reasoning_text"]


class RefusalContent(BaseModel):
    refusal: str
    type: Literal["refusal"]


class InputImageContent(BaseModel):
    detail: str
    type: Literal["input_image"]
    file_id: str | None = None
    image_url: str | None = None


class ComputerScreenshotContent(BaseModel):
    detail: str | None = None
    file_id: str | None
    image_url: str | None
    type: Literal["computer_screenshot"]


class InputFileContent(BaseModel):
    type: Literal["input_file"]
    file_data: str | None = None
    file_id: str | None = None
    file_url: str | None = None
    filename: str | None = None


class UnknownContent(BaseModel):
    """A content part of a type this package does not model (yet), every field kept as sent."""

    type: str


Content: TypeAlias = (
    InputTextContent
    | OutputTextContent
    | TextContent
    | SummaryTextContent
    | ReasoningText
    | RefusalContent
    | InputImageContent
    | ComputerScreenshotContent
    | InputFileContent
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
