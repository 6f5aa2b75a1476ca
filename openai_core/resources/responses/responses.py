"""``client.responses``: create (plain or streamed), retrieve, delete."""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property
from typing import Any, Literal, TypeVar, cast, overload

from typing_extensions import Unpack

from ..._params import ParamSpec
from ..._resource import AsyncAPIResource, RequestOptionsParams, options
from ..._streaming import AsyncStream
from ..._types import Headers, Query
from ...lib._parsing._responses import parse_response, type_to_text_format_param
from ...lib.streaming.responses import AsyncResponseStreamManager
from ...transports._websocket_common import WebSocketOptions
from ...types.responses.compacted_response import CompactedResponse
from ...types.responses.parsed_response import ParsedResponse
from ...types.responses.response import Response
from ...types.responses.response_compact_params import ResponseCompactParams
from ...types.responses.response_create_params import (
    ResponseCreateParamsBase,
    ResponseCreateParamsNonStreaming,
    ResponseCreateParamsStreaming,
)
from ...types.responses.response_retrieve_params import (
    ResponseRetrieveParamsBase,
    ResponseRetrieveParamsNonStreaming,
    ResponseRetrieveParamsStreaming,
)
from ...types.responses.response_stream_event import ResponseStreamEvent
from .._paths import path_param
from .._websocket_protocol import DEFAULT_MAX_QUEUE_SIZE
from .._websocket_session import OnReconnecting
from .connection import AsyncResponsesConnectionManager
from .input_items import AsyncInputItems
from .input_tokens import AsyncInputTokens

__all__ = ["AsyncResponses"]


class CreateNonStreaming(ResponseCreateParamsNonStreaming, RequestOptionsParams, total=False):
    pass


class CreateStreaming(ResponseCreateParamsStreaming, RequestOptionsParams, total=False):
    pass


class CreateAny(ResponseCreateParamsBase, RequestOptionsParams, total=False):
    stream: bool | None


class ParseParams(ResponseCreateParamsBase, RequestOptionsParams, total=False):
    stream: Literal[False] | None  # accepted as the official SDK accepts it (LangChain passes False)


_T = TypeVar("_T")


class RetrieveNonStreaming(ResponseRetrieveParamsNonStreaming, RequestOptionsParams, total=False):
    pass


class RetrieveStreaming(ResponseRetrieveParamsStreaming, RequestOptionsParams, total=False):
    pass


class RetrieveAny(ResponseRetrieveParamsBase, RequestOptionsParams, total=False):
    stream: bool


class CompactParams(ResponseCompactParams, RequestOptionsParams, total=False):
    pass


_COMPACT = ParamSpec("compact", ResponseCompactParams)
_CREATE = ParamSpec("create", ResponseCreateParamsBase, stream=bool | None)
_PARSE = ParamSpec("parse", ResponseCreateParamsBase, stream=bool | None)
_RETRIEVE = ParamSpec("retrieve", ResponseRetrieveParamsBase, stream=bool)
# ResponseStreamEvent is a union (a validator built once, see _models.json_parser), not a class: the
# stream's item type is spelled for the type checker here.
_EVENT: Any = ResponseStreamEvent


def _response_path(response_id: str) -> str:
    return f"/responses/{path_param('response_id', response_id)}"


