"""``client.realtime``: ``connect()`` opens a realtime session over the transport's WebSocket;
``client_secrets`` and ``calls`` are its REST part."""

from __future__ import annotations

from functools import cached_property

from ..._resource import AsyncAPIResource
from ..._types import Headers, Omit, Query, omit
from ...transports._websocket_common import WebSocketOptions
from .._websocket_protocol import DEFAULT_MAX_QUEUE_SIZE
from .._websocket_session import AsyncWebSocketSessionManager, OnReconnecting
from .calls import AsyncCalls
from .client_secrets import AsyncClientSecrets
from .connection import AsyncRealtimeConnection, ClientEvent
from .translations.translations import AsyncTranslations

__all__ = ["AsyncRealtime", "AsyncRealtimeConnectionManager"]


class AsyncRealtime(AsyncAPIResource):
    __slots__ = ("__dict__",)
    _helpers = frozenset({"connect"})  # a WebSocket session, not one HTTP call

    @cached_property
    def client_secrets(self) -> AsyncClientSecrets:
        return AsyncClientSecrets(self._client)

    @cached_property
    def calls(self) -> AsyncCalls:
        return AsyncCalls(self._client)

    @cached_property
    def translations(self) -> AsyncTranslations:
        return AsyncTranslations(self._client)

    def connect(
        self,
        *,
        call_id: str | Omit = omit,
        model: str | Omit = omit,
        extra_query: Query | None = None,
        extra_headers: Headers | None = None,
        websocket_connection_options: WebSocketOptions | None = None,
        max_queue_size: int = DEFAULT_MAX_QUEUE_SIZE,
        on_reconnecting: OnReconnecting | None = None,
        max_retries: int = 5,
        initial_delay: float = 0.5,
        max_delay: float = 8.0,
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

        With ``on_reconnecting``, a recoverable close (1001, 1006, 1011, 1012, 1013 ...) met by ``async for``
        opens a new WebSocket, up to ``max_retries`` times, the n-th attempt after
        ``min(initial_delay * 2**(n-1), max_delay)`` seconds (with jitter); the handler gets a
        ``ReconnectingEvent`` and may return ``{"extra_query": ..., "extra_headers": ...}`` for the new
        handshake or ``{"abort": True}``. The new session starts fresh (re-send ``session.update``).
        """
        for name, value in (("call_id", call_id), ("model", model)):
            if not isinstance(value, str | Omit):
                raise TypeError(f"{name} must be a str, not {type(value).__name__}")
        query: dict[str, object] = {}
        if not isinstance(model, Omit):
            query["model"] = model
        if not isinstance(call_id, Omit):
            query["call_id"] = call_id
        return AsyncRealtimeConnectionManager(
            client=self._client,
            path="realtime",
            query=query,
            extra_query=extra_query,
            extra_headers=extra_headers,
            websocket_connection_options=websocket_connection_options,
            max_queue_size=max_queue_size,
            on_reconnecting=on_reconnecting,
            max_retries=max_retries,
            initial_delay=initial_delay,
            max_delay=max_delay,
        )


class AsyncRealtimeConnectionManager(AsyncWebSocketSessionManager[AsyncRealtimeConnection]):
    """What ``client.realtime.connect(...)`` returns: ``async with`` it for an
    ``AsyncRealtimeConnection`` that is closed on leaving the block. Without the block,
    ``connection = await manager.enter()``, and ``await connection.close()`` when done.

    ``send()``, ``on()``, ``once()`` and ``off()`` may be called before entering: the events are sent,
    and the handlers registered, as soon as the connection opens."""

    _connection_class = AsyncRealtimeConnection

    def send(self, event: ClientEvent) -> None:
        """Queue an event to send as soon as the connection opens (before anything else is sent)."""
        self._queue_event(event)
