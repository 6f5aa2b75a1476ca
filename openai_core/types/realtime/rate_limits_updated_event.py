from typing import Literal

from ..._models import BaseModel

__all__ = ["RateLimit", "RateLimitsUpdatedEvent"]


class RateLimit(BaseModel):
    limit: int | None = None
    name: Literal["requests", "tokens"] | None = None
    remaining: int | None = None
    reset_seconds: float | None = None


class RateLimitsUpdatedEvent(BaseModel):
    event_id: str
    rate_limits: list[RateLimit]
    type: Literal["rate_limits.updated"]
