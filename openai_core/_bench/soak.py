"""Soak: many requests at high concurrency with injected faults; every request must get exactly one
outcome, and the server must see exactly the attempts the retry policy allows (no hidden duplicates).

``python benchmarks/soak.py`` runs the full size (10,000 requests, 256 concurrent, 20 % faults) against
the embedded server in its own process; ``tests/test_soak.py`` runs a short form on both transports.
"""

from __future__ import annotations

import asyncio
import json
import random
import urllib.request
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# (fault spec, expected outcome, expected attempts with max_retries=2)
FAULTS: list[tuple[str, str, int]] = [
    ("kind=status;code=503;retry_after_ms=1;times=1", "ok", 2),
    ("kind=status;code=429;retry_after_ms=1;times=1", "ok", 2),
    ("kind=reset;times=1", "ok", 2),
    ("kind=truncate;times=1", "ok", 2),
    ("kind=status;code=400", "BadRequestError", 1),
    ("kind=status;code=500;retry_after_ms=1", "InternalServerError", 3),
]


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


async def soak(
    base_url: str,
    transport: str,
    *,
    total: int,
    concurrency: int,
    fault_rate: float,
    attempts: Callable[[str], int],
    seed: int = 7,
) -> SoakResult:
    import openai_core

    rng = random.Random(seed)
    plan = [rng.choice(FAULTS) if rng.random() < fault_rate else None for _ in range(total)]
    result = SoakResult()
    gate = asyncio.Semaphore(concurrency)
    keys: list[tuple[str, int]] = []

    async with openai_core.AsyncOpenAI(api_key="sk-soak", base_url=base_url, transport=transport) as client:

        async def one(i: int) -> None:
            fault = plan[i]
            key = uuid.uuid4().hex
            headers: dict[str, Any] = {"X-Mock-Fault-Key": key}
            if fault:
                headers["X-Mock-Fault"] = fault[0]
            expected_outcome, expected_attempts = (fault[1], fault[2]) if fault else ("ok", 1)
            async with gate:
                try:
                    r = await client.chat.completions.create(
                        model="gpt-4o-mini", messages=[{"role": "user", "content": f"n{i}"}], extra_headers=headers
                    )
                    outcome = "ok" if r.choices[0].message.content == f"echo: n{i}" else "wrong answer"
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
    return result


def main() -> None:
    import argparse

    from ..testing import MockServerProcess

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=256)
    parser.add_argument("--fault-rate", type=float, default=0.2)
    parser.add_argument("--transports", nargs="+", default=["httpx", "aiohttp"])
    args = parser.parse_args()
    with MockServerProcess() as server:
        for transport in args.transports:
            res = asyncio.run(soak(server.base_url, transport, total=args.requests, concurrency=args.concurrency,
                                   fault_rate=args.fault_rate, attempts=http_attempts(server.base_url)))
            growth = (res.rss_mb[-1] / res.rss_mb[0] - 1) * 100 if len(res.rss_mb) > 1 and res.rss_mb[0] else 0.0
            print(f"[{transport}] {res.total} requests, outcomes {dict(res.outcomes)}, "
                  f"unexpected {len(res.unexpected)}, RSS first/last thousand "
                  f"{res.rss_mb[0] if res.rss_mb else 0:.1f}/{res.rss_mb[-1] if res.rss_mb else 0:.1f} MB "
                  f"({growth:+.1f} %)")
            for line in res.unexpected[:10]:
                print("  ", line)


if __name__ == "__main__":
    main()
