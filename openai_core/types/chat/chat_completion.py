from typing import Literal

from ..._models import BaseModel
from ..completion_usage import CompletionUsage
from ..shared.metadata import Metadata
from ._moderation import Moderation as Moderation
from ._moderation import ModerationError as ModerationInputError
from ._moderation import ModerationError as ModerationOutputError
from ._moderation import ModerationResult as ModerationInputModerationResultsResult
from ._moderation import ModerationResult as ModerationOutputModerationResultsResult
from ._moderation import ModerationResults as ModerationInputModerationResults
from ._moderation import ModerationResults as ModerationOutputModerationResults
from ._moderation import ModerationVerdict as ModerationInput
from ._moderation import ModerationVerdict as ModerationOutput
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
