"""Shared pieces of the interop suite: the clients every scenario runs on, and a loopback guard.

Every scenario is parametrized over three async clients, built as a user builds them:

- ``official``: the official ``openai.AsyncOpenAI`` (the baseline: what the frameworks are written for);
- ``core-httpx``: a plain ``openai_core.AsyncOpenAI(base_url=..., api_key=...)``;
- ``core-aiohttp``: the same with ``http_client=openai_core.DefaultAioHttpClient()``.

Sync scenarios compare ``openai.OpenAI`` (``official``) with ``openai_core.OpenAI`` (``core``; httpx only).

Fixtures: ``client_kind`` / ``sync_client_kind`` (the parameter), ``make_client`` / ``make_sync_client``
(factories taking what a user of the official client would pass too, e.g. ``max_retries=0``; every client
made is closed after the test), ``make_client_outside_a_loop`` (async clients made in a sync test, for a
framework's own ``run_sync``). ``new_async_client`` / ``new_sync_client`` build one outside a fixture.
``bodies(server, path, marker)`` gives the JSON bodies a test sent (found by a word unique to it).

The loopback guard (autouse) fails a test that resolved or connected to anything but 127.0.0.1 / ::1 /
localhost, e.g. a framework's telemetry exporter: the suite talks to the embedded server only.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import openai
import pytest

import openai_core
from openai_core.testing import MockServer

ASYNC_KINDS = ["official", "core-httpx", "core-aiohttp"]
SYNC_KINDS = ["official", "core"]
API_KEY = "sk-interop"


def new_async_client(kind: str, server: MockServer, **options: Any) -> Any:
    if kind == "official":
        return openai.AsyncOpenAI(api_key=API_KEY, base_url=server.base_url, **options)
    if kind == "core-httpx":
        return openai_core.AsyncOpenAI(api_key=API_KEY, base_url=server.base_url, **options)
    if kind == "core-aiohttp":
        return openai_core.AsyncOpenAI(api_key=API_KEY, base_url=server.base_url,
                                       http_client=openai_core.DefaultAioHttpClient(), **options)
    raise ValueError(f"unknown client kind {kind!r}")


def new_sync_client(kind: str, server: MockServer, **options: Any) -> Any:
    if kind == "official":
        return openai.OpenAI(api_key=API_KEY, base_url=server.base_url, **options)
    if kind == "core":
        return openai_core.OpenAI(api_key=API_KEY, base_url=server.base_url, **options)
    raise ValueError(f"unknown sync client kind {kind!r}")


@pytest.fixture(params=ASYNC_KINDS)
def client_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(params=SYNC_KINDS)
def sync_client_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def make_client(server: MockServer, client_kind: str) -> AsyncIterator[Callable[..., Any]]:
    made: list[Any] = []

    def make(**options: Any) -> Any:
        client = new_async_client(client_kind, server, **options)
        made.append(client)
        return client

    yield make
    for client in made:
        await client.close()


@pytest.fixture
def make_client_outside_a_loop(server: MockServer, client_kind: str) -> Iterator[Callable[..., Any]]:
    """Async clients made in plain (sync) code, for a framework's ``run_sync``. Those run on the thread's
    default event loop (pydantic-ai and the Agents SDK alike), so the test gets a fresh one, and its clients
    are closed on it, as a user of ``run_sync`` closes them, before it is closed."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    made: list[Any] = []

    def make(**options: Any) -> Any:
        client = new_async_client(client_kind, server, **options)
        made.append(client)
        return client

    try:
        yield make
        for client in made:
            loop.run_until_complete(client.close())
    finally:
        loop.close()
        asyncio.set_event_loop(None)


@pytest.fixture
def make_sync_client(server: MockServer, sync_client_kind: str) -> Iterator[Callable[..., Any]]:
    made: list[Any] = []

    def make(**options: Any) -> Any:
        client = new_sync_client(sync_client_kind, server, **options)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


def bodies(server: MockServer, path: str, marker: str) -> list[dict[str, Any]]:
    """The JSON bodies of the requests to ``path`` whose body contains ``marker`` (a word unique to the test,
    so tests sharing the session's server see only their own requests)."""
    return [r.json() for r in server.requests if r.path.endswith(path) and marker.encode() in r.body]


# ----------------------------------------------------------------------------------- loopback guard

_LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1", ""})


def _is_loopback(host: Any) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    host = str(host).strip("[]")
    if host in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


class LoopbackGuard:
    """Refuses (OSError) and records every lookup of, or connection to, a non-loopback address."""

    def __init__(self) -> None:
        self.refused: list[str] = []
        self._getaddrinfo = socket.getaddrinfo
        self._connect = socket.socket.connect
        self._connect_ex = socket.socket.connect_ex

    def install(self) -> None:
        guard = self

        def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
            guard._check("lookup", host)
            return guard._getaddrinfo(host, *args, **kwargs)

        def connect(sock: socket.socket, address: Any) -> Any:
            guard._check_address(sock, address)
            return guard._connect(sock, address)

        def connect_ex(sock: socket.socket, address: Any) -> Any:
            guard._check_address(sock, address)
            return guard._connect_ex(sock, address)

        socket.getaddrinfo = getaddrinfo  # type: ignore[assignment]
        socket.socket.connect = connect  # type: ignore[method-assign]
        socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]

    def uninstall(self) -> None:
        socket.getaddrinfo = self._getaddrinfo
        socket.socket.connect = self._connect  # type: ignore[method-assign]
        socket.socket.connect_ex = self._connect_ex  # type: ignore[method-assign]

    def _check_address(self, sock: socket.socket, address: Any) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple):
            self._check("connect", address[0])

    def _check(self, what: str, host: Any) -> None:
        if not _is_loopback(host):
            self.refused.append(f"{what} {host!r}")
            raise OSError(f"interop tests stay on loopback: refused {what} to {host!r}")


@pytest.fixture(scope="session")
def loopback_guard() -> LoopbackGuard:
    # Never uninstalled: telemetry exporters flush at interpreter exit, after the session is over.
    guard = LoopbackGuard()
    guard.install()
    return guard


@pytest.fixture(autouse=True)
def _stays_on_loopback(loopback_guard: LoopbackGuard) -> Iterator[None]:
    before = len(loopback_guard.refused)
    yield
    refused = loopback_guard.refused[before:]
    assert not refused, f"the test tried to leave loopback: {refused}"
