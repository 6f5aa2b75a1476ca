"""Shared fixtures: one embedded server for the session, and a client per transport."""

from __future__ import annotations

import asyncio
import importlib.util
import os
from collections.abc import AsyncIterator, Iterator

import psutil
import pytest

from openai_core import AsyncOpenAI
from openai_core.testing import MockServer

TRANSPORTS = ["httpx", "aiohttp", "lean"]

# tests/interop runs the real frameworks, which live in their own virtualenvs (the `interop` and
# `interop-legacy` extras: some pin an official SDK other than the test extra's). .ci/run runs that folder
# as its own steps with OPENAI_CORE_INTEROP_SUITE=1; the main run leaves it out by this setting.
collect_ignore = [] if os.environ.get("OPENAI_CORE_INTEROP_SUITE") else ["interop"]


# The uvloop leg (the `speed` extra; the test extra installs it): these modules' async tests run on
# asyncio and on uvloop, both transports, so the library is shown to work unchanged on either loop.
# Only these: the pipeline's I/O paths (transports and their retries, streams, pools, TLS, proxies,
# the reliability cases), at a cost of well under a minute.
UVLOOP_MODULES = {"test_transports", "test_streaming", "test_pool", "test_tls_redirect_proxy", "test_reliability"}
_ASYNCIO_ONLY = {"asyncio": asyncio.new_event_loop}


def pytest_asyncio_loop_factories(config: pytest.Config, item: pytest.Item) -> dict[str, object]:
    module = getattr(item, "module", None)
    name = getattr(module, "__name__", "").rpartition(".")[2]
    if name in UVLOOP_MODULES and importlib.util.find_spec("uvloop") is not None:
        import uvloop

        return {"asyncio": asyncio.new_event_loop, "uvloop": uvloop.new_event_loop}
    return _ASYNCIO_ONLY


@pytest.hookimpl(hookwrapper=True)
def pytest_pycollect_makeitem(collector: pytest.Collector, name: str, obj: object) -> Iterator[None]:
    """pytest-asyncio's auto mode claims every coroutine test for asyncio, so a test marked
    ``@pytest.mark.anyio`` would run its trio variant on asyncio too: hand those back to anyio's plugin
    (tests/test_trio.py). This wrapper is registered after pytest-asyncio's, so it sees its result."""
    outcome = yield
    result = outcome.get_result()
    if not isinstance(result, list):
        return
    outcome.force_result([_plain_if_anyio(item) for item in result])


def _plain_if_anyio(item: object) -> object:
    if not (isinstance(item, pytest.Function) and type(item) is not pytest.Function
            and item.get_closest_marker("anyio") and item.parent is not None):
        return item
    return pytest.Function.from_parent(
        item.parent, name=item.name, callspec=getattr(item, "callspec", None), callobj=item.obj,
        fixtureinfo=item._fixtureinfo, originalname=item.originalname,
    )


@pytest.fixture(scope="session")
def server() -> Iterator[MockServer]:
    with MockServer() as srv:
        yield srv


@pytest.fixture(params=TRANSPORTS)
def transport(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def client(server: MockServer, transport: str) -> AsyncIterator[AsyncOpenAI]:
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url, transport=transport) as c:
        yield c


def client_sockets(port: int) -> int:
    """Sockets this process holds that are connected to ``port`` (the client side of connections to the
    embedded server, which runs in this process too: its own sockets have ``port`` as the local port)."""
    return sum(
        1
        for conn in psutil.Process().net_connections(kind="tcp")
        if conn.raddr and conn.raddr.port == port
    )

