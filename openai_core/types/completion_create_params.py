from collections.abc import Iterable, Sequence
from typing import Literal, Required, TypeAlias, TypedDict

from .chat.chat_completion_stream_options_param import ChatCompletionStreamOptionsParam

__all__ = [
    "CompletionCreateParams",
    "CompletionCreateParamsBase",
    "CompletionCreateParamsNonStreaming",
    "CompletionCreateParamsStreaming",
]


class CompletionCreateParamsBase(TypedDict, total=False):
    model: Required[str | Literal["gpt-3.5-turbo-instruct", "davinci-002", "babbage-002"]]
    # A string, a list of strings, a list of token ids, or a list of token-id lists.
    prompt: Required[str | Sequence[str] | Iterable[int] | Iterable[Iterable[int]] | None]
    best_of: int | None
    echo: bool | None
    frequency_penalty: float | None
    logit_bias: dict[str, int] | None
    logprobs: int | None
    max_tokens: int | None
    n: int | None
    presence_penalty: float | None
    seed: int | None
    stop: str | Sequence[str] | None
    stream_options: ChatCompletionStreamOptionsParam | None
    suffix: str | None
    temperature: float | None
    top_p: float | None
    user: str


class CompletionCreateParamsNonStreaming(CompletionCreateParamsBase, total=False):
    stream: Literal[False] | None


class CompletionCreateParamsStreaming(CompletionCreateParamsBase):
    stream: Required[Literal[True]]


CompletionCreateParams: TypeAlias = CompletionCreateParamsNonStreaming | CompletionCreateParamsStreaming
