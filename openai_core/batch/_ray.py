"""``--engine ray``: the same job on a Ray cluster. The only module that imports Ray.

- The driver (this process) validates the input, owns the output file and its journal, and streams the
  pending requests to the workers in chunks; each finished chunk's lines come back and are appended
  here, so exactly-once and resume are the local engine's, unchanged.
- Workers are async actors, each one async openai_core client (``max_concurrency`` requests in flight).
  Every actor asks for ``num_cpus=0``: nothing here waits for a
  CPU to be free, so the job cannot deadlock on a small cluster (Ray Data's checkpointed rerun did at 2).
  Workers go round-robin over the nodes that answer a pinned no-op task (a node Ray lists as alive may
  not be schedulable yet: a soft affinity to it silently lands elsewhere).
- One rate limit for the whole cluster: a limiter actor holding a :class:`ClusterBudget`; workers lease
  time slots from it in blocks (``_lease``), report the server's ``x-ratelimit-*`` limits to it and ask it
  to pause everyone on a 429.
- Without a budget, one request goes first, alone: its headers set the cluster's budget before the
  workers start.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Mapping
from typing import Any

import ray
from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

from .._client import AsyncOpenAI
from .._ratelimit import AsyncRateLimiter
from .._retry import parse_reset, parse_retry_after
from ._input import BatchRequest
from ._job import Job
from ._lease import ClusterBudget
from ._limiter import ADOPTED_BURST_SECONDS
from ._output import Outcome
from ._progress import Counters
from ._send import RequestSender

__all__ = ["run_ray"]

_CHUNK = 16
# Gathering the requests that arrive meanwhile into one lease bounds a worker's calls to the limiter.
_LEASE_INTERVAL = 0.005
# How long a node listed as alive may take to run its first task before the job goes on without it.
_PROBE_SECONDS = 30.0


@ray.remote(num_cpus=0)
class ClusterLimiter:
    def __init__(self, requests_per_minute: float | None, tokens_per_minute: float | None, server_share: float) -> None:
        self.budget = ClusterBudget(requests_per_minute, tokens_per_minute, server_share=server_share,
                                    burst_seconds=ADOPTED_BURST_SECONDS)

    # Wall-clock time: the workers compare the instants with their own (see _lease.Lease).
    def lease(self, tokens: list[float]) -> list[float] | None:
        if not self.budget.limited:
            return None
        return self.budget.lease(tokens, time.time()).instants(tokens)

    def adopt(self, kind: str, limit: float) -> None:
        self.budget.adopt(kind, limit, time.time())

    def pause(self, seconds: float) -> None:
        self.budget.pause(seconds, time.time())

    def stats(self) -> dict[str, Any]:
        r, t = self.budget.requests, self.budget.tokens
        return {"leases": self.budget.leases, "requests_per_minute": r.per_minute if r else None,
                "tokens_per_minute": t.per_minute if t else None}


class LeasedLimiter(AsyncRateLimiter):
    """A worker's limiter: waits for slots leased from the cluster's limiter actor."""

    def __init__(self, actor: Any, counters: Counters) -> None:
        super().__init__(None, None)
        self.actor = actor
        self.counters = counters
        self._waiting: list[tuple[asyncio.Future[None], float]] = []
        self._leasing: asyncio.Task[None] | None = None
        self._reported: dict[str, str] = {}
        self._reports: list[Any] = []
        self.unlimited = False

    async def acquire(self, tokens: float) -> None:
        self.counters.attempts += 1
        if self.unlimited:
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append((future, tokens))
        if self._leasing is None or self._leasing.done():
            self._leasing = asyncio.create_task(self._lease())
        await future

    async def _lease(self) -> None:
        loop = asyncio.get_running_loop()
        while self._waiting:
            await asyncio.sleep(_LEASE_INTERVAL)
            block, self._waiting = self._waiting, []
            instants = await self.actor.lease.remote([tokens for _, tokens in block])
            if instants is None:
                self.unlimited = True
                for future, _ in block:
                    _release(future)
                continue
            offset = loop.time() - time.time()
            for (future, _), at in zip(block, instants, strict=True):
                loop.call_at(at + offset, _release, future)

    def observe(self, status_code: int, headers: Mapping[str, str]) -> None:
        if status_code == 429:
            self.counters.rate_limited += 1
        elif status_code >= 500:
            self.counters.server_errors += 1
        pause = 0.0
        for kind in ("requests", "tokens"):
            limit = headers.get(f"x-ratelimit-limit-{kind}")
            if limit is not None and self._reported.get(kind) != limit:
                self._reported[kind] = limit
                try:
                    self._reports.append(self.actor.adopt.remote(kind, float(limit)))
                    self.unlimited = False
                except ValueError:
                    pass
            if headers.get(f"x-ratelimit-remaining-{kind}") == "0":
                pause = max(pause, parse_reset(headers.get(f"x-ratelimit-reset-{kind}")) or 0.0)
        if status_code == 429:
            pause = max(pause, parse_retry_after(headers) or 1.0)
        if pause:
            self._reports.append(self.actor.pause.remote(pause))

    async def flush(self) -> None:
        """Wait until the limiter actor has heard every report (a chunk's answer then implies it)."""
        reports, self._reports = self._reports, []
        if reports:
            await asyncio.gather(*reports)


def _release(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


@ray.remote(num_cpus=0)
class BatchWorker:
    def __init__(self, client_kwargs: dict[str, Any], limiter: Any, max_concurrency: int, patience: float,
                 job_key: str) -> None:
        self.client_kwargs = client_kwargs
        self.job_key = job_key
        self.counters = Counters()
        self.limiter = LeasedLimiter(limiter, self.counters)
        self.max_concurrency = max_concurrency
        self.patience = patience
        self.client: AsyncOpenAI | None = None
        self.slots: asyncio.Semaphore | None = None

    async def start(self) -> None:
        """Builds the client (importing its transport: most of a worker's start-up), so the driver can
        wait for every worker before the first request instead of the first chunk waiting for it."""
        if self.client is None:
            self.client = AsyncOpenAI(**self.client_kwargs, _shared_limiter=self.limiter)
            self.slots = asyncio.Semaphore(self.max_concurrency)

    async def process(self, requests: list[tuple[str, str, dict[str, Any], int]]
                      ) -> tuple[list[tuple[bytes, Outcome]], list[int]]:
        await self.start()
        assert self.client is not None and self.slots is not None
        chunk = Counters()
        sender = RequestSender(self.client, chunk, rate_limit_patience=self.patience, job_key=self.job_key)
        slots = self.slots

        async def one(custom_id: str, url: str, body: dict[str, Any], digest: int) -> tuple[bytes, Outcome]:
            async with slots:
                return await sender.send(BatchRequest(0, custom_id, url, body, b"", digest))

        lines = await asyncio.gather(*(one(*r) for r in requests))
        await self.limiter.flush()
        # The limiter counts per worker; whichever chunk finishes takes what it counted so far.
        shared = self.counters
        chunk.attempts, chunk.rate_limited, chunk.server_errors = shared.attempts, shared.rate_limited, shared.server_errors
        shared.attempts = shared.rate_limited = shared.server_errors = 0
        return list(lines), [getattr(chunk, name) for name in Counters.__slots__]

    def node(self) -> str:
        return str(ray.get_runtime_context().get_node_id())

    async def close(self) -> None:
        if self.client is not None:
            await self.client.close()


@ray.remote(num_cpus=0)  # type: ignore[untyped-decorator]  # ray is untyped
def _here() -> str:
    return str(ray.get_runtime_context().get_node_id())


async def _ready_nodes() -> list[str]:
    """The alive nodes that run a task pinned to them within ``_PROBE_SECONDS``. ``ray.nodes()`` reports a node
    alive as soon as it registers, before the scheduler can place work on it; a hard affinity waits for it."""
    alive = [str(n["NodeID"]) for n in ray.nodes() if n.get("Alive")]
    probes = {
        asyncio.wrap_future(_here.options(
            scheduling_strategy=NodeAffinitySchedulingStrategy(node, soft=False)).remote().future()): node
        for node in alive
    }
    if not probes:
        return []
    done, late = await asyncio.wait(probes, timeout=_PROBE_SECONDS)
    for future in late:
        future.cancel()
    ready = {probes[f] for f in done if f.exception() is None}
    return [node for node in alive if node in ready]


def _connect(address: str | None) -> None:
    """``ray.init``: an existing cluster at ``address``, else a new local instance. A local instance, or a
    cluster reached over loopback, keeps this driver on loopback too (Ray would otherwise pick the
    machine's outward address for its own traffic)."""
    if ray.is_initialized():
        return
    host = (address or "127.0.0.1").removeprefix("ray://").rsplit(":", 1)[0].strip("[]")
    local = address is None or host in ("127.0.0.1", "localhost", "::1")
    ray.init(address=address, include_dashboard=False, log_to_driver=False, configure_logging=False,
             **({"_node_ip_address": "127.0.0.1"} if local else {}))


def _client_kwargs(job: Job) -> dict[str, Any]:
    """Resolved here, so workers on other nodes need no environment of their own."""
    kwargs = dict(job.client_kwargs())
    kwargs.setdefault("api_key", os.environ.get("OPENAI_API_KEY"))
    kwargs.setdefault("base_url", os.environ.get("OPENAI_BASE_URL"))
    return {k: v for k, v in kwargs.items() if v is not None}


async def run_ray(job: Job) -> None:
    o = job.options
    _connect(o.ray_address)
    nodes = await _ready_nodes()
    count = o.ray_workers or max(1, len(nodes))
    limiter = ClusterLimiter.remote(o.requests_per_minute, o.tokens_per_minute, o.server_share)  # type: ignore[attr-defined]
    kwargs = _client_kwargs(job)
    # Round-robin over the ready nodes, pinned: a soft affinity (and SPREAD) is best effort and put both
    # workers of a two-node test cluster on one node even after that node ran the probe.
    workers = [
        BatchWorker.options(  # type: ignore[attr-defined]
            scheduling_strategy=NodeAffinitySchedulingStrategy(nodes[i % len(nodes)], soft=False)
            if nodes else "SPREAD",
        ).remote(kwargs, limiter, o.max_concurrency, o.rate_limit_patience, job.job_key)
        for i in range(count)
    ]
    # Every worker's client built before the first request: the workers' start-up is not sending time.
    await asyncio.gather(*(asyncio.wrap_future(w.start.remote().future()) for w in workers))
    outstanding_per_worker = 2 * -(-o.max_concurrency // _CHUNK) + 1
    busy = [0] * count
    served = [0] * count
    in_flight: dict[asyncio.Future[Any], int] = {}
    pending = job.pending()
    exhausted = False
    probe = o.requests_per_minute is None

    def send_chunk(index: int, size: int) -> bool:
        chunk: list[tuple[str, str, dict[str, Any], int]] = []
        for request in pending:
            job.dispatch(request)
            chunk.append((request.custom_id, request.url, request.body, request.digest))
            if len(chunk) >= size:
                break
        if not chunk:
            return False
        future = asyncio.wrap_future(workers[index].process.remote(chunk).future())
        in_flight[future] = index
        busy[index] += 1
        return True

    stopping = asyncio.ensure_future(job.stopping.wait())
    aborting = asyncio.ensure_future(job.aborting.wait())
    try:
        while True:
            if not job.stopping.is_set() and not exhausted and not (probe and in_flight):
                for index in sorted(range(count), key=busy.__getitem__):
                    while busy[index] < outstanding_per_worker:
                        if not send_chunk(index, 1 if probe else _CHUNK):
                            exhausted = True
                        if exhausted or probe:
                            break
                    if exhausted or probe:
                        break
            if not in_flight:
                break
            watch = {*in_flight, aborting if job.stopping.is_set() else stopping}
            done, _ = await asyncio.wait(watch, return_when=asyncio.FIRST_COMPLETED)
            if job.aborting.is_set():
                break
            for future in done:
                if future is stopping or future is aborting:
                    continue
                index = in_flight.pop(future)
                busy[index] -= 1
                lines, counts = future.result()
                served[index] += len(lines)
                job.counters.add(Counters(*counts))
                # Each line with its outcome: the driver journals it without parsing it again.
                for line, outcome in lines:
                    job.write(line, outcome)
                probe = False
        placed = await asyncio.gather(*(asyncio.wrap_future(w.node.remote().future()) for w in workers))
        job.extra["ray"] = {"workers": count, "nodes": len(nodes), "worker_nodes": placed,
                            "requests_per_worker": served, **(await limiter.stats.remote())}
    finally:
        stopping.cancel()
        aborting.cancel()
        for future in in_flight:
            future.cancel()
        await asyncio.gather(*(asyncio.wrap_future(w.close.remote().future()) for w in workers),
                             return_exceptions=True)
        for actor in (*workers, limiter):
            ray.kill(actor)
