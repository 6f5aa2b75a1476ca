"""The batch runner's rate limiter: the client's :class:`AsyncRateLimiter` (its buckets, their adoption
of the server's ``x-ratelimit-*`` limits, its pauses on 429 / ``remaining: 0``), started empty, paced by a
FIFO queue instead of reserving slots ahead, and counting what it sees.

Why not the client's reservation scheme: it hands each caller a future instant at once, and a caller
that wakes late (the event loop was busy, or the machine is shared) still goes. Under load many wake
late together and leave in a clump, and a server enforcing its per-minute limit pro rata per second (the
embedded server does; measured here at load 4 on 2 cores: 10 % of requests answered 429) sees the clump
as an overrun. Here a waiter is released only when the bucket holds its cost at the moment of release, so
time lost to a stall is lost, never caught up in a burst larger than the bucket's burst.

Time lost to a stall may be caught up, but only within two bounds: the bucket's burst (a quarter second
of the rate once a server's limit is adopted, so a release that fires late loses nothing) and a sliding
one-second window over what was actually released, capped at the budget's per-second share. A server
counting per second (the embedded one; pro-rata enforcement of a per-minute limit in general) then never
sees more than 98 % of its limit in any second, however the releases bunch. Measured before the window,
with a one-request burst instead: a third of the rate lost at 500 req/s on a loaded machine.

The server counts arrivals on its own clock, and a loaded machine delays requests unevenly on the way;
when that jitter is larger than the 2 % margin, 429s come back. Each 429 then lowers the window's cap by
5 % (at most once per 100 ms, down to 80 % of the budget) and every second without one gives back 2 %:
the runner settles where the server stops refusing, instead of bouncing off the limit.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Mapping

from .._ratelimit import AsyncRateLimiter, _Bucket
from .._types import RateLimit
from ._progress import Counters
from ._send import ON_FIRST_RELEASE

__all__ = ["ADOPTED_BURST_SECONDS", "BatchLimiter"]

# The Ray timeline's credit for an idle cluster (_lease); no window there, so kept small.
ADOPTED_BURST_SECONDS = 0.02
_LOCAL_BURST_SECONDS = 0.25


def _shortfall(bucket: _Bucket | None, cost: float, now: float) -> float:
    """Seconds until ``bucket`` holds ``cost`` (capped at its burst, so a big request waits for a full
    bucket and then runs it into debt, paid by the requests behind it)."""
    if bucket is None or not cost:
        return 0.0
    need = min(cost, bucket.capacity)
    level = bucket.refill(now)
    return 0.0 if level >= need else (need - level) / bucket.rate


class BatchLimiter(AsyncRateLimiter):
    def __init__(self, rate_limit: RateLimit | None, counters: Counters, *, server_share: float) -> None:
        super().__init__(rate_limit, None, start_empty=True, server_share=server_share,
                         adopted_burst_seconds=_LOCAL_BURST_SECONDS)
        self.counters = counters
        self._waiters: deque[tuple[asyncio.Future[None], float]] = deque()
        self._timer: asyncio.TimerHandle | None = None
        # What was released in the last second: instants, and (instant, tokens) with their sum.
        self._sent: deque[float] = deque()
        self._spent: deque[tuple[float, float]] = deque()
        self._spent_sum = 0.0
        # The window's share of the budget after 429s (see the module docstring).
        self._factor = 1.0
        self._factor_at = 0.0
        self._last_cut = 0.0

    # -- pacing ---------------------------------------------------------------------------------------

    def _wait(self, tokens: float, now: float) -> float:
        wait = self._paused_until - now
        if wait > 0:
            return wait
        wait = max(_shortfall(self._requests, 1.0, now), _shortfall(self._tokens, tokens, now))
        return max(wait, self._window_wait(tokens, now))

    def _window_wait(self, tokens: float, now: float) -> float:
        """Seconds until releasing one more request keeps the last second within the budgets."""
        wait = 0.0
        sent, spent = self._sent, self._spent
        while sent and sent[0] <= now - 1.0:
            sent.popleft()
        while spent and spent[0][0] <= now - 1.0:
            self._spent_sum -= spent.popleft()[1]
        factor = self._recover(now)
        requests = self._requests
        if requests is not None and len(sent) + 1 > max(1.0, factor * requests.per_minute / 60.0):
            wait = sent[0] + 1.0 - now
        budget = self._tokens
        if budget is not None and tokens and spent:
            excess = self._spent_sum + tokens - max(tokens, factor * budget.per_minute / 60.0)
            for at, amount in spent:  # the oldest releases, until enough of them have left the window
                if excess <= 0:
                    break
                excess -= amount
                wait = max(wait, at + 1.0 - now)
        return wait

    def _recover(self, now: float) -> float:
        if self._factor < 1.0:
            self._factor = min(1.0, self._factor + 0.02 * (now - self._factor_at))
            self._factor_at = now
        return self._factor

    def _take(self, tokens: float, now: float) -> None:
        if self._requests is not None:
            self._requests.level -= 1.0
            self._sent.append(now)
        if self._tokens is not None and tokens:
            self._tokens.level -= min(tokens, self._tokens.per_minute)
            self._spent.append((now, tokens))
            self._spent_sum += tokens

    async def acquire(self, tokens: float) -> None:
        self.counters.attempts += 1
        now = time.monotonic()
        if not self._waiters and self._wait(tokens, now) <= 0:
            self._take(tokens, now)
        else:
            loop = asyncio.get_running_loop()
            future: asyncio.Future[None] = loop.create_future()
            self._waiters.append((future, tokens))
            if self._timer is None:
                self._release()
            await future  # a cancelled waiter is skipped by _release
        released = ON_FIRST_RELEASE.get()
        if released is not None:
            released()

    def _release(self) -> None:
        self._timer = None
        waiters = self._waiters
        while waiters:
            future, tokens = waiters[0]
            if future.done():  # cancelled while waiting
                waiters.popleft()
                continue
            now = time.monotonic()
            wait = self._wait(tokens, now)
            if wait > 0:
                self._timer = asyncio.get_running_loop().call_later(wait, self._release)
                return
            waiters.popleft()
            self._take(tokens, now)
            future.set_result(None)

    # -- what the server says ---------------------------------------------------------------------------

    def observe(self, status_code: int, headers: Mapping[str, str]) -> None:
        if status_code == 429:
            self.counters.rate_limited += 1
            now = time.monotonic()
            if now - self._last_cut >= 0.1:
                self._factor = max(0.8, self._recover(now) * 0.95)
                self._factor_at = self._last_cut = now
        elif status_code >= 500:
            self.counters.server_errors += 1
        super().observe(status_code, headers)
