from collections.abc import Iterable
from typing import Literal, Required, TypedDict

__all__ = ["ChatCompletionAllowedToolsParam"]


class ChatCompletionAllowedToolsParam(TypedDict, total=False):
    mode: Required[Literal["auto", "required"]]
    tools: Required[Iterable[dict[str, object]]]
    """Tool references such as ``{"type": "function", "function": {"name": "get_weather"}}``."""
