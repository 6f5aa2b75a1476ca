from typing import Literal

from ..._models import BaseModel
from .image_detail import ImageDetail

__all__ = ["PromptCacheBreakpoint", "ResponseInputImage"]


class PromptCacheBreakpoint(BaseModel):
    mode: Literal["explicit"]
    ttl: Literal["30m", "12h"] | None = None


class ResponseInputImage(BaseModel):
    detail: ImageDetail
    type: Literal["input_image"]
    file_id: str | None = None
    image_url: str | None = None
    prompt_cache_breakpoint: PromptCacheBreakpoint | None = None
