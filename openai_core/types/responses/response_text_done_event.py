from typing import Literal

from ..._models import BaseModel

__all__ = ["Logprob", "LogprobTopLogprob", "ResponseTextDoneEvent"]


class LogprobTopLogprob(BaseModel):
    token: str | None = None
    logprob: float | None = None


class Logprob(BaseModel):
    token: str
    logprob: float
    top_logprobs: list[LogprobTopLogprob] | None = None


class ResponseTextDoneEvent(BaseModel):
    """An output text part is complete: ``text`` is all of it."""

    content_index: int
    item_id: str
    logprobs: list[Logprob]
    output_index: int
    sequence_number: int
    text: str
    type: Literal["response.output_text.done"]
