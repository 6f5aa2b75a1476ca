"""Shared fixtures: one embedded server for the session, and a client per transport."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import psutil
import pytest

from openai_core import AsyncOpenAI
from openai_core.testing import MockServer

TRANSPORTS = ["httpx", "aiohttp"]


@pytest.fixture(scope="session")
def server() -> Iterator[MockServer]:
    with MockServer() as srv:
        yield srv


@pytest.fixture(params=TRANSPORTS)
def transport(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def client(server: MockServer, transport: str) -> AsyncIterator[AsyncOpenAI]:
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url, transport=transport) as c:
        yield c


def client_sockets(port: int) -> int:
    """Sockets this process holds that are connected to ``port`` (the client side of connections to the
    embedded server, which runs in this process too: its own sockets have ``port`` as the local port)."""
    return sum(
        1
        for conn in psutil.Process().net_connections(kind="tcp")
        if conn.raddr and conn.raddr.port == port
    )

