from typing import Literal

from ..._models import BaseModel

__all__ = ["RealtimeTruncationRetentionRatio", "TokenLimits"]


class TokenLimits(BaseModel):
    post_instructions: int | None = None


class RealtimeTruncationRetentionRatio(BaseModel):
    """Drop the oldest part of the conversation, keeping ``retention_ratio`` of it, when it outgrows the
    context."""

    retention_ratio: float
    type: Literal["retention_ratio"]
    token_limits: TokenLimits | None = None
