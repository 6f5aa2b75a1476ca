"""A constant-time HTTP/1.1 connection pool for the httpx backend.

httpcore's ``AsyncConnectionPool`` re-scans every connection and every queued request on each request
start and finish (``_assign_requests_to_connections``), asking each idle connection's socket whether it
is readable (a ``poll`` syscall, plus a ``getpeername`` through anyio's attribute lookup). The cost grows
with the pool: measured here at ~1.6 ms of client CPU per request with 1 connection and ~7 ms with 512,
and it is what makes httpx collapse at high concurrency (p99 latency 5-10x p50 at 64-512 requests in
flight). This pool keeps idle connections per origin in a stack and checks only the connection it is
about to reuse, so a request costs the same at 1 or 1,000 connections.

It replaces the pool inside an ``httpx.AsyncHTTPTransport`` that this package created, so httpx still
does everything else (TLS, request/response mapping, exceptions). HTTP/2 and proxied transports keep
httpcore's pool (they multiplex or tunnel, which this pool does not do). httpx2's pool (httpcore2, the
fork the official SDK uses) has the same scan and the same API, so the httpx2 plug-in installs this
pool too, built from httpcore2's classes (``core=httpcore2``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import anyio  # unasync: async-only
import httpcore
import httpx

# unasync: sync-only: import threading

__all__ = ["install_lean_pool"]

# Bytes a request may send before, between two writes, the pool checks whether the server has already
# answered: below it a body is a write or two and the check would cost a syscall on every request.
_EARLY_ANSWER_CHECK_AFTER = 256 * 1024


def _key(origin: httpcore.Origin) -> tuple[bytes, bytes, int]:
    return (origin.scheme, origin.host, origin.port)  # httpcore.Origin is not hashable


def _has_unread_bytes(connection: httpcore.AsyncHTTPConnection) -> bool:
    """Whether h11 still holds bytes the server sent after the response just completed.

    A server whose ``Content-Length`` is shorter than its body (or that pipelines an unasked-for
    response) leaves them in h11's buffer, where the socket-readability check cannot see them: reusing
    the connection would hand the *next* request those bytes as its response. Where the internals are
    not as expected, the answer is "yes", so an unknown state costs a reconnect, never a desync."""
    state = getattr(getattr(connection, "_connection", None), "_h11_state", None)
    if state is None:
        return True
    data, closed = state.trailing_data
    return bool(data) or bool(closed)


class _EarlyAnswerStream:
    """A plain-TCP connection's network stream that stops sending a request body once the server has
    answered.

    httpx sends the whole body before it reads. A server that answers early (a 413 to a 64 MiB upload)
    and then closes makes the remaining writes fail, and the answer still unread in the socket is lost
    with it: the caller saw a connection error, and the upload was retried. Here, once a request has
    sent more than ``_EARLY_ANSWER_CHECK_AFTER`` bytes, each write first asks whether the socket is
    readable; if the server has spoken, the write fails with ``WriteError``, which httpcore takes as
    "stop sending, read the response". Not over TLS: a TLS 1.3 server's session tickets make the
    socket readable before any answer, which would stop every large upload."""

    __slots__ = ("_core", "_stream", "_unanswered")

    def __init__(self, stream: Any, core: Any) -> None:
        self._stream = stream
        self._core = core
        self._unanswered = 0

    # The signatures are httpcore's network-stream interface (timeouts included).
    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:  # noqa: ASYNC109
        self._unanswered = 0
        data: bytes = await self._stream.read(max_bytes, timeout)
        return data

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:  # noqa: ASYNC109
        if self._unanswered > _EARLY_ANSWER_CHECK_AFTER and self._stream.get_extra_info("is_readable"):
            raise self._core.WriteError("the server answered before the request body was sent")
        self._unanswered += len(buffer)
        await self._stream.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None  # noqa: ASYNC109
    ) -> Any:
        return await self._stream.start_tls(ssl_context, server_hostname, timeout)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _EarlyAnswerBackend:
    """The pool's network backend, its TCP streams wrapped in ``_EarlyAnswerStream``."""

    __slots__ = ("_backend", "_core")

    def __init__(self, backend: Any, core: Any) -> None:
        self._backend = backend
        self._core = core

    async def connect_tcp(self, *args: Any, **kwargs: Any) -> Any:
        return _EarlyAnswerStream(await self._backend.connect_tcp(*args, **kwargs), self._core)

    async def connect_unix_socket(self, *args: Any, **kwargs: Any) -> Any:
        return _EarlyAnswerStream(await self._backend.connect_unix_socket(*args, **kwargs), self._core)

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


def _default_backend(core: Any) -> Any:
    """What an httpcore connection uses when the pool names no backend."""
    auto = getattr(getattr(getattr(core, "_backends", None), "auto", None), "AutoBackend", None)  # unasync: async-only
    return auto() if auto is not None else core.AnyIOBackend()  # unasync: async-only
    # unasync: sync-only: return core.SyncBackend()


class _PooledStream:
    """The response body; closing it hands the connection back (or drops it) and frees the slot."""

    __slots__ = ("_connection", "_origin", "_pool", "_released", "_stream")

    def __init__(
        self, stream: Any, pool: _LeanPool, connection: httpcore.AsyncHTTPConnection, origin: httpcore.Origin
    ) -> None:
        self._stream = stream
        self._pool = pool
        self._connection = connection
        self._origin = origin
        self._released = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            yield chunk

    async def aclose(self) -> None:
        if self._released:
            return
        self._released = True
        try:
            await self._stream.aclose()
        finally:
            await self._pool.release(self._connection, self._origin)


