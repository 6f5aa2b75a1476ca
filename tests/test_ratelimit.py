"""Client-side rate limiting against the embedded server enforcing a limit (API key ``sk-rpm-N``: N
requests a minute over a sliding one-second window, 429 + x-ratelimit-* headers), on both transports."""

from __future__ import annotations

import asyncio
import itertools
import time
import uuid

import pytest

import openai_core as openai
from openai_core import AsyncOpenAI, RateLimit
from openai_core._ratelimit import AsyncRateLimiter, _Bucket
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


def own_key(rpm: int) -> str:
    """A key with its own budget on the server (``sk-rpm-N-<unique>``), so tests never share a window."""
    return f"sk-rpm-{rpm}-{uuid.uuid4().hex[:12]}"


async def test_rate_limit_keeps_a_burst_within_the_servers_limit(transport: str, server: MockServer) -> None:
    # server: 1,500/min = 25 per second; client budget: 1,200/min = 20 per second
    key = own_key(1500)
    rejected_before = server.state.rate_limits.rejected
    started = time.monotonic()
    async with limited_client(server, transport, key,
                              rate_limit=RateLimit(requests_per_minute=1200)) as client:
        results = await burst(client, 50)
    elapsed = time.monotonic() - started
    assert all(not isinstance(r, BaseException) for r in results), [r for r in results if isinstance(r, BaseException)][:3]
    assert server.state.rate_limits.rejected == rejected_before  # no 429 reached anyone
    assert server.state.rate_limits.peak_by_key[key] <= 25
    assert server.state.rate_limits.admitted_by_key[key] == 50
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


async def test_the_servers_lower_limit_is_adopted_so_steady_state_sees_no_429(
    transport: str, server: MockServer
) -> None:
    # The server allows 1,200/min (20 a second); the client was told 3,000/min, or nothing at all. After
    # the first answers carry x-ratelimit-limit-requests, every task paces to it: a steady stream of
    # calls, with retries off, never meets a 429.
    for limits in ({"rate_limit": RateLimit(requests_per_minute=3000)}, {"max_concurrency": 8}):
        key = own_key(1200)
        async with AsyncOpenAI(api_key=key, base_url=server.base_url, transport=transport, **limits) as client:  # type: ignore[arg-type]
            warm_up = await burst(client, 8)  # retries on (the default): the first second may see a 429
            assert all(not isinstance(r, BaseException) for r in warm_up)
            await asyncio.sleep(1.0)  # the server's window empties
            rejected_before = server.state.rate_limits.rejected_by_key[key]
            started = time.monotonic()
            results = await burst(client.with_options(max_retries=0), 30)
            elapsed = time.monotonic() - started
        assert [r for r in results if isinstance(r, BaseException)] == []
        assert server.state.rate_limits.rejected_by_key[key] == rejected_before
        assert elapsed >= 29 / 20  # paced to the server's rate, not sent at once


async def test_without_a_limiter_the_same_stream_meets_429s(transport: str, server: MockServer) -> None:
    async with limited_client(server, transport, own_key(1200)) as client:
        results = await burst(client, 40)
    assert sum(isinstance(r, openai.RateLimitError) for r in results) >= 10


def test_buckets_pace_big_token_requests_in_full() -> None:
    tokens = _Bucket(600)  # 10 tokens a second, a burst of one
    t = tokens.updated
    assert tokens.wait_for(1, now=t) == 0.0
    tokens.take(1)
    assert tokens.wait_for(100, now=t) == pytest.approx(0.1)  # a full burst first...
    tokens.take(100)  # ...then the whole 100 is owed, not just the burst
    assert tokens.wait_for(10, now=t + 1) == pytest.approx(9.1)  # the debt, then a burst
    huge = _Bucket(600)
    huge.take(10**12)
    assert huge.wait_for(1, now=huge.updated) == pytest.approx(60.0)  # at most a minute's budget owed, then the burst
    requests = _Bucket(1200)  # 20 a second, a burst of two
    now, sent = requests.updated, []
    for _ in range(6):  # each let through as soon as it may go
        now += requests.wait_for(1, now)
        requests.take(1)
        sent.append(now)
    assert [x - sent[0] for x in sent] == pytest.approx([0.0, 0.0, 0.05, 0.10, 0.15, 0.20])


async def test_tasks_woken_late_go_out_one_spacing_apart() -> None:
    # A loop that stalls must not turn the waiters it held back into a burst: the server's window would
    # see them all at once. Tasks take their slot when they are let through, one at a time.
    limiter = AsyncRateLimiter(RateLimit(requests_per_minute=600), None, start_empty=True)  # 10 a second, burst 1
    released: list[float] = []

    async def one() -> None:
        await limiter.acquire(0)
        released.append(time.monotonic())
        limiter.release()

    tasks = [asyncio.ensure_future(one()) for _ in range(5)]
    await asyncio.sleep(0.15)
    time.sleep(0.35)  # the loop stalls while the next waiters are due  # noqa: ASYNC251
    await asyncio.gather(*tasks)
    gaps = [b - a for a, b in itertools.pairwise(released)]
    assert len(released) == 5
    assert min(gaps) >= 0.09  # one spacing (100 ms) apart, even the ones the stall made late


def test_observe_adopts_only_a_lower_server_limit() -> None:
    limiter = AsyncRateLimiter(RateLimit(requests_per_minute=600, tokens_per_minute=10_000), None)
    limiter.observe(200, {"x-ratelimit-limit-requests": "6000", "x-ratelimit-limit-tokens": "5000"})
    assert limiter._requests is not None and limiter._requests.per_minute == 600  # ours was lower: kept
    assert limiter._tokens is not None and limiter._tokens.per_minute == pytest.approx(4750)
    for junk in ("", "soon", "-5", "inf", "nan"):
        limiter.observe(200, {"x-ratelimit-limit-requests": junk})
        assert limiter._requests.per_minute == 600
    bare = AsyncRateLimiter(None, 4)
    bare.observe(200, {"x-ratelimit-limit-requests": "1200"})
    assert bare._requests is not None and bare._requests.per_minute == pytest.approx(1140)
    assert bare._tokens is None

