from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from .response_output_refusal import ResponseOutputRefusal
from .response_output_text import ResponseOutputText

__all__ = ["Content", "ResponseOutputMessage"]

Content: TypeAlias = Annotated[ResponseOutputText | ResponseOutputRefusal, Field(discriminator="type")]


class ResponseOutputMessage(BaseModel):
    id: str
    content: list[Content]
    role: Literal["assistant"]
    status: Literal["in_progress", "completed", "incomplete"]
    type: Literal["message"]
    phase: Literal["commentary", "final_answer"] | None = None
