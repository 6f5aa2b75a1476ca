"""The httpx backend (the default): an ``httpx.AsyncClient`` does the I/O."""

from __future__ import annotations

import weakref
from collections.abc import AsyncIterator
from typing import Any

import httpcore
import httpx
from anyio import sleep
from typing_extensions import override

from .._types import Timeout
from ._httpx_pool import install_lean_pool
from ._websocket_common import REALTIME_EXTRA, WebSocketRequest, WebSocketUnavailableError
from .base import (
    HTTPHeaders,
    Request,
    Response,
    TransportConnectionError,
    TransportRequestError,
    TransportTimeoutError,
)
from .websocket import AsyncWebSocket

__all__ = ["DefaultAsyncHttpxClient", "HttpxTransport"]

# Default pool (set in HttpxTransport.__init__): the official SDK's size, 1000. httpx's own default (100)
# silently queues the 101st concurrent request behind the pool timeout; keep-alive matches the cap so a
# burst does not close and reopen sockets.


# A distinct Timeout per call (a computed deadline, say) would otherwise grow the cache without end.
_TIMEOUT_CACHE_SIZE = 64

_UNSENDABLE = (
    "the request could not be sent: a header name or value is not valid HTTP ({}); header values are "
    "not shown, they may hold a key"
)


def _map_error(exc: Exception, lib: Any) -> Exception:
    if isinstance(exc, lib.TimeoutException):
        return TransportTimeoutError(f"{type(exc).__name__}: {exc}")
    if isinstance(exc, lib.LocalProtocolError):
        # h11's message quotes the offending header line, which may be the Authorization header.
        return TransportRequestError(_UNSENDABLE.format(type(exc).__name__))
    return TransportConnectionError(f"{type(exc).__name__}: {exc}")


class _HttpxBody:
    __slots__ = ("_lib", "_response")

    def __init__(self, response: httpx.Response, lib: Any) -> None:
        self._response = response
        self._lib = lib

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._response.aiter_bytes():
                yield chunk
        except self._lib.HTTPError as exc:  # includes StreamError subclasses raised mid-body
            raise _map_error(exc, self._lib) from exc

    async def aread(self) -> bytes:
        try:
            return await self._response.aread()
        except self._lib.HTTPError as exc:
            raise _map_error(exc, self._lib) from exc

    async def aclose(self) -> None:
        await self._response.aclose()


class HttpxTransport:
    """Sends requests with ``httpx.AsyncClient``.

    Pass ``client=`` to use an ``httpx.AsyncClient`` you configured (proxies, TLS, limits, event hooks);
    it is then yours to close. Otherwise ``**client_kwargs`` go to the ``httpx.AsyncClient`` this
    transport creates and owns.
    """

    # The library doing the I/O: httpx here; an API-compatible fork (httpx2) subclasses with its own,
    # and with its own httpcore (the lean pool is built from that library's connection classes).
    _lib: Any = httpx
    _core: Any = httpcore

    def __init__(self, client: httpx.AsyncClient | None = None, **client_kwargs: Any) -> None:
        if client is not None and client_kwargs:
            raise TypeError("pass either an httpx.AsyncClient or keyword arguments for one, not both")
        self._owns_client = client is None
        self._lean_pool: Any = None
        if client is None:
            lib = self._lib
            client_kwargs.setdefault(
                "limits", lib.Limits(max_connections=1000, max_keepalive_connections=1000, keepalive_expiry=5.0)
            )
            client_kwargs.setdefault("follow_redirects", True)
            client = lib.AsyncClient(**client_kwargs)
            default_transport = getattr(client, "_transport", None)
            if isinstance(default_transport, lib.AsyncHTTPTransport) and install_lean_pool(
                default_transport, self._core
            ):
                self._lean_pool = default_transport._pool
        self._client = client
        self._timeouts: dict[Timeout, dict[str, float | None]] = {}
        # Realtime WebSockets opened here (not through the httpx client): aclose() drops those still open.
        self._websockets: weakref.WeakSet[Any] = weakref.WeakSet()

    @property
    def client(self) -> httpx.AsyncClient:
        return self._client

    @property
    def owns_client(self) -> bool:
        return self._owns_client

    async def send(self, request: Request) -> Response:
        timeouts = self._timeouts
        timeout = timeouts.get(request.timeout)
        if timeout is None:
            if len(timeouts) >= _TIMEOUT_CACHE_SIZE:
                timeouts.clear()
            timeout = timeouts[request.timeout] = request.timeout.as_dict()
        try:
            # build_request merges the client's own defaults (headers, cookies, Accept-Encoding), so a
            # user's configured httpx.AsyncClient behaves as configured.
            outgoing = self._client.build_request(
                request.method,
                str(request.url),
                headers=list(request.headers.items()),
                content=request.content,
                extensions={"timeout": timeout},
            )
        except (UnicodeError, TypeError) as exc:
            # A header value httpx cannot encode: the exception's text quotes it. Not chained for that
            # reason, and not a connection error: sending it again cannot help.
            raise TransportRequestError(_UNSENDABLE.format(type(exc).__name__)) from None
        try:
            response = await self._client.send(outgoing, stream=True)
        except self._lib.LocalProtocolError as exc:
            raise _map_error(exc, self._lib) from None
        except self._lib.HTTPError as exc:
            raise _map_error(exc, self._lib) from exc
        return Response(
            response.status_code,
            headers=HTTPHeaders(response.headers.multi_items()),
            stream=_HttpxBody(response, self._lib),
            request=request,
            http_version=response.http_version,
        )

    async def aclose(self) -> None:
        if self._owns_client:
            await self._client.aclose()
            if self._lean_pool is not None:
                # httpx marks itself closed before closing its pool, so its aclose() does nothing the
                # second time: finish a close that was interrupted (see _LeanPool.aclose).
                await self._lean_pool.aclose()
        if self._websockets:
            for websocket in list(self._websockets):
                websocket.abort()
            # An aborted socket is released on the next loop iteration (sleep, not anyio's checkpoint(): the
            # sync twin turns it into time.sleep(0)).
            await sleep(0)  # noqa: ASYNC115

    async def connect_websocket(self, request: WebSocketRequest) -> AsyncWebSocket:
        """Open a WebSocket (the realtime API). httpx has none: the ``websockets`` library opens it, on its
        own connection (not this client's pool, proxies or TLS settings; see docs/realtime.md)."""
        try:
            from ._websockets import connect_websockets
        except ImportError as exc:
            raise WebSocketUnavailableError(
                f"WebSockets on the httpx transport need the websockets library: {REALTIME_EXTRA} ({exc})"
            ) from exc
        websocket = await connect_websockets(request)
        self._websockets.add(websocket)
        return websocket

    @override
    def __repr__(self) -> str:
        return f"<{type(self).__name__} owns_client={self._owns_client}>"


class DefaultAsyncHttpxClient(HttpxTransport):
    """The httpx backend with this package's defaults (pool of 1000, redirects followed); keyword
    arguments go to ``httpx.AsyncClient`` (``proxy=``, ``verify=``, ``limits=``, ``http2=``, ...)."""

    def __init__(self, **client_kwargs: Any) -> None:
        super().__init__(None, **client_kwargs)
