"""The lean backend (``transport="lean"``, a plug-in found through its entry point): HTTP/1.1 written on
asyncio ``Protocol``s and parsed by llhttp (httptools), with nothing between the pipeline and the socket
but a head built from cached header lines and a keep-alive pool (``pip install "openai-core[lean]"``).

It does what the httpx and aiohttp backends do for this package (pooling, TLS, ``HTTP(S)_PROXY`` /
``NO_PROXY``, redirects, gzip, streaming with backpressure) with the same errors for the same failures,
and nothing more: HTTP/1.1 only, asyncio only. WebSockets (the realtime API) go through the
``websockets`` library, as on the httpx backend.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import weakref
from collections.abc import AsyncIterable, Iterable
from typing import Any

from typing_extensions import override
from yarl import URL

from ._lean_conn import LeanConnection
from ._lean_connect import Connector
from ._lean_pool import LeanPool
from ._lean_wire import BodyDecoder, HeadBuilder, coding_of, host_header, request_target
from ._websocket_common import REALTIME_EXTRA, WebSocketRequest, WebSocketUnavailableError
from .base import (
    SECRET_HEADERS,
    BytesStream,
    HTTPHeaders,
    Request,
    Response,
    TransportConnectionError,
)
from .websocket import AsyncWebSocket

__all__ = ["LeanTransport"]

DEFAULT_LIMIT = 1000  # as the other backends: the official SDK's pool size
MAX_REDIRECTS = 20  # httpx's
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
# A body this large goes out in its own write rather than copied onto the head.
_SEPARATE_WRITE = 64 * 1024
# What a redirect's own body may be drained by so its connection can be reused.
_REDIRECT_DRAIN = 64 * 1024
_CLOSE_ITERATIONS = 3


class _Outbox:
    """Small requests written together, once per event-loop iteration, rather than each at once.

    Measured against the granian bench server at 64 in flight: written one by one as each task runs,
    requests reach the server spread over the iteration and it wakes once per request (~160-190 us of
    server CPU per chat call); written together at the start of the next iteration they arrive as a
    burst (~85-90 us, what raw aiohttp's requests cost it: aiohttp sends bodies from a writer task, which
    batches them the same way). The cost is one loop iteration of delay, with nothing else waiting."""

    __slots__ = ("_loop", "_pending")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._pending: list[tuple[asyncio.Transport, bytes]] = []

    def write(self, transport: asyncio.Transport, data: bytes) -> None:
        if not self._pending:
            self._loop.call_soon(self._flush)
        self._pending.append((transport, data))

    def _flush(self) -> None:
        pending, self._pending = self._pending, []
        for transport, data in pending:
            if not transport.is_closing():  # closed meanwhile (cancelled, failed): its waiter already knows
                transport.write(data)


class _LeanBody:
    """A response body still on its connection; closing it returns the connection (or drops it).

    Its own iterator, not an async generator: one abandoned mid-stream needs no finalizer task, and a
    chunk costs one method call."""

    __slots__ = ("_connection", "_decoder", "_loop", "_pending", "_pool", "_read_timeout", "_released")

    def __init__(self, connection: LeanConnection, pool: LeanPool, loop: asyncio.AbstractEventLoop,
                 read_timeout: float | None, coding: str | None) -> None:
        self._connection = connection
        self._pool = pool
        self._loop = loop
        self._read_timeout = read_timeout
        self._decoder = BodyDecoder(coding) if coding is not None else None
        self._pending: list[bytes] = []  # inflated pieces not yet handed out
        self._released = False

    def __aiter__(self) -> _LeanBody:
        return self

    async def __anext__(self) -> bytes:
        pending = self._pending
        if pending:
            return pending.pop(0)
        if self._released:
            raise StopAsyncIteration
        try:
            while True:
                data = await self._connection.read_chunk(self._read_timeout)
                decoder = self._decoder
                if data is None:
                    tail = decoder.flush() if decoder is not None else b""
                    self._release()
                    if tail:
                        return tail
                    raise StopAsyncIteration
                if decoder is None:
                    return data
                pending.extend(decoder.feed(data))
                if pending:
                    return pending.pop(0)
        except StopAsyncIteration:
            raise
        except BaseException:
            self._release()  # failed or cancelled mid-body: the connection is closed, never reused
            raise

    async def aread(self) -> bytes:
        return b"".join([chunk async for chunk in self])

    async def aclose(self) -> None:
        self._release()

    def _release(self) -> None:
        if not self._released:
            self._released = True
            self._pool.release(self._connection, self._loop)


def _framing(method: str, content: object, declared: str | None) -> bytes:
    if content is None:
        return b"Content-Length: 0\r\n" if method in _BODY_METHODS else b""
    if isinstance(content, bytes | bytearray | memoryview):
        return b"Content-Length: %d\r\n" % len(content)
    if declared is not None and declared.strip().isdigit():
        return b"Content-Length: %d\r\n" % int(declared)
    return b"Transfer-Encoding: chunked\r\n"


class LeanTransport:
    """Sends requests over this package's own HTTP/1.1 connections.

    ``limit`` caps open connections over all origins (default 1000); ``ssl`` is an ``ssl.SSLContext``
    (or False to skip certificate checks); ``trust_env=False`` ignores ``HTTP(S)_PROXY``.
    """

    def __init__(
        self, *, limit: int = DEFAULT_LIMIT, ssl: ssl.SSLContext | bool | None = None,
        keepalive_expiry: float = 5.0, max_redirects: int = MAX_REDIRECTS, trust_env: bool = True,
    ) -> None:
        self._limit = limit
        self._ssl = ssl
        self._keepalive_expiry = keepalive_expiry
        self._max_redirects = max_redirects
        self._trust_env = trust_env
        self._pool: LeanPool | None = None
        self._connector: Connector | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closed = False
        self._websockets: weakref.WeakSet[Any] = weakref.WeakSet()
        self._heads = HeadBuilder()
        self._outbox: _Outbox | None = None

    def _start(self) -> tuple[asyncio.AbstractEventLoop, LeanPool, Connector]:
        if self._closed:
            raise RuntimeError("Cannot send a request, as the client has been closed.")
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            raise RuntimeError(
                "the lean backend runs on asyncio only; use the httpx backend (the default, "
                'transport="httpx"), which runs on asyncio and trio'
            ) from None
        # The environment is read on the first request, as the aiohttp backend reads it.
        self._connector = Connector(self._ssl, trust_env=self._trust_env)
        self._pool = LeanPool(limit=self._limit, keepalive_expiry=self._keepalive_expiry)
        self._loop = loop
        self._outbox = _Outbox(loop)
        return loop, self._pool, self._connector

    async def send(self, request: Request) -> Response:
        loop, pool, connector = (self._loop, self._pool, self._connector)
        if loop is None or pool is None or connector is None or self._closed:
            loop, pool, connector = self._start()
        method, url, content = request.method, request.url, request.content
        headers: Any = request.headers
        for _ in range(self._max_redirects + 1):
            response = await self._send_once(loop, pool, connector, request, method, url, headers, content)
            status = response.status_code
            location = response.headers.get("location")
            if status not in _REDIRECTS or location is None:
                return response
            target = url.join(URL(location))
            if target.scheme not in ("http", "https") or (
                status in (307, 308) and not (content is None or isinstance(content, bytes | bytearray))
            ):
                return response  # nowhere this backend can go, or a one-shot body it cannot resend
            await _discard(response)
            if status == 303 or (status in (301, 302) and method == "POST"):
                method, content = ("GET" if method != "HEAD" else "HEAD"), None
                headers = HTTPHeaders((k, v) for k, v in headers.items() if k.lower() != "content-type")
            if (target.scheme, target.host, target.port) != (url.scheme, url.host, url.port):
                # Another origin never sees this client's credentials.
                headers = HTTPHeaders((k, v) for k, v in headers.items() if k.lower() not in SECRET_HEADERS)
            url = target
        raise TransportConnectionError(f"TooManyRedirects: more than {self._max_redirects} redirects")

    async def _send_once(
        self, loop: asyncio.AbstractEventLoop, pool: LeanPool, connector: Connector, request: Request,
        method: str, url: URL, headers: Any, content: object,
    ) -> Response:
        timeout = request.timeout
        proxy = connector.proxy_for(url) if connector is not None else None
        key = (url.scheme, url.raw_host, url.port, proxy)

        # Built before a connection is taken: an unsendable header fails without touching the pool.
        head = self._heads.build(
            method, request_target(url, absolute=proxy is not None and url.scheme == "http"), host_header(url),
            headers.items(), _framing(method, content, headers.get("content-length")),
        )
        connection = await pool.acquire(
            loop, key, lambda: connector.connect(loop, url, proxy, key, timeout.connect), timeout.pool
        )
        try:
            connection.start()
            await _write(connection, head, content, timeout.write, self._outbox)
            status, raw_headers, version = await connection.wait_head(timeout.read)
        except BaseException:
            pool.release(connection, loop)  # mid-request: closed, never reused
            raise
        if method == "HEAD":
            connection.reusable = False  # llhttp would wait for a body a HEAD answer never has
            connection.complete = True
        coding = coding_of(raw_headers)
        stream: Any
        if connection.complete and coding is None:
            # The whole body arrived with the head (most JSON answers): the connection goes back now.
            data = await connection.read_chunk(None) or b""
            pool.release(connection, loop)
            stream = BytesStream(data)
        else:
            stream = _LeanBody(connection, pool, loop, timeout.read, coding)
        return Response(status, headers=HTTPHeaders(raw_headers), stream=stream, request=request,
                        http_version=f"HTTP/{version}")

    async def aclose(self) -> None:
        self._closed = True
        if self._pool is not None:
            self._pool.close()
        for websocket in list(self._websockets):
            websocket.abort()
        # Aborted sockets are released on the next loop iteration, and streams abandoned without a close
        # were handed to finalizer tasks by the loop, one per generator layer, each scheduled when the
        # layer above finished: a few iterations, so neither outlives the client.
        for _ in range(_CLOSE_ITERATIONS):
            await asyncio.sleep(0)

    async def connect_websocket(self, request: WebSocketRequest) -> AsyncWebSocket:
        """Open a WebSocket (the realtime API) with the websockets library, on its own connection."""
        try:
            from ._websockets import connect_websockets
        except ImportError as exc:
            raise WebSocketUnavailableError(
                f"WebSockets on the lean transport need the websockets library: {REALTIME_EXTRA} ({exc})"
            ) from exc
        websocket = await connect_websockets(request)
        self._websockets.add(websocket)
        return websocket

    @override
    def __repr__(self) -> str:
        return f"<LeanTransport limit={self._limit}>"


async def _write(connection: LeanConnection, head: bytes, content: object, write_timeout: float | None,
                 outbox: _Outbox | None) -> None:
    transport = connection.transport
    if transport is None or connection.lost:
        raise TransportConnectionError("the connection closed before the request was sent")
    try:
        if outbox is not None and (content is None or (type(content) is bytes and len(content) < _SEPARATE_WRITE)):
            outbox.write(transport, head + content if content is not None else head)
            return
        await _send_body(connection, transport, head, content, write_timeout)
    except TransportConnectionError:
        if not connection.head_arrived:
            raise
        # The server answered and hung up before taking the whole body (a 413 to a large upload):
        # its answer is the result, not the broken write.
        connection.reusable = False


async def _send_body(connection: LeanConnection, transport: asyncio.Transport, head: bytes, content: object,
                     write_timeout: float | None) -> None:
    if content is None:
        transport.write(head)
    elif isinstance(content, bytes | bytearray | memoryview):
        if len(content) < _SEPARATE_WRITE:
            transport.write(head + bytes(content))
        else:
            transport.write(head)
            transport.write(content)
    else:
        transport.write(head)
        chunked = b"Transfer-Encoding: chunked\r\n" in head
        if isinstance(content, AsyncIterable):
            iterator = aiter(content)
            try:
                async for chunk in iterator:
                    if not _write_piece(connection, transport, chunk, chunked):
                        return
                    await connection.drain(write_timeout)
            finally:
                close = getattr(iterator, "aclose", None)
                if close is not None:
                    await close()  # a body left mid-way is finished now, not by a finalizer task
        elif isinstance(content, Iterable):
            for chunk in content:
                if not _write_piece(connection, transport, chunk, chunked):
                    return
                await connection.drain(write_timeout)
        else:
            raise TypeError(f"a request body must be bytes or an iterable of bytes, not {type(content).__name__}")
        if chunked:
            transport.write(b"0\r\n\r\n")
    if not connection.head_arrived:
        await connection.drain(write_timeout)


def _write_piece(connection: LeanConnection, transport: asyncio.Transport, chunk: bytes, chunked: bool) -> bool:
    """Send one piece of a streamed body; False once the server has answered (or hung up) mid-upload,
    when the rest is not sent and its answer read instead."""
    if connection.head_arrived or connection.lost:
        connection.reusable = False
        return False
    if chunk:
        transport.write(b"%x\r\n%b\r\n" % (len(chunk), chunk) if chunked else chunk)
    return True


async def _discard(response: Response) -> None:
    """Read a redirect's own body (a short one: its connection is reused) and close it."""
    with contextlib.suppress(TransportConnectionError):
        await response.aread_prefix(_REDIRECT_DRAIN)
