"""Soak: many requests at high concurrency with injected faults; every request must get exactly one
outcome, and the server must see exactly the attempts the retry policy allows (no hidden duplicates).

``python benchmarks/soak.py`` runs the full size (10,000 requests, 256 concurrent, 20 % faults) against
the embedded server in its own process; ``tests/test_soak.py`` runs a short form on both transports.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
import urllib.request
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# (fault spec, expected outcome, expected attempts with max_retries=2, streamed call)
FAULTS: list[tuple[str, str, int, bool]] = [
    ("kind=status;code=503;retry_after_ms=1;times=1", "ok", 2, False),
    ("kind=status;code=429;retry_after_ms=1;times=1", "ok", 2, False),
    ("kind=reset;times=1", "ok", 2, False),
    ("kind=truncate;times=1", "ok", 2, False),
    ("kind=truncate;mode=chunked;close=rst;times=1", "ok", 2, False),
    # The first attempt outlives SLOW_TIMEOUT: a timeout, retried (the server still finishes it: a
    # duplicate by design, carrying the same idempotency key).
    ("kind=slow_headers;delay=5;times=1", "ok", 2, False),
    ("kind=status;code=400", "BadRequestError", 1, False),
    ("kind=status;code=500;retry_after_ms=1", "InternalServerError", 3, False),
    ("kind=status;code=429;retry_after_ms=1;times=1", "ok", 2, True),
    # Failures while a stream is read are the caller's: never retried.
    ("kind=stream_cut;after=2", "APIConnectionError", 1, True),
    ("kind=sse_error;after=2", "APIError", 1, True),
]
SLOW_TIMEOUT = 2.0


@dataclass
class SoakResult:
    outcomes: Counter[str] = field(default_factory=Counter)
    unexpected: list[str] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)  # after each thousand requests

    @property
    def total(self) -> int:
        return sum(self.outcomes.values())


def _rss_mb() -> float:
    try:
        import psutil  # type: ignore[import-untyped]
    except ImportError:
        return 0.0
    return float(psutil.Process().memory_info().rss) / 2**20


def http_attempts(base_url: str) -> Callable[[str], int]:
    """Attempt counts from a server in another process, through its control route."""
    root = base_url.removesuffix("/v1")

    def attempts(key: str) -> int:
        with urllib.request.urlopen(f"{root}/_mock/attempts?key={key}") as resp:  # loopback only
            return int(json.loads(resp.read())["attempts"])

    return attempts


def http_idempotency_keys(base_url: str) -> Callable[[], dict[str, set[str]]]:
    root = base_url.removesuffix("/v1")

    def keys() -> dict[str, set[str]]:
        with urllib.request.urlopen(f"{root}/_mock/requests") as resp:  # loopback only
            return recorded_idempotency_keys(json.loads(resp.read()))

    return keys


def _client_sockets(port: int) -> int:
    import psutil

    return sum(1 for c in psutil.Process().net_connections(kind="tcp") if c.raddr and c.raddr.port == port)


async def soak(
    base_url: str,
    transport: str,
    *,
    total: int,
    concurrency: int,
    fault_rate: float,
    attempts: Callable[[str], int],
    idempotency_keys: Callable[[], dict[str, set[str]]] | None = None,
    seed: int = 7,
) -> SoakResult:
    """``attempts(fault_key)`` and ``idempotency_keys()`` (fault key -> the Idempotency-Keys the server
    saw for it) read the server's log. Every fourth fault-free call streams."""
    import openai_core

    rng = random.Random(seed)
    plan = [rng.choice(FAULTS) if rng.random() < fault_rate else None for _ in range(total)]
    result = SoakResult()
    gate = asyncio.Semaphore(concurrency)
    keys: list[tuple[str, int]] = []

    async with openai_core.AsyncOpenAI(api_key="sk-soak", base_url=base_url, transport=transport) as client:
        slow_client = client.with_options(timeout=SLOW_TIMEOUT)

        async def one(i: int) -> None:
            fault = plan[i]
            key = uuid.uuid4().hex
            headers: dict[str, Any] = {"X-Mock-Fault-Key": key}
            if fault:
                headers["X-Mock-Fault"] = fault[0]
            expected_outcome, expected_attempts = (fault[1], fault[2]) if fault else ("ok", 1)
            stream = fault[3] if fault else i % 4 == 0
            messages: list[Any] = [{"role": "user", "content": f"n{i}"}]
            caller = slow_client if fault and "slow_headers" in fault[0] else client
            async with gate:
                try:
                    if stream:
                        chunks = await client.chat.completions.create(
                            model="gpt-4o-mini", messages=messages, stream=True, extra_headers=headers
                        )
                        text = "".join([c.choices[0].delta.content or "" async for c in chunks if c.choices])
                    else:
                        r = await caller.chat.completions.create(
                            model="gpt-4o-mini", messages=messages, extra_headers=headers
                        )
                        text = r.choices[0].message.content or ""
                    outcome = "ok" if text == f"echo: n{i}" else "wrong answer"
                except openai_core.OpenAIError as exc:
                    outcome = type(exc).__name__
            result.outcomes[outcome] += 1
            if outcome != expected_outcome:
                result.unexpected.append(f"request {i}: {outcome}, expected {expected_outcome} ({fault})")
            keys.append((key, expected_attempts))
            if result.total % 1000 == 0:
                result.rss_mb.append(_rss_mb())

        await asyncio.gather(*[one(i) for i in range(total)])

    for key, expected in keys:
        seen = attempts(key)
        if seen != expected:
            result.unexpected.append(f"key {key}: server saw {seen} attempts, expected {expected}")
    if idempotency_keys is not None:
        by_request = idempotency_keys()
        for key, _ in keys:
            if len(by_request.get(key, ())) != 1:
                result.unexpected.append(f"key {key}: idempotency keys {sorted(by_request.get(key, ()))}")
        if len(set().union(*(by_request.get(key, set()) for key, _ in keys))) != len(keys):
            result.unexpected.append("two logical requests shared an idempotency key")
    return result


