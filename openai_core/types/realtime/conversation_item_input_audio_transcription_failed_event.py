from typing import Literal

from ..._models import BaseModel

__all__ = ["ConversationItemInputAudioTranscriptionFailedEvent", "Error"]


class Error(BaseModel):
    code: str | None = None
    message: str | None = None
    param: str | None = None
    type: str | None = None


class ConversationItemInputAudioTranscriptionFailedEvent(BaseModel):
    content_index: int
    error: Error
    event_id: str
    item_id: str
    type: Literal["conversation.item.input_audio_transcription.failed"]
