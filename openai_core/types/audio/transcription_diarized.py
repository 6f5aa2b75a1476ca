from typing import Literal

from ..._models import BaseModel
from .transcription import Usage, UsageDuration, UsageTokens, UsageTokensInputTokenDetails
from .transcription_diarized_segment import TranscriptionDiarizedSegment

__all__ = ["TranscriptionDiarized", "Usage", "UsageDuration", "UsageTokens", "UsageTokensInputTokenDetails"]


class TranscriptionDiarized(BaseModel):
    """A transcription with speakers (the `diarized_json` response format)."""

    duration: float
    segments: list[TranscriptionDiarizedSegment]
    task: Literal["transcribe"]
    text: str
    usage: Usage | None = None
