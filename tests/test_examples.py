"""The nine examples users start from, run as users write them, on both transports.

Each test sets OPENAI_API_KEY / OPENAI_BASE_URL to the embedded server and builds the client the way the
docs show: ``AsyncOpenAI()`` (httpx, the default) or ``AsyncOpenAI(http_client=DefaultAioHttpClient())``.
"""

from __future__ import annotations

import asyncio  # unasync: async-only
import inspect

import pytest

import openai_core as openai
from openai_core import AsyncOpenAI, DefaultAioHttpClient, DefaultAsyncHttpxClient
from openai_core.testing import MockServer
from openai_core.transports import resolve_transport  # unasync: async-only

from .conftest import client_sockets

pytestmark = pytest.mark.usefixtures("openai_env")


@pytest.fixture
def openai_env(server: MockServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-example")
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)


def make_client(transport: str, **kwargs: object) -> AsyncOpenAI:
    if transport == "aiohttp":
        return AsyncOpenAI(http_client=DefaultAioHttpClient(), **kwargs)  # type: ignore[arg-type]
    if transport == "lean":  # unasync: async-only
        return AsyncOpenAI(transport="lean", **kwargs)  # type: ignore[arg-type]  # unasync: async-only
    return AsyncOpenAI(**kwargs)  # type: ignore[arg-type]


def backend_of(client: AsyncOpenAI) -> str:
    return type(client.transport).__module__.rsplit("_", 1)[-1]


async def test_1_basic_usage(transport: str, server: MockServer) -> None:
    client = make_client(transport)
    assert backend_of(client) == transport
    response = await client.chat.completions.create(
        model="gpt-4", messages=[{"role": "user", "content": "Hello!"}]
    )
    assert isinstance(response, openai.types.chat.ChatCompletion)
    assert response.choices[0].message.content == "echo: Hello!"
    assert response.choices[0].finish_reason == "stop"
    assert response.model == "gpt-4"
    sent = server.requests[-1]
    assert sent.headers["authorization"] == "Bearer sk-example"
    assert sent.json() == {"model": "gpt-4", "messages": [{"role": "user", "content": "Hello!"}]}
    await client.close()


# unasync: begin-async-only
async def test_2_concurrent_gather_and_taskgroup(transport: str) -> None:
    async with make_client(transport) as client:
        prompts = [f"question {i}" for i in range(25)]

        async def ask(prompt: str) -> str | None:
            r = await client.chat.completions.create(
                model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}]
            )
            return r.choices[0].message.content

        gathered = await asyncio.gather(*[ask(p) for p in prompts])
        assert gathered == [f"echo: {p}" for p in prompts]

        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(ask(p)) for p in prompts]
        assert [t.result() for t in tasks] == [f"echo: {p}" for p in prompts]
# unasync: end-async-only


async def test_3_streaming(transport: str) -> None:
    async with make_client(transport) as client:
        stream = await client.chat.completions.create(
            model="gpt-4",
            messages=[{"role": "user", "content": "Tell me a story about a brave knight"}],
            stream=True,
        )
        assert isinstance(stream, openai.AsyncStream)
        deltas: list[str | None] = []
        finish = []
        async for chunk in stream:
            assert isinstance(chunk, openai.types.chat.ChatCompletionChunk)
            deltas.append(chunk.choices[0].delta.content)
            finish.append(chunk.choices[0].finish_reason)
        # role chunk first and finish chunk last carry no content
        assert deltas[0] is None and deltas[-1] is None
        assert "".join(d for d in deltas if d) == "echo: Tell me a story about a brave knight"
        assert finish[-1] == "stop" and all(f is None for f in finish[:-1])
        assert len(deltas) == 2 + len(["echo:", "Tell", "me", "a", "story", "about", "a", "brave", "knight"])
        # ended at [DONE]: the connection is back in the pool, the stream is finished
        assert stream.response.is_closed
        assert [c async for c in stream] == []


async def test_4_context_manager_and_close_leave_no_socket(transport: str, server: MockServer) -> None:
    async with make_client(transport) as client:
        # unasync: begin-async-only
        await asyncio.gather(
            *[
                client.chat.completions.create(model="gpt-4", messages=[{"role": "user", "content": "hi"}])
                for _ in range(8)
            ]
        )
        # unasync: end-async-only
        # unasync: sync-only: client.chat.completions.create(model="gpt-4", messages=[{"role": "user", "content": "hi"}])
        assert client_sockets(server.port) >= 1
    assert client.is_closed()
    assert client_sockets(server.port) == 0

    client = make_client(transport)
    await client.models.list()
    assert client_sockets(server.port) >= 1
    await client.close()
    assert client_sockets(server.port) == 0


async def test_5_explicit_http_clients(transport: str, server: MockServer) -> None:
    http_client = DefaultAioHttpClient() if transport == "aiohttp" else DefaultAsyncHttpxClient()
    if transport == "lean":  # unasync: async-only
        http_client = resolve_transport("lean")()  # type: ignore[assignment]  # unasync: async-only
    async with AsyncOpenAI(http_client=http_client) as client:
        assert client.transport is http_client
        r = await client.chat.completions.create(model="gpt-4", messages=[{"role": "user", "content": "x"}])
        assert r.choices[0].message.content == "echo: x"
    # the library named really did the I/O: its User-Agent is on the wire (we set ours, the library adds
    # its own Accept-Encoding; the module that sent is the one we asked for)
    assert type(http_client).__module__.endswith(transport)
    assert server.requests[-1].headers["user-agent"].startswith("AsyncOpenAI/Python")  # unasync: async-only
    # unasync: sync-only: assert server.requests[-1].headers["user-agent"].startswith("OpenAI/Python")


