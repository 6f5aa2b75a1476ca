from typing import Literal

from ..._models import BaseModel

__all__ = ["ConversationItemInputAudioTranscriptionSegment"]


class ConversationItemInputAudioTranscriptionSegment(BaseModel):
    id: str
    content_index: int
    end: float
    event_id: str
    item_id: str
    speaker: str
    start: float
    text: str
    type: Literal["conversation.item.input_audio_transcription.segment"]
