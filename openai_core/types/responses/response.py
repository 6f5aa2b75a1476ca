from typing import Literal, TypeAlias

from ..._models import BaseModel
from ..shared.metadata import Metadata
from ..shared.reasoning import Reasoning
from ..shared.responses_model import ResponsesModel
from .response_error import ResponseError
from .response_input_item import ResponseInputItem
from .response_output_item import ResponseOutputItem
from .response_status import ResponseStatus
from .response_text_config import ResponseTextConfig
from .response_usage import ResponseUsage
from .tool import Tool

__all__ = ["Conversation", "IncompleteDetails", "Response", "ToolChoice", "ToolChoiceFunction"]


class IncompleteDetails(BaseModel):
    reason: Literal["max_output_tokens", "content_filter"] | None = None


class Conversation(BaseModel):
    id: str


class ToolChoiceFunction(BaseModel):
    name: str
    type: Literal["function"]


class ToolChoiceTypes(BaseModel):
    """A built-in tool forced by type (``{"type": "web_search"}``...); other fields are kept as extras."""

    type: str


ToolChoice: TypeAlias = Literal["none", "auto", "required"] | ToolChoiceFunction | ToolChoiceTypes


class Response(BaseModel):
    id: str
    created_at: float
    error: ResponseError | None = None
    incomplete_details: IncompleteDetails | None = None
    instructions: str | list[ResponseInputItem] | None = None
    metadata: Metadata | None = None
    model: ResponsesModel
    object: Literal["response"]
    output: list[ResponseOutputItem]
    parallel_tool_calls: bool
    temperature: float | None = None
    tool_choice: ToolChoice
    tools: list[Tool]
    top_p: float | None = None
    background: bool | None = None
    completed_at: float | None = None
    conversation: Conversation | None = None
    max_output_tokens: int | None = None
    max_tool_calls: int | None = None
    previous_response_id: str | None = None
    prompt_cache_key: str | None = None
    reasoning: Reasoning | None = None
    safety_identifier: str | None = None
    service_tier: Literal["auto", "default", "flex", "scale", "priority", "fast"] | None = None
    status: ResponseStatus | None = None
    text: ResponseTextConfig | None = None
    top_logprobs: int | None = None
    truncation: Literal["auto", "disabled"] | None = None
    usage: ResponseUsage | None = None
    user: str | None = None

    @property
    def output_text(self) -> str:
        """The text of every ``output_text`` part of every output message, concatenated (refusals and
        tool calls left out); "" when there is none."""
        texts: list[str] = []
        for item in self.output:
            if item.type == "message":
                for part in item.content:
                    # getattr: a leniently built part (a server that left a field out) may lack `text`.
                    text = getattr(part, "text", None) if part.type == "output_text" else None
                    if isinstance(text, str):
                        texts.append(text)
        return "".join(texts)
