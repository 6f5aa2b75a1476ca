"""``client.chat``."""

from __future__ import annotations

from functools import cached_property

from ..._resource import AsyncAPIResource
from .completions import AsyncCompletions

__all__ = ["AsyncChat", "AsyncCompletions"]


class AsyncChat(AsyncAPIResource):
    __slots__ = ("__dict__",)

    @cached_property
    def completions(self) -> AsyncCompletions:
        return AsyncCompletions(self._client)
