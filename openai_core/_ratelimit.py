"""Client-side rate limiting, shared by every task using one client.

``AsyncOpenAI(max_concurrency=8, rate_limit=RateLimit(requests_per_minute=500, tokens_per_minute=...))``
holds requests back before they are sent instead of letting them fail with 429:

- ``max_concurrency`` caps requests in flight;
- token buckets pace requests (and estimated tokens) evenly to the per-minute budgets, with a tenth of a
  second's worth as burst, so a minute's budget is not spent in the first instant;
- the server's ``x-ratelimit-limit-*`` (per minute), when lower than the budget given (or when only
  ``max_concurrency`` was), becomes the budget: 95 % of it (``server_share``), without burst (or with
  ``adopted_burst_seconds`` of it);
- ``start_empty`` (the batch runner's choice) starts the buckets with nothing in them, so the first request
  waits its share: a job restarted right after a crash does not add a burst to the requests the server is
  still counting from the run that crashed;
- the server's ``x-ratelimit-remaining-*`` = 0 with ``x-ratelimit-reset-*``, and any 429's
  ``retry-after``, pause every request of the client until the reset, not only the one that was told.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping

import anyio  # unasync: async-only

from ._retry import parse_reset, parse_retry_after
from ._types import RateLimit

__all__ = ["AsyncRateLimiter"]



class _Bucket:
    """Tokens refill at ``per_minute / 60`` a second up to a tenth of a second's worth. A request is let
    through once the level covers it (or, when it is bigger than the burst, once the burst is full), and
    takes its whole amount: the level may go below zero, a debt the next requests wait out."""

    def __init__(self, per_minute: float, *, burst: float | None = None, start_empty: bool = False) -> None:
        self.per_minute = per_minute
        self.rate = per_minute / 60.0
        # A tenth of a second's worth as burst: any one-second window then sees at most 1.1x the rate,
        # so a server counting per second (or per minute) never sees the budget overrun.
        self.capacity = max(1.0, self.rate / 10.0) if burst is None else burst
        self.level = 0.0 if start_empty else self.capacity
        self.updated = time.monotonic()

    def refill(self, now: float) -> float:
        """The level at ``now`` (negative while a debt is being paid)."""
        self.level = min(self.capacity, self.level + (now - self.updated) * self.rate)
        self.updated = now
        return self.level

    def wait_for(self, amount: float, now: float) -> float:
        """Seconds until ``amount`` may be taken (0.0: now)."""
        needed = min(amount, self.capacity)
        level = self.refill(now)
        return 0.0 if level >= needed else (needed - level) / self.rate

    def take(self, amount: float) -> None:
        # The whole amount, even past the burst: a request estimated at more tokens than the burst must
        # still pay for all of them, or big requests would never be paced. At most a minute's budget, so
        # one absurd request cannot stall every task for longer than that.
        self.level -= min(amount, self.per_minute)

    def retarget(self, per_minute: float, *, burst: float, now: float) -> None:
        """A new budget that keeps a debt owed: its time still has to pass at the new rate."""
        self.refill(now)
        debt_seconds = -self.level / self.rate if self.level < 0 else 0.0
        self.per_minute = per_minute
        self.rate = per_minute / 60.0
        self.capacity = burst
        self.level = -debt_seconds * self.rate if debt_seconds else min(self.level, burst)


class AsyncRateLimiter:
    """What the pipeline calls around each attempt: ``acquire(tokens)`` before, ``observe`` and
    ``release`` after."""

    def __init__(
        self,
        rate_limit: RateLimit | None,
        max_concurrency: int | None,
        *,
        start_empty: bool = False,
        server_share: float = 0.95,
        adopted_burst_seconds: float = 0.0,
    ) -> None:
        if max_concurrency is not None and max_concurrency < 1:
            raise ValueError(f"max_concurrency must be at least 1, got {max_concurrency!r}")
        if not 0 < server_share <= 1:
            raise ValueError(f"server_share must be in (0, 1], got {server_share!r}")
        self._start_empty = start_empty
        self._server_share = server_share
        # The burst of a budget adopted from the server, in seconds of its rate (at least one request).
        self._adopted_burst_seconds = adopted_burst_seconds
        rpm = rate_limit.requests_per_minute if rate_limit else None
        tpm = rate_limit.tokens_per_minute if rate_limit else None
        self._requests = _Bucket(rpm, start_empty=start_empty) if rpm else None
        self._tokens = _Bucket(tpm, start_empty=start_empty) if tpm else None
        self._slots = anyio.Semaphore(max_concurrency) if max_concurrency else None  # unasync: async-only
        # unasync: sync-only: self._slots = threading.Semaphore(max_concurrency) if max_concurrency else None
        self._pacing = anyio.Lock()  # unasync: async-only
        # unasync: sync-only: self._pacing = threading.Lock()
        self._paused_until = 0.0
        self._lock = threading.Lock()  # the buckets are shared across tasks (and threads, on the sync side)

    async def acquire(self, tokens: float) -> None:
        if self._slots is not None:
            await self._slots.acquire()
        try:
            if self._requests is None and self._tokens is None and self._paused_until <= time.monotonic():
                return
            # One task at a time waits on the buckets, the rest queue behind it in order. Nothing is booked
            # ahead: a task takes its tokens when it is let through, so tasks woken late by a busy loop go
            # out one spacing apart, not all at once into the server's window.
            async with self._pacing:
                while True:
                    with self._lock:
                        now = time.monotonic()
                        wait = self._paused_until - now
                        if wait <= 0.0:
                            wait = max(
                                self._requests.wait_for(1, now) if self._requests is not None else 0.0,
                                self._tokens.wait_for(tokens, now) if self._tokens is not None and tokens else 0.0,
                            )
                            if wait == 0.0:
                                if self._requests is not None:
                                    self._requests.take(1)
                                if self._tokens is not None and tokens:
                                    self._tokens.take(tokens)
                                return
                    await anyio.sleep(wait)
        except BaseException:
            self.release()
            raise

    def release(self) -> None:
        if self._slots is not None:
            self._slots.release()

    def observe(self, status_code: int, headers: Mapping[str, str]) -> None:
        """Adopt the server's budget when it is lower than ours; pause everyone when the server says a
        budget is spent, until it says it resets."""
        pause = 0.0
        for kind in ("requests", "tokens"):
            limit = headers.get(f"x-ratelimit-limit-{kind}")
            if limit is not None:
                self._adopt(kind, limit)
            if headers.get(f"x-ratelimit-remaining-{kind}") == "0":
                pause = max(pause, parse_reset(headers.get(f"x-ratelimit-reset-{kind}")) or 0.0)
        if status_code == 429:
            pause = max(pause, parse_retry_after(headers) or 1.0)
        if pause:
            with self._lock:
                self._paused_until = max(self._paused_until, time.monotonic() + min(pause, 60.0))

    def _adopt(self, kind: str, limit: str) -> None:
        try:
            # A share (95 % by default) and no burst: servers may enforce a minute's budget pro rata over
            # shorter windows (the embedded one does, per second), so even pacing just under it never
            # trips them.
            target = self._server_share * float(limit)
        except ValueError:
            return
        bucket = self._requests if kind == "requests" else self._tokens
        if not 0 < target < float("inf") or (bucket is not None and bucket.per_minute <= target):
            return
        burst = max(1.0, target / 60.0 * self._adopted_burst_seconds)
        with self._lock:
            if bucket is not None:
                bucket.retarget(target, burst=burst, now=time.monotonic())
            elif kind == "requests":
                self._requests = _Bucket(target, burst=burst, start_empty=self._start_empty)
            else:
                self._tokens = _Bucket(target, burst=burst, start_empty=self._start_empty)
