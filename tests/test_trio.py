"""AsyncOpenAI under trio (through anyio) on the httpx backend, and the same tests on asyncio; the aiohttp
backend refuses trio with a clear error naming httpx."""

from __future__ import annotations

import uuid

import anyio
import pytest

import openai_core as openai
from openai_core import AsyncOpenAI
from openai_core.testing import MockServer

# Each test runs its body with anyio.run on the named backend (pytest-asyncio's auto mode would otherwise
# claim async tests for asyncio alone).
BACKENDS = ["asyncio", "trio"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_chat_stream_pages_retries_timeouts(server: MockServer, backend: str) -> None:
    anyio.run(_shared_behaviour, server, backend=backend)


async def _shared_behaviour(server: MockServer) -> None:
    import sniffio

    assert sniffio.current_async_library() in BACKENDS
    async with AsyncOpenAI(api_key="k", base_url=server.base_url, transport="httpx") as client:
        r = await client.chat.completions.create(model="gpt-4", messages=[{"role": "user", "content": "hi"}])
        assert r.choices[0].message.content == "echo: hi"

        stream = await client.chat.completions.create(
            model="gpt-4", messages=[{"role": "user", "content": "a b"}], stream=True
        )
        assert [c.choices[0].delta.content async for c in stream] == [None, "echo: ", "a ", "b", None]

        assert len([job async for job in client.fine_tuning.jobs.list(limit=20)]) == 45

        key = uuid.uuid4().hex  # retries sleep through anyio: 2 failures, then success
        r = await client.chat.completions.create(
            model="gpt-4", messages=[{"role": "user", "content": "again"}],
            extra_headers={"X-Mock-Fault": "kind=status;code=503;retry_after_ms=20;times=2", "X-Mock-Fault-Key": key},
        )
        assert r.choices[0].message.content == "echo: again" and server.attempts(key) == 3

        with pytest.raises(openai.APITimeoutError):
            await client.with_options(max_retries=0).models.list(
                timeout=0.3, extra_headers={"X-Mock-Fault": "kind=slow_headers;delay=2"}
            )

        async with anyio.create_task_group() as tg:  # concurrency with the backend's own primitives
            for _ in range(10):
                tg.start_soon(client.models.retrieve, "gpt-4o")
        assert server.requests[-1].path == "/v1/models/gpt-4o"


@pytest.mark.parametrize("backend", BACKENDS)
def test_aiohttp_under_trio_is_a_clear_error(server: MockServer, backend: str) -> None:
    anyio.run(_aiohttp_only_on_asyncio, server, backend, backend=backend)


async def _aiohttp_only_on_asyncio(server: MockServer, backend: str) -> None:
    import sniffio

    assert sniffio.current_async_library() == backend
    client = AsyncOpenAI(api_key="k", base_url=server.base_url, transport="aiohttp")
    if backend == "trio":
        with pytest.raises(RuntimeError, match=r"asyncio only.*httpx"):
            await client.models.list()
    else:
        assert (await client.models.list()).data
    await client.close()
