"""A gateway relaying thousands of streams at once: openai_core against a hand-written aiohttp loop.

    python benchmarks/bench_gateway.py --streams 5000            # both clients, both loops
    python benchmarks/bench_gateway.py --streams 5000 --trace    # + where each open stream's memory goes

Each cell (one client, one loop; a fresh interpreter pinned to core 0, the granian server on the last
core) opens ``streams`` chat-completion streams at once. The server sends each stream's first event and
holds the rest (``model="hold-..."``, ``server.py``) until every stream has read its first chunk: then
all of them are open together, and the cell measures its RSS (minus the RSS before the first stream:
memory per open stream) and, with ``--trace``, a tracemalloc snapshot. It then releases the server,
which sends the remaining 51 chunks of every stream; each chunk is parsed and its text "relayed" (its
length summed). Reported: client CPU per chunk (opening included, warm-up excluded), peak RSS, RSS per
open stream, and the top allocation sites per open stream.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import resource
import sys
import time
import tracemalloc
import urllib.request
from collections.abc import Awaitable, Callable
from typing import Any

from .child import loop_factory, run_child

__all__ = ["main"]

PROMPT_50_WORDS = " ".join(f"w{i}" for i in range(49))  # echoed: 50 word chunks + role + finish = 52


def _rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _package(filename: str) -> str:
    """The top-level package (or stdlib module) a traced allocation's file belongs to."""
    parts = filename.replace("\\", "/").split("/")
    for marker in ("site-packages", "lib-dynload"):
        if marker in parts:
            return parts[parts.index(marker) + 1].removesuffix(".py")
    if "_bench" in parts:
        return "harness"  # this module's own per-stream closures and task
    if "openai_core" in parts:
        return "openai_core"
    for i, part in enumerate(parts):
        if part.startswith("python3"):
            rest = parts[i + 1:]
            return rest[0].removesuffix(".py") if rest else part
    return parts[-1]


Stream = Callable[[Callable[[], None]], Awaitable[tuple[int, int]]]  # on_first -> (chunks, relayed bytes)


async def _make(spec: dict[str, Any], model: str) -> tuple[Stream, Callable[[], Awaitable[None]]]:
    kind, base_url, n = spec["client"], spec["base_url"], spec["streams"]
    messages: Any = [{"role": "user", "content": PROMPT_50_WORDS}]
    if kind == "raw-aiohttp":
        import aiohttp

        session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))
        url = base_url + "/chat/completions"
        headers = {"Authorization": "Bearer sk-bench", "Content-Type": "application/json"}
        payload = json.dumps({"model": model, "messages": messages, "stream": True}).encode()

        async def raw(on_first: Callable[[], None]) -> tuple[int, int]:
            chunks = relayed = 0
            async with session.post(url, data=payload, headers=headers) as resp:
                async for line in resp.content:
                    if line.startswith(b"data: ") and not line.startswith(b"data: [DONE]"):
                        event = json.loads(line[6:])
                        if not chunks:
                            on_first()
                        chunks += 1
                        relayed += len(event["choices"][0]["delta"].get("content") or "")
            return chunks, relayed

        return raw, session.close
    if kind == "core-aiohttp":
        import openai_core

        # The gateway holds every stream open at once: a pool as large as the streams it relays.
        client = openai_core.AsyncOpenAI(api_key="sk-bench", base_url=base_url, max_retries=0,
                                         http_client=openai_core.DefaultAioHttpClient(limit=n + 16))

        async def core(on_first: Callable[[], None]) -> tuple[int, int]:
            chunks = relayed = 0
            async for chunk in await client.chat.completions.create(model=model, messages=messages, stream=True):
                if not chunks:
                    on_first()
                chunks += 1
                relayed += len(chunk.choices[0].delta.content or "") if chunk.choices else 0
            return chunks, relayed

        return core, client.close
    raise ValueError(f"the gateway benchmark runs raw-aiohttp and core-aiohttp, not {kind!r}")


def _release(base_url: str) -> None:
    request = urllib.request.Request(base_url + "/bench/release", data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=30) as resp:
        resp.read()


