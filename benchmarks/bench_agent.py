"""Interop speed: a pydantic-ai tool-calling agent, and plain chat calls, on openai_core vs the official SDK.

Runs where the `interop` extra is installed (pydantic-ai beside the official SDK): with `openai` imported,
openai_core hands out bridge classes (openai_core/_interop), so this measures openai_core as frameworks
see it. The embedded server runs in its own process (pinned to core 1 where there are two cores); the
clients run here, one after the other, each pinned to core 0, and every ratio comes from this one run.

    python benchmarks/bench_agent.py [--runs 200] [--concurrency 16] [--calls 3000] [--repeat 3]

Reports, per client (official SDK, openai_core on httpx, openai_core on aiohttp):
- agent: runs/s of `Agent.run` with one tool call (two model calls per run), client CPU per model call;
- chat: calls/s of `chat.completions.create` at 64 concurrent, client CPU per call;
and the ratios against the official SDK.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time
from collections.abc import Callable
from typing import Any

import openai
from pydantic_ai import Agent
from pydantic_ai.models.openai import OpenAIChatModel
from pydantic_ai.providers.openai import OpenAIProvider

import openai_core
from openai_core.testing import MockServerProcess

CLIENTS = ("official", "core-httpx", "core-aiohttp")


def make_client(kind: str, base_url: str) -> Any:
    if kind == "official":
        return openai.AsyncOpenAI(base_url=base_url, api_key="sk-test")
    if kind == "core-aiohttp":
        return openai_core.AsyncOpenAI(
            base_url=base_url, api_key="sk-test", http_client=openai_core.DefaultAioHttpClient()
        )
    return openai_core.AsyncOpenAI(base_url=base_url, api_key="sk-test")


def _agent(client: Any) -> Agent[None, str]:
    model = OpenAIChatModel("gpt-4o-mini", provider=OpenAIProvider(openai_client=client))
    agent: Agent[None, str] = Agent(model)

    @agent.tool_plain
    def get_weather(city: str) -> str:
        """The weather in a city."""
        return f"sunny in {city}"

    return agent


async def _timed(run_one: Callable[[], Any], total: int, concurrency: int) -> tuple[float, float]:
    """(wall seconds, process CPU seconds) for ``total`` calls of ``run_one`` at ``concurrency``."""
    queue = iter(range(total))

    async def worker() -> None:
        for _ in queue:
            await run_one()

    for _ in range(min(concurrency, 8)):  # warm up: connections, bridge classes, validators
        await run_one()
    cpu0, t0 = time.process_time(), time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - t0, time.process_time() - cpu0


async def measure(kind: str, base_url: str, args: argparse.Namespace) -> dict[str, float]:
    client = make_client(kind, base_url)
    agent = _agent(client)
    prompt = "What is the weather? Use get_weather for Paris."

    async def agent_run() -> None:
        result = await agent.run(prompt)
        assert "sunny in" in result.output, result.output

    async def chat_call() -> None:
        response = await client.chat.completions.create(
            model="gpt-4o-mini", messages=[{"role": "user", "content": "Hello"}]
        )
        assert response.choices[0].message.content

    wall, cpu = await _timed(agent_run, args.runs, args.concurrency)
    chat_wall, chat_cpu = await _timed(chat_call, args.calls, 64)
    await client.close()
    return {
        "agent_runs_per_s": args.runs / wall,
        "agent_cpu_us_per_model_call": cpu / (2 * args.runs) * 1e6,
        "chat_calls_per_s": args.calls / chat_wall,
        "chat_cpu_us_per_call": chat_cpu / args.calls * 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=200, help="agent runs per client")
    parser.add_argument("--concurrency", type=int, default=16, help="concurrent agent runs")
    parser.add_argument("--calls", type=int, default=3000, help="chat calls per client (at 64 concurrent)")
    parser.add_argument("--repeat", type=int, default=3, help="best of N per client")
    parser.add_argument("--json", help="write the results here")
    args = parser.parse_args()
    two_cores = (os.cpu_count() or 1) >= 2 and hasattr(os, "sched_setaffinity")
    server = MockServerProcess(cpu=1 if two_cores else None).start()
    if two_cores:
        os.sched_setaffinity(0, {0})
    try:
        results: dict[str, dict[str, float]] = {}
        for kind in CLIENTS:
            best: dict[str, float] = {}
            for _ in range(args.repeat):
                got = asyncio.run(measure(kind, server.base_url, args))
                for key, value in got.items():
                    better = max if key.endswith("per_s") else min
                    best[key] = better(best.get(key, value), value)
            results[kind] = best
    finally:
        server.stop()
    base = results["official"]
    print(f"{'client':<14}{'agent runs/s':>14}{'CPU us/model call':>20}{'chat calls/s':>14}{'CPU us/call':>13}")
    for kind, r in results.items():
        print(
            f"{kind:<14}{r['agent_runs_per_s']:>14.1f}{r['agent_cpu_us_per_model_call']:>20.0f}"
            f"{r['chat_calls_per_s']:>14.0f}{r['chat_cpu_us_per_call']:>13.0f}"
        )
    for kind in CLIENTS[1:]:
        r = results[kind]
        print(
            f"{kind} / official: agent runs/s {r['agent_runs_per_s'] / base['agent_runs_per_s']:.2f}x, "
            f"CPU per model call {base['agent_cpu_us_per_model_call'] / r['agent_cpu_us_per_model_call']:.2f}x less; "
            f"chat at 64 concurrent {r['chat_calls_per_s'] / base['chat_calls_per_s']:.2f}x, "
            f"CPU per call {base['chat_cpu_us_per_call'] / r['chat_cpu_us_per_call']:.2f}x less"
        )
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"args": vars(args), "results": results}, f, indent=2)


if __name__ == "__main__":
    main()
