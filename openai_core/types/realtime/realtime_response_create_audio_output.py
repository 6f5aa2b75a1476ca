from typing import TypeAlias

from ..._models import BaseModel
from .realtime_audio_config_output import VoiceName
from .realtime_audio_formats import RealtimeAudioFormats

__all__ = ["Output", "OutputVoice", "OutputVoiceID", "RealtimeResponseCreateAudioOutput"]


class OutputVoiceID(BaseModel):
    id: str


OutputVoice: TypeAlias = str | VoiceName | OutputVoiceID


class Output(BaseModel):
    format: RealtimeAudioFormats | None = None
    voice: OutputVoice | None = None


class RealtimeResponseCreateAudioOutput(BaseModel):
    output: Output | None = None
