from typing import Literal

from ..._models import BaseModel
from .log_prob_properties import LogProbProperties

__all__ = ["ConversationItemInputAudioTranscriptionDeltaEvent"]


class ConversationItemInputAudioTranscriptionDeltaEvent(BaseModel):
    event_id: str
    item_id: str
    type: Literal["conversation.item.input_audio_transcription.delta"]
    content_index: int | None = None
    delta: str | None = None
    logprobs: list[LogProbProperties] | None = None
