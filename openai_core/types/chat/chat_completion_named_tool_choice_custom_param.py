from typing import Literal, Required, TypedDict

__all__ = ["ChatCompletionNamedToolChoiceCustomParam", "Custom"]


class Custom(TypedDict, total=False):
    name: Required[str]


class ChatCompletionNamedToolChoiceCustomParam(TypedDict, total=False):
    custom: Required[Custom]
    type: Required[Literal["custom"]]
