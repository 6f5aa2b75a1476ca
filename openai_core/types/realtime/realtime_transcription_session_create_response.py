from typing import Literal

from ..._models import BaseModel
from .audio_transcription import AudioTranscription
from .realtime_audio_formats import RealtimeAudioFormats
from .realtime_transcription_session_turn_detection import RealtimeTranscriptionSessionTurnDetection

__all__ = ["Audio", "AudioInput", "AudioInputNoiseReduction", "RealtimeTranscriptionSessionCreateResponse"]


class AudioInputNoiseReduction(BaseModel):
    strength: float | None = None
    type: Literal["near_field", "far_field"] | None = None


class AudioInput(BaseModel):
    format: RealtimeAudioFormats | None = None
    noise_reduction: AudioInputNoiseReduction | None = None
    transcription: AudioTranscription | None = None
    turn_detection: RealtimeTranscriptionSessionTurnDetection | None = None


class Audio(BaseModel):
    input: AudioInput | None = None


class RealtimeTranscriptionSessionCreateResponse(BaseModel):
    id: str
    object: str
    type: Literal["transcription"]
    audio: Audio | None = None
    expires_at: int | None = None
    include: list[Literal["item.input_audio_transcription.logprobs"]] | None = None
