from typing import Literal

from ..._models import BaseModel
from .audio_transcription import AudioTranscription
from .realtime_audio_formats import RealtimeAudioFormats
from .realtime_transcription_session_audio_input_turn_detection import (
    RealtimeTranscriptionSessionAudioInputTurnDetection,
)

__all__ = ["NoiseReduction", "RealtimeTranscriptionSessionAudioInput"]


class NoiseReduction(BaseModel):
    strength: float | None = None
    type: Literal["near_field", "far_field"] | None = None


class RealtimeTranscriptionSessionAudioInput(BaseModel):
    format: RealtimeAudioFormats | None = None
    noise_reduction: NoiseReduction | None = None
    transcription: AudioTranscription | None = None
    turn_detection: RealtimeTranscriptionSessionAudioInputTurnDetection = None
