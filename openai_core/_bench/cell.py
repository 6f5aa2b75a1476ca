"""One benchmark cell, run in a fresh interpreter: one client kind, one scenario, one concurrency.

``python -m openai_core._bench.cell '<json spec>'`` prints one JSON line of measurements. A fresh
interpreter per cell means no cell inherits another's imports, pools or garbage.
"""

from __future__ import annotations

import asyncio
import gc
import json
import operator
import os
import resource
import sys
import time
from collections.abc import Callable
from typing import Any

from .child import loop_factory
from .clients import make_client
from .server import tree_cpu_seconds


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _open_sockets(base_url: str) -> int | None:
    try:
        import psutil  # type: ignore[import-untyped]
        from yarl import URL
    except ImportError:
        return None
    port = URL(base_url).port
    return sum(1 for c in psutil.Process().net_connections(kind="tcp") if c.raddr and c.raddr.port == port)


class _ConnectCounter:
    """Counts TCP connections the cell opens (over TLS: one handshake each): every client here (aiohttp,
    httpx/anyio, httpx2) connects through the event loop's ``create_connection``, so one wrapper on the
    running loop's class sees them all. ``uvloop.Loop`` is a Python subclass of its Cython loop, so it
    takes the wrapper as ``asyncio.BaseEventLoop`` does."""

    def __init__(self) -> None:
        self.count = 0
        self._cls: type[Any] = type(asyncio.get_running_loop())
        self._original: Callable[..., Any] = self._cls.create_connection

    def install(self) -> None:
        original, counter = self._original, self

        async def counting(loop: Any, *args: Any, **kwargs: Any) -> Any:
            counter.count += 1
            return await original(loop, *args, **kwargs)

        self._cls.create_connection = counting

    def uninstall(self) -> None:
        self._cls.create_connection = self._original


# `--gc`: what a user can do in their own program after start-up (the library never touches the
# collector). "freeze" moves everything alive after warm-up (modules, classes, pools) to a generation
# the collector never scans; "relaxed" also raises the young-generation threshold from 700 to 20,000
# allocations, so 512 requests in flight do not trigger a collection every few requests.
GC_MODES = ("default", "freeze", "relaxed")


def _tune_gc(mode: str) -> None:
    if mode not in GC_MODES:
        raise ValueError(f"unknown gc mode {mode!r}")
    if mode == "default":
        return
    gc.collect()
    gc.freeze()
    if mode == "relaxed":
        gc.set_threshold(20_000, 10, 10)


def _server_cpu(spec: dict[str, Any]) -> float | None:
    pid = spec.get("server_pid")
    return None if pid is None else tree_cpu_seconds(pid)


async def run(spec: dict[str, Any]) -> dict[str, Any]:
    connects = _ConnectCounter()
    connects.install()
    try:
        return await _run(spec, connects)
    finally:
        connects.uninstall()


