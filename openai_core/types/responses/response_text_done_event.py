from typing import Literal

from ..._models import BaseModel
from .response_text_delta_event import Logprob, LogprobTopLogprob

__all__ = ["Logprob", "LogprobTopLogprob", "ResponseTextDoneEvent"]


class ResponseTextDoneEvent(BaseModel):
    """An output text part is complete: ``text`` is all of it."""

    content_index: int
    item_id: str
    logprobs: list[Logprob]
    output_index: int
    sequence_number: int
    text: str
    type: Literal["response.output_text.done"]
