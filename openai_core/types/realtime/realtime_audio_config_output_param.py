from typing import Required, TypeAlias, TypedDict

from .realtime_audio_config_output import VoiceName
from .realtime_audio_formats_param import RealtimeAudioFormatsParam

__all__ = ["RealtimeAudioConfigOutputParam", "Voice", "VoiceID"]


class VoiceID(TypedDict, total=False):
    id: Required[str]


Voice: TypeAlias = str | VoiceName | VoiceID


class RealtimeAudioConfigOutputParam(TypedDict, total=False):
    format: RealtimeAudioFormatsParam
    speed: float
    voice: Voice
