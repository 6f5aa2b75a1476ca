from typing import Literal, TypeAlias

from ..._models import BaseModel

__all__ = ["AudioPCM", "AudioPCMA", "AudioPCMU", "RealtimeAudioFormats"]


class AudioPCM(BaseModel):
    """16-bit little-endian PCM, mono, at 24 kHz."""

    rate: Literal[24000] | None = None
    type: Literal["audio/pcm"] | None = None


class AudioPCMU(BaseModel):
    """G.711 mu-law."""

    type: Literal["audio/pcmu"] | None = None


class AudioPCMA(BaseModel):
    """G.711 A-law."""

    type: Literal["audio/pcma"] | None = None


# `type` is optional in all three, so pydantic cannot discriminate on it: the union is matched by value.
RealtimeAudioFormats: TypeAlias = AudioPCM | AudioPCMU | AudioPCMA
