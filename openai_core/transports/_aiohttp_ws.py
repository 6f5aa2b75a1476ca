"""WebSockets for the aiohttp backend: ``ClientSession.ws_connect`` on the transport's own session, so
its connector (pool, TLS settings) and the environment's proxy apply as they do to requests."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import aiohttp
import sniffio
from multidict import CIMultiDict
from typing_extensions import override

from ._common import TransportConnectionError, TransportTimeoutError
from ._websocket_common import WebSocketClosedError, WebSocketHandshakeError, WebSocketRequest

if TYPE_CHECKING:
    from ._aiohttp import AioHttpTransport

__all__ = ["AioHttpWebSocket", "connect_aiohttp_websocket"]

# ws_connect arguments a caller may pass through websocket_connection_options as they are.
_PASSED_THROUGH = frozenset({"origin", "ssl", "server_hostname", "proxy", "proxy_headers"})
# websockets' buffer sizes: aiohttp has its own flow control (reading pauses once its read buffer is full),
# so these are accepted, for code written against the official SDK, and have nothing to set here.
_NOTHING_TO_SET = frozenset({"max_queue", "write_limit"})


def _ws_connect_kwargs(options: Mapping[str, Any]) -> tuple[dict[str, Any], float | None]:
    """ws_connect's keyword arguments for the neutral options, and the opening handshake's timeout."""
    opts = dict(options)
    kwargs: dict[str, Any] = {}
    max_size = opts.pop("max_size", None)
    if isinstance(max_size, tuple):  # websockets' (message, fragment) form: aiohttp limits messages
        max_size = max_size[0]
    kwargs["max_msg_size"] = 0 if max_size is None else max_size  # aiohttp: 0 means no limit
    compression = opts.pop("compression", None)
    if compression == "deflate":
        kwargs["compress"] = 15
    elif compression is not None:
        raise ValueError(f"compression must be 'deflate' or None, got {compression!r}")
    subprotocols = opts.pop("subprotocols", None)
    if subprotocols:
        kwargs["protocols"] = tuple(subprotocols)
    # aiohttp pings every `heartbeat` seconds and waits heartbeat / 2 for the pong; it has no separate
    # ping timeout (docs/realtime.md).
    kwargs["heartbeat"] = opts.pop("ping_interval", None)
    opts.pop("ping_timeout", None)
    close_timeout = opts.pop("close_timeout", None)
    if hasattr(aiohttp, "ClientWSTimeout"):  # aiohttp >= 3.11
        kwargs["timeout"] = aiohttp.ClientWSTimeout(ws_receive=None, ws_close=close_timeout)
    else:  # pragma: no cover - older aiohttp takes the close timeout as a float
        kwargs["timeout"] = close_timeout
    open_timeout: float | None = opts.pop("open_timeout", None)
    if opts.pop("extensions", None):
        raise TypeError("websocket_connection_options['extensions'] needs the websockets library (httpx backend)")
    for name in _NOTHING_TO_SET:
        opts.pop(name, None)
    for name in _PASSED_THROUGH & opts.keys():
        kwargs[name] = opts.pop(name)
    if opts:
        raise TypeError(f"websocket_connection_options not understood by the aiohttp backend: {sorted(opts)}")
    return kwargs, open_timeout


class AioHttpWebSocket:
    """An ``aiohttp.ClientWebSocketResponse`` behind the neutral WebSocket interface."""

    __slots__ = ("_closed_by_us", "_received_close", "_ws")

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self._ws = ws
        # aiohttp reports a connection that ended without a close frame as closed with 1000; the neutral
        # interface says 1006 there (as RFC 6455 does), so which frame arrived is tracked here.
        self._received_close: tuple[int, str] | None = None
        self._closed_by_us = False

    @property
    def close_code(self) -> int | None:
        if not self._ws.closed:
            return None  # aiohttp sets a code on a cancelled receive() while the socket stays open
        return self._error().code

    def _error(self, failure: BaseException | None = None) -> WebSocketClosedError:
        if self._received_close is not None:
            return WebSocketClosedError(*self._received_close)
        if isinstance(failure, aiohttp.ServerTimeoutError):  # the heartbeat's pong never came
            return WebSocketClosedError(1011, f"keepalive ping timeout ({failure})")
        if isinstance(failure, aiohttp.WebSocketError):  # e.g. 1009, a message over max_size
            return WebSocketClosedError(failure.code, str(failure))
        if self._closed_by_us:
            return WebSocketClosedError(self._ws.close_code or 1000)
        return WebSocketClosedError(1006, str(failure) if failure is not None else "")

    async def send_text(self, data: str) -> None:
        await self._send(self._ws.send_str(data))

    async def send_bytes(self, data: bytes) -> None:
        await self._send(self._ws.send_bytes(data))

    async def _send(self, sending: Any) -> None:
        if self._ws.closed:
            sending.close()  # the coroutine was never awaited
            raise self._error(self._ws.exception())
        try:
            await sending
        except (aiohttp.ClientError, OSError) as exc:
            raise self._error(exc) from exc

    async def receive(self) -> str | bytes:
        msg = await self._ws.receive()
        kind = msg.type
        if kind is aiohttp.WSMsgType.TEXT or kind is aiohttp.WSMsgType.BINARY:
            data: str | bytes = msg.data
            return data
        if kind is aiohttp.WSMsgType.CLOSE:
            self._received_close = (int(msg.data), msg.extra or "")
            raise self._error()
        if kind is aiohttp.WSMsgType.ERROR:
            raise self._error(msg.data if isinstance(msg.data, BaseException) else self._ws.exception())
        # CLOSED / CLOSING: the socket is done (closed here, or the peer went away without a frame).
        raise self._error(self._ws.exception())

    async def ping(self, data: bytes = b"") -> None:
        await self._send(self._ws.ping(data))

    async def close(self, code: int = 1000, reason: str = "") -> None:
        self._closed_by_us = True
        # aiohttp drops the connection itself when this wait is cancelled or times out.
        await self._ws.close(code=code, message=reason.encode())

    @override
    def __repr__(self) -> str:
        return f"<AioHttpWebSocket close_code={self.close_code}>"


def _proxy_lookup_url(request: WebSocketRequest) -> Any:
    # Proxies are configured per HTTP scheme; a ws:// upgrade is an http:// request.
    return request.url.with_scheme("https" if request.url.scheme == "wss" else "http")


async def connect_aiohttp_websocket(transport: AioHttpTransport, request: WebSocketRequest) -> AioHttpWebSocket:
    """Open ``request`` on ``transport``'s session (created on first use, as for a request)."""
    session = transport._session
    if session is None:
        if transport._closed:
            raise RuntimeError("Cannot open a WebSocket, as the client has been closed.")
        library = sniffio.current_async_library()
        if library != "asyncio":
            raise RuntimeError(f"the aiohttp backend runs on asyncio only, not {library}")
        session = transport._session = transport._create_session()
    kwargs, open_timeout = _ws_connect_kwargs(request.options)
    if "proxy" not in kwargs:
        kwargs["proxy"] = transport._proxy(_proxy_lookup_url(request))
    try:
        async with asyncio.timeout(open_timeout):
            ws = await session.ws_connect(request.url, headers=CIMultiDict(request.headers), **kwargs)
    except aiohttp.WSServerHandshakeError as exc:
        if exc.status != 101:
            raise WebSocketHandshakeError(exc.status, headers=CIMultiDict(exc.headers or {})) from exc
        raise TransportConnectionError(f"invalid WebSocket handshake: {exc.message}") from exc
    except TimeoutError as exc:
        raise TransportTimeoutError("the WebSocket opening handshake timed out") from exc
    except (aiohttp.ClientError, OSError) as exc:
        raise TransportConnectionError(f"{type(exc).__name__}: {exc}") from exc
    return AioHttpWebSocket(ws)
