"""``client.realtime``: ``connect()`` opens a realtime session over the transport's WebSocket;
``client_secrets`` and ``calls`` are its REST part."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar, overload

from typing_extensions import override
from yarl import URL

from ..._resource import AsyncAPIResource
from ..._types import Headers, Omit, Query, omit
from ...transports._common import TransportError
from ...transports._websocket_common import WebSocketOptions, WebSocketRequest
from ...transports.websocket import open_websocket
from ._protocol import (
    DEFAULT_MAX_QUEUE_SIZE,
    EventHandlers,
    SendQueue,
    api_error,
    encode_client_event,
    handshake_request,
    realtime_url,
)
from .calls import AsyncCalls
from .client_secrets import AsyncClientSecrets
from .connection import AsyncRealtimeConnection, ClientEvent, handler_decorator

if TYPE_CHECKING:
    from ..._client import AsyncOpenAI

__all__ = ["AsyncRealtime", "AsyncRealtimeConnectionManager"]

_Handler = TypeVar("_Handler", bound=Callable[..., Any])


class AsyncRealtime(AsyncAPIResource):
    __slots__ = ("__dict__",)
    _helpers = frozenset({"connect"})  # a WebSocket session, not one HTTP call

    @cached_property
    def client_secrets(self) -> AsyncClientSecrets:
        return AsyncClientSecrets(self._client)

    @cached_property
    def calls(self) -> AsyncCalls:
        return AsyncCalls(self._client)

    def connect(
        self,
        *,
        call_id: str | Omit = omit,
        model: str | Omit = omit,
        extra_query: Query | None = None,
        extra_headers: Headers | None = None,
        websocket_connection_options: WebSocketOptions | None = None,
        max_queue_size: int = DEFAULT_MAX_QUEUE_SIZE,
    ) -> AsyncRealtimeConnectionManager:
        """A realtime session, opened on ``async with`` (or ``await ....enter()``)::

            async with client.realtime.connect(model="gpt-realtime") as connection:
                await connection.session.update(session={"type": "realtime", "output_modalities": ["text"]})
                await connection.conversation.item.create(item={...})
                await connection.response.create()
                async for event in connection:
                    ...

        ``model`` starts a conversation, ``call_id`` joins an existing call. Authentication is the client's
        ``api_key`` (a key, or an ephemeral ``ek_...`` from ``client_secrets.create``) as a Bearer header.
        ``websocket_connection_options`` tunes the WebSocket (``max_size``, ``ping_interval``, ...: see
        ``docs/realtime.md``); ``max_queue_size`` caps what ``send()`` queues before the connection opens.
        """
        for name, value in (("call_id", call_id), ("model", model)):
            if not isinstance(value, str | Omit):
                raise TypeError(f"{name} must be a str, not {type(value).__name__}")
        for name, mapping in (
            ("extra_query", extra_query),
            ("extra_headers", extra_headers),
            ("websocket_connection_options", websocket_connection_options),
        ):
            if mapping is not None and not isinstance(mapping, Mapping):
                raise TypeError(f"{name} must be a mapping, not {type(mapping).__name__}")
        query: dict[str, object] = {}
        if not isinstance(model, Omit):
            query["model"] = model
        if not isinstance(call_id, Omit):
            query["call_id"] = call_id
        return AsyncRealtimeConnectionManager(
            client=self._client,
            query=query,
            extra_query=extra_query,
            extra_headers=extra_headers,
            websocket_connection_options=websocket_connection_options,
            max_queue_size=max_queue_size,
        )


class AsyncRealtimeConnectionManager:
    """What ``client.realtime.connect(...)`` returns: ``async with`` it for an
    ``AsyncRealtimeConnection`` that is closed on leaving the block. Without the block,
    ``connection = await manager.enter()``, and ``await connection.close()`` when done.

    ``send()``, ``on()``, ``once()`` and ``off()`` may be called before entering: the events are sent,
    and the handlers registered, as soon as the connection opens."""

    def __init__(
        self,
        *,
        client: AsyncOpenAI,
        query: Mapping[str, object],
        extra_query: Query | None,
        extra_headers: Headers | None,
        websocket_connection_options: WebSocketOptions | None,
        max_queue_size: int = DEFAULT_MAX_QUEUE_SIZE,
    ) -> None:
        self._client = client
        self._query = query
        self._extra_query = extra_query
        self._extra_headers = extra_headers
        self._options = websocket_connection_options
        self._queue = SendQueue(max_queue_size)
        self._handlers = EventHandlers()
        self._connection: AsyncRealtimeConnection | None = None

    def url(self) -> URL:
        """The ``ws``/``wss`` URL this manager connects to."""
        pipeline = self._client._pipeline
        return realtime_url(
            pipeline.base_url,
            self._client.websocket_base_url,
            default_query=pipeline.default_query,
            query=self._query,
            extra_query=self._extra_query,
        )

    def _request(self) -> WebSocketRequest:
        return handshake_request(self.url(), self._client._pipeline._headers, self._extra_headers, self._options)

    def send(self, event: ClientEvent) -> None:
        """Queue an event to send as soon as the connection opens (before anything else is sent)."""
        self._queue.put(encode_client_event(event))

    @overload
    def on(self, event_type: str, handler: _Handler) -> Self: ...
    @overload
    def on(self, event_type: str, handler: None = None) -> Callable[[_Handler], _Handler]: ...
    def on(self, event_type: str, handler: _Handler | None = None) -> Self | Callable[[_Handler], _Handler]:
        """Register a handler on the connection-to-be (see ``AsyncRealtimeConnection.on``)."""
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

    async def __aenter__(self) -> AsyncRealtimeConnection:
        """Open the connection (the WebSocket handshake), then send what ``send()`` queued."""
        if self._client.is_closed():
            raise RuntimeError("Cannot open a WebSocket, as the client has been closed.")
        request = self._request()
        try:
            websocket = await open_websocket(self._client.transport, request)
        except TransportError as exc:
            raise api_error(exc, request) from exc
        connection = AsyncRealtimeConnection(websocket, request, handlers=self._handlers)
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
