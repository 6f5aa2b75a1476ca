from typing import Literal

from ..._models import BaseModel

__all__ = ["OutputAudioBufferClearEvent"]


class OutputAudioBufferClearEvent(BaseModel):
    type: Literal["output_audio_buffer.clear"]
    event_id: str | None = None
