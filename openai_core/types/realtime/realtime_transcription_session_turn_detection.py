from ..._models import BaseModel

__all__ = ["RealtimeTranscriptionSessionTurnDetection"]


class RealtimeTranscriptionSessionTurnDetection(BaseModel):
    prefix_padding_ms: int | None = None
    silence_duration_ms: int | None = None
    threshold: float | None = None
    type: str | None = None
