"""``client.live.connect()``, ``client.live.forks.connect()`` and ``client.live.sideband.connect()``: the
WebSocket sessions (``connection.py``), bound as methods of the generated resources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..._types import Headers, Omit, Query, omit
from ...transports._websocket_common import WebSocketOptions
from .._paths import path_param
from .._websocket_session import OnReconnecting
from .connection import (
    DEFAULT_LIVE_QUEUE_SIZE,
    AsyncForksConnectionManager,
    AsyncLiveConnectionManager,
    AsyncSidebandConnectionManager,
)

if TYPE_CHECKING:
    from .forks import AsyncForks
    from .live import AsyncLive
    from .sideband import AsyncSideband

__all__ = ["connect", "connect_fork", "connect_sideband"]


def connect(
    self: AsyncLive,
    *,
    extra_query: Query | None = None,
    extra_headers: Headers | None = None,
    websocket_connection_options: WebSocketOptions | None = None,
    max_queue_size: int = DEFAULT_LIVE_QUEUE_SIZE,
    on_reconnecting: OnReconnecting | None = None,
    max_retries: int = 5,
    initial_delay: float = 0.5,
    max_delay: float = 8.0,
) -> AsyncLiveConnectionManager:
    """A new live session (``<websocket base>/live/sessions``): send ``session.start`` with the model and
    configuration, then wait for ``session.started``."""
    return AsyncLiveConnectionManager(
        client=self._client, path="live/sessions", query={}, extra_query=extra_query, extra_headers=extra_headers,
        websocket_connection_options=websocket_connection_options, max_queue_size=max_queue_size,
            on_reconnecting=on_reconnecting, max_retries=max_retries, initial_delay=initial_delay,
            max_delay=max_delay,
    )


def connect_fork(
    self: AsyncForks,
    *,
    session_id: str,
    extra_query: Query | None = None,
    extra_headers: Headers | None = None,
    websocket_connection_options: WebSocketOptions | None = None,
    max_queue_size: int = DEFAULT_LIVE_QUEUE_SIZE,
    on_reconnecting: OnReconnecting | None = None,
    max_retries: int = 5,
    initial_delay: float = 0.5,
    max_delay: float = 8.0,
) -> AsyncForksConnectionManager:
    """A fork of the session ``session_id``: send ``session.start`` with overrides (maybe ``{}``)."""
    return AsyncForksConnectionManager(
        client=self._client, path=f"live/sessions/{path_param('session_id', session_id)}/fork", query={},
        extra_query=extra_query, extra_headers=extra_headers,
        websocket_connection_options=websocket_connection_options, max_queue_size=max_queue_size,
            on_reconnecting=on_reconnecting, max_retries=max_retries, initial_delay=initial_delay,
            max_delay=max_delay,
    )


def connect_sideband(
    self: AsyncSideband,
    *,
    session_id: str,
    graceful_close: bool | Omit = omit,
    extra_query: Query | None = None,
    extra_headers: Headers | None = None,
    websocket_connection_options: WebSocketOptions | None = None,
    max_queue_size: int = DEFAULT_LIVE_QUEUE_SIZE,
    on_reconnecting: OnReconnecting | None = None,
    max_retries: int = 5,
    initial_delay: float = 0.5,
    max_delay: float = 8.0,
) -> AsyncSidebandConnectionManager:
    """Attach to the running session ``session_id`` (do not send ``session.start``)."""
    if not isinstance(graceful_close, bool | Omit):
        raise TypeError(f"graceful_close must be a bool, not {type(graceful_close).__name__}")
    query = {} if isinstance(graceful_close, Omit) else {"graceful_close": graceful_close}
    return AsyncSidebandConnectionManager(
        client=self._client, path=f"live/sessions/{path_param('session_id', session_id)}/attach", query=query,
        extra_query=extra_query, extra_headers=extra_headers,
        websocket_connection_options=websocket_connection_options, max_queue_size=max_queue_size,
            on_reconnecting=on_reconnecting, max_retries=max_retries, initial_delay=initial_delay,
            max_delay=max_delay,
    )
