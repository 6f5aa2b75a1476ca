from typing import Literal

from ..._models import BaseModel

__all__ = ["Part", "ResponseContentPartDoneEvent"]


class Part(BaseModel):
    audio: str | None = None
    text: str | None = None
    transcript: str | None = None
    type: Literal["text", "audio"] | None = None


class ResponseContentPartDoneEvent(BaseModel):
    content_index: int
    event_id: str
    item_id: str
    output_index: int
    part: Part
    response_id: str
    type: Literal["response.content_part.done"]
