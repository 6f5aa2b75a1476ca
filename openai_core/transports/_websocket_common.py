"""The WebSocket half of the transport seam, shared by the async and sync clients (not generated).

A backend that can open WebSockets has ``connect_websocket(WebSocketRequest) -> WebSocket`` (see
``transports/websocket.py`` for the two protocols). This module holds what does not depend on I/O: the
handshake request, the neutral connection options, and the neutral errors every backend maps its
library's failures to, so the realtime resource raises the same public exception whichever library ran.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypedDict

from multidict import CIMultiDict, CIMultiDictProxy
from typing_extensions import override
from yarl import URL

from ._common import TransportConnectionError, TransportError, redact_headers

__all__ = [
    "DEFAULT_MAX_SIZE",
    "REALTIME_EXTRA",
    "WebSocketClosedError",
    "WebSocketHandshakeError",
    "WebSocketOptions",
    "WebSocketRequest",
    "WebSocketUnavailableError",
    "close_code_meaning",
    "with_defaults",
]

REALTIME_EXTRA = 'pip install "openai-core[realtime]"'

# The largest message accepted by default. The official SDK accepts any size; a hostile or broken
# server could then make one message take all memory. 64 MiB holds several minutes of base64 PCM in a
# single event (conversation.item.retrieved of a long user turn), far above any delta; None lifts it.
DEFAULT_MAX_SIZE = 64 * 1024 * 1024


class WebSocketOptions(TypedDict, total=False):
    """Connection options every WebSocket backend understands (``websocket_connection_options=``).

    The names and meanings are those of the ``websockets`` library's ``connect()``, which the official
    SDK passes its options to; a backend maps them to its own library (``docs/realtime.md`` says how).
    """

    max_size: int | None
    """Largest incoming message in bytes (default 64 MiB); None for no limit. A larger message closes the
    connection with code 1009."""
    max_queue: int | tuple[int | None, int | None] | None
    """websockets: high-water mark, in frames, of the received-but-unread buffer (default 16)."""
    write_limit: int | tuple[int, int | None]
    """websockets (async): high-water mark of the write buffer in bytes."""
    compression: str | None
    """``"deflate"`` negotiates permessage-deflate; None (the default here) sends frames uncompressed."""
    subprotocols: Sequence[str] | None
    extensions: Sequence[Any] | None
    open_timeout: float | None
    """Seconds for the TCP connect, TLS and the HTTP upgrade together (default 10)."""
    ping_interval: float | None
    """Seconds between keep-alive pings (default 20); None sends none."""
    ping_timeout: float | None
    """Seconds to wait for a keep-alive pong before the connection counts as dead (default 20)."""
    close_timeout: float | None
    """Seconds to wait for the server's answer to a close frame (default 10)."""


_DEFAULTS: dict[str, Any] = {
    "max_size": DEFAULT_MAX_SIZE,
    # permessage-deflate costs CPU on every frame and lets a small frame expand into a large message; the
    # official SDK turns it off by default too (when max_size is unlimited, which is its default).
    "compression": None,
    "open_timeout": 10.0,
    "ping_interval": 20.0,
    "ping_timeout": 20.0,
    "close_timeout": 10.0,
}


def with_defaults(options: Mapping[str, Any] | None) -> dict[str, Any]:
    """The caller's options over this package's defaults."""
    merged = dict(_DEFAULTS)
    if options:
        merged.update(options)
    return merged


class WebSocketRequest:
    """The opening handshake of one WebSocket: a ``ws``/``wss`` URL, the headers to send with the HTTP
    upgrade, and the connection options. The repr never shows header values or URL user info."""

    __slots__ = ("headers", "options", "url")

    def __init__(
        self,
        url: URL | str,
        *,
        headers: CIMultiDict[str] | Mapping[str, str] | None = None,
        options: Mapping[str, Any] | None = None,
    ) -> None:
        self.url = url if isinstance(url, URL) else URL(url)
        if self.url.scheme not in ("ws", "wss"):
            raise ValueError(f"a WebSocket URL must be ws:// or wss://, got {self.url.scheme!r}")
        self.headers: CIMultiDict[str] = headers if isinstance(headers, CIMultiDict) else CIMultiDict(headers or {})
        self.options: dict[str, Any] = with_defaults(options)

    @override
    def __repr__(self) -> str:
        names = [name for name, _ in redact_headers(self.headers.items())]
        return f"<WebSocketRequest({str(self.url.with_user(None))!r}, headers={names})>"


class WebSocketUnavailableError(TransportError):
    """The transport cannot open WebSockets: it has no ``connect_websocket``, or the library it needs for
    them is not installed. The message names what to install or use instead."""


class WebSocketHandshakeError(TransportError):
    """The server answered the HTTP upgrade with a status other than 101 (for example 401 for a bad key).

    ``body`` is what the backend could read of the answer (aiohttp reads none; websockets keeps it)."""

    def __init__(
        self, status_code: int, *, headers: CIMultiDict[str] | CIMultiDictProxy[str] | None = None, body: bytes = b""
    ) -> None:
        super().__init__(f"the server refused the WebSocket upgrade with HTTP {status_code}")
        self.status_code = status_code
        self.headers: CIMultiDict[str] | CIMultiDictProxy[str] = headers if headers is not None else CIMultiDict()
        self.body = body


class WebSocketClosedError(TransportConnectionError):
    """The WebSocket is closed: the server sent a close frame (``code`` is its code), the connection broke
    without one (1006), or a keep-alive ping went unanswered (1006, ``reason`` says so)."""

    def __init__(self, code: int, reason: str = "") -> None:
        message = f"WebSocket closed with code {code} ({close_code_meaning(code)})"
        super().__init__(f"{message}: {reason}" if reason else message)
        self.code = code
        self.reason = reason


_CLOSE_CODES = {
    1000: "normal closure",
    1001: "going away",
    1002: "protocol error",
    1003: "unsupported data",
    1005: "no status code",
    1006: "connection lost without a close frame",
    1007: "invalid frame payload",
    1008: "policy violation",
    1009: "message too big",
    1010: "mandatory extension",
    1011: "internal server error",
    1012: "service restart",
    1013: "try again later",
    1014: "bad gateway",
    1015: "TLS handshake failure",
}


def close_code_meaning(code: int) -> str:
    """What a close code means (RFC 6455, section 7.4.1), in a few words."""
    if code in _CLOSE_CODES:
        return _CLOSE_CODES[code]
    if 3000 <= code < 4000:
        return "registered application code"
    if 4000 <= code < 5000:
        return "application code"
    return "unknown code"
