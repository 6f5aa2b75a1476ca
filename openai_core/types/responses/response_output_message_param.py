from collections.abc import Iterable
from typing import Literal, Required, TypeAlias, TypedDict

__all__ = ["Content", "ContentOutputText", "ContentRefusal", "ResponseOutputMessageParam"]


class ContentOutputText(TypedDict, total=False):
    annotations: Required[Iterable[dict[str, object]]]
    text: Required[str]
    type: Required[Literal["output_text"]]


class ContentRefusal(TypedDict, total=False):
    refusal: Required[str]
    type: Required[Literal["refusal"]]


Content: TypeAlias = ContentOutputText | ContentRefusal


class ResponseOutputMessageParam(TypedDict, total=False):
    id: Required[str]
    content: Required[Iterable[Content]]
    role: Required[Literal["assistant"]]
    status: Required[Literal["in_progress", "completed", "incomplete"]]
    type: Required[Literal["message"]]
