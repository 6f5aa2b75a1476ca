from collections.abc import Sequence
from typing import Literal, TypedDict

from .audio_transcription import TranscriptionModel

__all__ = ["AudioTranscriptionParam"]


class AudioTranscriptionParam(TypedDict, total=False):
    delay: Literal["minimal", "low", "medium", "high", "xhigh"]
    keywords: Sequence[str]
    language: str
    languages: Sequence[str]
    model: str | TranscriptionModel
    prompt: str