class AsyncResponses(AsyncAPIResource):
    __slots__ = ("__dict__",)
    _helpers = frozenset({"stream", "connect"})  # an event-stream helper; a WebSocket session

    @cached_property
    def input_items(self) -> AsyncInputItems:
        return AsyncInputItems(self._client)

    @cached_property
    def input_tokens(self) -> AsyncInputTokens:
        return AsyncInputTokens(self._client)

    def connect(
        self,
        *,
        extra_query: Query | None = None,
        extra_headers: Headers | None = None,
        websocket_connection_options: WebSocketOptions | None = None,
        max_queue_size: int = DEFAULT_MAX_QUEUE_SIZE,
    on_reconnecting: OnReconnecting | None = None,
    max_retries: int = 5,
    initial_delay: float = 0.5,
    max_delay: float = 8.0,
    ) -> AsyncResponsesConnectionManager:
        """The Responses API over one persistent WebSocket (``<websocket base>/responses``)::

            async with client.responses.connect() as connection:
                await connection.response.create(model="gpt-5", input="hi", stream_id="a")
                async for event in connection:
                    ...

        ``response.steer(...)`` queues input into a response in progress. Authentication, URL and
        options as for ``client.realtime.connect``."""
        return AsyncResponsesConnectionManager(
            client=self._client,
            path="responses",
            query={},
            extra_query=extra_query,
            extra_headers=extra_headers,
            websocket_connection_options=websocket_connection_options,
            max_queue_size=max_queue_size,
            on_reconnecting=on_reconnecting, max_retries=max_retries, initial_delay=initial_delay,
            max_delay=max_delay,
        )

    @overload
    async def create(self, **params: Unpack[CreateNonStreaming]) -> Response: ...
    @overload
    async def create(self, **params: Unpack[CreateStreaming]) -> AsyncStream[ResponseStreamEvent]: ...
    @overload
    async def create(self, **params: Unpack[CreateAny]) -> Response | AsyncStream[ResponseStreamEvent]: ...
    async def create(self, **params: Any) -> Response | AsyncStream[ResponseStreamEvent]:
        """Create a model response. ``stream=True`` returns an ``AsyncStream`` of typed events
        (``response.created`` ... ``response.output_text.delta`` ... ``response.completed``); an ``error``
        event is yielded as ``ResponseErrorEvent``, as in the official SDK. ``response.output_text``
        joins the text of the output messages."""
        body, request_options = _CREATE.split(params)
        call = options("POST", "/responses", request_options, body=body)
        if body.get("stream"):
            stream = await self._pipeline.request_stream(call, _EVENT, typed_events=True)
            return cast("AsyncStream[ResponseStreamEvent]", stream)
        return await self._pipeline.request(call, Response)

    @overload
    async def retrieve(self, response_id: str, **params: Unpack[RetrieveNonStreaming]) -> Response: ...
    @overload
    async def retrieve(
        self, response_id: str, **params: Unpack[RetrieveStreaming]
    ) -> AsyncStream[ResponseStreamEvent]: ...
    @overload
    async def retrieve(
        self, response_id: str, **params: Unpack[RetrieveAny]
    ) -> Response | AsyncStream[ResponseStreamEvent]: ...
    async def retrieve(self, response_id: str, **params: Any) -> Response | AsyncStream[ResponseStreamEvent]:
        """A stored response by id; with ``stream=True`` its events are replayed (after
        ``starting_after``, a sequence number, when given)."""
        query, request_options = _RETRIEVE.split(params)
        call = options("GET", _response_path(response_id), request_options, query=query)
        if query.get("stream"):
            stream = await self._pipeline.request_stream(call, _EVENT, typed_events=True)
            return cast("AsyncStream[ResponseStreamEvent]", stream)
        return await self._pipeline.request(call, Response)

    @overload
    async def parse(self, *, text_format: type[_T], **params: Unpack[ParseParams]) -> ParsedResponse[_T]: ...
    @overload
    async def parse(self, **params: Unpack[ParseParams]) -> ParsedResponse[None]: ...
    async def parse(self, **params: Any) -> ParsedResponse[Any]:
        """``create()`` with structured outputs: ``text_format`` (a pydantic model class) is sent as a
        strict JSON-schema ``text.format``, and each ``output_text`` part comes back parsed
        (``response.output_parsed`` is the first); strict function tools' arguments come back decoded
        (``call.parsed_arguments``)."""
        text_format = params.pop("text_format", None)
        body, request_options = self._structured_body(params, text_format)
        if body.get("stream"):
            raise TypeError("parse() returns one response; to stream a parsed response use responses.stream()")
        response = await self._pipeline.request(options("POST", "/responses", request_options, body=body), Response)
        return parse_response(text_format=text_format, input_tools=body.get("tools"), response=response)

    @overload
    def stream(
        self, *, text_format: type[_T], **params: Unpack[ParseParams]
    ) -> AsyncResponseStreamManager[_T]: ...
    @overload
    def stream(self, **params: Unpack[ParseParams]) -> AsyncResponseStreamManager[None]: ...
    def stream(self, **params: Any) -> AsyncResponseStreamManager[Any]:
        """A streamed response as typed events with snapshots, and the completed response parsed::

            async with client.responses.stream(model=..., input=..., text_format=Model) as stream:
                async for event in stream:
                    if event.type == "response.output_text.delta":
                        print(event.delta, end="")
            final = await stream.get_final_response()      # final.output_parsed: a Model

        Takes what ``parse()`` takes. The request is sent when the block is entered; leaving it closes
        the stream."""
        text_format = params.pop("text_format", None)
        body, request_options = self._structured_body(params, text_format)
        body["stream"] = True
        call = options("POST", "/responses", request_options, body=body)
        return AsyncResponseStreamManager(
            self._pipeline, call, _EVENT, text_format=text_format, input_tools=body.get("tools")
        )

    def _structured_body(self, params: dict[str, Any], text_format: Any) -> tuple[dict[str, Any], dict[str, Any]]:
        body, request_options = _PARSE.split(params)
        if text_format is not None:
            text = dict(body.get("text") or {})
            if "format" in text:
                raise TypeError("text_format and text={'format': ...} cannot be given together")
            text["format"] = type_to_text_format_param(text_format)
            body["text"] = text
        if body.get("tools") is not None:
            body["tools"] = list(body["tools"])
        return body, request_options

    async def compact(self, **params: Unpack[CompactParams]) -> CompactedResponse:
        """Compact a conversation (``input`` or ``previous_response_id``) into fewer items to carry forward."""
        body, request_options = _COMPACT.split(params)
        return await self._pipeline.request(options("POST", "/responses/compact", request_options, body=body),
                                            CompactedResponse)

    async def cancel(self, response_id: str, **request_options: Unpack[RequestOptionsParams]) -> Response:
        """Cancel a response created with ``background=True`` that has not finished; others answer 400."""
        return await self._pipeline.request(
            options("POST", f"{_response_path(response_id)}/cancel", request_options), Response
        )

    async def delete(self, response_id: str, **request_options: Unpack[RequestOptionsParams]) -> None:
        """Delete a stored response. The API answers with no body worth parsing, so this returns None
        (as in the official SDK); a missing id raises ``NotFoundError``."""
        call = replace(options("DELETE", _response_path(response_id), request_options), accept="*/*")
        await self._pipeline.send(call, read_body=True)  # read, so the connection goes back to the pool
