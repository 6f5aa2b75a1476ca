"""The ``openai-core`` command: ``demo`` and ``mock-server`` (``bench`` arrives with the benchmark suite)."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from collections.abc import Sequence

__all__ = ["main"]


def _cmd_mock_server(args: argparse.Namespace) -> int:
    from .testing import run

    run(args.host, args.port, num_jobs=args.jobs)
    return 0


async def _demo_transport(base_url: str, transport: str, requests: int, concurrency: int) -> dict[str, object]:
    from . import AsyncOpenAI, RateLimitError

    report: dict[str, object] = {"transport": transport}
    async with AsyncOpenAI(api_key="sk-demo", base_url=base_url, transport=transport) as client:
        reply = await client.chat.completions.create(
            model="gpt-4o-mini", messages=[{"role": "user", "content": "Hello!"}]
        )
        report["chat"] = reply.choices[0].message.content

        stream = await client.chat.completions.create(
            model="gpt-4o-mini", messages=[{"role": "user", "content": "stream these five words"}], stream=True
        )
        pieces = [chunk.choices[0].delta.content async for chunk in stream if chunk.choices]
        report["stream"] = f"{len(pieces)} chunks -> {''.join(p for p in pieces if p)!r}"

        jobs = [job.id async for job in client.fine_tuning.jobs.list(limit=20)]
        report["pagination"] = f"{len(jobs)} jobs over {-(-len(jobs) // 20)} pages"

        try:
            await client.with_options(max_retries=0).models.list(
                extra_headers={"X-Mock-Fault": "kind=status;code=429"}
            )
        except RateLimitError as exc:
            report["errors"] = f"RateLimitError status={exc.status_code}"

        gate = asyncio.Semaphore(concurrency)

        async def one(i: int) -> None:
            async with gate:
                await client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"n{i}"}])

        await asyncio.gather(*[one(i) for i in range(concurrency)])  # warm the pool
        start = time.perf_counter()
        await asyncio.gather(*[one(i) for i in range(requests)])
        elapsed = time.perf_counter() - start
        report["throughput"] = f"{requests / elapsed:,.0f} req/s ({requests} requests, {concurrency} concurrent)"
    return report


def _cmd_demo(args: argparse.Namespace) -> int:
    from .testing import MockServerProcess

    # The server runs in its own process (pinned to the last core where there are two or more) so the
    # throughput line measures the client, not two event loops sharing one interpreter lock.
    cpus = os.cpu_count() or 1
    with MockServerProcess(cpu=cpus - 1 if cpus > 1 else None) as server:
        print(f"embedded OpenAI-compatible server at {server.base_url} (pid {server.pid})")
        for transport in args.transports:
            report = asyncio.run(_demo_transport(server.base_url, transport, args.requests, args.concurrency))
            print(f"\n[{transport}]")
            for key, value in report.items():
                if key != "transport":
                    print(f"  {key:<11} {value}")
    print("\nrough figures only (one run, a noisy machine); the benchmark suite measures properly.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="openai-core", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    server = sub.add_parser("mock-server", help="run the embedded OpenAI-compatible server")
    server.add_argument("--host", default="127.0.0.1")
    server.add_argument("--port", type=int, default=8000)
    server.add_argument("--jobs", type=int, default=45, help="fine-tuning jobs to serve")
    server.set_defaults(func=_cmd_mock_server)

    bench = sub.add_parser("bench", help="the benchmark suite (openai-core bench --help)", add_help=False)
    bench.add_argument("bench_args", nargs=argparse.REMAINDER)

    demo = sub.add_parser("demo", help="run the seed examples against the embedded server on each transport")
    demo.add_argument("--transports", nargs="+", default=["httpx", "aiohttp"])
    demo.add_argument("--requests", type=int, default=2000)
    demo.add_argument("--concurrency", type=int, default=64)
    demo.set_defaults(func=_cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["bench"]:  # the suite has its own parser (openai-core bench --help)
        from ._bench import main as bench_main

        return bench_main(argv[1:])
    args = build_parser().parse_args(argv)
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
