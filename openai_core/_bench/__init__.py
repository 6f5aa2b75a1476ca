"""``openai-core bench``: throughput of each transport, raw baselines and the official SDK, side by side.

Every cell (client, scenario, concurrency) runs in a fresh interpreter pinned to core 0; the default
target (a granian server, or the embedded aiohttp.web one) runs in its own process pinned to the last
core. Ratios between cells of one run are the result; absolute numbers vary with the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .child import run_child
from .micro import import_times, sse_speedup
from .report import render_table, render_targets, write_chart

__all__ = ["main"]

SLOW_PEERS = {"litellm"}
PROMPT_200_WORDS = " ".join(f"w{i}" for i in range(199))  # echoed back: 200 word chunks per stream


def available_clients() -> list[str]:
    from .clients import client_kinds

    return client_kinds()


def available_loops() -> list[str]:
    return ["asyncio", "uvloop"] if importlib.util.find_spec("uvloop") is not None else ["asyncio"]


def _loops(choice: str | None) -> list[str]:
    if choice is None:
        return available_loops()
    if choice != "asyncio" and importlib.util.find_spec("uvloop") is None:
        raise SystemExit('--loop uvloop needs uvloop: pip install "openai-core[speed]"')
    return ["asyncio", "uvloop"] if choice == "both" else [choice]


def run_cell(spec: dict[str, Any]) -> dict[str, Any]:
    return run_child(["-m", "openai_core._bench.cell", json.dumps(spec)], timeout=spec["duration"] + 120,
                     identity={k: spec[k] for k in ("client", "scenario", "concurrency", "loop")})


def _best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the highest throughput (a failed run only when all failed); every run's throughput
    is kept alongside."""
    ok = [r for r in runs if "failed" not in r]
    if not ok:
        return runs[-1]
    key = "chunks_per_s" if ok[0]["scenario"] == "stream" else "req_per_s"
    best = dict(max(ok, key=lambda r: float(r[key])))
    best["repeats"] = [round(float(r[key]), 1) for r in ok]
    return best


def _machine() -> dict[str, Any]:
    """What the docs' table needs beside the numbers: CPU, load, library versions, the commit."""
    from importlib.metadata import PackageNotFoundError, version

    info: dict[str, Any] = {"platform": platform.platform()}
    with contextlib.suppress(OSError):
        model = [ln for ln in Path("/proc/cpuinfo").read_text().splitlines() if ln.startswith("model name")]
        info["cpu"] = model[0].split(":", 1)[1].strip() if model else platform.processor()
    with contextlib.suppress(OSError):
        info["loadavg_at_end"] = os.getloadavg()
    versions = {}
    for dist in ("openai-core", "httpx", "httpx2", "aiohttp", "openai", "pydantic", "granian", "uvloop", "litellm"):
        with contextlib.suppress(PackageNotFoundError):
            versions[dist] = version(dist)
    info["versions"] = versions
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        root = Path(__file__).resolve().parents[2]
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, timeout=5)
        if head.returncode == 0:
            info["commit"] = head.stdout.strip()
    return info


