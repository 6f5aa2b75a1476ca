"""The ``openai-core`` command: ``batch``, ``bench``, ``demo`` and ``mock-server``."""

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

    run(args.host, args.port, num_jobs=args.jobs, latency=args.latency)
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


def _cmd_batch(args: argparse.Namespace) -> int:
    from ._exceptions import OpenAIError
    from .batch import run

    options = {
        "requests_per_minute": args.requests_per_minute, "tokens_per_minute": args.tokens_per_minute,
        "max_concurrency": args.max_concurrency, "transport": args.transport, "max_retries": args.max_retries,
        "engine": args.engine, "ray_address": args.ray_address, "ray_workers": args.ray_workers, "via": args.via,
        "base_url": args.base_url, "timeout": args.timeout, "progress": not args.quiet,
        "progress_interval": args.progress_interval, "poll_interval": args.poll_interval,
        "batch_max_requests": args.batch_max_requests,
    }
    try:
        summary = run(args.input, args.output, **options)
    except (OpenAIError, ValueError) as exc:  # bad input, another job's output, a missing key or extra
        print(f"openai-core batch: {exc}", file=sys.stderr)
        return 2
    print(summary.render(), file=sys.stderr)
    if args.summary_json:
        import json

        with open(args.summary_json, "w") as f:
            json.dump(summary.to_dict(), f, indent=2)
    if summary.complete:
        return 0
    return 130 if summary.interrupted else 1


def _add_batch_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    batch = sub.add_parser(
        "batch", help="send a Batch-API JSONL file at the account's full rate, exactly once (docs/batch.md)",
        description="Send every request of INPUT (Batch-API JSONL) and write one Batch-API output line per "
        "custom_id to OUTPUT. Rerun the same command after a crash or Ctrl-C to continue. Key and base URL "
        "from OPENAI_API_KEY / OPENAI_BASE_URL.",
    )
    batch.add_argument("input")
    batch.add_argument("--output", "-o", required=True)
    batch.add_argument("--requests-per-minute", type=float, help="budget; else the server's x-ratelimit headers")
    batch.add_argument("--tokens-per-minute", type=float, help="budget over estimated tokens (max_tokens counted)")
    batch.add_argument("--max-concurrency", type=int, default=256, help="requests in flight (default 256)")
    batch.add_argument("--transport", help="httpx, aiohttp, lean or a plug-in (default: lean, else aiohttp, when installed)")
    batch.add_argument("--max-retries", type=int, default=5, help="retries of 5xx / connection errors (default 5)")
    batch.add_argument("--engine", choices=["local", "ray"], default="local")
    batch.add_argument("--ray-address", help="ray.init(address=...): an existing cluster (default: start one)")
    batch.add_argument("--ray-workers", type=int, help="worker actors (default: one per node)")
    batch.add_argument("--via", choices=["live", "batch-api"], default="live",
                       help="live requests (fast) or the server-side Batch API (50%% cheaper, within 24 h)")
    batch.add_argument("--base-url", help="instead of OPENAI_BASE_URL")
    batch.add_argument("--timeout", type=float, help="per-request timeout in seconds")
    batch.add_argument("--poll-interval", type=float, default=5.0, help="--via batch-api: first poll delay (s)")
    batch.add_argument("--batch-max-requests", type=int, default=50_000,
                       help="--via batch-api: requests per uploaded file (the API allows 50,000)")
    batch.add_argument("--progress-interval", type=float, help="seconds between progress updates")
    batch.add_argument("--quiet", "-q", action="store_true", help="no progress display")
    batch.add_argument("--summary-json", help="also write the summary as JSON to this path")
    batch.set_defaults(func=_cmd_batch)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="openai-core", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    _add_batch_parser(sub)

    server = sub.add_parser("mock-server", help="run the embedded OpenAI-compatible server")
    server.add_argument("--host", default="127.0.0.1")
    server.add_argument("--port", type=int, default=8000)
    server.add_argument("--jobs", type=int, default=45, help="fine-tuning jobs to serve")
    server.add_argument("--latency", type=float, default=0.0, help="seconds each model call takes to answer")
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
    return _main(list(sys.argv[1:] if argv is None else argv))[0]


def _main(argv: list[str]) -> tuple[int, argparse.Namespace | None]:
    if argv[:1] == ["bench"]:  # the suite has its own parser (openai-core bench --help)
        from ._bench import main as bench_main

        return bench_main(argv[1:]), None
    args = build_parser().parse_args(argv)
    result: int = args.func(args)
    return result, args


def run() -> None:
    """The ``openai-core`` program: :func:`main`, then its exit. After a local batch job (its files closed,
    its summary printed) the interpreter's teardown is skipped: freeing every module and object one by one
    takes 0.1-0.2 s, a visible share of a short job's wall time. A Ray run keeps its atexit hooks (they stop
    the local cluster); :func:`main` called from Python returns as always."""
    code, args = _main(sys.argv[1:])
    if args is not None and args.command == "batch" and args.engine == "local":
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    run()
