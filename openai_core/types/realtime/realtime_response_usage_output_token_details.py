from ..._models import BaseModel

__all__ = ["RealtimeResponseUsageOutputTokenDetails"]


class RealtimeResponseUsageOutputTokenDetails(BaseModel):
    audio_tokens: int | None = None
    text_tokens: int | None = None
