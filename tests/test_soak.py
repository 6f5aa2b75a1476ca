"""Short form of the soak (benchmarks/soak.py): 1,500 requests at 128 concurrent, 20 % injected faults
(statuses, resets, truncated and reset bodies, a timeout, cut and failing streams; a quarter of the calls
stream), on both transports. Every request gets exactly its expected outcome, the server sees exactly
the attempts the retry policy allows with one idempotency key per logical request (no lost or
duplicated request), and no socket or task is left."""

from __future__ import annotations

import asyncio

from openai_core._bench.soak import recorded_idempotency_keys, soak
from openai_core.testing import MockServer

from .conftest import client_sockets


async def test_soak_short_form(transport: str, server: MockServer) -> None:
    result = await soak(server.base_url, transport, total=1500, concurrency=128, fault_rate=0.2,
                        attempts=server.attempts,
                        idempotency_keys=lambda: recorded_idempotency_keys([r.to_dict() for r in server.requests]))
    assert result.total == 1500
    assert result.unexpected == []
    for outcome in ("BadRequestError", "InternalServerError", "APIConnectionError", "APIError"):
        assert result.outcomes[outcome] > 0, outcome
    assert result.outcomes["ok"] > 1200
    assert client_sockets(server.port) == 0
    current = asyncio.current_task()
    assert [t for t in asyncio.all_tasks() if t is not current and not t.done()] == []
