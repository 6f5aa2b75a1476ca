from typing import Literal

from ..._models import BaseModel

__all__ = ["AudioTranscription"]

TranscriptionModel = Literal[
    "whisper-1",
    "gpt-transcribe",
    "gpt-live-transcribe",
    "gpt-4o-mini-transcribe",
    "gpt-4o-mini-transcribe-2025-12-15",
    "gpt-4o-transcribe",
    "gpt-4o-transcribe-diarize",
    "gpt-realtime-whisper",
]


class AudioTranscription(BaseModel):
    """How (and whether) the input audio is transcribed alongside the conversation."""

    delay: Literal["minimal", "low", "medium", "high", "xhigh"] | None = None
    keywords: list[str] | None = None
    language: str | None = None
    languages: list[str] | None = None
    model: str | TranscriptionModel | None = None
    prompt: str | None = None
