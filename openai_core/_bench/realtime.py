"""Realtime benchmark: server events per second and client CPU per event, over WebSockets.

``python benchmarks/bench_realtime.py [--sessions 1,100] [--repeats 3] [--events 20000]``

The embedded server runs in its own process pinned to the last core; each cell (one client kind, one
number of concurrent sessions) runs in a fresh interpreter pinned to core 0. A cell opens its sessions,
makes one warm-up response in each, then has every session ask for responses one after the other
(``response.create`` with a fixed user message of ``--words`` words, text output) and read every event
until ``response.done``, until about ``--events`` events were read in all. The measures are events per
second (wall clock) and the cell's CPU time per event (``time.process_time``: parsing, the WebSocket
library, the event loop). Client kinds: ``core-httpx`` and ``core-aiohttp`` (openai_core on each
transport: the websockets library and aiohttp's ws_connect) and ``openai`` (the official SDK, websockets).
Cells are interleaved across repeats and the best repeat is kept; ratios against the official SDK are
the result (absolute numbers vary with the machine and its load).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import sys
import time
from typing import Any

from .child import run_child

__all__ = ["main"]

CLIENTS = ["core-httpx", "core-aiohttp", "openai"]


def _client(kind: str, base_url: str) -> Any:
    if kind == "openai":
        import openai

        return openai.AsyncOpenAI(api_key="sk-bench", base_url=base_url, max_retries=0)
    import openai_core

    return openai_core.AsyncOpenAI(api_key="sk-bench", base_url=base_url, max_retries=0,
                                   transport=kind.removeprefix("core-"))


async def _cell(spec: dict[str, Any]) -> dict[str, Any]:
    client = _client(spec["client"], spec["base_url"])
    words = " ".join(f"w{i}" for i in range(spec["words"] - 1))
    item = {"type": "message", "role": "user", "content": [{"type": "input_text", "text": words}]}
    # Outside the conversation: every response answers the same message with the same events.
    response = {"output_modalities": ["text"], "conversation": "none", "input": [item]}

    async def respond(connection: Any) -> int:
        await connection.response.create(response=response)
        n = 0
        while True:
            event = await connection.recv()
            n += 1
            if event.type == "response.done":
                return n

    sessions = spec["sessions"]
    managers = [client.realtime.connect(model="gpt-realtime") for _ in range(sessions)]
    connections = await asyncio.gather(*(m.enter() for m in managers))
    await asyncio.gather(*(c.recv() for c in connections))  # session.created
    per_response = (await asyncio.gather(*(respond(c) for c in connections)))[0]  # warm-up
    rounds = max(1, math.ceil(spec["events"] / (sessions * per_response)))

    async def run(connection: Any) -> int:
        return sum([await respond(connection) for _ in range(rounds)])

    cpu0, t0 = time.process_time(), time.perf_counter()
    events = sum(await asyncio.gather(*(run(c) for c in connections)))
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    await asyncio.gather(*(c.close() for c in connections))
    await client.close()
    return {"client": spec["client"], "sessions": sessions, "events": events, "events_per_response": per_response,
            "seconds": elapsed, "events_per_s": events / elapsed, "cpu_us_per_event": cpu / events * 1e6}


def _run_cell(spec: dict[str, Any]) -> dict[str, Any]:
    return run_child(["-m", "openai_core._bench.realtime", "--cell", json.dumps(spec)], timeout=600,
                     identity={"client": spec["client"], "sessions": spec["sessions"]})


def _table(best: dict[tuple[str, int], dict[str, Any]], sessions: list[int], clients: list[str]) -> str:
    rows = ["| client | sessions | events/s | client CPU µs/event | events/s vs official | CPU/event vs official |",
            "| --- | --- | --- | --- | --- | --- |"]
    for n in sessions:
        base = best.get(("openai", n))
        for kind in clients:
            cell = best.get((kind, n))
            if cell is None or "failed" in cell:
                rows.append(f"| {kind} | {n} | failed | | | |")
                continue
            speed = cpu = ""
            if base is not None and "failed" not in base:
                speed = f"{cell['events_per_s'] / base['events_per_s']:.2f}x"
                cpu = f"{cell['cpu_us_per_event'] / base['cpu_us_per_event']:.2f}x"
            rows.append(f"| {kind} | {n} | {cell['events_per_s']:,.0f} | {cell['cpu_us_per_event']:.1f} | {speed} | {cpu} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", default="1,100", help="concurrent sessions per cell, comma-separated")
    parser.add_argument("--clients", default=",".join(CLIENTS))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--events", type=int, default=20_000, help="events read per cell (about)")
    parser.add_argument("--words", type=int, default=200, help="words per response (one text delta each)")
    parser.add_argument("--json", help="write every run to this file")
    parser.add_argument("--cell", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.cell:
        spec = json.loads(args.cell)
        if hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, {0})
        print(json.dumps(asyncio.run(_cell(spec))))
        return 0

    from ..testing import MockServerProcess

    sessions = [int(n) for n in args.sessions.split(",")]
    clients = args.clients.split(",")
    last_core = (os.cpu_count() or 1) - 1
    server = MockServerProcess(cpu=last_core).start()
    runs: list[dict[str, Any]] = []
    try:
        for n in sessions:
            for _ in range(args.repeats):
                for kind in clients:
                    spec = {"client": kind, "sessions": n, "base_url": server.base_url, "events": args.events,
                            "words": args.words}
                    server_cpu0 = server.cpu_seconds()
                    result = _run_cell(spec)
                    server_cpu1 = server.cpu_seconds()
                    if "failed" not in result and server_cpu0 is not None and server_cpu1 is not None:
                        result["server_cpu_pct"] = 100 * (server_cpu1 - server_cpu0) / result["seconds"]
                    runs.append(result)
                    print(json.dumps(result), file=sys.stderr)
    finally:
        server.stop()
    # Per cell, the best repeat of each measure: the most events/s, the least CPU per event.
    best: dict[tuple[str, int], dict[str, Any]] = {}
    for run in runs:
        key = (run["client"], run["sessions"])
        kept = best.get(key)
        if "failed" in run:
            best.setdefault(key, run)
        elif kept is None or "failed" in kept:
            best[key] = dict(run)
        else:
            kept["events_per_s"] = max(kept["events_per_s"], run["events_per_s"])
            kept["cpu_us_per_event"] = min(kept["cpu_us_per_event"], run["cpu_us_per_event"])
    print(_table(best, sessions, clients))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"command": " ".join(sys.argv), "loadavg_at_end": os.getloadavg(), "runs": runs}, f, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
