"""Connection pooling on both backends (the httpx backend runs this package's lean HTTP/1.1 pool)."""

from __future__ import annotations

import asyncio

import httpx
import pytest

import openai_core as openai
from openai_core import AsyncOpenAI, Timeout
from openai_core.testing import MockServer
from openai_core.transports._httpx_pool import _LeanPool
from openai_core.transports._lean import LeanTransport

from .conftest import client_sockets

MESSAGES = [{"role": "user", "content": "hi"}]


def one_connection(transport: str, server: MockServer, **kwargs: object) -> AsyncOpenAI:
    backend: object = (
        openai.DefaultAioHttpClient(limit=1)
        if transport == "aiohttp"
        else LeanTransport(limit=1)
        if transport == "lean"
        else openai.DefaultAsyncHttpxClient(limits=httpx.Limits(max_connections=1))
    )
    return AsyncOpenAI(api_key="k", base_url=server.base_url, http_client=backend, **kwargs)  # type: ignore[arg-type]


def test_httpx_backend_runs_the_lean_pool() -> None:
    transport = openai.DefaultAsyncHttpxClient()
    assert isinstance(transport.client._transport._pool, _LeanPool)  # type: ignore[attr-defined]
    http2 = openai.DefaultAsyncHttpxClient(http2=True) if _has_h2() else None
    if http2 is not None:  # HTTP/2 multiplexes: httpcore's own pool stays
        assert not isinstance(http2.client._transport._pool, _LeanPool)  # type: ignore[attr-defined]


def _has_h2() -> bool:
    try:
        import h2  # noqa: F401
    except ImportError:
        return False
    return True


async def test_sequential_requests_reuse_one_connection(client: AsyncOpenAI, server: MockServer) -> None:
    for i in range(30):
        r = await client.chat.completions.create(model="gpt-4", messages=[{"role": "user", "content": str(i)}])
        assert r.choices[0].message.content == f"echo: {i}"
    assert client_sockets(server.port) == 1


async def test_abandoned_stream_drops_its_connection_and_the_next_request_works(
    transport: str, server: MockServer
) -> None:
    async with one_connection(transport, server) as client:
        async with await client.chat.completions.create(
            model="gpt-4", messages=[{"role": "user", "content": "a b c d e f"}], stream=True
        ) as stream:
            await stream.__anext__()
        # the half-read connection was dropped, not handed to the next request
        r = await client.chat.completions.create(model="gpt-4", messages=MESSAGES)
        assert r.choices[0].message.content == "echo: hi"
        assert client_sockets(server.port) == 1
    assert client_sockets(server.port) == 0


async def test_pool_timeout_when_every_connection_is_busy(transport: str, server: MockServer) -> None:
    async with one_connection(transport, server, max_retries=0) as client:
        slow = asyncio.create_task(
            client.chat.completions.create(
                model="gpt-4", messages=MESSAGES, extra_headers={"X-Mock-Fault": "kind=slow_headers;delay=1.5"}
            )
        )
        await asyncio.sleep(0.2)
        with pytest.raises(openai.APITimeoutError):
            await client.models.list(timeout=Timeout(10.0, connect=0.2, pool=0.2))
        assert (await slow).choices[0].message.content == "echo: hi"


async def test_many_concurrent_requests_beyond_the_pool_all_complete(transport: str, server: MockServer) -> None:
    async with one_connection(transport, server) as client:
        results = await asyncio.gather(
            *[client.chat.completions.create(model="gpt-4", messages=[{"role": "user", "content": str(i)}]) for i in range(40)]
        )
    assert [r.choices[0].message.content for r in results] == [f"echo: {i}" for i in range(40)]
    assert client_sockets(server.port) == 0
