"""The suite's two measurements that need no server: import time and the SSE decoder's speed.

Both compare against the official SDK in the same run (when it is installed). The fuller versions are
``benchmarks/bench_sse.py`` (four chunkings, 2,000 events) and ``python -X importtime``.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from typing import Any

__all__ = ["IMPORTS", "import_times", "sse_speedup"]

# What a user's program pays before its first request. `from openai_core import AsyncOpenAI` is the
# fair twin of `import openai` (which loads its client eagerly); bare `import openai_core` is lazy.
IMPORTS = {
    "openai_core": "import openai_core",
    "openai_core.AsyncOpenAI": "from openai_core import AsyncOpenAI",
    "aiohttp": "import aiohttp",
    "httpx": "import httpx",
    "openai": "import openai",
}


def import_times(repeat: int = 5, cpu: int | None = None) -> dict[str, float]:
    """Best-of-``repeat`` seconds of each statement in ``IMPORTS``, each run in a fresh interpreter
    (pinned to ``cpu``); interpreter start-up is excluded. Modules that are not installed are absent."""
    best: dict[str, float] = {}
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    for _ in range(repeat):
        for name, statement in IMPORTS.items():
            code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
            pin = (lambda: os.sched_setaffinity(0, {cpu})) if cpu is not None and hasattr(os, "sched_setaffinity") else None
            proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                                  preexec_fn=pin, timeout=60)
            if proc.returncode == 0:
                best[name] = min(best.get(name, float("inf")), float(proc.stdout.strip()))
    return best


def _stream(events: int) -> bytes:
    """A chat.completion.chunk stream shaped like a real server's (role, content deltas, finish, DONE)."""
    head = {"id": "chatcmpl-9xQ2hB7dF0kLmN3pR5sT8uV1wY4zA6c", "object": "chat.completion.chunk",
            "created": 1718000000, "model": "gpt-4o-mini-2024-07-18", "system_fingerprint": "fp_0f03d4f0ee"}
    rng = random.Random(0)
    words = ["the", " model", " said", " hello", ",", " world", ".", "\n", " é", " 你好"]

    def event(delta: dict[str, str], finish: str | None) -> str:
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
        return "data: " + json.dumps({**head, "choices": [choice]}, ensure_ascii=False) + "\n\n"

    parts = [event({"role": "assistant", "content": ""}, None)]
    parts += [event({"content": rng.choice(words)}, None) for _ in range(events)]
    parts += [event({}, "stop"), "data: [DONE]\n\n"]
    return "".join(parts).encode()


def _random_chunks(data: bytes, lo: int, hi: int) -> list[bytes]:
    rng, out, i = random.Random(1), [], 0
    while i < len(data):
        n = rng.randint(lo, hi)
        out.append(data[i:i + n])
        i += n
    return out


def sse_speedup(events: int = 200, repeat: int = 20) -> dict[str, Any] | None:
    """Events/s of openai_core's SSE decoder and the official SDK's on the same bytes (random 1-4096
    byte chunks), best of ``repeat`` interleaved runs; None when the SDK is not installed."""
    try:
        from openai._streaming import SSEDecoder as OfficialDecoder
    except ImportError:
        return None
    from .._sse import SSEDecoder

    chunks = _random_chunks(_stream(events), 1, 4096)

    def ours() -> list[Any]:
        decoder = SSEDecoder()
        out: list[Any] = []
        for chunk in chunks:
            out += decoder.feed(chunk)
        out += decoder.flush()
        return out

    def official() -> list[Any]:
        return list(OfficialDecoder().iter_bytes(iter(chunks)))

    if [e.data for e in ours()] != [e.data for e in official()]:
        raise AssertionError("the SSE decoders disagree on the same bytes")
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for i, fn in enumerate((ours, official)):
            t0 = time.perf_counter()
            fn()
            best[i] = min(best[i], time.perf_counter() - t0)
    n = len(ours())
    return {"events": n, "ours_events_per_s": n / best[0], "official_events_per_s": n / best[1],
            "ratio": best[1] / best[0]}