class _LeanPool:
    """Drop-in for ``httpcore.AsyncConnectionPool`` (HTTP/1.1, no proxy), configured from one."""

    def __init__(self, original: httpcore.AsyncConnectionPool, core: Any = httpcore) -> None:
        self._original = original
        self._core = core  # httpcore, or its API-compatible fork httpcore2
        self._max_connections = original._max_connections
        self._idle: dict[tuple[bytes, bytes, int], list[httpcore.AsyncHTTPConnection]] = {}
        self._active: set[httpcore.AsyncHTTPConnection] = set()
        self._network_backend = _EarlyAnswerBackend(original._network_backend or _default_backend(core), core)
        self._slots = anyio.Semaphore(original._max_connections)  # unasync: async-only
        # unasync: sync-only: self._slots = threading.Semaphore(original._max_connections)
        self._closed = False

    def _new_connection(self, origin: httpcore.Origin) -> httpcore.AsyncHTTPConnection:
        pool = self._original
        connection: httpcore.AsyncHTTPConnection = self._core.AsyncHTTPConnection(
            origin=origin,
            ssl_context=pool._ssl_context,
            keepalive_expiry=pool._keepalive_expiry,
            http1=pool._http1,
            http2=pool._http2,
            retries=pool._retries,
            local_address=pool._local_address,
            uds=pool._uds,
            network_backend=self._network_backend,
            socket_options=pool._socket_options,
        )
        return connection

    async def _idle_connection(self, origin: httpcore.Origin) -> httpcore.AsyncHTTPConnection | None:
        stack = self._idle.get(_key(origin))
        while stack:
            connection = stack.pop()
            if connection.is_idle() and not connection.has_expired():
                return connection
            await connection.aclose()  # closed by the server or past keep-alive expiry
        return None

    async def _acquire_slot(self, pool_timeout: float | None) -> None:
        if pool_timeout is None:
            await self._slots.acquire()
            return
        with anyio.fail_after(pool_timeout):  # unasync: async-only
            await self._slots.acquire()  # unasync: async-only
        # unasync: sync-only: if not self._slots.acquire(timeout=pool_timeout):
        # unasync: sync-only:     raise TimeoutError

    async def handle_async_request(self, request: httpcore.Request) -> httpcore.Response:
        if self._closed:
            raise self._core.ConnectError("the connection pool is closed")
        timeouts = request.extensions.get("timeout", {})
        try:
            await self._acquire_slot(timeouts.get("pool"))
        except TimeoutError as exc:
            raise self._core.PoolTimeout("timed out waiting for a free connection") from exc
        connection: httpcore.AsyncHTTPConnection | None = None
        try:
            origin = request.url.origin
            connection = await self._idle_connection(origin) or self._new_connection(origin)
            self._active.add(connection)
            response = await connection.handle_async_request(request)
        except BaseException:
            if connection is not None:
                self._active.discard(connection)
                await connection.aclose()
            self._slots.release()
            raise
        pooled: httpcore.Response = self._core.Response(
            status=response.status,
            headers=response.headers,
            content=_PooledStream(response.stream, self, connection, origin),
            extensions=response.extensions,
        )
        return pooled

    async def release(self, connection: httpcore.AsyncHTTPConnection, origin: httpcore.Origin) -> None:
        self._active.discard(connection)
        try:
            if not self._closed and connection.is_idle() and not _has_unread_bytes(connection):
                self._idle.setdefault(_key(origin), []).append(connection)
            else:
                # The body was not read to the end, or bytes follow it: the socket cannot be reused.
                await connection.aclose()
        finally:
            self._slots.release()

    async def aclose(self) -> None:
        """Close every connection. Safe to call again, and a second call finishes what an interrupted
        first one left: a server's shutdown can be cut short by a second SIGINT (a process group's
        Ctrl-C also reaches a Sanic worker through its manager), raising KeyboardInterrupt wherever it
        lands. So each connection leaves the pool only once it is closed, never all of them up front."""
        self._closed = True
        for stack in list(self._idle.values()):
            while stack:
                connection = stack[-1]
                await connection.aclose()
                if stack and stack[-1] is connection:
                    stack.pop()
        self._idle.clear()
        for connection in list(self._active):
            await connection.aclose()
            self._active.discard(connection)
        await self._original.aclose()


def install_lean_pool(transport: httpx.AsyncHTTPTransport, core: Any = httpcore) -> bool:
    """Swap the pool inside ``transport`` (httpx's over ``core=httpcore``, or httpx2's over
    ``core=httpcore2``) for the lean one; False (and no change) where the transport is not a plain
    HTTP/1.1 pool (HTTP/2, proxies) or the library's internals moved."""
    pool: Any = getattr(transport, "_pool", None)
    if type(pool) is not core.AsyncConnectionPool or pool._http2 or not pool._http1:
        return False
    needed = ("_max_connections", "_ssl_context", "_keepalive_expiry", "_retries", "_local_address",
              "_uds", "_network_backend", "_socket_options")
    if not all(hasattr(pool, name) for name in needed):
        return False
    transport._pool = _LeanPool(pool, core)  # type: ignore[assignment]
    return True
