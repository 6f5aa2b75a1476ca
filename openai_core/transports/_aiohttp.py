"""The aiohttp backend: an ``aiohttp.ClientSession`` does the I/O (``pip install "openai-core[aiohttp]"``).

aiohttp is asyncio-only and a ``ClientSession`` must be created inside a running event loop, so the
session this backend owns is created on the first request, not in ``__init__``: a client built at module
level (before any loop exists, as web apps do) works.
"""

from __future__ import annotations

import asyncio
import ssl
import urllib.request
import warnings
import weakref
from typing import Any

import aiohttp
import sniffio
from typing_extensions import override
from yarl import URL

from .._types import Timeout
from ._websocket_common import WebSocketRequest
from .base import (
    HTTPHeaders,
    Request,
    Response,
    TransportConnectionError,
    TransportRequestError,
    TransportTimeoutError,
)
from .websocket import AsyncWebSocket

__all__ = ["AioHttpTransport", "DefaultAioHttpClient"]

# Same cap as the httpx backend; aiohttp's default (100) queues the 101st concurrent request.
DEFAULT_LIMIT = 1000
_NO_CONTENT_TYPE = ("Content-Type",)


def _payload(content: object) -> object:
    """The request body for aiohttp. A bytes body past 1 MiB goes in as a ready BytesPayload: aiohttp
    warns (ResourceWarning) about "large" raw bytes locking the loop, but handing the transport a
    buffer it already holds is one copy, not a blocking read, and the body must stay replayable."""
    if isinstance(content, bytes | bytearray) and len(content) > 1 << 20:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            return aiohttp.payload.BytesPayload(content)
    return content


# Lower-cased header names, shared by every response (a gateway holding 5,000 streams held 5,000 copies
# of each name). Bounded: a server inventing names cannot grow it past this.
_LOWER_NAMES: dict[str, str] = {}
_LOWER_NAMES_MAX = 1024


def _lower(name: str) -> str:
    lowered = _LOWER_NAMES.get(name)
    if lowered is None:
        lowered = name.lower()
        if len(_LOWER_NAMES) < _LOWER_NAMES_MAX:
            _LOWER_NAMES[str(name)] = lowered
    return lowered


def _map_error(exc: BaseException) -> Exception:
    # aiohttp's timeout classes derive from both ClientError and TimeoutError: test timeouts first.
    if isinstance(exc, TimeoutError):
        return TransportTimeoutError(f"{type(exc).__name__}: {exc}")
    return TransportConnectionError(f"{type(exc).__name__}: {exc}")


class _Connector(aiohttp.TCPConnector):
    """aiohttp's connector, never reusing a pooled connection that received bytes while idle.

    aiohttp keeps reading an idle pooled connection and queues whatever response arrives on it; the
    next request sent on that connection is then answered with the queued one (a server that sends an
    unasked-for second response smuggles it into another call). ``should_close`` is set once anything
    was parsed there, so such a connection is closed instead of reused."""

    async def _get(self, *args: Any, **kwargs: Any) -> Any:
        while True:
            connection = await super()._get(*args, **kwargs)
            protocol = getattr(connection, "protocol", None)
            if connection is None or protocol is None or not protocol.should_close:
                return connection
            connection.close()


class _AioHttpBody:
    """Its own iterator, not an async generator: a stream held open keeps no suspended generator frame
    (about 200 B each, times the streams a gateway holds), and leaving a loop early needs no finalizer."""

    __slots__ = ("_response",)

    def __init__(self, response: aiohttp.ClientResponse) -> None:
        self._response = response

    def __aiter__(self) -> _AioHttpBody:
        return self

    async def __anext__(self) -> bytes:
        try:
            chunk = await self._response.content.readany()
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            raise _map_error(exc) from exc
        if not chunk:
            raise StopAsyncIteration
        return chunk

    async def aread(self) -> bytes:
        try:
            return await self._response.read()
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            raise _map_error(exc) from exc

    async def aclose(self) -> None:
        response = self._response
        if response.content.at_eof():
            response.release()  # body complete: the connection goes back to the pool
        else:
            response.close()  # left mid-body: the connection cannot be reused, drop it


