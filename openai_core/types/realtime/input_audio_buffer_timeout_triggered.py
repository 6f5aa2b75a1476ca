from typing import Literal

from ..._models import BaseModel

__all__ = ["InputAudioBufferTimeoutTriggered"]


class InputAudioBufferTimeoutTriggered(BaseModel):
    audio_end_ms: int
    audio_start_ms: int
    event_id: str
    item_id: str
    type: Literal["input_audio_buffer.timeout_triggered"]
