"""Protocol and time: ``Timeout(total=...)`` ends a call however the server trickles its bytes (every
byte resets a read timeout), across retries and backoff; an early 413 to a large upload is the server's
answer, not a connection error. Elapsed-time bounds have generous margins (a loaded 2-core machine)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable

import pytest

import openai_core as openai
from openai_core import AsyncOpenAI, OpenAI, Timeout
from openai_core.testing import MockServer
from openai_core.testing.raw import RawServer

from ..conftest import client_sockets

MESSAGES = [{"role": "user", "content": "hi"}]
TOTAL = 1.0
MARGIN = 1.5


@pytest.mark.parametrize("case", ["slowloris_headers", "slowloris_body", "slowloris_stream", "silent"])
async def test_total_timeout_ends_a_trickling_or_silent_server(
    transport: str, hostile: Callable[[str], RawServer], case: str
) -> None:
    server = hostile(case)
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url, transport=transport,
                           timeout=Timeout(30, total=TOTAL), max_retries=2) as client:
        started = time.monotonic()
        with pytest.raises(openai.APITimeoutError, match=r"the total timeout \(1.0 s\) expired"):
            if case == "slowloris_stream":
                async for _ in await client.chat.completions.create(model="m", messages=MESSAGES, stream=True):  # type: ignore[arg-type]
                    pass
            else:
                await client.chat.completions.create(model="m", messages=MESSAGES)  # type: ignore[arg-type]
        elapsed = time.monotonic() - started
        # The call is usable again and left nothing behind.
        assert TOTAL * 0.9 <= elapsed < TOTAL + MARGIN, elapsed
    assert client_sockets(server.port) == 0


async def test_per_call_total_and_plain_numbers_keep_the_official_meaning(
    transport: str, hostile: Callable[[str], RawServer]
) -> None:
    server = hostile("slowloris_body")
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url, transport=transport, max_retries=0) as client:
        started = time.monotonic()
        with pytest.raises(openai.APITimeoutError):
            await client.chat.completions.create(model="m", messages=MESSAGES, timeout=Timeout(30, total=0.6))  # type: ignore[arg-type]
        assert time.monotonic() - started < 0.6 + MARGIN
        # A plain number is a per-phase timeout, as in the official SDK: a byte every 0.2 s keeps a
        # 0.5 s read timeout from firing (the body would take hours). Cut it short by total here.
        started = time.monotonic()
        with pytest.raises(openai.APITimeoutError):
            await client.with_options(timeout=Timeout(0.5, total=1.2)).chat.completions.create(model="m", messages=MESSAGES)  # type: ignore[arg-type]
        assert 1.2 * 0.9 <= time.monotonic() - started < 1.2 + MARGIN


async def test_a_retry_that_cannot_start_before_the_deadline_reports_the_failure_at_once(
    transport: str, server: MockServer
) -> None:
    key = uuid.uuid4().hex
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url, transport=transport,
                           timeout=Timeout(30, total=1.0), max_retries=3) as client:
        started = time.monotonic()
        with pytest.raises(openai.InternalServerError):  # the failure itself, not a timeout
            await client.chat.completions.create(
                model="gpt-4", messages=MESSAGES,  # type: ignore[arg-type]
                extra_headers={"X-Mock-Fault": "kind=status;code=503;retry_after=5", "X-Mock-Fault-Key": key},
            )
        assert time.monotonic() - started < 1.0
    assert server.attempts(key) == 1


@pytest.mark.parametrize("case", ["slowloris_body", "silent"])
def test_total_timeout_on_the_sync_client(hostile: Callable[[str], RawServer], case: str) -> None:
    server = hostile(case)
    with OpenAI(api_key="sk-test", base_url=server.base_url, timeout=Timeout(30, total=TOTAL), max_retries=2) as client:
        started = time.monotonic()
        with pytest.raises(openai.APITimeoutError):
            client.chat.completions.create(model="m", messages=MESSAGES)  # type: ignore[arg-type]
        assert TOTAL * 0.9 <= time.monotonic() - started < TOTAL + MARGIN


def test_timeout_total_is_part_of_the_value() -> None:
    assert Timeout(5, total=10) == Timeout(5, total=10) != Timeout(5)
    assert hash(Timeout(5, total=10)) == hash(Timeout(5, total=10))
    assert Timeout.coerce(2.0) == Timeout(2.0) and Timeout.coerce(2.0).total is None
    assert repr(Timeout(1, total=3)) == "Timeout(connect=1, read=1, write=1, pool=1, total=3)"
    assert Timeout(1, total=3).as_dict() == {"connect": 1, "read": 1, "write": 1, "pool": 1}
    with pytest.raises(ValueError, match="total"):
        Timeout(total=-1)


async def test_an_early_413_to_a_large_upload_is_the_servers_answer(
    transport: str, hostile: Callable[[str], RawServer]
) -> None:
    server = hostile("early_413")
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url, transport=transport, max_retries=2) as client:
        with pytest.raises(openai.APIStatusError) as exc_info:
            await client.files.create(file=("big.jsonl", b"x" * (64 << 20)), purpose="batch")
    assert exc_info.value.status_code == 413
    assert "Request entity too large" in str(exc_info.value)
    assert len(server.requests) == 1  # a 413 is not retried


def test_an_early_413_on_the_sync_client(hostile: Callable[[str], RawServer]) -> None:
    server = hostile("early_413")
    with OpenAI(api_key="sk-test", base_url=server.base_url, max_retries=2) as client, \
            pytest.raises(openai.APIStatusError) as exc_info:
        client.files.create(file=("big.jsonl", b"x" * (64 << 20)), purpose="batch")
    assert exc_info.value.status_code == 413
