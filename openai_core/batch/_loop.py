"""The event loop ``openai-core batch`` runs on when it owns one (the command, :func:`run`): asyncio's
selector loop whose waits are rounded up to a tick while the rate limiter is pacing.

A paced run is bound by its budget, not by how soon an answer is read: at 200 requests a second each
request used to cost about one wake-up of its own (its release, its answer), and on a virtual machine a
wake-up after a few milliseconds idle costs 0.1-0.2 ms of CPU whatever little it then does (measured
here: an empty ``asyncio.sleep(0.005)`` loop, 0.2 ms of CPU a wake-up). Waking once a tick instead, and then
handling every answer that came in and every release that fell due meanwhile, cuts the runner's CPU a
request by a fifth to a quarter (docs/batch.md) and delays nothing that counts: an answer read up to a tick
later frees a worker that would have waited for its slot anyway, and the limiter's tolerance (how early
a slot may be taken) covers a release that fires up to a tick late.

While nothing waits for a slot (no budget, or the budget is not binding: the run is bound by the
server's latency and the concurrency) the loop waits as asyncio's does: a tick there would add to every
round trip (measured: a fifth of an unpaced run's throughput).
"""

from __future__ import annotations

import asyncio
import selectors
from collections.abc import Callable
from time import monotonic, sleep

__all__ = ["TICK_SECONDS", "TickingEventLoop", "TickingSelector"]

# At 200 requests a second a tick of 15 ms wakes once for ~3 releases and their ~3 answers. Measured
# (benchmarks/bench_batch.py, three rounds): 15 ms keeps the rate (the limiter's 25 ms tolerance covers a
# release up to a tick late), 20 ms lost 1 % of it; 10 ms showed no clear saving in a noisier run.
TICK_SECONDS = 0.015


class TickingSelector(selectors.DefaultSelector):
    """A selector that, when asked to wait while ``pacing()`` is true, first sleeps until a tick has
    passed since it last woke up (then waits as asked, less what it slept)."""

    def __init__(self, tick: float = TICK_SECONDS) -> None:
        super().__init__()
        self.tick = tick
        self.pacing: Callable[[], bool] = _never
        self._woke = 0.0

    def select(self, timeout: float | None = None) -> list[tuple[selectors.SelectorKey, int]]:
        if timeout is not None and timeout <= 0:  # callbacks are ready: a poll, not a wake-up
            return super().select(0)
        if self.pacing():
            gap = self._woke + self.tick - monotonic()
            if gap > 0:
                sleep(gap)
                if timeout is not None:
                    timeout = max(0.0, timeout - gap)
        ready: list[tuple[selectors.SelectorKey, int]] = super().select(timeout)
        self._woke = monotonic()
        return ready


class TickingEventLoop(asyncio.SelectorEventLoop):
    def __init__(self, tick: float = TICK_SECONDS) -> None:
        self.ticker = TickingSelector(tick)
        super().__init__(self.ticker)


def _never() -> bool:
    return False