def _progress(done: int, total: int, label: str) -> None:
    width = 30
    filled = width * done // total
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label:<40}")
    sys.stderr.flush()


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="openai-core bench", description=__doc__)
    p.add_argument("--quick", action="store_true", help="64 and 512 concurrent, 1 s per cell (~1-2 minutes)")
    p.add_argument("--smoke", action="store_true", help="a few seconds: proves the suite runs (CI)")
    p.add_argument("--concurrency", type=int, nargs="+", help="default: 1 64 512 (with --tls: 64 512)")
    p.add_argument("--duration", type=float, default=3.0, help="measured seconds per cell")
    p.add_argument("--scenarios", nargs="+", default=["chat", "stream"], choices=["chat", "stream"])
    p.add_argument("--clients", nargs="+", help=f"default: all available ({', '.join(available_clients())})")
    p.add_argument("--base-url", help="an OpenAI-compatible endpoint you own (default: a local server)")
    p.add_argument("--server", default="auto", choices=["auto", "granian", "embedded"],
                   help="the local target: granian (fastest; the bench extra installs it) or the embedded "
                        "aiohttp.web server; auto picks granian when installed")
    p.add_argument("--loop", choices=["asyncio", "uvloop", "both"],
                   help="event loop of every cell (default: both when uvloop is installed, the `speed` extra)")
    p.add_argument("--gc", nargs="+", default=["default"], choices=["default", "freeze", "relaxed"],
                   help="garbage-collector setting of every cell after warm-up, a knob for your own program "
                        "(gc.freeze(); relaxed: + gc.set_threshold(20000)); several: each one's cells, same run")
    p.add_argument("--tls", action="store_true",
                   help="HTTPS: the granian server with a certificate from a throw-away trustme CA that every "
                        "client trusts; reports new connections per cell (TLS handshakes)")
    p.add_argument("--no-micro", action="store_true", help="skip the import-time and SSE-decoder measurements")
    p.add_argument("--api-key", default=os.environ.get("OPENAI_API_KEY", "sk-bench"))
    p.add_argument("--model", default="gpt-4o-mini")
    p.add_argument("--max-requests", type=int, help="stop each cell after this many requests")
    p.add_argument("--repeat", type=int, default=1,
                   help="run every cell N times, round-robin, and keep each cell's best throughput "
                        "(on a shared machine, load from elsewhere only ever slows a cell down)")
    p.add_argument("--out", default="bench-results", help="folder for results.json and throughput.png")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.concurrency = args.concurrency or ([64, 512] if args.tls else [1, 64, 512])
    if args.quick:
        args.concurrency, args.duration = [64, 512], 1.0
    if args.smoke:
        args.concurrency, args.duration, args.no_micro = [4], 0.3, True
        args.clients = args.clients or ["raw-aiohttp", "core-httpx", "core-aiohttp"]
    # LiteLLM takes seconds to import (7-10 s here): in the full run when installed, not in the quick ones.
    clients = args.clients or [k for k in available_clients() if not (k in SLOW_PEERS and (args.quick or args.smoke))
                               and (args.tls or not k.endswith("-h2"))]
    remote = args.base_url is not None
    if remote:
        # Someone else's server: bounded by count as well as time, and never more than asked.
        args.max_requests = args.max_requests or 200
        args.concurrency = [c for c in args.concurrency if c <= 64] or [8]

    cpus = os.cpu_count() or 1
    server = None
    certs = tempfile.TemporaryDirectory(prefix="openai-core-bench-")
    ca_file = None
    if not remote:
        from .server import BenchServer, bench_ca

        server = BenchServer("granian" if args.tls and args.server == "auto" else args.server,
                             cpu=cpus - 1 if cpus > 1 else None)
        if args.tls:
            ca_file, server.tls_files = bench_ca(certs.name)
            if any(kind.endswith("-h2") for kind in clients):
                server.http = "auto"  # ALPN: the h2 client gets HTTP/2, every other one HTTP/1.1
        server.start()
    base_url = args.base_url or (server.base_url if server else "")
    loops = _loops(args.loop)
    cells = [(lp, g, s, c, k) for lp in loops for g in args.gc for s in args.scenarios
             for c in args.concurrency for k in clients]
    runs: dict[tuple[str, str, str, int, str], list[dict[str, Any]]] = {cell: [] for cell in cells}
    # Run order interleaves the loops and gc settings of one client's cell, so that load from elsewhere on
    # a shared machine, which drifts over minutes, does not fall on one loop's cells more than the other's.
    order = sorted(cells, key=lambda t: (args.scenarios.index(t[2]), args.concurrency.index(t[3]),
                                         clients.index(t[4]), loops.index(t[0]), args.gc.index(t[1])))
    total = len(cells) * max(1, args.repeat)
    started = time.time()
    try:
        for i, (loop, gc_mode, scenario, concurrency, client) in enumerate(order * max(1, args.repeat)):
            _progress(i, total, f"{loop} gc={gc_mode} {scenario} c={concurrency} {client}")
            spec = {
                "client": client,
                "loop": loop,
                "gc": gc_mode,
                "scenario": scenario,
                "concurrency": concurrency,
                "duration": args.duration,
                "base_url": base_url,
                "api_key": args.api_key,
                "model": args.model,
                "prompt": PROMPT_200_WORDS if scenario == "stream" and not remote else "Say hello.",
                "max_requests": args.max_requests,
                "cpu": 0 if cpus > 1 else None,
                "warmup": 0.0 if remote else 0.3,
                "server_pid": server.pid if server else None,
                "ca_file": ca_file,
            }
            runs[(loop, gc_mode, scenario, concurrency, client)].append(run_cell(spec))
        results = [_best(runs[cell]) for cell in cells]
        micro: dict[str, Any] = {}
        if not args.no_micro:
            _progress(total, total, "import times, SSE decoder")
            micro["imports_s"] = import_times(repeat=3 if args.quick else 5, cpu=0 if cpus > 1 else None)
            micro["sse"] = sse_speedup()
        _progress(total, total, "done")
        sys.stderr.write("\n")
    finally:
        if server is not None:
            server.stop()
        certs.cleanup()

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    meta = {
        **_machine(),
        "command": "openai-core bench " + " ".join(argv if argv is not None else sys.argv[2:]),
        "target": "remote" if remote else f"{server.kind if server else '?'} server (own process)"
                  + (", HTTPS (trustme CA)" if args.tls else ""),
        "cpus": cpus,
        "python": sys.version.split()[0],
        "started": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(started)),
    }
    (out / "results.json").write_text(json.dumps({"meta": meta, "cells": results, "micro": micro}, indent=2))
    print(render_table(results, remote=remote))
    if not remote:
        print(render_targets(results, micro))
    chart = write_chart(results, out / "throughput.png")
    print(f"\nresults: {out / 'results.json'}" + (f", chart: {chart}" if chart else " (pip install matplotlib for a chart)"))
    failed = [r for r in results if "failed" in r]
    for r in failed:
        print(f"cell failed: {r['scenario']} c={r['concurrency']} {r['client']}: {r['failed']}", file=sys.stderr)
    return 1 if failed else 0
