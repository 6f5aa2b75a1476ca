from typing import Literal, TypeAlias

from .realtime_truncation_retention_ratio import RealtimeTruncationRetentionRatio

__all__ = ["RealtimeTruncation"]

RealtimeTruncation: TypeAlias = Literal["auto", "disabled"] | RealtimeTruncationRetentionRatio
