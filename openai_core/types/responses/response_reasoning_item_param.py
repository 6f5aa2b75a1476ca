from collections.abc import Iterable
from typing import Literal, Required, TypedDict

__all__ = ["ResponseReasoningItemParam", "Summary"]


class Summary(TypedDict, total=False):
    text: Required[str]
    type: Required[Literal["summary_text"]]


class ResponseReasoningItemParam(TypedDict, total=False):
    id: Required[str]
    summary: Required[Iterable[Summary]]
    type: Required[Literal["reasoning"]]
    encrypted_content: str | None
    status: Literal["in_progress", "completed", "incomplete"]