async def test_6_error_handling(transport: str, server: MockServer) -> None:
    # nothing listening
    dead = make_client(transport, base_url="http://127.0.0.1:9/v1", max_retries=0)
    with pytest.raises(openai.APIConnectionError) as conn:
        await dead.models.list()
    assert not isinstance(conn.value, openai.APIStatusError)
    await dead.close()

    async with make_client(transport, max_retries=0) as client:
        with pytest.raises(openai.RateLimitError) as rate:
            await client.chat.completions.create(
                model="gpt-4",
                messages=[{"role": "user", "content": "hi"}],
                extra_headers={"X-Mock-Fault": "kind=status;code=429"},
            )
        assert rate.value.status_code == 429
        assert isinstance(rate.value, openai.APIStatusError)

        with pytest.raises(openai.APIStatusError) as status:
            await client.models.retrieve("no-such-model")
        err = status.value
        assert isinstance(err, openai.NotFoundError)
        assert err.status_code == 404
        assert err.request_id and err.request_id.startswith("req_")
        assert isinstance(err.body, dict) and "no-such-model" in err.body["message"]
        assert err.message.startswith("Error code: 404 - ") and "no-such-model" in err.message

        # the rest of the tree
        for code, cls in [
            (400, openai.BadRequestError),
            (401, openai.AuthenticationError),
            (403, openai.PermissionDeniedError),
            (409, openai.ConflictError),
            (422, openai.UnprocessableEntityError),
            (500, openai.InternalServerError),
            (503, openai.InternalServerError),
            (418, openai.APIStatusError),
        ]:
            with pytest.raises(cls) as exc_info:
                await client.models.list(extra_headers={"X-Mock-Fault": f"kind=status;code={code}"})
            assert exc_info.value.status_code == code
            assert isinstance(exc_info.value, openai.APIError) and isinstance(exc_info.value, openai.OpenAIError)


# unasync: begin-async-only
async def test_7_user_semaphore_limiter(transport: str, server: MockServer) -> None:
    limit = asyncio.Semaphore(5)
    in_flight = 0
    peak = 0
    async with make_client(transport) as client:

        async def limited(i: int) -> str | None:
            nonlocal in_flight, peak
            async with limit:
                in_flight += 1
                peak = max(peak, in_flight)
                try:
                    r = await client.chat.completions.create(
                        model="gpt-4", messages=[{"role": "user", "content": f"n{i}"}]
                    )
                finally:
                    in_flight -= 1
                return r.choices[0].message.content

        results = await asyncio.gather(*[limited(i) for i in range(20)])
    assert results == [f"echo: n{i}" for i in range(20)]
    assert peak == 5
# unasync: end-async-only


async def test_8_pagination(transport: str, server: MockServer) -> None:
    async with make_client(transport) as client:
        ids = [job.id async for job in client.fine_tuning.jobs.list(limit=20)]
        assert ids == [f"ftjob-{i:05d}" for i in range(45)]

        page = await client.fine_tuning.jobs.list(limit=20)
        assert [j.id for j in page.data] == ids[:20]
        assert page.has_next_page()
        second = await page.get_next_page()
        assert [j.id for j in second.data] == ids[20:40]
        third = await second.get_next_page()
        assert [j.id for j in third.data] == ids[40:]
        assert not third.has_next_page()
        # the cursor on the wire is the last id of the previous page
        assert server.requests[-1].query == {"limit": "20", "after": ids[39]}


# unasync: begin-async-only
async def test_9_forgetting_await_returns_an_awaitable(transport: str, server: MockServer) -> None:
    async with make_client(transport) as client:
        before = len(server.requests)
        pending = client.chat.completions.create(model="gpt-4", messages=[{"role": "user", "content": "x"}])
        assert inspect.isawaitable(pending)
        assert not isinstance(pending, openai.types.chat.ChatCompletion)
        assert not hasattr(pending, "choices")
        await asyncio.sleep(0.05)
        assert len(server.requests) == before  # nothing is sent until awaited
        result = await pending
        assert result.choices[0].message.content == "echo: x"
# unasync: end-async-only


async def test_models_and_embeddings(transport: str) -> None:
    async with make_client(transport) as client:
        models = await client.models.list()
        ids = [m.id for m in models.data]
        assert "gpt-4o" in ids
        assert [m.id async for m in client.models.list()] == ids
        model = await client.models.retrieve("gpt-4o")
        assert model.id == "gpt-4o" and model.object == "model"

        floats = await client.embeddings.create(model="text-embedding-3-small", input=["a", "b"], encoding_format="float")
        decoded = await client.embeddings.create(model="text-embedding-3-small", input=["a", "b"])
        assert len(floats.data) == 2 and len(floats.data[0].embedding) == 8
        for f, d in zip(floats.data, decoded.data, strict=True):
            assert d.embedding == pytest.approx(f.embedding, rel=1e-6)
        assert floats.data[0].embedding != floats.data[1].embedding
