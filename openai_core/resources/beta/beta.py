"""``client.beta``: where the official SDK keeps ``beta.chat`` (the same chat API as ``client.chat``;
frameworks still call ``client.beta.chat.completions.stream/parse``, LangChain among them). The other
beta APIs (assistants, threads, realtime) are not part of openai_core."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._resource import AsyncAPIResource

if TYPE_CHECKING:
    from .chat import AsyncChat

__all__ = ["AsyncBeta"]


class AsyncBeta(AsyncAPIResource):
    __slots__ = ("__dict__",)

    @cached_property
    def chat(self) -> AsyncChat:
        """The client's own ``chat`` resource."""
        return self._client.chat
