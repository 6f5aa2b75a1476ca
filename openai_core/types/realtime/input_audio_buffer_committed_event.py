from typing import Literal

from ..._models import BaseModel

__all__ = ["InputAudioBufferCommittedEvent"]


class InputAudioBufferCommittedEvent(BaseModel):
    event_id: str
    item_id: str
    type: Literal["input_audio_buffer.committed"]
    previous_item_id: str | None = None
