from typing import Literal

from ..._models import BaseModel

__all__ = ["InputAudioBufferClearEvent"]


class InputAudioBufferClearEvent(BaseModel):
    type: Literal["input_audio_buffer.clear"]
    event_id: str | None = None
