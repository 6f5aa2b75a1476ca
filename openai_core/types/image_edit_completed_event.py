from typing import Literal

from .._models import BaseModel

__all__ = ["ImageEditCompletedEvent", "Usage", "UsageInputTokensDetails"]


class UsageInputTokensDetails(BaseModel):
    image_tokens: int
    text_tokens: int


class Usage(BaseModel):
    input_tokens: int
    input_tokens_details: UsageInputTokensDetails
    output_tokens: int
    total_tokens: int


class ImageEditCompletedEvent(BaseModel):
    """The final image of a streamed edit, base64-encoded, with the token usage."""

    b64_json: str
    background: Literal["transparent", "opaque", "auto"]
    created_at: int
    output_format: Literal["png", "webp", "jpeg", "gif", "svg"]
    quality: Literal["low", "medium", "high", "xhigh", "max", "auto"]
    size: str | Literal["1024x1024", "1024x1536", "1536x1024", "auto"]
    type: Literal["image_edit.completed"]
    usage: Usage
    safety_identifier: str | None = None
