"""Pipeline overhead without I/O: a chat completion through the whole client (params check, request
building, headers, JSON encoding, retry loop, typed parse) against a transport that answers from memory.

    python benchmarks/bench_pipeline.py

Also runs the official SDK through an in-memory httpx2 transport on the same answer, in the same run.
"""

from __future__ import annotations

import asyncio
import json
import time

from openai_core import AsyncOpenAI, MockTransport
from openai_core.transports import Request, Response

ANSWER = json.dumps({
    "id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "gpt-4o-mini",
    "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                 "message": {"role": "assistant", "content": "hi"}}],
    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
}).encode()
MESSAGES = [{"role": "user", "content": "hello"}]


async def ours(n: int) -> float:
    def answer(request: Request) -> Response:
        return Response(200, headers={"content-type": "application/json"}, content=ANSWER, request=request)

    client = AsyncOpenAI(api_key="k", base_url="http://bench.local/v1", http_client=MockTransport(answer))
    for _ in range(200):
        await client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    client._transport.requests.clear()  # type: ignore[attr-defined]
    start = time.perf_counter()
    for _ in range(n):
        await client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
        client._transport.requests.clear()  # type: ignore[attr-defined]
    return (time.perf_counter() - start) / n * 1e6


async def official(n: int) -> float | None:
    try:
        import httpx2
        import openai
    except ImportError:
        return None

    def answer(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(200, headers={"content-type": "application/json"}, content=ANSWER)

    client = openai.AsyncOpenAI(api_key="k", base_url="http://bench.local/v1",
                                http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(answer)))
    for _ in range(200):
        await client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)  # type: ignore[arg-type]
    start = time.perf_counter()
    for _ in range(n):
        await client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)  # type: ignore[arg-type]
    return (time.perf_counter() - start) / n * 1e6


def main(n: int = 5_000) -> None:
    mine = asyncio.run(ours(n))
    theirs = asyncio.run(official(n))
    print(f"no-I/O chat completion, {n} calls:")
    print(f"  openai_core pipeline   {mine:8.1f} us/call")
    if theirs is not None:
        print(f"  official SDK pipeline  {theirs:8.1f} us/call   ({theirs / mine:.1f}x ours)")


if __name__ == "__main__":
    main()
