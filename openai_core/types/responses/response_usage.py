from ..._models import BaseModel

__all__ = ["InputTokensDetails", "OutputTokensDetails", "ResponseUsage"]


class InputTokensDetails(BaseModel):
    cached_tokens: int
    cache_write_tokens: int | None = None


class OutputTokensDetails(BaseModel):
    reasoning_tokens: int


class ResponseUsage(BaseModel):
    input_tokens: int
    input_tokens_details: InputTokensDetails
    output_tokens: int
    output_tokens_details: OutputTokensDetails
    total_tokens: int
