from typing import Literal

from .._models import BaseModel
from .completion_choice import CompletionChoice
from .completion_usage import CompletionUsage

__all__ = ["Completion"]


class Completion(BaseModel):
    """A legacy completion; streamed chunks have the same shape."""

    id: str
    choices: list[CompletionChoice]
    created: int
    model: str
    object: Literal["text_completion"]
    system_fingerprint: str | None = None
    usage: CompletionUsage | None = None
