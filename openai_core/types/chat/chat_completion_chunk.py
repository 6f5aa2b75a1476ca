from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from ..completion_usage import CompletionUsage
from .chat_completion_token_logprob import ChatCompletionTokenLogprob

__all__ = [
    "ChatCompletionChunk",
    "Choice",
    "ChoiceDelta",
    "ChoiceDeltaAudio",
    "ChoiceDeltaFunctionCall",
    "ChoiceDeltaToolCall",
    "ChoiceDeltaToolCallFunction",
    "ChoiceLogprobs",
    "Moderation",
    "ModerationInput",
    "ModerationInputError",
    "ModerationInputModerationResults",
    "ModerationInputModerationResultsResult",
    "ModerationOutput",
    "ModerationOutputError",
    "ModerationOutputModerationResults",
    "ModerationOutputModerationResultsResult",
]


class ChoiceDeltaAudio(BaseModel):
    id: str | None = None
    data: str | None = None
    expires_at: int | None = None
    transcript: str | None = None


class ChoiceDeltaFunctionCall(BaseModel):
    """Deprecated in favour of ``tool_calls``."""

    arguments: str | None = None
    name: str | None = None


class ChoiceDeltaToolCallFunction(BaseModel):
    arguments: str | None = None
    """A fragment of the arguments' JSON text; concatenate the fragments of one ``index``."""
    name: str | None = None


class ChoiceDeltaToolCall(BaseModel):
    index: int
    id: str | None = None
    function: ChoiceDeltaToolCallFunction | None = None
    type: Literal["function"] | None = None


class ChoiceDelta(BaseModel):
    audio: ChoiceDeltaAudio | None = None
    content: str | None = None
    function_call: ChoiceDeltaFunctionCall | None = None
    refusal: str | None = None
    role: Literal["developer", "system", "user", "assistant", "tool"] | None = None
    tool_calls: list[ChoiceDeltaToolCall] | None = None


class ChoiceLogprobs(BaseModel):
    content: list[ChatCompletionTokenLogprob] | None = None
    refusal: list[ChatCompletionTokenLogprob] | None = None


class Choice(BaseModel):
    delta: ChoiceDelta
    index: int
    finish_reason: Literal["stop", "length", "tool_calls", "content_filter", "function_call"] | None = None
    logprobs: ChoiceLogprobs | None = None


class ModerationInputModerationResultsResult(BaseModel):
    categories: dict[str, bool]
    category_applied_input_types: dict[str, list[Literal["text", "image"]]]
    category_scores: dict[str, float]
    flagged: bool
    model: str
    type: Literal["moderation_result"]


class ModerationInputModerationResults(BaseModel):
    model: str
    results: list[ModerationInputModerationResultsResult]
    type: Literal["moderation_results"]


class ModerationInputError(BaseModel):
    code: str
    message: str
    type: Literal["error"]


ModerationInput: TypeAlias = Annotated[
    ModerationInputModerationResults | ModerationInputError, Field(discriminator="type")
]


class ModerationOutputModerationResultsResult(BaseModel):
    categories: dict[str, bool]
    category_applied_input_types: dict[str, list[Literal["text", "image"]]]
    category_scores: dict[str, float]
    flagged: bool
    model: str
    type: Literal["moderation_result"]


class ModerationOutputModerationResults(BaseModel):
    model: str
    results: list[ModerationOutputModerationResultsResult]
    type: Literal["moderation_results"]


class ModerationOutputError(BaseModel):
    code: str
    message: str
    type: Literal["error"]


ModerationOutput: TypeAlias = Annotated[
    ModerationOutputModerationResults | ModerationOutputError, Field(discriminator="type")
]


class Moderation(BaseModel):
    input: ModerationInput
    output: ModerationOutput


class ChatCompletionChunk(BaseModel):
    id: str
    choices: list[Choice]
    """Empty on the final usage-only chunk of a stream with ``stream_options.include_usage``."""
    created: int
    model: str
    object: Literal["chat.completion.chunk"]
    moderation: Moderation | None = None
    obfuscation: str | None = None
    service_tier: Literal["auto", "default", "flex", "scale", "priority", "fast"] | None = None
    system_fingerprint: str | None = None
    usage: CompletionUsage | None = None
