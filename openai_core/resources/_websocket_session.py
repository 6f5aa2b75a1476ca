"""What every WebSocket API of the client shares (``realtime.connect``, ``responses.connect``,
``realtime.translations.connect``, ``live.connect`` ...): a connection that sends client events as JSON
text and yields typed server events, and the manager that opens it on ``async with``.

An API differs from another only in facts: the URL path and query of the handshake, the union its
server events are parsed into, the event class that ``dispatch_events()`` raises on when nobody handles
it, and the typed sub-resources (``connection.session.update(...)``) declared on its connection class.
"""

from __future__ import annotations

import inspect  # unasync: async-only
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Self, TypeVar, overload

from pydantic import ValidationError
from typing_extensions import override
from yarl import URL

from .._exceptions import APIError, OpenAIError
from .._types import Headers, Query
from ..transports._common import TransportConnectionError, TransportError
from ..transports._websocket_common import WebSocketClosedError, WebSocketOptions, WebSocketRequest
from ..transports.websocket import AsyncWebSocket, open_websocket
from ._websocket_protocol import (
    DEFAULT_MAX_QUEUE_SIZE,
    EventHandlers,
    SendQueue,
    api_error,
    closed_error,
    encode_client_event,
    handshake_request,
    is_clean_close,
    realtime_url,
)

if TYPE_CHECKING:
    from .._client import AsyncOpenAI

__all__ = ["AsyncWebSocketSession", "AsyncWebSocketSessionManager", "handler_decorator"]

_Handler = TypeVar("_Handler", bound=Callable[..., Any])
_Event = TypeVar("_Event")
_Connection = TypeVar("_Connection", bound="AsyncWebSocketSession[Any]")


class AsyncWebSocketSession(Generic[_Event]):
    """A live WebSocket to one of the event APIs.

    ``async for event in connection`` yields every server event until the server closes normally (1000
    or 1001); any other close raises ``RealtimeConnectionClosedError`` (an ``APIConnectionError``) with
    the close code. ``error`` events are yielded like any other, as in the official SDK (they do not
    end the session); ``dispatch_events()`` raises on one that no handler takes."""

    # Set by each API's connection class.
    _api_name: ClassVar[str] = "WebSocket"
    _parse: ClassVar[staticmethod[[str | bytes], Any]]
    _error_event: ClassVar[type]

    def __init__(
        self, websocket: AsyncWebSocket, request: WebSocketRequest, *, handlers: EventHandlers | None = None
    ) -> None:
        self._websocket = websocket
        self._request = request
        self._handlers = handlers if handlers is not None else EventHandlers()

    @property
    def websocket(self) -> AsyncWebSocket:
        """The transport's WebSocket under this connection."""
        return self._websocket

    # -- receiving ------------------------------------------------------------------------------------

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> _Event:
        try:
            data = await self._websocket.receive()
        except WebSocketClosedError as exc:
            if is_clean_close(exc):
                raise StopAsyncIteration from None
            raise closed_error(exc, self._request) from exc
        except TransportConnectionError as exc:
            raise api_error(exc, self._request) from exc
        return self.parse_event(data)

    async def recv(self) -> _Event:
        """The next server event. Cancelling the wait loses nothing: the event is read by the next call."""
        return self.parse_event(await self._receive())

    async def recv_bytes(self) -> bytes:
        """The next frame as it arrived (a text frame as its UTF-8 bytes); ``parse_event`` types it."""
        data = await self._receive()
        return data.encode() if isinstance(data, str) else data

    async def _receive(self) -> str | bytes:
        try:
            return await self._websocket.receive()
        except WebSocketClosedError as exc:
            raise closed_error(exc, self._request) from exc
        except TransportConnectionError as exc:
            raise api_error(exc, self._request) from exc

    def parse_event(self, data: str | bytes) -> _Event:
        """A frame's JSON text as a typed server event (an unknown ``type`` kept, with all its fields)."""
        try:
            event: _Event = type(self)._parse(data)
        except ValidationError as exc:  # not JSON, or not an object: a broken or hostile server
            preview = data[:200] if isinstance(data, str) else data[:200].decode("utf-8", "replace")
            raise APIError(
                f"the {self._api_name} server sent a frame that is not a JSON event: {preview!r}", None, body=None
            ) from exc
        return event

    # -- sending --------------------------------------------------------------------------------------

    async def _send_event(self, event: dict[str, object]) -> None:
        await self.send_raw(encode_client_event(event))

    async def send_raw(self, data: str | bytes) -> None:
        """Send one frame as given: text for ``str``, binary for ``bytes``."""
        try:
            if isinstance(data, str):
                await self._websocket.send_text(data)
            else:
                await self._websocket.send_bytes(data)
        except WebSocketClosedError as exc:
            raise closed_error(exc, self._request) from exc
        except TransportConnectionError as exc:
            raise api_error(exc, self._request) from exc

    async def close(self, *, code: int = 1000, reason: str = "") -> None:
        """Close the session (a close frame, then the socket). Safe to call more than once."""
        await self._websocket.close(code, reason)

    # -- handlers -------------------------------------------------------------------------------------

    @overload
    def on(self, event_type: str, handler: _Handler) -> Self: ...
    @overload
    def on(self, event_type: str, handler: None = None) -> Callable[[_Handler], _Handler]: ...
    def on(self, event_type: str, handler: _Handler | None = None) -> Self | Callable[[_Handler], _Handler]:
        """Call ``handler(event)`` for every event of ``event_type`` (``"event"``: every event) seen by
        ``dispatch_events()``. As a method it returns the connection; without a handler, a decorator."""
        if handler is not None:
            self._handlers.add(event_type, handler)
            return self
        return handler_decorator(self._handlers, event_type, once=False)

    @overload
    def once(self, event_type: str, handler: _Handler) -> Self: ...
    @overload
    def once(self, event_type: str, handler: None = None) -> Callable[[_Handler], _Handler]: ...
    def once(self, event_type: str, handler: _Handler | None = None) -> Self | Callable[[_Handler], _Handler]:
        """Like ``on``, for the next such event only."""
        if handler is not None:
            self._handlers.add(event_type, handler, once=True)
            return self
        return handler_decorator(self._handlers, event_type, once=True)

    def off(self, event_type: str, handler: Callable[..., Any]) -> Self:
        self._handlers.remove(event_type, handler)
        return self

    async def dispatch_events(self) -> None:
        """Read events until the connection closes, calling the registered handlers (coroutine handlers
        are awaited). An ``error`` event nobody handles (no ``"error"`` or ``"event"`` handler) raises
        ``OpenAIError``, as in the official SDK."""
        handlers = self._handlers
        async for event in self:
            kind: str = getattr(event, "type", "")
            specific = handlers.take(kind)
            generic = handlers.take("event")
            if isinstance(event, type(self)._error_event) and not specific and not generic:
                raise OpenAIError(f"WebSocket error: {event}")
            for handler in (*specific, *generic):
                result = handler(event)
                if inspect.isawaitable(result):  # unasync: async-only
                    await result  # unasync: async-only

    @override
    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._request!r}>"


