"""A response must never be handed to another request: a connection with bytes left after a complete
response is closed, not reused (the lean httpx pool used to reuse it and return the smuggled answer)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import pytest

from openai_core import AsyncOpenAI, OpenAI
from openai_core.testing.raw import RawServer


@pytest.mark.parametrize("case", ["smuggle", "smuggle_late"])
async def test_bytes_after_a_response_never_answer_the_next_request(
    transport: str, hostile: Callable[[str], RawServer], case: str
) -> None:
    server = hostile(case)
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url, transport=transport, max_retries=0) as client:
        first = await client.models.list()
        await asyncio.sleep(0.2)  # smuggle_late: the hidden response arrives while the connection is idle
        later = [(await client.models.list()).data[0].id for _ in range(3)]
    assert first.data[0].id == "first"
    assert all(model_id.startswith("honest-") for model_id in later), later
    assert server.connections == 2  # the poisoned connection was dropped, the next one kept alive


@pytest.mark.parametrize("case", ["smuggle", "smuggle_late"])
def test_bytes_after_a_response_never_answer_the_next_request_sync(
    hostile: Callable[[str], RawServer], case: str
) -> None:
    server = hostile(case)
    with OpenAI(api_key="sk-test", base_url=server.base_url, max_retries=0) as client:
        first = client.models.list()
        time.sleep(0.2)
        later = [client.models.list().data[0].id for _ in range(3)]
    assert first.data[0].id == "first"
    assert all(model_id.startswith("honest-") for model_id in later), later
    assert server.connections == 2


async def test_an_honest_server_keeps_one_connection(transport: str, hostile: Callable[[str], RawServer]) -> None:
    server = hostile("honest")
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url, transport=transport) as client:
        ids = [(await client.models.list()).data[0].id for _ in range(5)]
    assert ids == [f"honest-{n}" for n in range(1, 6)]
    assert server.connections == 1