class AioHttpTransport:
    """Sends requests with ``aiohttp.ClientSession``.

    Pass ``session=`` to use a session you configured (connector limits, TLS, proxies); it is then yours
    to close. Otherwise ``limit``/``ssl`` configure the connector and ``**session_kwargs`` go to the
    ``aiohttp.ClientSession`` this transport creates (lazily) and owns.
    """

    def __init__(
        self,
        session: aiohttp.ClientSession | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        ssl: ssl.SSLContext | bool | None = None,
        **session_kwargs: Any,
    ) -> None:
        if session is not None and session_kwargs:
            raise TypeError("pass either an aiohttp.ClientSession or keyword arguments for one, not both")
        self._session = session
        self._closing: aiohttp.ClientSession | None = None
        self._owns_session = session is None
        self._limit = limit
        self._ssl = ssl
        self._session_kwargs = session_kwargs
        self._timeouts: dict[Timeout, aiohttp.ClientTimeout] = {}
        self._env_proxies: dict[str, str] = {}
        self._proxy_for_origin: dict[tuple[str, str | None, int | None], str | None] = {}
        self._closed = False
        # Responses handed out whose body may still be read: see aclose().
        self._open: weakref.WeakSet[aiohttp.ClientResponse] = weakref.WeakSet()

    @property
    def owns_session(self) -> bool:
        return self._owns_session

    def _create_session(self) -> aiohttp.ClientSession:
        kwargs = dict(self._session_kwargs)
        if "connector" not in kwargs:
            connector_kwargs: dict[str, Any] = {"limit": self._limit, "limit_per_host": 0}
            if self._ssl is not None:
                connector_kwargs["ssl"] = self._ssl
            kwargs["connector"] = (_Connector if hasattr(aiohttp.TCPConnector, "_get") else aiohttp.TCPConnector)(
                **connector_kwargs
            )
        # httpx honours HTTP(S)_PROXY / NO_PROXY by default; so does this backend, for parity. Not with
        # aiohttp's trust_env=True, though: that costs two thread-pool hops per request (a netrc read
        # and a proxy lookup; measured at ~30 % of client CPU at 64 concurrent). The environment is
        # read once here instead and the proxy chosen per origin, cached.
        if "trust_env" not in kwargs:
            self._env_proxies = urllib.request.getproxies_environment()
        session = aiohttp.ClientSession(**kwargs)
        # aiohttp silently resends an idempotent request once when a reused keep-alive connection
        # fails. The pipeline owns retries (counted, backed off, bounded by max_retries); a hidden extra
        # attempt would make the server see more requests than the caller allowed.
        if hasattr(session, "_retry_connection"):
            session._retry_connection = False
        return session

    def _client_timeout(self, timeout: Timeout) -> aiohttp.ClientTimeout:
        client_timeout = self._timeouts.get(timeout)
        if client_timeout is None:
            if len(self._timeouts) >= 64:  # a distinct Timeout per call must not grow the cache forever
                self._timeouts.clear()
            # aiohttp's `connect` covers the wait for a pooled connection plus the connect itself;
            # `sock_connect` is the connect alone, which is what the neutral `connect` means.
            pool_and_connect = (
                None if timeout.pool is None or timeout.connect is None else timeout.pool + timeout.connect
            )
            client_timeout = aiohttp.ClientTimeout(
                total=None, connect=pool_and_connect, sock_connect=timeout.connect, sock_read=timeout.read
            )
            self._timeouts[timeout] = client_timeout
        return client_timeout

    def _proxy(self, url: URL) -> str | None:
        if not self._env_proxies:
            return None
        origin = (url.scheme, url.host, url.port)
        if origin not in self._proxy_for_origin:
            host = f"{url.host}:{url.port}" if url.port else (url.host or "")
            bypass = urllib.request.proxy_bypass(host)  # NO_PROXY, read from the environment
            self._proxy_for_origin[origin] = None if bypass else self._env_proxies.get(url.scheme)
        return self._proxy_for_origin[origin]

    async def send(self, request: Request) -> Response:
        session = self._session
        if session is None:
            if self._closed:
                # A programming error, not a network failure (so never retried), worded and typed as
                # httpx reports it: the same failure gives the same exception on both backends.
                raise RuntimeError("Cannot send a request, as the client has been closed.")
            library = sniffio.current_async_library()
            if library != "asyncio":
                raise RuntimeError(
                    f"the aiohttp backend runs on asyncio only, not {library}; use the httpx backend "
                    '(the default, transport="httpx"), which runs on asyncio and trio'
                )
            session = self._session = self._create_session()
        try:
            response = await session.request(
                request.method,
                request.url,
                headers=request.headers,
                data=_payload(request.content),
                timeout=self._client_timeout(request.timeout),
                proxy=self._proxy(request.url),
                # aiohttp labels a body-less POST application/octet-stream; httpx and the official SDK
                # send no Content-Type there, and neither do we.
                skip_auto_headers=_NO_CONTENT_TYPE if request.content is None else None,
            )
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            raise _map_error(exc) from exc
        except ValueError:
            # aiohttp refuses a control character in a header ("header injection"); its message is
            # generic, but the chained traceback's locals are not printed either way.
            raise TransportRequestError(
                "the request could not be sent: a header name or value is not valid HTTP; header values "
                "are not shown, they may hold a key"
            ) from None
        self._open.add(response)
        return Response(
            response.status,
            # Names lower-cased as httpx gives them, so ``dict(response.headers)`` has the same keys on
            # every backend (frameworks copy the headers into a plain dict and look names up in lower case).
            headers=HTTPHeaders([(_lower(name), value) for name, value in response.headers.items()]),
            stream=_AioHttpBody(response),
            request=request,
            http_version=f"HTTP/{response.version.major}.{response.version.minor}"
            if response.version
            else "HTTP/1.1",
        )

    async def aclose(self) -> None:
        self._closed = True
        if not self._owns_session:
            return
        session = self._session or self._closing
        self._session = None
        if session is not None and not session.closed:
            # Kept until closed: a close cut short (KeyboardInterrupt from a second SIGINT while a
            # server shuts down) is finished by the next aclose() instead of leaking the connections.
            self._closing = session
            # aiohttp drops a connection's payload reference before the connection is lost, so a task
            # reading a body (a stream) when the session closes would wait for its read timeout
            # (600 s by default). Fail those reads now, as httpx does.
            for response in list(self._open):
                if not response.content.at_eof():
                    response.content.set_exception(aiohttp.ClientConnectionError("the client was closed"))
            self._open.clear()
            await session.close()
            self._closing = None
            # Closing a transport releases its socket on the next loop iteration; yield once so the
            # client holds no socket when close() returns.
            await asyncio.sleep(0)

    async def connect_websocket(self, request: WebSocketRequest) -> AsyncWebSocket:
        """Open a WebSocket (the realtime API) with ``ws_connect`` on this transport's session."""
        from ._aiohttp_ws import connect_aiohttp_websocket

        return await connect_aiohttp_websocket(self, request)

    @override
    def __repr__(self) -> str:
        return f"<AioHttpTransport owns_session={self._owns_session}>"


class DefaultAioHttpClient(AioHttpTransport):
    """The aiohttp backend with this package's defaults, for ``AsyncOpenAI(http_client=...)``.

    Keyword arguments configure the session: ``limit`` (connections, default 1000), ``ssl`` (an
    ``ssl.SSLContext``, or False to skip verification), and anything ``aiohttp.ClientSession`` takes.
    """

    def __init__(
        self, *, limit: int = DEFAULT_LIMIT, ssl: ssl.SSLContext | bool | None = None, **session_kwargs: Any
    ) -> None:
        super().__init__(None, limit=limit, ssl=ssl, **session_kwargs)
