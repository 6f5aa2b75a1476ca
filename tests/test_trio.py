"""AsyncOpenAI under trio (through anyio) on the httpx backend, and the same tests on asyncio (anyio's
pytest plugin runs each test once per ``anyio_backend``); the aiohttp backend refuses trio with a clear
error naming httpx.

Only synchronous fixtures here: pytest-asyncio (auto mode, for the rest of the suite) would run an async
fixture on asyncio. tests/conftest.py keeps it off the tests marked ``anyio``."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator

import anyio
import pytest
import sniffio

import openai_core as openai
from openai_core import AsyncOpenAI
from openai_core.testing import MockServer

from .conftest import client_sockets

pytestmark = pytest.mark.anyio


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def trio_server() -> Iterator[MockServer]:
    # Its own server, so socket counts and fault counters see only this test's connections.
    with MockServer() as srv:
        yield srv


def make_client(server: MockServer, **kwargs: object) -> AsyncOpenAI:
    return AsyncOpenAI(api_key="sk-trio", base_url=server.base_url, transport="httpx", **kwargs)  # type: ignore[arg-type]


async def test_runs_on_the_backend_it_names(anyio_backend: str) -> None:
    assert sniffio.current_async_library() == anyio_backend


async def test_chat_create(server: MockServer, anyio_backend: str) -> None:
    async with make_client(server) as client:
        r = await client.chat.completions.create(
            model="gpt-4o", messages=[{"role": "user", "content": f"hi from {anyio_backend}"}]
        )
    assert r.choices[0].message.content == f"echo: hi from {anyio_backend}"
    assert r.model == "gpt-4o"


async def test_concurrent_requests_in_a_task_group(server: MockServer) -> None:
    replies: dict[int, str | None] = {}
    async with make_client(server) as client:

        async def ask(i: int) -> None:
            r = await client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"q{i}"}])
            replies[i] = r.choices[0].message.content

        async with anyio.create_task_group() as tg:
            for i in range(20):
                tg.start_soon(ask, i)
    assert replies == {i: f"echo: q{i}" for i in range(20)}


async def test_stream(server: MockServer) -> None:
    async with make_client(server) as client:
        stream = await client.chat.completions.create(
            model="gpt-4o", messages=[{"role": "user", "content": "one two three"}], stream=True
        )
        async with stream:
            pieces = [c.choices[0].delta.content async for c in stream if c.choices]
    assert pieces == [None, "echo: ", "one ", "two ", "three", None]


async def test_cancelled_stream_releases_its_connection(trio_server: MockServer) -> None:
    # The backend's own cancellation (a trio cancel scope, or anyio's on asyncio) lands in the middle of
    # a body read; the stream must drop its connection, not leave it checked out of the pool.
    async with make_client(trio_server) as client:
        stream = await client.chat.completions.create(
            model="gpt-4o", messages=[{"role": "user", "content": "slow"}], stream=True,
            extra_headers={"X-Mock-Fault": "kind=slow_body;delay=30"},
        )
        assert client_sockets(trio_server.port) == 1
        with anyio.move_on_after(0.3) as scope:
            async for _ in stream:
                pass
        assert scope.cancelled_caught
        assert client_sockets(trio_server.port) == 0
        # the client is still usable on this loop
        r = await client.models.retrieve("gpt-4o")
        assert r.id == "gpt-4o"
    assert client_sockets(trio_server.port) == 0


async def test_pagination(server: MockServer) -> None:
    async with make_client(server) as client:
        first = await client.fine_tuning.jobs.list(limit=20)
        assert len(first.data) == 20 and first.has_next_page()
        second = await first.get_next_page()
        assert second.data[0].id != first.data[-1].id
        jobs = [job.id async for job in client.fine_tuning.jobs.list(limit=20)]
    assert len(jobs) == 45 and len(set(jobs)) == 45
    assert jobs[:20] == [job.id for job in first.data]


async def test_retry_sleeps_for_retry_after_ms(trio_server: MockServer) -> None:
    key = uuid.uuid4().hex
    started = time.monotonic()
    async with make_client(trio_server) as client:
        r = await client.chat.completions.create(
            model="gpt-4o", messages=[{"role": "user", "content": "again"}],
            extra_headers={"X-Mock-Fault": "kind=status;code=503;retry_after_ms=150;times=2", "X-Mock-Fault-Key": key},
        )
    elapsed = time.monotonic() - started
    assert r.choices[0].message.content == "echo: again"
    assert trio_server.attempts(key) == 3
    assert 0.3 <= elapsed < 5  # two sleeps of 150 ms, on this backend's clock


async def test_wait_for_processing_polls_on_this_backend(server: MockServer) -> None:
    async with make_client(server) as client:
        upload = await client.files.create(file=("t.jsonl", b"{}\n"), purpose="fine-tune")
        started = time.monotonic()
        ready = await client.files.wait_for_processing(upload.id, poll_interval=0.2)
    assert (upload.status, ready.status) == ("uploaded", "processed")
    assert time.monotonic() - started >= 0.2  # one poll interval, slept with anyio


async def test_read_timeout(trio_server: MockServer) -> None:
    started = time.monotonic()
    async with make_client(trio_server, max_retries=0) as client:
        with pytest.raises(openai.APITimeoutError):
            await client.models.list(timeout=0.3, extra_headers={"X-Mock-Fault": "kind=slow_headers;delay=5"})
    assert 0.25 <= time.monotonic() - started < 3
    assert client_sockets(trio_server.port) == 0


async def test_aiohttp_backend(server: MockServer, anyio_backend: str) -> None:
    before = len(server.requests)
    client = AsyncOpenAI(api_key="sk-trio", base_url=server.base_url, transport="aiohttp")
    try:
        if anyio_backend == "trio":
            with pytest.raises(RuntimeError, match=r"asyncio only, not trio.*httpx backend") as info:
                await client.models.list()
            assert 'transport="httpx"' in str(info.value)
            assert len(server.requests) == before  # refused before sending, and not retried
        else:
            assert (await client.models.list()).data
    finally:
        await client.close()


async def test_aiohttp_from_the_environment(server: MockServer, anyio_backend: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    # OPENAI_CORE_TRANSPORT=aiohttp configures a whole application; under trio it gets the same error
    monkeypatch.setenv("OPENAI_CORE_TRANSPORT", "aiohttp")
    async with AsyncOpenAI(api_key="sk-trio", base_url=server.base_url) as client:
        if anyio_backend == "trio":
            with pytest.raises(RuntimeError, match="httpx"):
                await client.models.retrieve("gpt-4o")
        else:
            assert (await client.models.retrieve("gpt-4o")).id == "gpt-4o"
