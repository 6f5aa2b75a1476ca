"""What every WebSocket API of the client shares (``realtime.connect``, ``responses.connect``,
``realtime.translations.connect``, ``live.connect`` ...): a connection that sends client events as JSON
text and yields typed server events, and the manager that opens it on ``async with``.

An API differs from another only in facts: the URL path and query of the handshake, the union its
server events are parsed into, the event class that ``dispatch_events()`` raises on when nobody handles
it, and the typed sub-resources (``connection.session.update(...)``) declared on its connection class.
"""

from __future__ import annotations

import collections.abc  # unasync: async-only
import inspect  # unasync: async-only
import random
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Self, TypeVar, overload

from anyio import sleep
from pydantic import ValidationError
from typing_extensions import override
from yarl import URL

from .._exceptions import APIError, OpenAIError
from .._types import Headers, Query
from ..transports._common import TransportConnectionError, TransportError
from ..transports._websocket_common import WebSocketClosedError, WebSocketOptions, WebSocketRequest
from ..transports.websocket import AsyncWebSocket, open_websocket
from ..types.websocket_reconnection import ReconnectingEvent, ReconnectingOverrides
from ._websocket_protocol import (
    DEFAULT_MAX_QUEUE_SIZE,
    RECOVERABLE_CLOSE_CODES,
    EventHandlers,
    SendQueue,
    api_error,
    closed_error,
    encode_client_event,
    handshake_request,
    is_clean_close,
    realtime_url,
    reconnect_delay,
)

if TYPE_CHECKING:
    from .._client import AsyncOpenAI

__all__ = [
    "AsyncWebSocketSession",
    "AsyncWebSocketSessionManager",
    "OnReconnecting",
    "ReconnectPolicy",
    "handler_decorator",
]

_Handler = TypeVar("_Handler", bound=Callable[..., Any])
_Event = TypeVar("_Event")
_Connection = TypeVar("_Connection", bound="AsyncWebSocketSession[Any]")
OnReconnecting = Callable[[ReconnectingEvent], "ReconnectingOverrides | None"]
OpenWebSocket = Callable[[Query | None, Headers | None], collections.abc.Awaitable[tuple[AsyncWebSocket, WebSocketRequest]]]  # unasync: async-only
# unasync: sync-only: OpenWebSocket = Callable[[Query | None, Headers | None], tuple[WebSocket, WebSocketRequest]]


class ReconnectPolicy:
    """When ``on_reconnecting`` is given: after a recoverable close (1001, 1005, 1006, 1011, 1012, 1013,
    1015) while iterating, up to ``max_retries`` new handshakes, the n-th after ``reconnect_delay(n, ...)``
    seconds; a received event (not an ``error``) resets the count. ``open`` makes a handshake with the
    current extra query and headers (which the handler may replace)."""

    __slots__ = ("attempt", "extra_headers", "extra_query", "initial_delay", "max_delay", "max_retries",
                 "on_reconnecting", "open")

    def __init__(
        self,
        on_reconnecting: OnReconnecting,
        open: OpenWebSocket,
        *,
        max_retries: int,
        initial_delay: float,
        max_delay: float,
        extra_query: Query,
        extra_headers: Headers,
    ) -> None:
        if not callable(on_reconnecting):
            raise TypeError(f"on_reconnecting must be callable, not {type(on_reconnecting).__name__}")
        for name, value in (("max_retries", max_retries), ("initial_delay", initial_delay), ("max_delay", max_delay)):
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ValueError(f"{name} must be a number >= 0, got {value!r}")
        self.on_reconnecting = on_reconnecting
        self.open = open
        self.max_retries = int(max_retries)
        self.initial_delay = float(initial_delay)
        self.max_delay = float(max_delay)
        self.extra_query = extra_query
        self.extra_headers = extra_headers
        self.attempt = 0


class _Handlers:
    """``on`` / ``once`` / ``off`` over ``self._handlers``: a connection's, and its manager's before it opens
    (the manager hands its handlers to the connection)."""

    _handlers: EventHandlers

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


