from typing import Literal, TypeAlias

from .realtime_truncation_retention_ratio_param import RealtimeTruncationRetentionRatioParam

__all__ = ["RealtimeTruncationParam"]

RealtimeTruncationParam: TypeAlias = Literal["auto", "disabled"] | RealtimeTruncationRetentionRatioParam
