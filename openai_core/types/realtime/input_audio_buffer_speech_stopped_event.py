from typing import Literal

from ..._models import BaseModel

__all__ = ["InputAudioBufferSpeechStoppedEvent"]


class InputAudioBufferSpeechStoppedEvent(BaseModel):
    audio_end_ms: int
    event_id: str
    item_id: str
    type: Literal["input_audio_buffer.speech_stopped"]
