from typing import Literal

from ..._models import BaseModel

__all__ = ["InputAudioBufferSpeechStartedEvent"]


class InputAudioBufferSpeechStartedEvent(BaseModel):
    audio_start_ms: int
    event_id: str
    item_id: str
    type: Literal["input_audio_buffer.speech_started"]
