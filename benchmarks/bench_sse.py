"""Throughput of openai_core's SSE decoder against the official openai SDK's, on the same bytes.

Run: python benchmarks/bench_sse.py [--events N] [--repeat R]

Both decoders see identical chunk lists; ours is driven with feed()/flush(), the SDK's through
SSEDecoder.iter_bytes(), its public byte-level entry point (the one its Stream class uses). Each
configuration reports the best of R interleaved runs, the least noisy estimate of the code's cost.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openai_core._sse import SSEDecoder

try:
    from openai._streaming import SSEDecoder as OpenAISSEDecoder
except ImportError:  # pragma: no cover - the bench extra installs it
    sys.exit("the official `openai` package is required: pip install 'openai-core[bench]'")


def build_stream(n_events: int, seed: int = 0) -> bytes:
    """A chat.completion stream as a real server sends it: one role chunk, n content deltas,
    a finish chunk, then [DONE]."""
    rng = random.Random(seed)
    words = ["the", "model", " said", " hello", ",", " world", ".", " A", " token", "\n", " é", " 你好"]

    def chunk(delta: dict[str, str], finish: str | None) -> bytes:
        obj = {
            "id": "chatcmpl-9xQ2hB7dF0kLmN3pR5sT8uV1wY4zA6c",
            "object": "chat.completion.chunk",
            "created": 1718000000,
            "model": "gpt-4o-mini-2024-07-18",
            "system_fingerprint": "fp_0f03d4f0ee",
            "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
        }
        return b"data: " + json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode() + b"\n\n"

    out = [chunk({"role": "assistant", "content": ""}, None)]
    out += [chunk({"content": rng.choice(words)}, None) for _ in range(n_events - 3)]
    out.append(chunk({}, "stop"))
    out.append(b"data: [DONE]\n\n")
    return b"".join(out)


def split_fixed(stream: bytes, size: int) -> list[bytes]:
    return [stream[i : i + size] for i in range(0, len(stream), size)]


def split_random(stream: bytes, lo: int, hi: int, seed: int = 1) -> list[bytes]:
    rng = random.Random(seed)
    chunks, i = [], 0
    while i < len(stream):
        n = rng.randint(lo, hi)
        chunks.append(stream[i : i + n])
        i += n
    return chunks


# The timed functions only collect events, as a consumer would before parsing them; anything
# more per event would be a cost both decoders share and would only blur the ratio.
def ours(chunks: list[bytes]) -> list[Any]:
    decoder = SSEDecoder()
    out: list[Any] = []
    for c in chunks:
        out += decoder.feed(c)
    out += decoder.flush()
    return out


def official(chunks: list[bytes]) -> list[Any]:
    return list(OpenAISSEDecoder().iter_bytes(iter(chunks)))


def fields(events: list[Any]) -> list[tuple[Any, ...]]:
    return [(e.event, e.data, e.id, e.retry) for e in events]


def best_times(
    fns: list[Callable[[list[bytes]], list[Any]]], chunks: list[bytes], repeat: int
) -> list[float]:
    """Best wall time of each function, with runs interleaved so a burst of load on a shared
    machine slows both sides rather than skewing the ratio."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            t0 = time.perf_counter()
            fn(chunks)
            best[i] = min(best[i], time.perf_counter() - t0)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    stream = build_stream(args.events)
    n_events = stream.count(b"\n\n")
    print(f"stream: {n_events} events, {len(stream)} bytes, {len(stream) / n_events:.0f} B/event")
    configs = {
        "4 KiB chunks": split_fixed(stream, 4096),
        "random 1..4096 B chunks": split_random(stream, 1, 4096),
        "random 1..64 B chunks": split_random(stream, 1, 64),
        "one event per chunk": [c + b"\n\n" for c in stream.split(b"\n\n")[:-1]],
    }
    print(f"{'chunking':<26}{'ours ev/s':>14}{'official ev/s':>16}{'ratio':>8}")
    for name, chunks in configs.items():
        # Equal output first: a fast decoder that drops or mangles events would be no result.
        got, want = fields(ours(chunks)), fields(official(chunks))
        if got != want or len(got) != n_events:
            sys.exit(f"{name}: decoders disagree ({len(got)} vs {len(want)} events)")
        t_ours, t_official = best_times([ours, official], chunks, args.repeat)
        print(
            f"{name:<26}{n_events / t_ours:>14,.0f}{n_events / t_official:>16,.0f}"
            f"{t_official / t_ours:>7.1f}x"
        )


if __name__ == "__main__":
    main()
