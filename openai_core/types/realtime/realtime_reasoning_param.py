from typing import TypedDict

from .realtime_reasoning_effort import RealtimeReasoningEffort

__all__ = ["RealtimeReasoningParam"]


class RealtimeReasoningParam(TypedDict, total=False):
    effort: RealtimeReasoningEffort
