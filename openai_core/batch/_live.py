"""The local engine: ``max_concurrency`` worker tasks on one async client pull pending requests from a
bounded queue, so memory holds at most twice that many requests whatever the input's size.

When no budget was given, the first request goes out alone: its ``x-ratelimit-limit-*`` headers become
the budget before the other workers start, instead of a first wave of ``max_concurrency`` requests
overrunning an account's limit.

While the run goes, what exists when it starts (the imported modules, their classes: a few hundred
thousand objects) is frozen out of the garbage collector's full passes, which otherwise walk all of it
again and again (measured: 80 us a request, a tenth of the runner's CPU at 200 requests a second), and
given back to it when the run ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gc
from collections.abc import Iterator
from typing import Any

from .._client import AsyncOpenAI
from ._input import BatchRequest
from ._job import Job
from ._limiter import GROUP_SECONDS, BatchLimiter
from ._loop import TickingSelector
from ._send import RequestSender

__all__ = ["run_live"]


async def run_live(job: Job) -> None:
    options = job.options
    # On the command's own loop (_loop) the ticks group the releases, and tick only while they are paced.
    ticker: TickingSelector | None = getattr(asyncio.get_running_loop(), "ticker", None)
    limiter = BatchLimiter(options.rate_limit, job.counters, server_share=options.server_share,
                           group_seconds=0.0 if ticker is not None else GROUP_SECONDS)
    queue: asyncio.Queue[BatchRequest | None] = asyncio.Queue(maxsize=2 * options.max_concurrency)
    # Without a budget the first answer sets it: the other workers wait for it.
    probed = asyncio.Event()
    if options.requests_per_minute is not None:
        probed.set()

    async with AsyncOpenAI(**job.client_kwargs(), _shared_limiter=limiter) as client:  # type: ignore[arg-type]
        with _frozen_heap(), _ticking(ticker, limiter):
            await _run(job, client, queue, probed)


async def _run(job: Job, client: AsyncOpenAI, queue: asyncio.Queue[BatchRequest | None],
               probed: asyncio.Event) -> None:
    options = job.options
    sender = RequestSender(client, job.counters, rate_limit_patience=options.rate_limit_patience,
                           job_key=job.job_key)

    async def worker(index: int) -> None:
        if index:
            await probed.wait()
        while (request := await queue.get()) is not None:
            try:
                job.write(*await sender.send(request, functools.partial(job.dispatch, request)))
            finally:
                probed.set()

    async def feed() -> None:
        fed = False
        try:
            for request in job.pending():
                await queue.put(request)
                fed = True
        finally:
            if not fed:  # no probe will answer
                probed.set()
            for _ in range(options.max_concurrency):
                await queue.put(None)

    workers = [asyncio.create_task(worker(i)) for i in range(options.max_concurrency)]
    feeder = asyncio.create_task(feed())
    stop_feeding = asyncio.create_task(job.stopping.wait())
    aborting = asyncio.create_task(job.aborting.wait())
    # The workers only: cancelling the feeder (a drain) must not end the wait for them.
    everything: asyncio.Future[Any] = asyncio.gather(*workers)
    try:
        first: set[asyncio.Future[Any]] = {stop_feeding, everything}
        await asyncio.wait(first, return_when=asyncio.FIRST_COMPLETED)
        if job.stopping.is_set() and not everything.done():
            # Drain: drop what is queued but not yet sent, let the requests in flight finish.
            feeder.cancel()
            probed.set()
            _drain(queue, options.max_concurrency)
            second: set[asyncio.Future[Any]] = {aborting, everything}
            await asyncio.wait(second, return_when=asyncio.FIRST_COMPLETED)
            if job.aborting.is_set():
                everything.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await everything
        if feeder.done() and not feeder.cancelled() and feeder.exception() is not None:
            raise feeder.exception()  # type: ignore[misc]
    finally:
        for task in (stop_feeding, aborting, feeder, *workers):
            task.cancel()
        await asyncio.gather(stop_feeding, aborting, feeder, *workers, return_exceptions=True)


@contextlib.contextmanager
def _frozen_heap() -> Iterator[None]:
    # The client is built (its transport imported) before: those modules are the bulk of the heap.
    frozen = gc.get_freeze_count() == 0
    if frozen:
        gc.freeze()
    try:
        yield
    finally:
        if frozen:
            gc.unfreeze()


@contextlib.contextmanager
def _ticking(ticker: TickingSelector | None, limiter: BatchLimiter) -> Iterator[None]:
    if ticker is None:
        yield
        return
    ticker.pacing = lambda: limiter.pacing
    try:
        yield
    finally:
        ticker.pacing = lambda: False


def _drain(queue: asyncio.Queue[BatchRequest | None], workers: int) -> None:
    while not queue.empty():
        queue.get_nowait()
    for _ in range(workers):
        queue.put_nowait(None)
