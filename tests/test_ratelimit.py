"""Client-side rate limiting against the embedded server enforcing a limit (API key ``sk-rpm-N``: N
requests a minute over a sliding one-second window, 429 + x-ratelimit-* headers), on both transports."""

from __future__ import annotations

import asyncio
import time

import pytest

import openai_core as openai
from openai_core import AsyncOpenAI, RateLimit
from openai_core._ratelimit import AsyncRateLimiter
from openai_core._retry import estimate_tokens, parse_reset
from openai_core.testing import MockServer

MESSAGES = [{"role": "user", "content": "hi"}]


def limited_client(server: MockServer, transport: str, key: str, **kwargs: object) -> AsyncOpenAI:
    return AsyncOpenAI(api_key=key, base_url=server.base_url, transport=transport, max_retries=0, **kwargs)  # type: ignore[arg-type]


async def burst(client: AsyncOpenAI, n: int) -> list[object]:
    return await asyncio.gather(
        *[client.chat.completions.create(model="gpt-4", messages=MESSAGES) for _ in range(n)], return_exceptions=True
    )


async def test_without_a_limiter_a_burst_hits_429(transport: str, server: MockServer) -> None:
    async with limited_client(server, transport, "sk-rpm-600") as client:
        results = await burst(client, 30)
    assert any(isinstance(r, openai.RateLimitError) for r in results)


async def test_rate_limit_keeps_a_burst_within_the_servers_limit(transport: str, server: MockServer) -> None:
    # server: 1,500/min = 25 per second; client budget: 1,200/min = 20 per second
    rejected_before = server.state.rate_limits.rejected
    started = time.monotonic()
    async with limited_client(server, transport, "sk-rpm-1500",
                              rate_limit=RateLimit(requests_per_minute=1200)) as client:
        results = await burst(client, 50)
    elapsed = time.monotonic() - started
    assert all(not isinstance(r, BaseException) for r in results), [r for r in results if isinstance(r, BaseException)][:3]
    assert server.state.rate_limits.rejected == rejected_before  # no 429 reached anyone
    assert server.state.rate_limits.max_in_window <= 25
    assert elapsed >= (50 - 2) / 20 * 0.9  # paced: a two-request burst, then 20 a second


async def test_max_concurrency_caps_requests_in_flight(transport: str, server: MockServer) -> None:
    in_flight = 0
    peak = 0

    async with limited_client(server, transport, "sk-test", max_concurrency=3) as client:
        limiter = client._pipeline.limiter
        assert limiter is not None
        acquire, release = limiter.acquire, limiter.release

        async def counting_acquire(tokens: float) -> None:
            nonlocal in_flight, peak
            await acquire(tokens)
            in_flight += 1
            peak = max(peak, in_flight)

        def counting_release() -> None:
            nonlocal in_flight
            in_flight -= 1
            release()

        limiter.acquire, limiter.release = counting_acquire, counting_release  # type: ignore[method-assign]
        results = await asyncio.gather(*[
            client.chat.completions.create(model="gpt-4", messages=MESSAGES,
                                           extra_headers={"X-Mock-Fault": "kind=slow_headers;delay=0.1"})
            for _ in range(12)
        ])
    assert len(results) == 12 and peak == 3


async def test_a_429_pauses_every_task_of_the_client(transport: str, server: MockServer) -> None:
    async with limited_client(server, transport, "sk-test", max_concurrency=100) as client:
        with pytest.raises(openai.RateLimitError):
            await client.models.list(extra_headers={"X-Mock-Fault": "kind=status;code=429;retry_after_ms=400"})
        started = time.monotonic()
        await client.models.list()  # another call waits for the server's reset instead of hammering it
        assert time.monotonic() - started >= 0.3


def test_parse_reset_and_estimates() -> None:
    assert parse_reset("1s") == 1.0
    assert parse_reset("6m0s") == 360.0
    assert parse_reset("20ms") == 0.02
    assert parse_reset("1h2m3.5s") == 3723.5
    assert parse_reset("0.5") == 0.5
    assert parse_reset("soon") is None and parse_reset(None) is None
    assert estimate_tokens({"messages": "x" * 400, "max_tokens": 50}) == pytest.approx(150, rel=0.1)
    with pytest.raises(ValueError):
        RateLimit(requests_per_minute=0)
    with pytest.raises(ValueError):
        AsyncRateLimiter(None, 0)


async def test_with_options_shares_the_budget(server: MockServer) -> None:
    client = limited_client(server, "httpx", "sk-test", rate_limit=RateLimit(requests_per_minute=600))
    assert client.with_options(timeout=5.0)._pipeline.limiter is client._pipeline.limiter
    await client.close()
