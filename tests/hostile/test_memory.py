"""Bounded memory against hostile servers: a body read whole stops at ``max_response_bytes`` (decoded), an
error body is read to 64 KiB at most, an SSE event stops at ``max_event_bytes``, the joined-URL cache
stays small. The big cases run in a child process under a hard address-space cap, measuring its RSS."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import openai_core as openai
from openai_core import AsyncOpenAI
from openai_core._bench.hostile import CASES, run_cases
from openai_core._sse import EventTooLargeError, SSEDecoder
from openai_core.testing import MockServer
from openai_core.testing.raw import RawServer

MESSAGES = [{"role": "user", "content": "hi"}]
MiB = 1 << 20
BY_NAME = {case.name: case for case in CASES}


def test_hostile_bodies_are_cut_off_with_bounded_memory(transport: str) -> None:
    # One child process for the five cases, its address space capped at 1 GiB, far below what the servers
    # send (2 GiB and more each): a client that held it would die of MemoryError instead of raising the
    # SDK's error.
    names = ["huge_json", "endless_json", "gzip_bomb", "endless_error", "sse_huge_line"]
    outcomes = run_cases([BY_NAME[name] for name in names], transport, rss_cap_mib=1024)
    assert [o.case for o in outcomes] == names
    for outcome in outcomes:
        assert outcome.label == BY_NAME[outcome.case].expect, outcome
        assert outcome.requests == 1, outcome  # a size limit is not retried
        if outcome.case != "endless_error":
            limit = "max_event_bytes=16777216" if outcome.case == "sse_huge_line" else "max_response_bytes=67108864"
            assert limit in outcome.message, outcome
    # 64 MiB is the limit: the last chunk read and the joined copy make up to ~2x of it, over the
    # ~50 MiB of an interpreter with the client loaded.
    assert max(o.rss_mib for o in outcomes) < 300, outcomes


def _big_json_server(size: int) -> Callable[..., object]:
    body = b'{"object": "list", "data": [], "pad": "' + b"x" * size + b'"}'

    async def handler(conn: object) -> None:
        from openai_core.testing.raw import RawConnection, http_response

        assert isinstance(conn, RawConnection)
        while await conn.read_request() is not None:
            await conn.send(http_response(200, body))

    return handler


async def test_max_response_bytes_names_the_limit_and_none_lifts_it(transport: str) -> None:
    with RawServer(_big_json_server(200_000)) as server:  # type: ignore[arg-type]
        async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url, transport=transport,
                               max_response_bytes=100_000) as client:
            with pytest.raises(openai.APIResponseValidationError) as exc_info:
                await client.models.list()
            assert "max_response_bytes=100000" in str(exc_info.value)
            assert exc_info.value.status_code == 200
            assert len(server.requests) == 1  # not retried
            page = await client.with_options(max_response_bytes=None).models.list()
            assert page.data == []
            assert (await client.with_options(max_response_bytes=300_000).models.list()).data == []


async def test_error_bodies_are_read_to_64_kib_at_most(transport: str, hostile: Callable[[str], RawServer]) -> None:
    server = hostile("endless_error")
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url, transport=transport, max_retries=0) as client:
        with pytest.raises(openai.InternalServerError) as exc_info:
            await client.chat.completions.create(model="m", messages=MESSAGES)  # type: ignore[arg-type]
    error = exc_info.value
    assert error.status_code == 500
    assert error.response.content.startswith(b"x" * 1000)  # type: ignore[attr-defined]
    assert len(error.response.content) == 64 * 1024  # type: ignore[attr-defined]
    assert len(str(error)) < 1100  # the message quotes the start of it


async def test_a_download_streamed_to_disk_is_not_bounded_but_read_whole_is(
    transport: str, server: MockServer, tmp_path: Path
) -> None:
    content = bytes(range(256)) * 4096  # 1 MiB
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url, transport=transport) as client:
        uploaded = await client.files.create(file=("data.bin", content), purpose="batch")
        small = client.with_options(max_response_bytes=64 * 1024)
        async with small.files.with_streaming_response.content(uploaded.id) as response:
            await response.stream_to_file(tmp_path / "out.bin")
        assert (tmp_path / "out.bin").read_bytes() == content
        with pytest.raises(openai.APIResponseValidationError) as exc_info:
            await small.files.content(uploaded.id)
        assert "max_response_bytes=65536" in str(exc_info.value)
        async with small.files.with_streaming_response.content(uploaded.id) as response:
            with pytest.raises(openai.APIResponseValidationError):
                await response.read()
        assert (await client.files.content(uploaded.id)).content == content


async def test_max_event_bytes_bounds_one_event_not_the_stream(transport: str, server: MockServer) -> None:
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url, transport=transport,
                           max_event_bytes=4096) as client:
        words = " ".join(["word"] * 2000)  # ~10 kB answer, streamed a word per event
        stream = await client.chat.completions.create(
            model="gpt-4", messages=[{"role": "user", "content": words}], stream=True
        )
        pieces = [chunk.choices[0].delta.content or "" async for chunk in stream if chunk.choices]
        assert "".join(pieces) == "echo: " + words
        with pytest.raises(ValueError, match="max_event_bytes"):
            AsyncOpenAI(api_key="sk-test", max_event_bytes=0)


def test_sse_decoder_limit_counts_an_unfinished_line_and_pending_data() -> None:
    decoder = SSEDecoder(max_event_bytes=100)
    assert decoder.feed(b"data: " + b"x" * 50) == []
    with pytest.raises(EventTooLargeError):
        decoder.feed(b"x" * 60)
    decoder = SSEDecoder(max_event_bytes=100)
    for _ in range(10):
        assert decoder.feed(b"data: 0123456789\n") == []  # data lines, no blank line yet: 100 characters
    with pytest.raises(EventTooLargeError):
        decoder.feed(b"data: 0123456789\n")
    decoder = SSEDecoder(max_event_bytes=100)
    for _ in range(100):  # many small events: each one is under the limit
        assert [e.data for e in decoder.feed(b"data: " + b"y" * 60 + b"\n\n")] == ["y" * 60]


def test_sse_decoder_reports_where_the_bytes_end() -> None:
    decoder = SSEDecoder()
    decoder.feed(b"data: a\n\n")
    assert decoder.pending is None
    decoder.feed(b"data: b")
    assert decoder.pending == "line"
    decoder.feed(b"\n")
    assert (decoder.pending, decoder.pending_data) == ("event", "b")
    decoder.feed(b"\n")
    assert decoder.pending is None


def test_url_cache_stays_bounded_over_many_ids() -> None:
    client = AsyncOpenAI(api_key="sk-test", base_url="http://127.0.0.1:9/v1",
                         http_client=openai.MockTransport(lambda request: openai.transports.Response(200, request=request)))
    pipeline = client._pipeline
    for i in range(20_000):
        url = pipeline.url_for(f"files/file-{i}")
    assert str(url) == "http://127.0.0.1:9/v1/files/file-19999"
    assert len(pipeline._urls) <= 512
    assert pipeline.url_for("chat/completions") is pipeline.url_for("chat/completions")  # fixed paths stay cached
