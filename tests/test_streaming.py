"""AsyncStream over real loopback HTTP, on both transports: ending, closing, errors, no leaked sockets."""

from __future__ import annotations

import asyncio  # unasync: async-only

import pytest

import openai_core as openai
from openai_core import AsyncOpenAI
from openai_core.testing import MockServer

from .conftest import client_sockets

STORY = "one two three four five six seven eight nine ten"
MESSAGES = [{"role": "user", "content": STORY}]


def fault(spec: str) -> dict[str, str]:
    return {"X-Mock-Fault": spec}


async def test_usage_chunk_and_typed_fields(client: AsyncOpenAI) -> None:
    stream = await client.chat.completions.create(
        model="gpt-4o", messages=MESSAGES, stream=True, stream_options={"include_usage": True}
    )
    chunks = [c async for c in stream]
    assert chunks[0].choices[0].delta.role == "assistant"
    assert chunks[-1].choices == [] and chunks[-1].usage is not None
    assert chunks[-1].usage.completion_tokens == len(("echo: " + STORY).split())
    assert len({c.id for c in chunks}) == 1 and chunks[0].object == "chat.completion.chunk"


async def test_async_with_closes_early_and_releases_the_connection(
    client: AsyncOpenAI, server: MockServer
) -> None:
    async with await client.chat.completions.create(model="gpt-4o", messages=MESSAGES, stream=True) as stream:
        first = await stream.__anext__()
        assert first.choices[0].delta.role == "assistant"
    assert stream.response.is_closed
    assert [c async for c in stream] == []
    # the client still works, and closing it leaves nothing open
    r = await client.chat.completions.create(model="gpt-4o", messages=MESSAGES)
    assert r.choices[0].message.content == "echo: " + STORY
    await client.close()
    assert client_sockets(server.port) == 0


async def test_break_then_close(client: AsyncOpenAI, server: MockServer) -> None:
    stream = await client.chat.completions.create(model="gpt-4o", messages=MESSAGES, stream=True)
    seen = 0
    async for _ in stream:
        seen += 1
        if seen == 3:
            break
    await stream.close()
    assert stream.response.is_closed
    await client.close()
    assert client_sockets(server.port) == 0


async def test_many_streams_abandoned_midway_leak_nothing(client: AsyncOpenAI, server: MockServer) -> None:
    async def take_two() -> int:
        async with await client.chat.completions.create(model="gpt-4o", messages=MESSAGES, stream=True) as s:
            n = 0
            async for _ in s:
                n += 1
                if n == 2:
                    return n
        return n

    assert await asyncio.gather(*[take_two() for _ in range(20)]) == [2] * 20  # unasync: async-only
    # unasync: sync-only: assert [take_two() for _ in range(20)] == [2] * 20
    await client.close()
    assert client_sockets(server.port) == 0


# unasync: begin-async-only
async def test_cancelled_stream_reader_releases_the_connection(client: AsyncOpenAI, server: MockServer) -> None:
    stream = await client.chat.completions.create(
        model="gpt-4o", messages=MESSAGES, stream=True, extra_headers=fault("kind=slow_body;delay=5")
    )
    task = asyncio.create_task(_drain(stream))
    await asyncio.sleep(0.2)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert stream.response.is_closed
    await client.close()
    assert client_sockets(server.port) == 0


async def _drain(stream: openai.AsyncStream[object]) -> int:
    return len([c async for c in stream])
# unasync: end-async-only


@pytest.mark.parametrize("style", ["event", "payload"])
async def test_sse_error_raises_api_error(client: AsyncOpenAI, style: str) -> None:
    stream = await client.chat.completions.create(
        model="gpt-4o", messages=MESSAGES, stream=True, extra_headers=fault(f"kind=sse_error;after=3;style={style}")
    )
    received = []
    with pytest.raises(openai.APIError) as exc_info:
        async for chunk in stream:
            received.append(chunk)
    assert len(received) == 3
    assert not isinstance(exc_info.value, openai.APIConnectionError | openai.APIStatusError)
    assert exc_info.value.message
    assert stream.response.is_closed


async def test_stream_cut_before_done_raises_connection_error(client: AsyncOpenAI) -> None:
    stream = await client.chat.completions.create(
        model="gpt-4o", messages=MESSAGES, stream=True, extra_headers=fault("kind=stream_cut;after=4")
    )
    received = []
    with pytest.raises(openai.APIConnectionError):
        async for chunk in stream:
            received.append(chunk)
    assert len(received) == 4
    assert stream.response.is_closed


async def test_slow_stream_gap_longer_than_read_timeout_times_out(client: AsyncOpenAI) -> None:
    stream = await client.chat.completions.create(
        model="gpt-4o", messages=MESSAGES, stream=True, timeout=0.3, extra_headers=fault("kind=slow_body;delay=2")
    )
    with pytest.raises(openai.APITimeoutError):
        async for _ in stream:
            pass


async def test_stream_status_error_is_raised_at_create(client: AsyncOpenAI) -> None:
    with pytest.raises(openai.RateLimitError):
        await client.with_options(max_retries=0).chat.completions.create(
            model="gpt-4o", messages=MESSAGES, stream=True, extra_headers=fault("kind=status;code=429")
        )


async def test_stream_request_asks_for_event_stream(client: AsyncOpenAI, server: MockServer) -> None:
    stream = await client.chat.completions.create(model="gpt-4o", messages=MESSAGES, stream=True)
    await stream.close()
    sent = server.requests[-1]
    assert sent.headers["accept"] == "text/event-stream"
    assert sent.json()["stream"] is True
