from ..._models import BaseModel
from .realtime_response_usage_input_token_details import RealtimeResponseUsageInputTokenDetails
from .realtime_response_usage_output_token_details import RealtimeResponseUsageOutputTokenDetails

__all__ = ["RealtimeResponseUsage"]


class RealtimeResponseUsage(BaseModel):
    input_token_details: RealtimeResponseUsageInputTokenDetails | None = None
    input_tokens: int | None = None
    output_token_details: RealtimeResponseUsageOutputTokenDetails | None = None
    output_tokens: int | None = None
    total_tokens: int | None = None
