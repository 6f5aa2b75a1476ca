from typing import Literal, TypedDict

from .reasoning_effort import ReasoningEffort

__all__ = ["Reasoning"]


class Reasoning(TypedDict, total=False):
    context: Literal["auto", "current_turn", "all_turns"] | None
    effort: ReasoningEffort | None
    generate_summary: Literal["auto", "concise", "detailed"] | None
    mode: str
    summary: Literal["auto", "concise", "detailed"] | None
