from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel

__all__ = ["RealtimeTranscriptionSessionAudioInputTurnDetection", "SemanticVad", "ServerVad"]


class ServerVad(BaseModel):
    type: Literal["server_vad"]
    create_response: bool | None = None
    idle_timeout_ms: int | None = None
    interrupt_response: bool | None = None
    prefix_padding_ms: int | None = None
    silence_duration_ms: int | None = None
    threshold: float | None = None


class SemanticVad(BaseModel):
    type: Literal["semantic_vad"]
    create_response: bool | None = None
    eagerness: Literal["low", "medium", "high", "auto"] | None = None
    interrupt_response: bool | None = None


RealtimeTranscriptionSessionAudioInputTurnDetection: TypeAlias = (
    Annotated[ServerVad | SemanticVad, Field(discriminator="type")] | None
)
