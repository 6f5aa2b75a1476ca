"""The interop suite's loopback guard (conftest.py) refuses what a framework's telemetry would do: look up
or connect to a public host, from plain sockets and from asyncio alike."""

from __future__ import annotations

import asyncio
import socket

import pytest

from .conftest import LoopbackGuard


async def test_guard_refuses_and_records_public_hosts(loopback_guard: LoopbackGuard) -> None:
    before = len(loopback_guard.refused)
    with pytest.raises(OSError, match="stay on loopback"):
        socket.getaddrinfo("api.openai.com", 443)
    with pytest.raises(OSError, match="stay on loopback"):
        socket.create_connection(("192.0.2.1", 443), timeout=1)
    with pytest.raises(OSError, match="stay on loopback"):
        await asyncio.open_connection("api.openai.com", 443)
    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as raw, pytest.raises(OSError, match="stay on loopback"):
        raw.connect(("2001:db8::1", 443, 0, 0))
    refused = loopback_guard.refused[before:]
    del loopback_guard.refused[before:]  # expected here: the autouse check is for every other test
    assert refused == ["lookup 'api.openai.com'", "lookup '192.0.2.1'", "lookup 'api.openai.com'",
                       "connect '2001:db8::1'"]


async def test_guard_lets_loopback_through(loopback_guard: LoopbackGuard) -> None:
    assert socket.getaddrinfo("localhost", 80) and socket.getaddrinfo("::1", 80)
    server = await asyncio.start_server(lambda r, w: w.close(), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    _, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.close()
    server.close()
    await server.wait_closed()
