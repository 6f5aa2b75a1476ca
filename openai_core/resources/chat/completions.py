"""``client.chat.completions``."""

from __future__ import annotations

from typing import Any, overload

from typing_extensions import Unpack

from ..._params import ParamSpec
from ..._resource import AsyncAPIResource, RequestOptionsParams, options
from ..._streaming import AsyncStream
from ...types.chat import ChatCompletion, ChatCompletionChunk
from ...types.chat.completion_create_params import (
    CompletionCreateParamsBase,
    CompletionCreateParamsNonStreaming,
    CompletionCreateParamsStreaming,
)

__all__ = ["AsyncCompletions"]


class CreateNonStreaming(CompletionCreateParamsNonStreaming, RequestOptionsParams, total=False):
    pass


class CreateStreaming(CompletionCreateParamsStreaming, RequestOptionsParams, total=False):
    pass


class CreateAny(CompletionCreateParamsBase, RequestOptionsParams, total=False):
    stream: bool | None


_CREATE = ParamSpec("create", CompletionCreateParamsBase, stream=bool | None)


class AsyncCompletions(AsyncAPIResource):
    __slots__ = ()

    @overload
    async def create(self, **params: Unpack[CreateNonStreaming]) -> ChatCompletion: ...
    @overload
    async def create(self, **params: Unpack[CreateStreaming]) -> AsyncStream[ChatCompletionChunk]: ...
    @overload
    async def create(
        self, **params: Unpack[CreateAny]
    ) -> ChatCompletion | AsyncStream[ChatCompletionChunk]: ...
    async def create(self, **params: Any) -> ChatCompletion | AsyncStream[ChatCompletionChunk]:
        """Create a model response for a conversation. ``stream=True`` returns an ``AsyncStream`` of
        ``ChatCompletionChunk`` instead of a ``ChatCompletion``."""
        body, request_options = _CREATE.split(params)
        call = options("POST", "/chat/completions", request_options, body=body)
        if body.get("stream"):
            return await self._pipeline.request_stream(call, ChatCompletionChunk)
        return await self._pipeline.request(call, ChatCompletion)