def handler_decorator(handlers: EventHandlers, event_type: str, *, once: bool) -> Callable[[_Handler], _Handler]:
    """The decorator form of ``on``/``once``: registers the function it decorates and returns it."""

    def decorator(fn: _Handler) -> _Handler:
        handlers.add(event_type, fn, once=once)
        return fn

    return decorator


class AsyncWebSocketSessionManager(Generic[_Connection]):
    """What a ``connect(...)`` returns: ``async with`` it for a connection that is closed on leaving the
    block. Without the block, ``connection = await manager.enter()``, and ``await connection.close()``
    when done.

    ``send()``, ``on()``, ``once()`` and ``off()`` may be called before entering: the events are sent,
    and the handlers registered, as soon as the connection opens."""

    _connection_class: ClassVar[type[AsyncWebSocketSession[Any]]]

    def __init__(
        self,
        *,
        client: AsyncOpenAI,
        path: str,
        query: Mapping[str, object],
        extra_query: Query | None,
        extra_headers: Headers | None,
        websocket_connection_options: WebSocketOptions | None,
        max_queue_size: int = DEFAULT_MAX_QUEUE_SIZE,
    ) -> None:
        for name, mapping in (
            ("extra_query", extra_query),
            ("extra_headers", extra_headers),
            ("websocket_connection_options", websocket_connection_options),
        ):
            if mapping is not None and not isinstance(mapping, Mapping):
                raise TypeError(f"{name} must be a mapping, not {type(mapping).__name__}")
        self._client = client
        self._path = path
        self._query = query
        self._extra_query = extra_query
        self._extra_headers = extra_headers
        self._options = websocket_connection_options
        self._queue = SendQueue(max_queue_size)
        self._handlers = EventHandlers()
        self._connection: _Connection | None = None

    def url(self) -> URL:
        """The ``ws``/``wss`` URL this manager connects to."""
        pipeline = self._client._pipeline
        return realtime_url(
            pipeline.base_url,
            self._client.websocket_base_url,
            default_query=pipeline.default_query,
            query=self._query,
            extra_query=self._extra_query,
            path=self._path,
        )

    def _request(self) -> WebSocketRequest:
        return handshake_request(self.url(), self._client._pipeline._headers, self._extra_headers, self._options)

    def _queue_event(self, event: object) -> None:
        """Queue an event to send as soon as the connection opens (before anything else is sent)."""
        self._queue.put(encode_client_event(event))

    @overload
    def on(self, event_type: str, handler: _Handler) -> Self: ...
    @overload
    def on(self, event_type: str, handler: None = None) -> Callable[[_Handler], _Handler]: ...
    def on(self, event_type: str, handler: _Handler | None = None) -> Self | Callable[[_Handler], _Handler]:
        """Register a handler on the connection-to-be (see ``connection.on``)."""
        if handler is not None:
            self._handlers.add(event_type, handler)
            return self
        return handler_decorator(self._handlers, event_type, once=False)

    @overload
    def once(self, event_type: str, handler: _Handler) -> Self: ...
    @overload
    def once(self, event_type: str, handler: None = None) -> Callable[[_Handler], _Handler]: ...
    def once(self, event_type: str, handler: _Handler | None = None) -> Self | Callable[[_Handler], _Handler]:
        if handler is not None:
            self._handlers.add(event_type, handler, once=True)
            return self
        return handler_decorator(self._handlers, event_type, once=True)

    def off(self, event_type: str, handler: Callable[..., Any]) -> Self:
        self._handlers.remove(event_type, handler)
        return self

    async def __aenter__(self) -> _Connection:
        """Open the connection (the WebSocket handshake), then send what ``send()`` queued."""
        if self._client.is_closed():
            raise RuntimeError("Cannot open a WebSocket, as the client has been closed.")
        request = self._request()
        try:
            websocket = await open_websocket(self._client.transport, request)
        except TransportError as exc:
            raise api_error(exc, request) from exc
        connection: _Connection = self._connection_class(websocket, request, handlers=self._handlers)  # type: ignore[assignment]
        try:
            for frame in self._queue.drain():
                await connection.send_raw(frame)
        except BaseException:
            await websocket.close()
            raise
        self._connection = connection
        return connection

    enter = __aenter__

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            await connection.close()

    @override
    def __repr__(self) -> str:
        return f"<{type(self).__name__} url={str(self.url())!r}>"
