"""The optional WebSocket capability of a transport (the realtime API runs on it).

A transport that can open WebSockets has one more method beside ``send``/``aclose``::

    async def connect_websocket(self, request: WebSocketRequest) -> AsyncWebSocket

The built-in aiohttp backend opens them with ``ClientSession.ws_connect``; the httpx backend with the
``websockets`` library (``pip install "openai-core[realtime]"``), since httpx speaks no WebSocket. A
third-party transport adds the method to join in; :func:`open_websocket` gives a transport without it a
clear error instead of an ``AttributeError``.

A backend maps its library's failures to the neutral errors of ``_websocket_common``:
``WebSocketHandshakeError`` (the upgrade was refused with a status), ``WebSocketClosedError`` (closed,
with the close code), ``TransportTimeoutError`` (the opening handshake took too long) and
``TransportConnectionError`` (anything else on the way).
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ._websocket_common import (
    REALTIME_EXTRA,
    WebSocketClosedError,
    WebSocketHandshakeError,
    WebSocketRequest,
    WebSocketUnavailableError,
)

__all__ = [
    "AsyncWebSocket",
    "AsyncWebSocketTransport",
    "WebSocketClosedError",
    "WebSocketHandshakeError",
    "WebSocketRequest",
    "WebSocketUnavailableError",
    "open_websocket",
]


@runtime_checkable
class AsyncWebSocket(Protocol):
    """One open WebSocket. ``receive`` returns a text frame's payload as ``str`` and a binary frame's as
    ``bytes``; pings from the server are answered by the backend, and keep-alive pings are sent by it
    (``ping_interval`` / ``ping_timeout`` options). Once closed, ``receive`` and the sends raise
    ``WebSocketClosedError``; ``close`` may be called any number of times."""

    @property
    def close_code(self) -> int | None:
        """None while open; the close code (1006 when the connection broke without one) afterwards."""
        ...

    async def send_text(self, data: str) -> None: ...

    async def send_bytes(self, data: bytes) -> None: ...

    async def receive(self) -> str | bytes: ...

    async def ping(self, data: bytes = b"") -> None:
        """Send a ping frame (the backend matches the pong)."""
        ...

    async def close(self, code: int = 1000, reason: str = "") -> None:
        """Send a close frame and wait (``close_timeout``) for the server's; the socket is released even
        when that wait is cut short (cancelled, or the server never answers)."""
        ...


@runtime_checkable
class AsyncWebSocketTransport(Protocol):
    """A transport with the WebSocket capability."""

    async def connect_websocket(self, request: WebSocketRequest) -> AsyncWebSocket: ...


async def open_websocket(transport: object, request: WebSocketRequest) -> AsyncWebSocket:
    """Open ``request`` on ``transport``, or raise ``WebSocketUnavailableError`` saying what to do."""
    connect = getattr(transport, "connect_websocket", None)
    if connect is None:
        raise WebSocketUnavailableError(
            f"the {type(transport).__name__} transport cannot open WebSockets (needed by the realtime API): "
            "use the default httpx transport (with its WebSocket library: "
            f"{REALTIME_EXTRA}) or DefaultAioHttpClient(), or add connect_websocket() to the transport"
        )
    websocket: AsyncWebSocket = await connect(request)
    return websocket

