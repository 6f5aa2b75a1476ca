from typing import Literal

from ..._models import BaseModel
from .conversation_item import ConversationItem
from .realtime_audio_config_output import VoiceName
from .realtime_audio_formats import RealtimeAudioFormats
from .realtime_response_status import RealtimeResponseStatus
from .realtime_response_usage import RealtimeResponseUsage

__all__ = ["Audio", "AudioOutput", "RealtimeResponse"]


class AudioOutput(BaseModel):
    format: RealtimeAudioFormats | None = None
    voice: str | VoiceName | None = None


class Audio(BaseModel):
    output: AudioOutput | None = None


class RealtimeResponse(BaseModel):
    """One response of the model: its status, the items it produced and its token usage."""

    id: str | None = None
    audio: Audio | None = None
    conversation_id: str | None = None
    max_output_tokens: int | Literal["inf"] | None = None
    metadata: dict[str, str] | None = None
    object: Literal["realtime.response"] | None = None
    output: list[ConversationItem] | None = None
    output_modalities: list[Literal["text", "audio"]] | None = None
    status: Literal["completed", "cancelled", "failed", "incomplete", "in_progress"] | None = None
    status_details: RealtimeResponseStatus | None = None
    usage: RealtimeResponseUsage | None = None
