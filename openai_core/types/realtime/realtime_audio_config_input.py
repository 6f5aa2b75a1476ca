from typing import Literal

from ..._models import BaseModel
from .audio_transcription import AudioTranscription
from .realtime_audio_formats import RealtimeAudioFormats
from .realtime_audio_input_turn_detection import RealtimeAudioInputTurnDetection

__all__ = ["NoiseReduction", "RealtimeAudioConfigInput"]


class NoiseReduction(BaseModel):
    strength: float | None = None
    type: Literal["near_field", "far_field"] | None = None


class RealtimeAudioConfigInput(BaseModel):
    format: RealtimeAudioFormats | None = None
    noise_reduction: NoiseReduction | None = None
    transcription: AudioTranscription | None = None
    turn_detection: RealtimeAudioInputTurnDetection | None = None