async def _cell(spec: dict[str, Any]) -> dict[str, Any]:
    n: int = spec["streams"]
    warm, close_warm = await _make(spec, "gpt-4o-mini")
    await warm(lambda: None)  # imports, schema builds, the session: not measured
    await close_warm()
    stream, close = await _make(spec, "hold-gpt-4o-mini")
    import gc

    gc.collect()
    rss0 = _rss_bytes()
    if spec.get("trace"):
        tracemalloc.start(1)
    before = tracemalloc.take_snapshot() if spec.get("trace") else None
    opened = settled = 0
    all_open = asyncio.Event()

    def settle() -> None:
        nonlocal settled
        settled += 1
        if settled == n:
            all_open.set()

    def on_first() -> None:
        nonlocal opened
        opened += 1
        settle()

    # A gateway ramps up: at most `opening` streams between connect and first chunk at a time (every
    # client alike). 5,000 simultaneous connects overflow the listen backlog (somaxconn 4,096 here) and
    # the dropped SYNs come back after 1, 3, 7 s: connect timeouts, not client cost.
    gate = asyncio.Semaphore(spec.get("opening", 256))

    async def one() -> tuple[int, int]:
        await gate.acquire()
        waiting = True

        def first() -> None:
            nonlocal waiting
            waiting = False
            gate.release()
            on_first()

        try:
            result = await stream(first)
        except Exception:
            if waiting:
                gate.release()
                settle()  # failed before its first chunk: do not wait for it
            raise
        if result[0] == 0:
            gate.release()
            settle()
        return result

    cpu0, t0 = time.process_time(), time.perf_counter()
    tasks = [asyncio.ensure_future(one()) for _ in range(n)]
    with contextlib.suppress(TimeoutError):  # reported: opened_together < streams
        await asyncio.wait_for(all_open.wait(), spec.get("open_timeout", 120))
    t_open, cpu_open = time.perf_counter() - t0, time.process_time() - cpu0
    rss_open = _rss_bytes()
    top: list[dict[str, Any]] = []
    by_package: dict[str, float] = {}
    if before is not None:
        diff = tracemalloc.take_snapshot().compare_to(before, "lineno")
        tracemalloc.stop()
        for stat in diff:
            frame = stat.traceback[0]
            pkg = _package(frame.filename)
            by_package[pkg] = by_package.get(pkg, 0.0) + stat.size_diff / n
        top = [{"site": f"{_package(s.traceback[0].filename)}:{os.path.basename(s.traceback[0].filename)}:"
                        f"{s.traceback[0].lineno}", "bytes_per_stream": round(s.size_diff / n, 1),
                "blocks_per_stream": round(s.count_diff / n, 2)} for s in diff[:12]]
        ours = [s for s in diff if _package(s.traceback[0].filename) == "openai_core"][:8]
        top += [{"site": f"openai_core:{os.path.basename(s.traceback[0].filename)}:{s.traceback[0].lineno}",
                 "bytes_per_stream": round(s.size_diff / n, 1), "blocks_per_stream": round(s.count_diff / n, 2),
                 "ours": True} for s in ours]
    await asyncio.get_running_loop().run_in_executor(None, _release, spec["base_url"])
    results = await asyncio.gather(*tasks, return_exceptions=True)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    await close()
    ok = [r for r in results if isinstance(r, tuple)]
    errors: dict[str, int] = {}
    for r in results:
        if isinstance(r, BaseException):
            errors[type(r).__name__] = errors.get(type(r).__name__, 0) + 1
    chunks = sum(c for c, _ in ok)
    return {
        "client": spec["client"], "loop": spec["loop"], "streams": n, "traced": bool(spec.get("trace")),
        "opened_together": opened, "completed": len(ok), "errors": errors, "chunks": chunks,
        "relayed_bytes": sum(b for _, b in ok), "open_s": t_open, "elapsed_s": elapsed,
        "cpu_s": cpu, "cpu_open_s": cpu_open,
        "cpu_us_per_chunk": cpu / chunks * 1e6 if chunks else None,
        "cpu_us_per_relayed_chunk": (cpu - cpu_open) / max(1, chunks - opened) * 1e6 if chunks else None,
        "rss_before_mb": rss0 / 2**20, "rss_open_mb": rss_open / 2**20,
        "rss_per_open_stream_kb": (rss_open - rss0) / n / 1024,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "top_allocations": top,
        "by_package_bytes_per_stream": dict(sorted(by_package.items(), key=lambda kv: -kv[1])[:10]),
    }


def cell_main(spec: dict[str, Any]) -> None:
    if spec.get("cpu") is not None and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {spec["cpu"]})
    with asyncio.Runner(loop_factory=loop_factory(spec["loop"])) as runner:
        print(json.dumps(runner.run(_cell(spec))), flush=True)


def _run_cell(spec: dict[str, Any]) -> dict[str, Any]:
    return run_child(["-m", "openai_core._bench.gateway", "--cell", json.dumps(spec)], timeout=600,
                     identity={"client": spec["client"], "loop": spec["loop"]})


