from typing import Literal

from ..._models import BaseModel

__all__ = ["ComputerScreenshotContent", "PromptCacheBreakpoint"]


class PromptCacheBreakpoint(BaseModel):
    mode: Literal["explicit"]
    ttl: Literal["30m", "12h"] | None = None


class ComputerScreenshotContent(BaseModel):
    # Documented as one of the image detail levels; kept open (as before) for servers that send others.
    detail: str | None = None
    file_id: str | None = None
    image_url: str | None = None
    type: Literal["computer_screenshot"]
    prompt_cache_breakpoint: PromptCacheBreakpoint | None = None
