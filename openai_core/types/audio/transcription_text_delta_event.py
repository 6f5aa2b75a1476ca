from typing import Literal

from ..._models import BaseModel

__all__ = ["Logprob", "TranscriptionTextDeltaEvent"]


class Logprob(BaseModel):
    token: str | None = None
    bytes: list[int] | None = None
    logprob: float | None = None


class TranscriptionTextDeltaEvent(BaseModel):
    """A piece of the transcript as it is recognised (``stream=True``)."""

    delta: str
    type: Literal["transcript.text.delta"]
    logprobs: list[Logprob] | None = None
    segment_id: str | None = None
