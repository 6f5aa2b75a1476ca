"""The batch runner's rate limiter: the client's :class:`AsyncRateLimiter` for its budgets (and their
adoption of the server's lower ``x-ratelimit-limit-*``), released by a FIFO pacer on an even schedule,
and counting what it sees.

Pacing is a virtual schedule per dimension (GCRA): each release books the next ``1 / rate`` seconds (a
request's estimated tokens / the token rate) after the last one booked, and a waiter goes when its slot
is at most ``TOLERANCE_SECONDS`` away (waiters are woken in small groups, ``GROUP_SECONDS`` apart). A
release that fires late loses nothing up to that tolerance (the next ones catch up, at most a handful at
once); time lost to a longer stall is lost, never caught up in a burst. Why not a bucket with a quarter second of burst under a one-second window of what was
released (this module's first design): the window lets a catch-up clump through whole, then lets the
next clump through exactly one second later, when the first leaves it, and so on; measured at 196
req/s on a loaded machine, most releases went in clumps 100-300 ms apart, and a server counting per
second answered 1-4 % of them 429. The one-second window stays as a guard (no second ever holds more
than the budget's share of it, however the releases bunch), and rarely binds.

What the server says is dated by when it counted: an ``x-ratelimit-remaining-*: 0`` on an answer that
took the model 2 s to write was true 2 s ago, so the pause it asks for runs from the instant the request
was released, not from when the answer came back (a pause that has ended already is none). A 429 comes
back at once, so its ``retry-after(-ms)`` pauses from now; after any pause the schedule restarts from its
end, without a catch-up.

A 429 under an even schedule at 98 % of the server's limit means the server saw the releases bunched
(the client or the server stalled for 20 ms or more: the arrivals it counts are not the instants we
released): each one stretches the spacing by 1 % (at most 5 % in all), given back at 0.2 % a second
without one. Measured, 3,000 requests at 200/s on a loaded machine, two runs each: 18 and 28 answered
429 without it, 5 and 4 with it, at the same rate while sending (0.91-0.94 both ways).
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Mapping
from contextvars import ContextVar

from .._ratelimit import AsyncRateLimiter
from .._retry import parse_reset, parse_retry_after
from .._types import RateLimit
from ._progress import Counters
from ._send import ON_FIRST_RELEASE

__all__ = ["ADOPTED_BURST_SECONDS", "GROUP_SECONDS", "TOLERANCE_SECONDS", "BatchLimiter"]

# The Ray timeline's credit for an idle cluster (_lease); no window there, so kept small.
ADOPTED_BURST_SECONDS = 0.02
# How early a slot may be taken (so how late a release may fire without losing it), and how long the
# pacer lets waiters gather before it wakes for them: it wakes GROUP_SECONDS after the first one's earliest
# instant and releases every waiter then due together, still within the tolerance. One wake-up (and one
# burst of sends, their answers arriving together) per 2-3 requests at 200/s instead of one per request:
# measured, even one-by-one releases cost ~0.4 ms of CPU a request more than grouped ones. A stall of up
# to TOLERANCE - GROUP is still caught up; the one-second guard keeps any second within the budget.
TOLERANCE_SECONDS = 0.025
GROUP_SECONDS = 0.01
# Each 429 stretches the schedule's spacing by SLOWDOWN_STEP (up to MAX_SLOWDOWN), given back at
# SLOWDOWN_RECOVERY a second: see the module docstring.
SLOWDOWN_STEP = 0.01
MAX_SLOWDOWN = 1.05
SLOWDOWN_RECOVERY = 0.002

# When the current task's request was last released (the server counted it about then).
_RELEASED_AT: ContextVar[float] = ContextVar("openai_core_batch_released_at", default=0.0)


class BatchLimiter(AsyncRateLimiter):
    def __init__(self, rate_limit: RateLimit | None, counters: Counters, *, server_share: float,
                 group_seconds: float = GROUP_SECONDS) -> None:
        super().__init__(rate_limit, None, start_empty=True, server_share=server_share,
                         adopted_burst_seconds=ADOPTED_BURST_SECONDS)
        self.counters = counters
        # 0 on a ticking loop (_loop): its ticks gather the waiters, a timer's own delay would add to them.
        self._group = group_seconds
        self._waiters: deque[tuple[asyncio.Future[None], float]] = deque()
        self._timer: asyncio.TimerHandle | None = None
        # The virtual schedule: the instant the next request's (token's) slot is booked from. It opens
        # with the first request (a slot booked behind now restarts from now, see _take), not when the
        # limiter is built: the seconds start-up spends importing the transport are not owed to anyone,
        # and nothing is owed to a run that died just before (the budget starts empty).
        self._next_request = 0.0
        self._next_token = 0.0
        # What was released in the last second: instants, and (instant, tokens) with their sum.
        self._sent: deque[float] = deque()
        self._spent: deque[tuple[float, float]] = deque()
        self._spent_sum = 0.0
        self._slowdown = 1.0
        self._slowed_at = 0.0
        self.pauses = 0
        """Pauses taken (429s, spent budgets); for the benchmark's accounting."""

    # -- pacing ---------------------------------------------------------------------------------------

    def _wait(self, tokens: float, now: float) -> float:
        return self._waits(tokens, now)[0]

    def _waits(self, tokens: float, now: float) -> tuple[float, bool]:
        """(seconds to wait, whether it is the schedule's: a wait waiters may gather over)."""
        wait = self._paused_until - now
        if wait > 0:
            return wait, False
        if self._requests is not None:
            wait = self._next_request - TOLERANCE_SECONDS - now
        if self._tokens is not None and tokens:
            wait = max(wait, self._next_token - TOLERANCE_SECONDS - now)
        if wait > 0:
            return wait, True
        return self._window_wait(tokens, now), False

    def _window_wait(self, tokens: float, now: float) -> float:
        """Seconds until releasing one more request keeps the last second within the budgets."""
        wait = 0.0
        sent, spent = self._sent, self._spent
        while sent and sent[0] <= now - 1.0:
            sent.popleft()
        while spent and spent[0][0] <= now - 1.0:
            self._spent_sum -= spent.popleft()[1]
        requests = self._requests
        if requests is not None and len(sent) + 1 > max(1.0, requests.rate):
            wait = sent[0] + 1.0 - now
        budget = self._tokens
        if budget is not None and tokens and spent:
            excess = self._spent_sum + tokens - max(tokens, budget.rate)
            for at, amount in spent:  # the oldest releases, until enough of them have left the window
                if excess <= 0:
                    break
                excess -= amount
                wait = max(wait, at + 1.0 - now)
        return wait

    def _take(self, tokens: float, now: float) -> None:
        # A schedule behind now (a stall longer than the tolerance, a pause) restarts from now: at most
        # 1 + tolerance / spacing releases go at once after it.
        stretch = self._slowdown
        if stretch > 1.0:
            stretch = self._slowdown = max(1.0, stretch - SLOWDOWN_RECOVERY * max(0.0, now - self._slowed_at))
            self._slowed_at = now
        if self._requests is not None:
            self._next_request = max(self._next_request, now) + stretch / self._requests.rate
            self._sent.append(now)
        if self._tokens is not None and tokens:
            # At most a minute's budget, so one absurd request cannot hold every other for longer.
            cost = min(tokens, self._tokens.per_minute)
            self._next_token = max(self._next_token, now) + stretch * cost / self._tokens.rate
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
            now = time.monotonic()
        _RELEASED_AT.set(now)
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
            wait, scheduled = self._waits(tokens, now)
            if wait > 0:
                delay = wait + self._group if scheduled else wait
                self._timer = asyncio.get_running_loop().call_later(delay, self._release)
                return
            waiters.popleft()
            self._take(tokens, now)
            future.set_result(None)

    @property
    def pacing(self) -> bool:
        """Whether a request waits for its slot: the run is bound by its budget right now."""
        return bool(self._waiters)

    # -- what the server says ---------------------------------------------------------------------------

    def observe(self, status_code: int, headers: Mapping[str, str]) -> None:
        if status_code == 429:
            self.counters.rate_limited += 1
        elif status_code >= 500:
            self.counters.server_errors += 1
        now = time.monotonic()
        until = 0.0
        for kind in ("requests", "tokens"):
            limit = headers.get(f"x-ratelimit-limit-{kind}")
            if limit is not None:
                self._adopt(kind, limit)
            if headers.get(f"x-ratelimit-remaining-{kind}") == "0":
                reset = parse_reset(headers.get(f"x-ratelimit-reset-{kind}"))
                if reset:
                    until = max(until, _RELEASED_AT.get() + min(reset, 60.0))
        if status_code == 429:
            until = max(until, now + min(parse_retry_after(headers) or 1.0, 60.0))
            self._slowdown = min(MAX_SLOWDOWN, self._slowdown * (1.0 + SLOWDOWN_STEP))
            self._slowed_at = now
        if until > now and until > self._paused_until:
            self.pauses += 1
            self._paused_until = until
