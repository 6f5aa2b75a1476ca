"""Fixtures for the generated sync twins of the shared test modules (scripts/unasync.py writes
``tests/sync/test_*.py`` from ``tests/test_*.py``; do not edit those, edit the async module).

The same names as ``tests/conftest.py`` so the generated tests need no changes: ``transport`` is
``"httpx"`` only (aiohttp is async-only), and ``client`` is a sync ``OpenAI``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from openai_core import OpenAI
from openai_core.testing import MockServer

TRANSPORTS = ["httpx"]


@pytest.fixture(params=TRANSPORTS)
def transport(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def client(server: MockServer, transport: str) -> Iterator[OpenAI]:
    with OpenAI(api_key="sk-test", base_url=server.base_url, transport=transport) as c:
        yield c
