"""Moderation results attached to a completion (and to one chunk of a stream) when moderated
completions are requested. Shared by ``chat_completion`` and ``chat_completion_chunk``."""

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel

__all__ = [
    "Moderation",
    "ModerationError",
    "ModerationResult",
    "ModerationResults",
    "ModerationVerdict",
]


class ModerationResult(BaseModel):
    categories: dict[str, bool]
    category_applied_input_types: dict[str, list[Literal["text", "image"]]]
    category_scores: dict[str, float]
    flagged: bool
    model: str
    type: Literal["moderation_result"]


class ModerationResults(BaseModel):
    model: str
    results: list[ModerationResult]
    type: Literal["moderation_results"]


class ModerationError(BaseModel):
    code: str
    message: str
    type: Literal["error"]


ModerationVerdict: TypeAlias = Annotated[ModerationResults | ModerationError, Field(discriminator="type")]


class Moderation(BaseModel):
    input: ModerationVerdict
    output: ModerationVerdict
