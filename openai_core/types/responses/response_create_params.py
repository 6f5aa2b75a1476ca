from collections.abc import Iterable
from typing import Literal, Required, TypeAlias, TypedDict

from ..shared_params.metadata import Metadata
from ..shared_params.reasoning import Reasoning
from ..shared_params.responses_model import ResponsesModel
from .response_includable import ResponseIncludable
from .response_input_param import ResponseInputParam
from .response_text_config_param import ResponseTextConfigParam
from .tool_choice_function_param import ToolChoiceFunctionParam
from .tool_choice_options import ToolChoiceOptions
from .tool_param import ToolParam

__all__ = [
    "Conversation",
    "ResponseCreateParams",
    "ResponseCreateParamsBase",
    "ResponseCreateParamsNonStreaming",
    "ResponseCreateParamsStreaming",
    "StreamOptions",
    "ToolChoice",
]


class ConversationParam(TypedDict, total=False):
    id: Required[str]


Conversation: TypeAlias = str | ConversationParam


class StreamOptions(TypedDict, total=False):
    include_obfuscation: bool


# A built-in tool forced by type ({"type": "web_search"}, ...) is a plain dict.
ToolChoice: TypeAlias = ToolChoiceOptions | ToolChoiceFunctionParam | dict[str, object]


class ResponseCreateParamsBase(TypedDict, total=False):
    background: bool | None
    conversation: Conversation | None
    include: list[ResponseIncludable] | None
    input: str | ResponseInputParam
    instructions: str | None
    max_output_tokens: int | None
    max_tool_calls: int | None
    metadata: Metadata | None
    model: ResponsesModel
    parallel_tool_calls: bool | None
    previous_response_id: str | None
    prompt: dict[str, object] | None
    prompt_cache_key: str | None
    prompt_cache_retention: Literal["in_memory", "24h"] | None
    reasoning: Reasoning | None
    safety_identifier: str | None
    service_tier: Literal["auto", "default", "flex", "scale", "priority", "fast"] | None
    store: bool | None
    stream_options: StreamOptions | None
    temperature: float | None
    text: ResponseTextConfigParam
    tool_choice: ToolChoice
    tools: Iterable[ToolParam]
    top_logprobs: int | None
    top_p: float | None
    truncation: Literal["auto", "disabled"] | None
    user: str


class ResponseCreateParamsNonStreaming(ResponseCreateParamsBase, total=False):
    stream: Literal[False] | None


class ResponseCreateParamsStreaming(ResponseCreateParamsBase):
    stream: Required[Literal[True]]


ResponseCreateParams: TypeAlias = ResponseCreateParamsNonStreaming | ResponseCreateParamsStreaming
