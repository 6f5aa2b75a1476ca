from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from ..completion_usage import CompletionUsage
from ..shared.metadata import Metadata
from .chat_completion_message import ChatCompletionMessage
from .chat_completion_token_logprob import ChatCompletionTokenLogprob

__all__ = [
    "ChatCompletion",
    "Choice",
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


class ChoiceLogprobs(BaseModel):
    content: list[ChatCompletionTokenLogprob] | None = None
    refusal: list[ChatCompletionTokenLogprob] | None = None


class Choice(BaseModel):
    # Compatible servers may send other values ("eos", "abort", ...); the lenient parser keeps them.
    finish_reason: Literal["stop", "length", "tool_calls", "content_filter", "function_call"]
    index: int
    logprobs: ChoiceLogprobs | None = None
    message: ChatCompletionMessage


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


class ChatCompletion(BaseModel):
    id: str
    choices: list[Choice]
    created: int
    model: str
    object: Literal["chat.completion"]
    metadata: Metadata | None = None
    moderation: Moderation | None = None
    service_tier: Literal["auto", "default", "flex", "scale", "priority", "fast"] | None = None
    system_fingerprint: str | None = None
    usage: CompletionUsage | None = None
