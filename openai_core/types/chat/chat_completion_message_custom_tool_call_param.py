from typing import Literal, Required, TypedDict

__all__ = ["ChatCompletionMessageCustomToolCallParam", "Custom"]


class Custom(TypedDict, total=False):
    input: Required[str]
    name: Required[str]


class ChatCompletionMessageCustomToolCallParam(TypedDict, total=False):
    id: Required[str]
    custom: Required[Custom]
    type: Required[Literal["custom"]]
