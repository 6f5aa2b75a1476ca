"""A batch job from start to summary, whatever the engine: validate the input, open (and repair) the
output, hand the pending requests to the engine, stop cleanly on Ctrl-C, sum up."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .._exceptions import OpenAIError
from .._types import RateLimit
from ._idset import id_digest
from ._input import BatchRequest, InputPlan, iter_requests, scan_input
from ._output import Outcome, OutputFile, ResumeState
from ._progress import BatchSummary, Counters, ProgressDisplay

__all__ = ["BatchOptions", "Job", "arun", "run"]


@dataclass
class BatchOptions:
    """Every knob of ``openai-core batch``; the CLI flags map one to one."""

    requests_per_minute: float | None = None
    tokens_per_minute: float | None = None
    max_concurrency: int = 256
    transport: str | None = None
    max_retries: int = 5
    api_key: str | None = None
    base_url: str | None = None
    timeout: float | None = None
    engine: Literal["local", "ray"] = "local"
    ray_address: str | None = None
    ray_workers: int | None = None
    via: Literal["live", "batch-api"] = "live"
    progress: bool = True
    progress_interval: float | None = None
    # A request rate-limited this long (seconds since its first 429) fails for good.
    rate_limit_patience: float = 600.0
    # The share of a server's declared x-ratelimit-limit-* the runner paces to (docs/batch.md: why 98 %).
    server_share: float = 0.98
    # --via batch-api: the Batch API's limits per input file, and how often to ask for news.
    batch_max_requests: int = 50_000
    batch_max_bytes: int = 200 * 1024 * 1024
    poll_interval: float = 5.0
    poll_max_interval: float = 60.0
    batch_metadata: dict[str, str] | None = None
    """Added to every batch's metadata (besides the runner's own job and part keys)."""

    def __post_init__(self) -> None:
        if self.max_concurrency < 1:
            raise ValueError(f"max_concurrency must be at least 1, got {self.max_concurrency!r}")
        if self.max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, got {self.max_retries!r}")
        if self.engine not in ("local", "ray"):
            raise ValueError(f"engine must be 'local' or 'ray', got {self.engine!r}")
        if self.via not in ("live", "batch-api"):
            raise ValueError(f"via must be 'live' or 'batch-api', got {self.via!r}")
        if self.engine == "ray" and self.via == "batch-api":
            raise ValueError("--via batch-api runs on the server's side; it takes no --engine ray")
        if self.requests_per_minute is not None or self.tokens_per_minute is not None:
            RateLimit(self.requests_per_minute, self.tokens_per_minute)  # validates both

    @property
    def rate_limit(self) -> RateLimit | None:
        if self.requests_per_minute is None and self.tokens_per_minute is None:
            return None
        return RateLimit(self.requests_per_minute, self.tokens_per_minute)

    def resolved_transport(self) -> str | None:
        """The throughput tool takes the backend with the least CPU a request unless told otherwise (flag,
        then OPENAI_CORE_TRANSPORT): the lean one when its extra is installed (about half of aiohttp's CPU a
        request and start-up, docs/batch.md), else aiohttp (a third of httpx's), else the default."""
        import importlib.util
        import os

        if self.transport or os.environ.get("OPENAI_CORE_TRANSPORT"):
            return self.transport
        for name, module in (("lean", "httptools"), ("aiohttp", "aiohttp")):
            if importlib.util.find_spec(module) is not None:
                return name
        return None


@dataclass
class Job:
    plan: InputPlan
    output: OutputFile
    resume: ResumeState
    options: BatchOptions
    counters: Counters = field(default_factory=Counters)
    progress: ProgressDisplay | None = None
    stopping: asyncio.Event = field(default_factory=asyncio.Event)
    """Set by the first Ctrl-C / SIGTERM: send nothing new, finish what is in flight."""
    aborting: asyncio.Event = field(default_factory=asyncio.Event)
    """Set by the second: drop what is in flight (it is sent again at the rerun)."""
    sent: int = 0
    sent_again: int = 0
    first_sent_at: float | None = None
    first_sent_cpu: float = 0.0
    extra: dict[str, object] = field(default_factory=dict)

    def pending(self) -> Iterator[BatchRequest]:
        """The requests without an output line, in input order, until a stop is asked for."""
        for request in iter_requests(self.plan.path, self.resume.done, self.plan.order):
            if self.stopping.is_set():
                return
            yield request

    def dispatch(self, request: BatchRequest) -> None:
        """Call just before ``request`` is sent: the journal then knows it may be in flight."""
        if not self.sent:
            self.first_sent_at = time.monotonic()
            self.first_sent_cpu = time.process_time()
        digest = request.digest or id_digest(request.custom_id)
        self.output.mark_sent(digest)
        if self._resumed_in_flight and self.resume.in_flight.contains(digest):
            self.sent_again += 1
        self.sent += 1

    @property
    def _resumed_in_flight(self) -> bool:
        return len(self.resume.in_flight) > 0

    def write(self, line: bytes, outcome: Outcome | None = None) -> None:
        """Append one output line; ``outcome`` when the caller knows it (else it is read from the line)."""
        self.output.write(line, outcome)
        if self.progress is not None:
            self.progress.update(self.counters)

    @property
    def job_key(self) -> str:
        """Names this job (its output file) in Idempotency-Keys."""
        return f"{id_digest(str(self.output.path.resolve())):016x}"

    def client_kwargs(self) -> dict[str, object]:
        o = self.options
        kwargs: dict[str, object] = {"max_retries": o.max_retries, "transport": o.resolved_transport()}
        if o.api_key is not None:
            kwargs["api_key"] = o.api_key
        if o.base_url is not None:
            kwargs["base_url"] = o.base_url
        if o.timeout is not None:
            kwargs["timeout"] = o.timeout
        return kwargs


@contextlib.contextmanager
def _interrupts(job: Job) -> Iterator[None]:
    """First SIGINT/SIGTERM drains, the second aborts; only where signals can be caught (main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    loop = asyncio.get_running_loop()

    def interrupted() -> None:
        if job.stopping.is_set():
            job.aborting.set()
        else:
            job.stopping.set()
            if job.progress is not None and job.progress.enabled:
                job.progress.stream.write("\nbatch: stopping; finishing the requests in flight (again to abort)\n")

    installed = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(sig, interrupted)
            installed.append(sig)
    try:
        yield
    finally:
        for sig in installed:
            loop.remove_signal_handler(sig)


async def arun(input: str | Path, output: str | Path, **options: object) -> BatchSummary:
    """Run a batch (see :class:`BatchOptions` for the keywords); returns the summary. Rerun with the same
    arguments after a crash or an interrupt to continue."""
    opts = BatchOptions(**options)  # type: ignore[arg-type]
    started = time.monotonic()
    if not (opts.api_key or os.environ.get("OPENAI_API_KEY")):  # before an output file is made
        raise OpenAIError("no API key: set OPENAI_API_KEY (or pass api_key=)")
    out = OutputFile(output)
    plan = scan_input(input, out.plan_path)
    resume = out.open(plan.ids)
    job = Job(plan, out, resume, opts)
    job.progress = ProgressDisplay(plan.total, resume.rows, enabled=opts.progress, interval=opts.progress_interval)
    complete = False
    try:
        with _interrupts(job):
            if resume.rows < plan.total:
                if opts.via == "batch-api":
                    from ._batch_api import run_batch_api

                    await run_batch_api(job)
                elif opts.engine == "ray":
                    try:
                        from ._ray import run_ray
                    except ImportError as exc:
                        raise OpenAIError(f"--engine ray needs Ray: pip install 'openai-core[ray]' ({exc})") from None
                    await run_ray(job)
                else:
                    from ._live import run_live

                    await run_live(job)
        job.progress.finish(job.counters)
        c = job.counters
        answered = resume.rows + c.written
        if job.first_sent_at is not None:
            # Start-up (scanning, a Ray cluster's actors) apart from the sending itself.
            job.extra["startup_s"] = round(job.first_sent_at - started, 3)
            job.extra["sending_s"] = round(time.monotonic() - job.first_sent_at, 3)
            # This process's CPU (a Ray run's workers are other processes), split the same way.
            job.extra["cpu_startup_s"] = round(job.first_sent_cpu, 3)
            job.extra["cpu_sending_s"] = round(time.process_time() - job.first_sent_cpu, 3)
        complete = answered == plan.total
    finally:
        out.close(complete=complete)
    return BatchSummary(
        input_path=str(plan.path), output_path=str(out.path), total=plan.total, answered=answered,
        answered_before=resume.rows, succeeded=answered - resume.failed - c.failed, failed=resume.failed + c.failed,
        prompt_tokens=resume.prompt_tokens + c.prompt_tokens,
        completion_tokens=resume.completion_tokens + c.completion_tokens,
        sent_this_run=job.sent, attempts_this_run=c.attempts, rate_limited_this_run=c.rate_limited,
        server_errors_this_run=c.server_errors, sent_again=job.sent_again, torn_bytes_repaired=resume.torn_bytes,
        elapsed=time.monotonic() - started, interrupted=job.stopping.is_set(), engine=opts.engine, via=opts.via,
        extra=job.extra,
    )


def run(input: str | Path, output: str | Path, **options: object) -> BatchSummary:
    """:func:`arun` for synchronous code. It runs its own event loop: one that wakes once a tick while
    the run is paced by its budget (a quarter less CPU a request, :mod:`._loop`), asyncio's own on Windows."""
    if sys.platform == "win32":
        return asyncio.run(arun(input, output, **options))
    from ._loop import TickingEventLoop

    with asyncio.Runner(loop_factory=TickingEventLoop) as runner:
        return runner.run(arun(input, output, **options))
