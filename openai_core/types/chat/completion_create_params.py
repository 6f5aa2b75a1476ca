from collections.abc import Iterable, Sequence
from typing import Literal, Required, TypeAlias, TypedDict

from ..shared_params.chat_model import ChatModel
from ..shared_params.function_parameters import FunctionParameters
from ..shared_params.metadata import Metadata
from ..shared_params.reasoning_effort import ReasoningEffort
from ..shared_params.response_format_json_object import ResponseFormatJSONObject
from ..shared_params.response_format_json_schema import ResponseFormatJSONSchema
from ..shared_params.response_format_text import ResponseFormatText
from .chat_completion_audio_param import ChatCompletionAudioParam
from .chat_completion_function_call_option_param import ChatCompletionFunctionCallOptionParam
from .chat_completion_message_param import ChatCompletionMessageParam
from .chat_completion_prediction_content_param import ChatCompletionPredictionContentParam
from .chat_completion_stream_options_param import ChatCompletionStreamOptionsParam
from .chat_completion_tool_choice_option_param import ChatCompletionToolChoiceOptionParam
from .chat_completion_tool_union_param import ChatCompletionToolUnionParam

__all__ = [
    "CompletionCreateParams",
    "CompletionCreateParamsBase",
    "CompletionCreateParamsNonStreaming",
    "CompletionCreateParamsStreaming",
    "CompletionParseParams",
    "Function",
    "FunctionCall",
    "Moderation",
    "ModerationPolicy",
    "ModerationPolicyInput",
    "ModerationPolicyOutput",
    "PromptCacheOptions",
    "ResponseFormat",
    "WebSearchOptions",
    "WebSearchOptionsUserLocation",
    "WebSearchOptionsUserLocationApproximate",
]


class Function(TypedDict, total=False):
    """Deprecated in favour of ``tools``."""

    name: Required[str]
    description: str
    parameters: FunctionParameters


FunctionCall: TypeAlias = Literal["none", "auto"] | ChatCompletionFunctionCallOptionParam


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
    mode: Literal["implicit", "explicit"]
    ttl: Literal["30m"]


ResponseFormat: TypeAlias = ResponseFormatText | ResponseFormatJSONSchema | ResponseFormatJSONObject


class WebSearchOptionsUserLocationApproximate(TypedDict, total=False):
    city: str
    country: str
    """Two-letter ISO country code."""
    region: str
    timezone: str
    """IANA time zone, e.g. ``America/Los_Angeles``."""


class WebSearchOptionsUserLocation(TypedDict, total=False):
    approximate: Required[WebSearchOptionsUserLocationApproximate]
    type: Required[Literal["approximate"]]


class WebSearchOptions(TypedDict, total=False):
    search_context_size: Literal["low", "medium", "high"]
    user_location: WebSearchOptionsUserLocation | None


class CompletionParseParams(TypedDict, total=False):
    """Every parameter but ``response_format`` and ``stream``: what ``parse()`` and ``stream()`` take
    besides a ``response_format`` that may be a model class."""

    messages: Required[Iterable[ChatCompletionMessageParam]]
    model: Required[str | ChatModel]
    audio: ChatCompletionAudioParam | None
    frequency_penalty: float | None
    function_call: FunctionCall
    functions: Iterable[Function]
    logit_bias: dict[str, int] | None
    logprobs: bool | None
    max_completion_tokens: int | None
    max_tokens: int | None
    metadata: Metadata | None
    modalities: list[Literal["text", "audio"]] | None
    moderation: Moderation | None
    n: int | None
    parallel_tool_calls: bool
    prediction: ChatCompletionPredictionContentParam | None
    presence_penalty: float | None
    prompt_cache_key: str | None
    prompt_cache_options: PromptCacheOptions
    prompt_cache_retention: Literal["in_memory", "24h"] | None
    reasoning_effort: ReasoningEffort | None
    safety_identifier: str | None
    seed: int | None
    service_tier: Literal["auto", "default", "flex", "scale", "priority", "fast"] | None
    stop: str | Sequence[str] | None
    store: bool | None
    stream_options: ChatCompletionStreamOptionsParam | None
    temperature: float | None
    tool_choice: ChatCompletionToolChoiceOptionParam
    tools: Iterable[ChatCompletionToolUnionParam]
    top_logprobs: int | None
    top_p: float | None
    user: str
    verbosity: Literal["low", "medium", "high"] | None
    web_search_options: WebSearchOptions


class CompletionCreateParamsBase(CompletionParseParams, total=False):
    response_format: ResponseFormat


class CompletionCreateParamsNonStreaming(CompletionCreateParamsBase, total=False):
    stream: Literal[False] | None


class CompletionCreateParamsStreaming(CompletionCreateParamsBase):
    stream: Required[Literal[True]]


CompletionCreateParams: TypeAlias = CompletionCreateParamsNonStreaming | CompletionCreateParamsStreaming