async def _run(spec: dict[str, Any], connects: _ConnectCounter) -> dict[str, Any]:
    call, close = await make_client(spec)
    concurrency: int = spec["concurrency"]
    latencies: list[float] = []
    first_chunk: list[float] = []
    gaps: list[float] = []
    chunks = 0
    errors: dict[str, int] = {}
    budget = spec.get("max_requests")
    started = 0

    async def worker(deadline: float, at_least: int = 0) -> None:
        nonlocal chunks, started
        mine = 0
        while (mine < at_least or time.perf_counter() < deadline) and (budget is None or started < budget):
            started += 1
            mine += 1
            t0 = time.perf_counter()
            try:
                arrivals = await call()
            except Exception as exc:
                errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
                continue
            latencies.append(time.perf_counter() - t0)
            if arrivals:
                chunks += len(arrivals)
                first_chunk.append(arrivals[0] - t0)
                # C-level (no generator frame a chunk): the harness's own cost is inside the measured
                # window and the same for every client, so it is kept as small as the measuring allows.
                gaps.extend(map(operator.sub, arrivals[1:], arrivals))

    try:
        # Warm-up, not measured: one call first (lazy imports, schema builds, the session), then every
        # worker at least once, so the pool holds `concurrency` connections before the clock starts. A
        # time-only warm-up let a client whose first call blocks the loop for longer than the warm-up
        # (imports) open its whole pool inside the measured window.
        warmup = spec.get("warmup", 0.3)
        if warmup:
            await worker(0.0, at_least=1)
            await asyncio.gather(*[worker(time.perf_counter() + warmup, at_least=1) for _ in range(concurrency)])
        for collected in (latencies, first_chunk, gaps):
            collected.clear()
        errors.clear()
        _tune_gc(spec.get("gc", "default"))
        chunks, started = 0, 0
        connects_warm, server0 = connects.count, _server_cpu(spec)
        cpu0, t0 = time.process_time(), time.perf_counter()
        await asyncio.gather(*[worker(t0 + spec["duration"]) for _ in range(concurrency)])
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        server1 = _server_cpu(spec)
        new_connections = connects.count - connects_warm
        sockets = _open_sockets(spec["base_url"])
    finally:
        await close()
    done = len(latencies)
    return {
        "client": spec["client"],
        "loop": spec.get("loop", "asyncio"),
        "gc": spec.get("gc", "default"),
        "tls": bool(spec.get("ca_file")),
        "scenario": spec["scenario"],
        "concurrency": concurrency,
        "requests": done,
        "errors": errors,
        "elapsed_s": elapsed,
        "req_per_s": done / elapsed if elapsed else 0.0,
        "chunks": chunks,
        "chunks_per_s": chunks / elapsed if elapsed else 0.0,
        "p50_ms": (_percentile(latencies, 0.50) or 0.0) * 1e3,
        "p99_ms": (_percentile(latencies, 0.99) or 0.0) * 1e3,
        "ttft_p50_ms": None if not first_chunk else (_percentile(first_chunk, 0.5) or 0.0) * 1e3,
        "gap_p50_ms": None if not gaps else (_percentile(gaps, 0.5) or 0.0) * 1e3,
        "gap_p99_ms": None if not gaps else (_percentile(gaps, 0.99) or 0.0) * 1e3,
        "cpu_us_per_req": cpu / done * 1e6 if done else None,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "connections": sockets,
        "new_connections": new_connections,
        "warmup_connections": connects_warm,
        # The server's CPU over the measured window only (process start-up and warm-up excluded).
        "server_cpu_pct": None if server0 is None or server1 is None else 100.0 * (server1 - server0) / elapsed,
        "server_cpu_us_per_req": None if server0 is None or server1 is None or not done
        else (server1 - server0) / done * 1e6,
    }


_LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def _loopback_only() -> None:
    """Against the local server nothing may leave the machine: a peer library that looks a name up
    (LiteLLM's cost map, telemetry) fails loudly instead. Covers ``socket.getaddrinfo``, which asyncio's
    and the sync clients' lookups go through; numeric loopback addresses need no lookup."""
    import socket

    real = socket.getaddrinfo

    def guarded(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name is not None and name not in _LOOPBACK:
            raise OSError(f"bench cell: refusing to resolve {name!r} (loopback only)")
        return real(host, *args, **kwargs)

    socket.getaddrinfo = guarded


def main() -> None:
    spec = json.loads(sys.argv[1])
    if spec.get("server_pid") is not None:
        _loopback_only()
    if spec.get("cpu") is not None and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {spec["cpu"]})
    if spec.get("ca_file"):
        # For a plug-in transport that takes no ssl context: OpenSSL's default verify paths read it.
        os.environ["SSL_CERT_FILE"] = spec["ca_file"]
    with asyncio.Runner(loop_factory=loop_factory(spec.get("loop", "asyncio"))) as runner:
        result = runner.run(run(spec))
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