def render(cells: list[dict[str, Any]]) -> str:
    head = (f"{'loop':<8} {'client':<13} {'streams':>7} {'open':>6} {'done':>6} {'errors':>6} {'chunks':>9} "
            f"{'open s':>7} {'total s':>7} {'cpu us/chunk':>12} {'relay us/chunk':>14} {'peak rss MB':>11} "
            f"{'KB/open stream':>14}")
    lines = [head, "-" * len(head)]
    for c in cells:
        if "failed" in c:
            lines.append(f"{c['loop']:<8} {c['client']:<13} FAILED {c['failed'][-200:]}")
            continue
        if c["traced"]:
            continue
        lines.append(f"{c['loop']:<8} {c['client']:<13} {c['streams']:>7,} {c['opened_together']:>6,} "
                     f"{c['completed']:>6,} {sum(c['errors'].values()):>6} {c['chunks']:>9,} {c['open_s']:>7.2f} "
                     f"{c['elapsed_s']:>7.2f} {c['cpu_us_per_chunk']:>12.1f} {c['cpu_us_per_relayed_chunk']:>14.1f} "
                     f"{c['peak_rss_mb']:>11.0f} {c['rss_per_open_stream_kb']:>14.1f}")
    lines.append("")
    by = {(c["loop"], c["client"]): c for c in cells if "failed" not in c and not c["traced"]}
    for loop in sorted({c["loop"] for c in cells}):
        a, b = by.get((loop, "core-aiohttp")), by.get((loop, "raw-aiohttp"))
        if a and b:
            lines.append(f"{loop}: core-aiohttp / raw-aiohttp  cpu per chunk {a['cpu_us_per_chunk'] / b['cpu_us_per_chunk']:.2f}x "
                         f"(target <= 1.0x)   peak RSS {a['peak_rss_mb'] / b['peak_rss_mb']:.2f}x (target <= 1.2x)   "
                         f"RSS per open stream {a['rss_per_open_stream_kb']:.1f} vs {b['rss_per_open_stream_kb']:.1f} KB")
    for c in cells:
        if "failed" in c or not c["traced"]:
            continue
        lines.append(f"\ntracemalloc, {c['loop']} {c['client']}: bytes per open stream by package "
                     f"(allocated between the first stream and all {c['streams']:,} open):")
        lines.append("  " + "   ".join(f"{k} {v:,.0f}" for k, v in c["by_package_bytes_per_stream"].items()))
        lines.append("  top sites: " + "; ".join(f"{t['site']} {t['bytes_per_stream']:,.0f} B"
                                                 for t in c["top_allocations"][:8] if not t.get("ours")))
        ours = [t for t in c["top_allocations"] if t.get("ours")]
        if ours:
            lines.append("  openai_core's sites: " + "; ".join(f"{t['site']} {t['bytes_per_stream']:,.0f} B"
                                                           for t in ours))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench_gateway", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--streams", type=int, default=5000)
    p.add_argument("--clients", nargs="+", default=["raw-aiohttp", "core-aiohttp"])
    p.add_argument("--loop", choices=["asyncio", "uvloop", "both"], default=None)
    p.add_argument("--repeat", type=int, default=1, help="keep each cell's lowest CPU per chunk of N runs")
    p.add_argument("--trace", action="store_true", help="also a tracemalloc cell per client (slower; not timed)")
    p.add_argument("--json", help="write the cells here")
    p.add_argument("--cell", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.cell:
        cell_main(json.loads(args.cell))
        return 0
    from . import _loops
    from .server import BenchServer

    cpus = os.cpu_count() or 1
    server = BenchServer("granian", cpu=cpus - 1 if cpus > 1 else None)
    # granian's defaults admit 1,024 connections and requests per worker; the gateway holds them all.
    server.granian_options = ["--backlog", "4096", "--backpressure", str(args.streams + 64)]
    server.start()
    cells: list[dict[str, Any]] = []
    try:
        plan = [(lp, k, False) for lp in _loops(args.loop) for k in args.clients] * max(1, args.repeat)
        plan += [(lp, k, True) for lp in _loops(args.loop)[:1] for k in args.clients] if args.trace else []
        runs: dict[tuple[str, str, bool], list[dict[str, Any]]] = {}
        for i, (loop, client, trace) in enumerate(plan):
            sys.stderr.write(f"\r{i}/{len(plan)} {loop} {client}{' (traced)' if trace else ''}          ")
            spec = {"client": client, "loop": loop, "streams": args.streams, "base_url": server.base_url,
                    "cpu": 0 if cpus > 1 else None, "trace": trace}
            runs.setdefault((loop, client, trace), []).append(_run_cell(spec))
        sys.stderr.write("\n")
        for group in runs.values():
            ok = [r for r in group if "failed" not in r and r.get("cpu_us_per_chunk")]
            cell = dict(min(ok, key=lambda r: r["cpu_us_per_chunk"]) if ok else group[-1])
            if len(ok) > 1:  # the spread of every run (peak RSS varies with how the relay burst lands)
                cell["peak_rss_runs_mb"] = [round(r["peak_rss_mb"], 1) for r in ok]
                cell["cpu_us_per_chunk_runs"] = [round(r["cpu_us_per_chunk"], 2) for r in ok]
            cells.append(cell)
    finally:
        server.stop()
    print(render(cells))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"command": "bench_gateway " + " ".join(argv if argv is not None else sys.argv[1:]),
                       "cells": cells}, f, indent=2)
    return 1 if any("failed" in c for c in cells) else 0


if __name__ == "__main__":
    sys.exit(main())
