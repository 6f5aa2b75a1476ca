from ..._models import BaseModel
from .realtime_reasoning_effort import RealtimeReasoningEffort

__all__ = ["RealtimeReasoning"]


class RealtimeReasoning(BaseModel):
    effort: RealtimeReasoningEffort | None = None
