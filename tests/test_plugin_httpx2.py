"""The httpx2 backend arrives through the plug-in path (an entry point, not the built-in table) and
behaves like the built-ins over real loopback HTTP."""

from __future__ import annotations

import pytest

import openai_core as openai
from openai_core import AsyncOpenAI
from openai_core.testing import MockServer
from openai_core.transports import _BUILTIN, _entry_points, available_transports

from .conftest import client_sockets

pytest.importorskip("httpx2")


def test_httpx2_is_registered_by_entry_point_only() -> None:
    assert "httpx2" not in _BUILTIN
    assert "httpx2" in _entry_points()
    assert "httpx2" in available_transports()


async def test_httpx2_round_trips(server: MockServer) -> None:
    async with AsyncOpenAI(api_key="k", base_url=server.base_url, transport="httpx2") as client:
        assert type(client.transport).__name__ == "Httpx2Transport"
        r = await client.chat.completions.create(model="gpt-4", messages=[{"role": "user", "content": "hi"}])
        assert r.choices[0].message.content == "echo: hi"
        stream = await client.chat.completions.create(
            model="gpt-4", messages=[{"role": "user", "content": "a b"}], stream=True
        )
        assert [c.choices[0].delta.content async for c in stream] == [None, "echo: ", "a ", "b", None]
        assert len([j async for j in client.fine_tuning.jobs.list(limit=20)]) == 45
        with pytest.raises(openai.APITimeoutError):
            await client.with_options(max_retries=0).models.list(
                timeout=0.3, extra_headers={"X-Mock-Fault": "kind=slow_headers;delay=2"}
            )
        with pytest.raises(openai.APIConnectionError):
            await client.with_options(max_retries=0).models.list(extra_headers={"X-Mock-Fault": "kind=reset"})
    assert client_sockets(server.port) == 0


async def test_httpx2_runs_the_lean_pool_and_reuses_connections(server: MockServer) -> None:
    import asyncio

    from openai_core.transports._httpx_pool import _LeanPool

    async with AsyncOpenAI(api_key="k", base_url=server.base_url, transport="httpx2") as client:
        # httpcore2's own pool re-scans every connection per request (it collapsed at 512 concurrent
        # in the benchmark); the plug-in swaps in the constant-time pool built from httpcore2's classes.
        pool = client.transport.client._transport._pool  # type: ignore[attr-defined]
        assert isinstance(pool, _LeanPool)
        for _ in range(2):
            replies = await asyncio.gather(*[
                client.chat.completions.create(model="gpt-4", messages=[{"role": "user", "content": str(i)}])
                for i in range(8)
            ])
            assert [r.choices[0].message.content for r in replies] == [f"echo: {i}" for i in range(8)]
        assert 1 <= client_sockets(server.port) <= 8  # the second round reused the first round's sockets
    assert client_sockets(server.port) == 0
