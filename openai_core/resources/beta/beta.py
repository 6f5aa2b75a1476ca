"""``client.beta``: the official SDK's beta tree. ``beta.chat`` is the client's own chat resource (the same
API as ``client.chat``; frameworks still call ``client.beta.chat.completions.stream/parse``, LangChain among
them); assistants, threads, chatkit, agents and the beta realtime sessions are generated from the spec
(``scripts/api_table_beta.py``; agents from its supplement). The beta responses are written by hand on
the generated beta types, as ``client.responses`` is (``responses/``)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ..._resource import AsyncAPIResource
from .agents import AsyncAgents
from .assistants import AsyncAssistants
from .chatkit import AsyncChatKit
from .responses import AsyncResponses
from .threads import AsyncThreads

if TYPE_CHECKING:
    from ..chat import AsyncChat

__all__ = ["AsyncBeta"]


class AsyncBeta(AsyncAPIResource):
    __slots__ = ("__dict__",)

    @cached_property
    def chat(self) -> AsyncChat:
        """The client's own ``chat`` resource."""
        return self._client.chat

    @cached_property
    def assistants(self) -> AsyncAssistants:
        return AsyncAssistants(self._client)

    @cached_property
    def threads(self) -> AsyncThreads:
        return AsyncThreads(self._client)

    @cached_property
    def chatkit(self) -> AsyncChatKit:
        return AsyncChatKit(self._client)

    @cached_property
    def agents(self) -> AsyncAgents:
        return AsyncAgents(self._client)

    @cached_property
    def responses(self) -> AsyncResponses:
        return AsyncResponses(self._client)
