"""``client.completions`` (the legacy text-completion endpoint)."""

from __future__ import annotations

from typing import Any, overload

from typing_extensions import Unpack

from .._params import ParamSpec
from .._resource import AsyncAPIResource, RequestOptionsParams, options
from .._streaming import AsyncStream
from ..types.completion import Completion
from ..types.completion_create_params import (
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
    async def create(self, **params: Unpack[CreateNonStreaming]) -> Completion: ...
    @overload
    async def create(self, **params: Unpack[CreateStreaming]) -> AsyncStream[Completion]: ...
    @overload
    async def create(self, **params: Unpack[CreateAny]) -> Completion | AsyncStream[Completion]: ...
    async def create(self, **params: Any) -> Completion | AsyncStream[Completion]:
        """Complete a prompt. ``stream=True`` returns an ``AsyncStream`` of ``Completion`` chunks (the same
        shape as the whole answer)."""
        body, request_options = _CREATE.split(params)
        call = options("POST", "/completions", request_options, body=body)
        if body.get("stream"):
            return await self._pipeline.request_stream(call, Completion)
        return await self._pipeline.request(call, Completion)
