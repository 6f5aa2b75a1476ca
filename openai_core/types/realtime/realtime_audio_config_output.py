from typing import Literal, TypeAlias

from ..._models import BaseModel
from .realtime_audio_formats import RealtimeAudioFormats

__all__ = ["RealtimeAudioConfigOutput", "Voice", "VoiceID"]

VoiceName = Literal["alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer", "verse", "marin", "cedar"]


class VoiceID(BaseModel):
    """A custom voice, by id."""

    id: str


Voice: TypeAlias = str | VoiceName | VoiceID


class RealtimeAudioConfigOutput(BaseModel):
    format: RealtimeAudioFormats | None = None
    speed: float | None = None
    voice: Voice | None = None
