from typing import Required, TypeAlias, TypedDict

from .realtime_audio_config_output import VoiceName
from .realtime_audio_formats_param import RealtimeAudioFormatsParam

__all__ = ["Output", "OutputVoice", "OutputVoiceID", "RealtimeResponseCreateAudioOutputParam"]


class OutputVoiceID(TypedDict, total=False):
    id: Required[str]


OutputVoice: TypeAlias = str | VoiceName | OutputVoiceID


class Output(TypedDict, total=False):
    format: RealtimeAudioFormatsParam
    voice: OutputVoice


class RealtimeResponseCreateAudioOutputParam(TypedDict, total=False):
    output: Output
