from typing import Literal, Required, TypedDict

from .chat_completion_content_part_text_param import PromptCacheBreakpoint

__all__ = ["ChatCompletionContentPartInputAudioParam", "InputAudio", "PromptCacheBreakpoint"]


class InputAudio(TypedDict, total=False):
    data: Required[str]
    """Base64-encoded audio."""
    format: Required[Literal["wav", "mp3"]]


class ChatCompletionContentPartInputAudioParam(TypedDict, total=False):
    input_audio: Required[InputAudio]
    type: Required[Literal["input_audio"]]
    prompt_cache_breakpoint: PromptCacheBreakpoint
