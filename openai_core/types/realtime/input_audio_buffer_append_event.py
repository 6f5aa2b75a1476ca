from typing import Literal

from ..._models import BaseModel

__all__ = ["InputAudioBufferAppendEvent"]


class InputAudioBufferAppendEvent(BaseModel):
    audio: str
    type: Literal["input_audio_buffer.append"]
    event_id: str | None = None
