from typing import Literal, Required, TypedDict

from .chat_completion_content_part_text_param import PromptCacheBreakpoint

__all__ = ["ChatCompletionContentPartImageParam", "ImageURL", "PromptCacheBreakpoint"]


class ImageURL(TypedDict, total=False):
    url: Required[str]
    """An image URL or a ``data:`` URL with base64-encoded image data."""
    detail: Literal["auto", "low", "high", "original"]


class ChatCompletionContentPartImageParam(TypedDict, total=False):
    image_url: Required[ImageURL]
    type: Required[Literal["image_url"]]
    prompt_cache_breakpoint: PromptCacheBreakpoint