class AsyncWebSocketSession(_Handlers, Generic[_Event]):
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
        self._reconnect: ReconnectPolicy | None = None
        self._closed_by_us = False

    @property
    def websocket(self) -> AsyncWebSocket:
        """The transport's WebSocket under this connection."""
        return self._websocket

    # -- receiving ------------------------------------------------------------------------------------

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> _Event:
        while True:
            try:
                data = await self._websocket.receive()
            except WebSocketClosedError as exc:
                if await self._reconnected(exc.code):
                    continue
                if is_clean_close(exc):
                    raise StopAsyncIteration from None
                raise closed_error(exc, self._request) from exc
            except TransportConnectionError as exc:
                if await self._reconnected(1006):
                    continue
                raise api_error(exc, self._request) from exc
            event = self.parse_event(data)
            if self._reconnect is not None and getattr(event, "type", "error") != "error":
                self._reconnect.attempt = 0
            return event

    async def _reconnected(self, close_code: int) -> bool:
        """Whether a new WebSocket replaced the closed one (``ReconnectPolicy``)."""
        policy = self._reconnect
        if policy is None or self._closed_by_us or close_code not in RECOVERABLE_CLOSE_CODES:
            return False
        for attempt in range(policy.attempt + 1, policy.max_retries + 1):
            policy.attempt = attempt
            delay = reconnect_delay(attempt, policy.initial_delay, policy.max_delay, 0.75 + random.random() / 4)
            event = ReconnectingEvent(attempt=attempt, max_attempts=policy.max_retries, delay=delay,
                                      close_code=close_code, extra_query=policy.extra_query,
                                      extra_headers=policy.extra_headers)
            try:
                answer = policy.on_reconnecting(event)
            except Exception:  # a failing handler ends the reconnection, as in the official SDK
                return False
            if answer is not None:
                if answer.get("abort"):
                    return False
                policy.extra_query = answer.get("extra_query", policy.extra_query)
                policy.extra_headers = answer.get("extra_headers", policy.extra_headers)
            await sleep(delay)
            if self._closed_by_us:
                return False
            try:
                self._websocket, self._request = await policy.open(policy.extra_query, policy.extra_headers)
            except OpenAIError:  # refused or unreachable: the next attempt
                continue
            return True
        return False

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
        self._closed_by_us = True
        await self._websocket.close(code, reason)

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


class AsyncWebSocketSessionManager(_Handlers, Generic[_Connection]):
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
        on_reconnecting: OnReconnecting | None = None,
        max_retries: int = 5,
        initial_delay: float = 0.5,
        max_delay: float = 8.0,
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
        self._reconnect = None if on_reconnecting is None else ReconnectPolicy(
            on_reconnecting, self._open, max_retries=max_retries, initial_delay=initial_delay, max_delay=max_delay,
            extra_query=extra_query or {}, extra_headers=extra_headers or {},
        )

    def url(self) -> URL:
        """The ``ws``/``wss`` URL this manager connects to."""
        return self._url(self._extra_query)

    def _url(self, extra_query: Query | None) -> URL:
        pipeline = self._client._pipeline
        return realtime_url(
            pipeline.base_url,
            self._client.websocket_base_url,
            default_query=pipeline.default_query,
            query=self._query,
            extra_query=extra_query,
            path=self._path,
        )

    def _request(self, extra_query: Query | None = None, extra_headers: Headers | None = None) -> WebSocketRequest:
        """The handshake request, with the manager's own extra query and headers unless others are given."""
        return handshake_request(self._url(self._extra_query if extra_query is None else extra_query),
                                 self._client._pipeline._headers,
                                 self._extra_headers if extra_headers is None else extra_headers, self._options)

    async def _open(self, extra_query: Query | None, extra_headers: Headers | None) -> tuple[AsyncWebSocket, WebSocketRequest]:
        """A handshake: the WebSocket and its request, or the public error for its failure."""
        if self._client.is_closed():
            raise RuntimeError("Cannot open a WebSocket, as the client has been closed.")
        request = self._request(extra_query, extra_headers)
        try:
            websocket = await open_websocket(self._client.transport, request)
        except TransportError as exc:
            raise api_error(exc, request) from exc
        return websocket, request

    def _queue_event(self, event: object) -> None:
        """Queue an event to send as soon as the connection opens (before anything else is sent)."""
        self._queue.put(encode_client_event(event))

    async def __aenter__(self) -> _Connection:
        """Open the connection (the WebSocket handshake), then send what ``send()`` queued."""
        websocket, request = await self._open(self._extra_query, self._extra_headers)
        connection: _Connection = self._connection_class(websocket, request, handlers=self._handlers)  # type: ignore[assignment]
        connection._reconnect = self._reconnect
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
