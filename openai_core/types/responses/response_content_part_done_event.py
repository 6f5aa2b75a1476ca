from typing import Literal

from ..._models import BaseModel
from .response_content_part_added_event import Part, PartReasoningText

__all__ = ["Part", "PartReasoningText", "ResponseContentPartDoneEvent"]


class ResponseContentPartDoneEvent(BaseModel):
    """A content part is complete; ``part`` is its final state."""

    content_index: int
    item_id: str
    output_index: int
    part: Part
    sequence_number: int
    type: Literal["response.content_part.done"]
