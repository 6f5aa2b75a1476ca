from typing import Literal, TypeAlias, TypedDict

__all__ = ["AudioPCM", "AudioPCMA", "AudioPCMU", "RealtimeAudioFormatsParam"]


class AudioPCM(TypedDict, total=False):
    rate: Literal[24000]
    type: Literal["audio/pcm"]


class AudioPCMU(TypedDict, total=False):
    type: Literal["audio/pcmu"]


class AudioPCMA(TypedDict, total=False):
    type: Literal["audio/pcma"]


RealtimeAudioFormatsParam: TypeAlias = AudioPCM | AudioPCMU | AudioPCMA
