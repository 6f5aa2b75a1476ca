from typing import Literal

from ..._models import BaseModel

__all__ = ["TranscriptionTextSegmentEvent"]


class TranscriptionTextSegmentEvent(BaseModel):
    """A finished segment of a diarized transcription (``gpt-4o-transcribe-diarize``)."""

    id: str
    end: float
    speaker: str
    start: float
    text: str
    type: Literal["transcript.text.segment"]
