from typing import Literal, TypeAlias

__all__ = ["RealtimeReasoningEffort"]

RealtimeReasoningEffort: TypeAlias = Literal["minimal", "low", "medium", "high", "xhigh"]
