"""``client.beta.responses``: the beta Responses API — ``client.responses``' calls on the same paths with
``?beta=true``, answering the official SDK's ``Beta*`` types (generated from the spec's beta operations).
Every call takes ``betas``, sent as the ``openai-beta`` header. Written by hand, as ``client.responses`` is,
for the ``stream=True`` overloads; its WebSocket ``connect`` is not built (docs/compatibility.md)."""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property
from typing import Any, Literal, Required, cast, overload

from typing_extensions import Unpack

from ...._params import ParamSpec
from ...._resource import AsyncAPIResource, RequestOptionsParams, options
from ...._streaming import AsyncStream
from ....types.beta.beta_compacted_response import BetaCompactedResponse
from ....types.beta.beta_response import BetaResponse
from ....types.beta.beta_response_stream_event import BetaResponseStreamEvent
from ....types.beta.response_compact_params import ResponseCompactParams
from ....types.beta.response_create_params import ResponseCreateParamsBase
from ....types.beta.response_retrieve_params import ResponseRetrieveParamsBase
from ..._paths import path_param
from ._betas import (
    BETA,
    NEWER_CREATE,
    Betas,
    BetasParam,
    NewerCompactParams,
    NewerCreateParams,
    beta_request_options,
)
from .input_items import AsyncInputItems
from .input_tokens import AsyncInputTokens

__all__ = ["AsyncResponses"]


class CreateNonStreaming(
    ResponseCreateParamsBase, NewerCreateParams, BetasParam, RequestOptionsParams, total=False
):
    stream: Literal[False] | None


class CreateStreaming(
    ResponseCreateParamsBase, NewerCreateParams, BetasParam, RequestOptionsParams, total=False
):
    stream: Required[Literal[True]]


class CreateAny(ResponseCreateParamsBase, NewerCreateParams, BetasParam, RequestOptionsParams, total=False):
    stream: bool | None


class RetrieveNonStreaming(ResponseRetrieveParamsBase, BetasParam, RequestOptionsParams, total=False):
    stream: Literal[False]


class RetrieveStreaming(ResponseRetrieveParamsBase, BetasParam, RequestOptionsParams, total=False):
    stream: Required[Literal[True]]


class RetrieveAny(ResponseRetrieveParamsBase, BetasParam, RequestOptionsParams, total=False):
    stream: bool


class CompactParams(ResponseCompactParams, NewerCompactParams, BetasParam, RequestOptionsParams, total=False):
    pass


class BetasOnly(BetasParam, RequestOptionsParams, total=False):
    pass


_CREATE = ParamSpec("create", ResponseCreateParamsBase, stream=bool | None, betas=Betas, **NEWER_CREATE)
_RETRIEVE = ParamSpec("retrieve", ResponseRetrieveParamsBase, stream=bool, betas=Betas)
_COMPACT = ParamSpec("compact", ResponseCompactParams, betas=Betas, image=NEWER_CREATE["image"])
_BETAS = ParamSpec("call", BetasParam)
# BetaResponseStreamEvent is a union (one validator built at first use), not a class: the stream's item type
# is spelled for the type checker here.
_EVENT: Any = BetaResponseStreamEvent


def _response_path(response_id: str) -> str:
    return f"/responses/{path_param('response_id', response_id)}"


class AsyncResponses(AsyncAPIResource):
    __slots__ = ("__dict__",)

    @cached_property
    def input_items(self) -> AsyncInputItems:
        return AsyncInputItems(self._client)

    @cached_property
    def input_tokens(self) -> AsyncInputTokens:
        return AsyncInputTokens(self._client)

    @overload
    async def create(self, **params: Unpack[CreateNonStreaming]) -> BetaResponse: ...
    @overload
    async def create(self, **params: Unpack[CreateStreaming]) -> AsyncStream[BetaResponseStreamEvent]: ...
    @overload
    async def create(
        self, **params: Unpack[CreateAny]
    ) -> BetaResponse | AsyncStream[BetaResponseStreamEvent]: ...
    async def create(self, **params: Any) -> BetaResponse | AsyncStream[BetaResponseStreamEvent]:
        """Create a beta model response; ``stream=True`` returns an ``AsyncStream`` of typed beta events."""
        body, request_options = _CREATE.split(params)
        request_options = beta_request_options(body, request_options)
        call = options("POST", "/responses", request_options, body=body, query=BETA)
        if body.get("stream"):
            stream = await self._pipeline.request_stream(call, _EVENT, typed_events=True)
            return cast("AsyncStream[BetaResponseStreamEvent]", stream)
        return await self._pipeline.request(call, BetaResponse)

    @overload
    async def retrieve(self, response_id: str, **params: Unpack[RetrieveNonStreaming]) -> BetaResponse: ...
    @overload
    async def retrieve(
        self, response_id: str, **params: Unpack[RetrieveStreaming]
    ) -> AsyncStream[BetaResponseStreamEvent]: ...
    @overload
    async def retrieve(
        self, response_id: str, **params: Unpack[RetrieveAny]
    ) -> BetaResponse | AsyncStream[BetaResponseStreamEvent]: ...
    async def retrieve(
        self, response_id: str, **params: Any
    ) -> BetaResponse | AsyncStream[BetaResponseStreamEvent]:
        """A stored beta response by id; with ``stream=True`` its events are replayed (after
        ``starting_after``, a sequence number, when given)."""
        query, request_options = _RETRIEVE.split(params)
        request_options = beta_request_options(query, request_options)
        call = options("GET", _response_path(response_id), request_options, query={**BETA, **query})
        if query.get("stream"):
            stream = await self._pipeline.request_stream(call, _EVENT, typed_events=True)
            return cast("AsyncStream[BetaResponseStreamEvent]", stream)
        return await self._pipeline.request(call, BetaResponse)

    async def compact(self, **params: Unpack[CompactParams]) -> BetaCompactedResponse:
        """Compact a conversation (``input`` or ``previous_response_id``) into fewer items to carry forward."""
        body, request_options = _COMPACT.split(params)
        request_options = beta_request_options(body, request_options)
        call = options("POST", "/responses/compact", request_options, body=body, query=BETA)
        return await self._pipeline.request(call, BetaCompactedResponse)

    async def cancel(self, response_id: str, **params: Unpack[BetasOnly]) -> BetaResponse:
        """Cancel a beta response created with ``background=True`` that has not finished."""
        betas, request_options = _BETAS.split(params)
        request_options = beta_request_options(betas, request_options)
        call = options("POST", f"{_response_path(response_id)}/cancel", request_options, query=BETA)
        return await self._pipeline.request(call, BetaResponse)

    async def delete(self, response_id: str, **params: Unpack[BetasOnly]) -> None:
        """Delete a stored beta response; returns None, as the official SDK does."""
        betas, request_options = _BETAS.split(params)
        request_options = beta_request_options(betas, request_options)
        call = replace(
            options("DELETE", _response_path(response_id), request_options, query=BETA), accept="*/*"
        )
        await self._pipeline.send(call, read_body=True)  # read, so the connection goes back to the pool
