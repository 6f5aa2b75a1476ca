from typing import Literal

from ..._models import BaseModel
from .image_detail import ImageDetail

__all__ = ["PromptCacheBreakpoint", "ResponseInputImageContent"]


class PromptCacheBreakpoint(BaseModel):
    mode: Literal["explicit"]
    ttl: Literal["30m", "12h"] | None = None


class ResponseInputImageContent(BaseModel):
    type: Literal["input_image"]
    detail: ImageDetail | None = None
    file_id: str | None = None
    image_url: str | None = None
    prompt_cache_breakpoint: PromptCacheBreakpoint | None = None
