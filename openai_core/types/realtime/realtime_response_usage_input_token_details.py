from ..._models import BaseModel

__all__ = ["CachedTokensDetails", "RealtimeResponseUsageInputTokenDetails"]


class CachedTokensDetails(BaseModel):
    audio_tokens: int | None = None
    image_tokens: int | None = None
    text_tokens: int | None = None


class RealtimeResponseUsageInputTokenDetails(BaseModel):
    audio_tokens: int | None = None
    cached_tokens: int | None = None
    cached_tokens_details: CachedTokensDetails | None = None
    image_tokens: int | None = None
    text_tokens: int | None = None
