"""Short form of the soak (benchmarks/soak.py): 1,500 requests at 128 concurrent, 20 % injected faults,
on both transports. Every request gets exactly its expected outcome, the server sees exactly the attempts
the retry policy allows (no lost or duplicated request), and no socket is left."""

from __future__ import annotations

from openai_core._bench.soak import soak
from openai_core.testing import MockServer

from .conftest import client_sockets


async def test_soak_short_form(transport: str, server: MockServer) -> None:
    result = await soak(server.base_url, transport, total=1500, concurrency=128, fault_rate=0.2,
                        attempts=server.attempts)
    assert result.total == 1500
    assert result.unexpected == []
    assert result.outcomes["BadRequestError"] > 0 and result.outcomes["InternalServerError"] > 0
    assert result.outcomes["ok"] > 1200
    assert client_sockets(server.port) == 0
