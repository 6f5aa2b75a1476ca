from typing import Literal, Required, TypedDict

__all__ = ["ChatCompletionFunctionMessageParam"]


class ChatCompletionFunctionMessageParam(TypedDict, total=False):
    """Deprecated in favour of tool messages."""

    content: Required[str | None]
    name: Required[str]
    role: Required[Literal["function"]]
