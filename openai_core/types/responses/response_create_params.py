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
    "AccessPrograms",
    "BackgroundOptions",
    "ContextManagement",
    "Conversation",
    "Image",
    "Moderation",
    "ModerationPolicy",
    "ModerationPolicyInput",
    "ModerationPolicyOutput",
    "PromptCacheOptions",
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


# Parameters newer than the spec of 2026-08-21, as the official SDK 3.57 declares them.
class AccessPrograms(TypedDict, total=False):
    cyber: Literal["standard", "daybreak_blue", "daybreak_red"]


class BackgroundOptions(TypedDict, total=False):
    completion_window: Literal["soonest", "2h", "8h"]


class ContextManagement(TypedDict, total=False):
    type: Required[str]
    compact_threshold: int | None


class Image(TypedDict, total=False):
    context_compression: Literal["auto", "enabled", "disabled"]


class ModerationPolicyInput(TypedDict, total=False):
    mode: Required[Literal["score", "block"]]


class ModerationPolicyOutput(TypedDict, total=False):
    mode: Required[Literal["score", "block"]]


class ModerationPolicy(TypedDict, total=False):
    input: ModerationPolicyInput | None
    output: ModerationPolicyOutput | None


class Moderation(TypedDict, total=False):
    model: Required[str]
    policy: ModerationPolicy | None


class PromptCacheOptions(TypedDict, total=False):
    comparison_response_id: str | None
    mode: Literal["implicit", "explicit"]
    prewarm: bool
    ttl: Literal["30m", "12h"]


# A built-in tool forced by type ({"type": "web_search"}, ...) is a plain dict.
ToolChoice: TypeAlias = ToolChoiceOptions | ToolChoiceFunctionParam | dict[str, object]


class ResponseCreateParamsBase(TypedDict, total=False):
    access_programs: AccessPrograms
    background: bool | None
    background_options: BackgroundOptions
    context_management: Iterable[ContextManagement] | None
    conversation: Conversation | None
    image: Image
    include: list[ResponseIncludable] | None
    input: str | ResponseInputParam
    instructions: str | None
    max_output_tokens: int | None
    max_tool_calls: int | None
    metadata: Metadata | None
    model: ResponsesModel
    moderation: Moderation | None
    parallel_tool_calls: bool | None
    previous_response_id: str | None
    prompt: dict[str, object] | None
    prompt_cache_key: str | None
    prompt_cache_options: PromptCacheOptions
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
