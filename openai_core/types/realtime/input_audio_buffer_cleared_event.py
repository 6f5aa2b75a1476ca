from typing import Literal

from ..._models import BaseModel

__all__ = ["InputAudioBufferClearedEvent"]


class InputAudioBufferClearedEvent(BaseModel):
    event_id: str
    type: Literal["input_audio_buffer.cleared"]
