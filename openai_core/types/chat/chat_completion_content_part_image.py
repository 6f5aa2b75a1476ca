from typing import Literal

from ..._models import BaseModel

__all__ = ["ChatCompletionContentPartImage", "ImageURL", "PromptCacheBreakpoint"]


class ImageURL(BaseModel):
    url: str
    detail: Literal["auto", "low", "high", "original"] | None = None


class PromptCacheBreakpoint(BaseModel):
    mode: Literal["explicit"]
    ttl: Literal["30m", "12h"] | None = None


class ChatCompletionContentPartImage(BaseModel):
    image_url: ImageURL
    type: Literal["image_url"]
    prompt_cache_breakpoint: PromptCacheBreakpoint | None = None
