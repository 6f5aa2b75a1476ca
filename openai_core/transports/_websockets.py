"""WebSockets for the httpx backend, with the ``websockets`` library (``pip install "openai-core[realtime]"``).

httpx speaks no WebSocket, so the httpx transport opens them with ``websockets`` (its asyncio client
here, its threaded client in the generated sync twin): the library the official SDK uses, so every
``websocket_connection_options`` key means what it means there. ``docs/architecture.md`` says why this
library and not httpx-ws.
"""

from __future__ import annotations

import asyncio  # unasync: async-only
import contextlib  # unasync: async-only
import logging
from collections.abc import Mapping
from typing import Any

import sniffio  # unasync: async-only
from multidict import CIMultiDict
from typing_extensions import override
from websockets.asyncio.client import ClientConnection, connect  # unasync: async-only

# unasync: sync-only: from websockets.sync.client import ClientConnection, connect
from websockets.exceptions import ConcurrencyError, ConnectionClosed, InvalidStatus, WebSocketException
from websockets.frames import Close
from websockets.protocol import State
from websockets.uri import parse_uri  # unasync: async-only

from ._common import SECRET_HEADERS, TransportConnectionError, TransportTimeoutError
from ._websocket_common import WebSocketClosedError, WebSocketHandshakeError, WebSocketRequest

__all__ = ["WebsocketsWebSocket", "connect_websockets"]

_SYNC_UNSUPPORTED = frozenset({"write_limit"})  # the threaded client has no write buffer to limit


class _RedactingLogger(logging.LoggerAdapter):  # type: ignore[type-arg]
    """websockets logs every handshake header at DEBUG level; the API key must not reach a log."""

    @override
    def log(self, level: int, msg: object, *args: object, **kwargs: Any) -> None:
        if len(args) == 2 and isinstance(args[0], str) and args[0].lower() in SECRET_HEADERS:
            args = (args[0], "<redacted>")
        super().log(level, msg, *args, **kwargs)


_LOGGER = _RedactingLogger(logging.getLogger("websockets.client"), {})


def _close_error(sent: Close | None, received: Close | None, received_first: bool | None) -> WebSocketClosedError:
    if sent is not None and sent.code != 1000 and not received_first:
        # This side failed the connection (1009: a message over max_size; 1011: a keep-alive ping got no
        # pong, "keepalive ping timeout"): the code it sent says why.
        return WebSocketClosedError(sent.code, sent.reason)
    if received is not None:
        return WebSocketClosedError(received.code, received.reason)
    return WebSocketClosedError(1006)  # the connection broke without a close frame


def _closed(exc: ConnectionClosed) -> WebSocketClosedError:
    return _close_error(exc.sent, exc.rcvd, exc.rcvd_then_sent)


class WebsocketsWebSocket:
    """An open ``websockets`` connection behind the neutral WebSocket interface."""

    __slots__ = ("__weakref__", "_connection")  # the transport keeps a weak set of its open sockets

    def __init__(self, connection: ClientConnection) -> None:
        self._connection = connection

    @property
    def close_code(self) -> int | None:
        protocol = self._connection.protocol
        if protocol.state is not State.CLOSED:
            return None
        return _close_error(protocol.close_sent, protocol.close_rcvd, protocol.close_rcvd_then_sent).code

    async def send_text(self, data: str) -> None:
        try:
            await self._connection.send(data)
        except ConnectionClosed as exc:
            raise _closed(exc) from exc

    async def send_bytes(self, data: bytes) -> None:
        try:
            await self._connection.send(data)
        except ConnectionClosed as exc:
            raise _closed(exc) from exc

    async def receive(self) -> str | bytes:
        try:
            return await self._connection.recv()
        except ConnectionClosed as exc:
            raise _closed(exc) from exc

    async def ping(self, data: bytes = b"") -> None:
        try:
            await self._connection.ping(data)
        except ConnectionClosed as exc:
            raise _closed(exc) from exc

    async def close(self, code: int = 1000, reason: str = "") -> None:
        # websockets stops reading once 16 unread frames wait (max_queue): with a server still sending,
        # its close frame would sit behind them until close_timeout. Unread frames are dropped instead,
        # as aiohttp drops them on close.
        discarding = asyncio.ensure_future(self._discard_unread())  # unasync: async-only
        try:
            await self._connection.close(code, reason)
        except BaseException:
            # Cut short (cancelled, interrupted): drop the socket rather than leave it to the collector.
            self._connection.transport.abort()  # unasync: async-only
            # unasync: sync-only: self._connection.socket.close()
            raise
        finally:  # unasync: async-only
            discarding.cancel()  # unasync: async-only

    def abort(self) -> None:
        """Drop the connection without a close handshake (the transport is closing)."""
        self._connection.transport.abort()  # unasync: async-only
        # unasync: sync-only: self._connection.socket.close()

    # unasync: begin-async-only
    async def _discard_unread(self) -> None:
        with contextlib.suppress(ConnectionClosed, ConcurrencyError):  # another task may be receiving
            while True:
                await self._connection.recv()
    # unasync: end-async-only

    @override
    def __repr__(self) -> str:
        return f"<WebsocketsWebSocket close_code={self.close_code}>"


# unasync: begin-async-only
class _SameOriginConnect(connect):
    """Follows a redirect only to the same origin: the upgrade carries the API key, and websockets before
    17 kept it on a redirect to another host."""

    @override
    def process_redirect(self, exc: Exception) -> Exception | str:
        target = super().process_redirect(exc)
        if isinstance(target, str):
            old, new = parse_uri(self.uri), parse_uri(target)
            if (old.secure, old.host, old.port) != (new.secure, new.host, new.port):
                return TransportConnectionError("a WebSocket redirect to another origin was refused")
        return target
# unasync: end-async-only


def _connect_kwargs(options: Mapping[str, Any]) -> dict[str, Any]:
    return dict(options)  # unasync: async-only
    # unasync: sync-only: return {k: v for k, v in options.items() if k not in _SYNC_UNSUPPORTED}


async def connect_websockets(request: WebSocketRequest) -> WebsocketsWebSocket:
    """Open ``request`` with websockets, mapping its failures to the neutral transport errors."""
    # unasync: begin-async-only
    library = sniffio.current_async_library()
    if library != "asyncio":
        raise RuntimeError(
            f"WebSockets on the httpx backend use the websockets library, which runs on asyncio only, not "
            f"{library}; run the realtime API on asyncio"
        )
    # unasync: end-async-only
    # User info in the URL would make websockets add a second Authorization header (Basic).
    url = str(request.url.with_user(None))
    headers = list(CIMultiDict(request.headers).items())
    try:
        connection = await _SameOriginConnect(  # unasync: async-only
        # unasync: sync-only: connection = connect(
            url,
            additional_headers=headers,
            user_agent_header=None,  # the pipeline's User-Agent is among the headers
            logger=_LOGGER,
            **_connect_kwargs(request.options),
        )
    except InvalidStatus as exc:
        response = exc.response
        raise WebSocketHandshakeError(
            response.status_code, headers=CIMultiDict(response.headers.raw_items()), body=bytes(response.body or b"")
        ) from exc
    except TimeoutError as exc:
        raise TransportTimeoutError("the WebSocket opening handshake timed out") from exc
    except (OSError, WebSocketException) as exc:
        raise TransportConnectionError(f"{type(exc).__name__}: {exc}") from exc
    # unasync: sync-only: connection.pending_legacy_warning = False  # websockets 17: opened without `with`, on purpose
    return WebsocketsWebSocket(connection)