def recorded_idempotency_keys(requests: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Fault key -> Idempotency-Keys, from the server's request log (``RecordedRequest.to_dict()``s)."""
    out: dict[str, set[str]] = {}
    for r in requests:
        headers = r["headers"]
        if "x-mock-fault-key" in headers:
            out.setdefault(headers["x-mock-fault-key"], set()).add(headers.get("idempotency-key", ""))
    return out


def main() -> None:
    import argparse

    from ..testing import MockServerProcess

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=256)
    parser.add_argument("--fault-rate", type=float, default=0.2)
    parser.add_argument("--transports", nargs="+", default=["httpx", "aiohttp"])
    args = parser.parse_args()
    failed = False
    with MockServerProcess() as server:
        port = int(server.base_url.rsplit(":", 1)[1].split("/", 1)[0])
        for transport in args.transports:
            urllib.request.urlopen(urllib.request.Request(f"{server.url}/_mock/reset", method="POST")).close()
            started = time.monotonic()
            res = asyncio.run(soak(server.base_url, transport, total=args.requests, concurrency=args.concurrency,
                                   fault_rate=args.fault_rate, attempts=http_attempts(server.base_url),
                                   idempotency_keys=http_idempotency_keys(server.base_url)))
            elapsed = time.monotonic() - started
            sockets = _client_sockets(port)
            growth = (res.rss_mb[-1] / res.rss_mb[0] - 1) * 100 if len(res.rss_mb) > 1 and res.rss_mb[0] else 0.0
            print(f"[{transport}] {res.total} requests in {elapsed:.0f} s (server checks included), outcomes "
                  f"{dict(res.outcomes)}, unexpected {len(res.unexpected)}, RSS first/last thousand "
                  f"{res.rss_mb[0] if res.rss_mb else 0:.1f}/{res.rss_mb[-1] if res.rss_mb else 0:.1f} MB "
                  f"({growth:+.1f} %), client sockets after close {sockets}")
            for line in res.unexpected[:10]:
                print("  ", line)
            failed |= bool(res.unexpected) or sockets != 0 or growth >= 10.0 or res.total != args.requests
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
