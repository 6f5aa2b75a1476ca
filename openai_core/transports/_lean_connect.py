"""Opening the lean backend's connections: direct, through an HTTP proxy, or tunnelled (``CONNECT``) to an
HTTPS origin, with TLS from an ``ssl.SSLContext``; every failure mapped to the neutral transport errors."""

from __future__ import annotations

import asyncio
import base64
import ssl
import urllib.request
from typing import Any

from yarl import URL

from ._lean_conn import READ_BUFFER_SIZE, LeanConnection
from ._lean_wire import host_header
from .base import TransportConnectionError, TransportTimeoutError

__all__ = ["Connector"]

_MAX_PROXY_HEAD = 64 * 1024


class _TunnelReply(asyncio.Protocol):
    """Reads the proxy's answer to ``CONNECT`` (a head only: a 200 has no body)."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.buffer = bytearray()
        self.done: asyncio.Future[bytes] = loop.create_future()

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if self.done.done():
            return
        if b"\r\n\r\n" in self.buffer:
            self.done.set_result(bytes(self.buffer))
        elif len(self.buffer) > _MAX_PROXY_HEAD:
            self.done.set_exception(TransportConnectionError("ProxyError: the proxy's answer to CONNECT is too long"))

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.done.done():
            self.done.set_exception(TransportConnectionError("ProxyError: the proxy closed the connection"))


def _proxy_authorization(proxy: URL) -> bytes:
    if proxy.user is None:
        return b""
    token = base64.b64encode(f"{proxy.user}:{proxy.password or ''}".encode()).decode("ascii")
    return f"Proxy-Authorization: Basic {token}\r\n".encode("ascii")


class Connector:
    """Chooses the route per origin (``HTTP(S)_PROXY`` / ``NO_PROXY``, read once, as the aiohttp backend
    does) and opens connections on it."""

    __slots__ = ("_env_proxies", "_route_for_origin", "_ssl", "_ssl_option", "read_buffer")

    def __init__(self, ssl_option: ssl.SSLContext | bool | None, *, trust_env: bool) -> None:
        self._ssl_option = ssl_option
        self._ssl: ssl.SSLContext | None = None
        self._env_proxies: dict[str, str] = urllib.request.getproxies_environment() if trust_env else {}
        self._route_for_origin: dict[tuple[str, str | None, int | None], URL | None] = {}
        # Every connection of this transport reads into it (see _lean_conn): one event loop, one read at a time.
        self.read_buffer = memoryview(bytearray(READ_BUFFER_SIZE))

    def ssl_context(self) -> ssl.SSLContext:
        context = self._ssl
        if context is None:
            option = self._ssl_option
            if isinstance(option, ssl.SSLContext):
                context = option
            else:
                context = ssl.create_default_context()
                if option is False:
                    context.check_hostname = False
                    context.verify_mode = ssl.CERT_NONE
            self._ssl = context
        return context

    def proxy_for(self, url: URL) -> URL | None:
        if not self._env_proxies:
            return None
        origin = (url.scheme, url.host, url.port)
        if origin not in self._route_for_origin:
            if len(self._route_for_origin) >= 256:
                self._route_for_origin.clear()
            host = f"{url.host}:{url.port}" if url.port else (url.host or "")
            bypass = urllib.request.proxy_bypass(host)  # NO_PROXY, read from the environment
            proxy = None if bypass else self._env_proxies.get(url.scheme)
            self._route_for_origin[origin] = URL(proxy) if proxy else None
        return self._route_for_origin[origin]

    async def connect(
        self, loop: asyncio.AbstractEventLoop, url: URL, proxy: URL | None, key: tuple[Any, ...],
        connect_timeout: float | None,
    ) -> LeanConnection:
        connection = LeanConnection(loop, key, self.read_buffer)
        try:
            async with asyncio.timeout(connect_timeout):
                await self._open(loop, connection, url, proxy)
        except TimeoutError:
            connection.close()
            raise TransportTimeoutError("ConnectTimeout: opening the connection timed out") from None
        except TransportConnectionError:
            connection.close()
            raise
        except OSError as exc:  # refused, unreachable, DNS, TLS (ssl.SSLError is an OSError)
            connection.close()
            raise TransportConnectionError(f"ConnectError: {type(exc).__name__}: {exc}") from exc
        except BaseException:
            connection.close()
            raise
        return connection

    async def _open(
        self, loop: asyncio.AbstractEventLoop, connection: LeanConnection, url: URL, proxy: URL | None
    ) -> None:
        host = url.raw_host or ""
        port = url.port or (443 if url.scheme == "https" else 80)
        tls = url.scheme == "https"
        if proxy is None:
            await loop.create_connection(
                lambda: connection, host, port, ssl=self.ssl_context() if tls else None,
                server_hostname=host if tls else None,
            )
            return
        proxy_host, proxy_port = proxy.raw_host or "", proxy.port or 80
        if not tls:  # a plain request goes to the proxy itself, in absolute form
            await loop.create_connection(lambda: connection, proxy_host, proxy_port)
            return
        raw, reply = await loop.create_connection(lambda: _TunnelReply(loop), proxy_host, proxy_port)
        try:
            authority = host_header(url.with_port(port))
            raw.write(f"CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n".encode("ascii")
                      + _proxy_authorization(proxy) + b"\r\n")
            head = await reply.done
            status_line = head.split(b"\r\n", 1)[0].split(b" ", 2)
            status = int(status_line[1]) if len(status_line) > 1 and status_line[1].isdigit() else 0
            if status != 200:
                raise TransportConnectionError(f"ProxyError: the proxy answered {status} to CONNECT")
            tls_transport = await loop.start_tls(raw, connection, self.ssl_context(), server_hostname=host)
            if tls_transport is None:
                raise TransportConnectionError("ProxyError: TLS through the tunnel could not start")
            connection.connection_made(tls_transport)
        except BaseException:
            raw.abort()
            raise
