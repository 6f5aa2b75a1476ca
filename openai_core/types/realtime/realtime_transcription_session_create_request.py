from typing import Literal

from ..._models import BaseModel
from .realtime_transcription_session_audio import RealtimeTranscriptionSessionAudio

__all__ = ["RealtimeTranscriptionSessionCreateRequest"]


class RealtimeTranscriptionSessionCreateRequest(BaseModel):
    """A transcription-only session: audio in, transcripts out, no responses."""

    type: Literal["transcription"]
    audio: RealtimeTranscriptionSessionAudio | None = None
    include: list[Literal["item.input_audio_transcription.logprobs"]] | None = None
