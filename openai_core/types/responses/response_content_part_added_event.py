from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from .response_output_refusal import ResponseOutputRefusal
from .response_output_text import ResponseOutputText

__all__ = ["Part", "PartReasoningText", "ResponseContentPartAddedEvent"]


class PartReasoningText(BaseModel):
    text: str
    type: Literal["reasoning_text"]


Part: TypeAlias = Annotated[ResponseOutputText | ResponseOutputRefusal | PartReasoningText, Field(discriminator="type")]


class ResponseContentPartAddedEvent(BaseModel):
    """A content part (text, refusal) of an output item started."""

    content_index: int
    item_id: str
    output_index: int
    part: Part
    sequence_number: int
    type: Literal["response.content_part.added"]
