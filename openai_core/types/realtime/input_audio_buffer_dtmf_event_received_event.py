from typing import Literal

from ..._models import BaseModel

__all__ = ["InputAudioBufferDtmfEventReceivedEvent"]


class InputAudioBufferDtmfEventReceivedEvent(BaseModel):
    event: str
    received_at: int
    type: Literal["input_audio_buffer.dtmf_event_received"]
