"""Transport behaviour over real loopback HTTP: both backends, same outcomes, same exception classes."""

from __future__ import annotations

import asyncio
import time
import uuid

import aiohttp
import httpx
import pytest

import openai_core as openai
from openai_core import AsyncOpenAI, Timeout
from openai_core._interop import own_class
from openai_core.testing import MockServer
from openai_core.transports import available_transports, resolve_transport
from openai_core.transports._aiohttp import AioHttpTransport
from openai_core.transports._httpx import HttpxTransport
from openai_core.transports._lean import LeanTransport

from .conftest import client_sockets

MESSAGES = [{"role": "user", "content": "hi"}]


def fault(spec: str, key: str | None = None) -> dict[str, str]:
    headers = {"X-Mock-Fault": spec}
    if key:
        headers["X-Mock-Fault-Key"] = key
    return headers


def small_pool(transport: str, server: MockServer, **kwargs: object) -> AsyncOpenAI:
    """A client whose backend allows a single connection."""
    backend: object = (
        openai.DefaultAioHttpClient(limit=1)
        if transport == "aiohttp"
        else LeanTransport(limit=1)
        if transport == "lean"
        else openai.DefaultAsyncHttpxClient(limits=httpx.Limits(max_connections=1))
    )
    return AsyncOpenAI(api_key="sk-test", base_url=server.base_url, http_client=backend, **kwargs)  # type: ignore[arg-type]


async def test_connection_refused(transport: str) -> None:
    async with AsyncOpenAI(api_key="k", base_url="http://127.0.0.1:9/v1", transport=transport, max_retries=1) as c:
        started = time.monotonic()
        with pytest.raises(openai.APIConnectionError) as exc_info:
            await c.models.list()
        assert own_class(type(exc_info.value)) is openai.APIConnectionError
        assert time.monotonic() - started < 3.0  # one quick backoff, no hang


async def test_reset_before_headers_is_retried_then_succeeds(client: AsyncOpenAI, server: MockServer) -> None:
    key = uuid.uuid4().hex
    r = await client.chat.completions.create(
        model="gpt-4", messages=MESSAGES, extra_headers=fault("kind=reset;times=1", key)
    )
    assert r.choices[0].message.content == "echo: hi"
    assert server.attempts(key) == 2


async def test_reset_every_time_gives_connection_error(client: AsyncOpenAI, server: MockServer) -> None:
    key = uuid.uuid4().hex
    with pytest.raises(openai.APIConnectionError) as exc_info:
        await client.with_options(max_retries=1).models.list(extra_headers=fault("kind=reset", key))
    assert own_class(type(exc_info.value)) is openai.APIConnectionError
    assert server.attempts(key) == 2


async def test_retries_over_http_use_one_idempotency_key(client: AsyncOpenAI, server: MockServer) -> None:
    key = uuid.uuid4().hex
    r = await client.chat.completions.create(
        model="gpt-4", messages=MESSAGES, extra_headers=fault("kind=status;code=503;retry_after_ms=10;times=2", key)
    )
    assert r.choices[0].message.content == "echo: hi"
    attempts = [req for req in server.requests if req.headers.get("x-mock-fault-key") == key]
    assert len(attempts) == 3 == server.attempts(key)
    assert len({req.headers["idempotency-key"] for req in attempts}) == 1
    assert len({req.body for req in attempts}) == 1


async def test_exhausted_retries_make_exactly_one_plus_max_attempts(client: AsyncOpenAI, server: MockServer) -> None:
    key = uuid.uuid4().hex
    with pytest.raises(openai.RateLimitError):
        await client.with_options(max_retries=2).chat.completions.create(
            model="gpt-4", messages=MESSAGES, extra_headers=fault("kind=status;code=429;retry_after_ms=5", key)
        )
    assert server.attempts(key) == 3


async def test_slow_headers_time_out(client: AsyncOpenAI, server: MockServer) -> None:
    key = uuid.uuid4().hex
    started = time.monotonic()
    with pytest.raises(openai.APITimeoutError):
        await client.with_options(max_retries=0).models.list(
            timeout=0.3, extra_headers=fault("kind=slow_headers;delay=3", key)
        )
    assert time.monotonic() - started < 2.0
    assert server.attempts(key) == 1


@pytest.mark.parametrize("mode", ["length", "chunked"])
async def test_truncated_body_is_a_connection_error(client: AsyncOpenAI, mode: str) -> None:
    with pytest.raises(openai.APIConnectionError):
        await client.with_options(max_retries=0).chat.completions.create(
            model="gpt-4", messages=MESSAGES, extra_headers=fault(f"kind=truncate;mode={mode}")
        )


@pytest.mark.parametrize("body", ["nonjson", "html", "empty", "truncated_json"])
async def test_broken_success_body_is_a_validation_error(client: AsyncOpenAI, body: str) -> None:
    with pytest.raises(openai.APIResponseValidationError) as exc_info:
        await client.chat.completions.create(model="gpt-4", messages=MESSAGES, extra_headers=fault(f"kind=bad_body;body={body}"))
    assert exc_info.value.status_code == 200
    assert "req_" in str(exc_info.value)


async def test_html_502_from_a_proxy(client: AsyncOpenAI) -> None:
    with pytest.raises(openai.InternalServerError) as exc_info:
        await client.with_options(max_retries=0).models.list(extra_headers=fault("kind=status;code=502;body=html"))
    assert exc_info.value.status_code == 502
    assert isinstance(exc_info.value.body, str) and "Bad Gateway" in exc_info.value.body


async def test_pool_wait_does_not_count_as_connect_time(transport: str, server: MockServer) -> None:
    # One connection, six requests that each hold it for 0.3 s: the last waits ~1.5 s for the pool,
    # far longer than the 0.2 s connect timeout, and must still succeed.
    async with small_pool(transport, server, timeout=Timeout(10.0, connect=0.2)) as c:
        results = await asyncio.gather(
            *[
                c.chat.completions.create(
                    model="gpt-4", messages=MESSAGES, extra_headers=fault("kind=slow_headers;delay=0.3")
                )
                for _ in range(6)
            ]
        )
    assert [r.choices[0].message.content for r in results] == ["echo: hi"] * 6


async def test_user_supplied_http_clients_are_wrapped_not_closed(transport: str, server: MockServer) -> None:
    if transport == "httpx":
        own_httpx = httpx.AsyncClient(headers={"X-From-User-Client": "yes"})
        async with AsyncOpenAI(api_key="k", base_url=server.base_url, http_client=own_httpx) as c:
            assert isinstance(c.transport, HttpxTransport)
            await c.models.list()
        assert not own_httpx.is_closed
        await own_httpx.aclose()
    else:
        own_session = aiohttp.ClientSession(headers={"X-From-User-Client": "yes"})
        async with AsyncOpenAI(api_key="k", base_url=server.base_url, http_client=own_session) as c:
            assert isinstance(c.transport, AioHttpTransport)
            await c.models.list()
        assert not own_session.closed
        await own_session.close()
        await asyncio.sleep(0)
    # the user's own configuration travelled with the request
    assert server.requests[-1].headers["x-from-user-client"] == "yes"
    assert client_sockets(server.port) == 0


async def test_transport_by_name_and_registry(server: MockServer) -> None:
    assert {"httpx", "aiohttp"} <= set(available_transports())
    assert resolve_transport("aiohttp") is AioHttpTransport
    assert resolve_transport("HTTPX") is HttpxTransport
    with pytest.raises(TypeError, match="http_client must be"):
        AsyncOpenAI(api_key="k", http_client=object())


async def test_plugin_transport_registered_by_entry_point(
    monkeypatch: pytest.MonkeyPatch, server: MockServer
) -> None:
    """A third-party backend is found by its entry-point name, like the built-ins."""
    from importlib.metadata import EntryPoint

    import openai_core.transports as registry

    calls: list[str] = []

    class CountingTransport(HttpxTransport):
        async def send(self, request: openai.transports.Request) -> openai.transports.Response:  # type: ignore[name-defined]
            calls.append(str(request.url))
            return await super().send(request)

    monkeypatch.setattr(registry, "_entry_points", lambda: {
        "counting": EntryPoint("counting", f"{__name__}:_Counting", registry.ENTRY_POINT_GROUP)
    })
    monkeypatch.setitem(globals(), "_Counting", CountingTransport)
    assert "counting" in available_transports()
    async with AsyncOpenAI(api_key="k", base_url=server.base_url, transport="counting") as c:
        r = await c.models.retrieve("gpt-4o")
    assert r.id == "gpt-4o"
    assert calls == [f"{server.base_url}/models/gpt-4o"]


async def test_closing_with_requests_in_flight_leaves_no_socket(transport: str, server: MockServer) -> None:
    c = AsyncOpenAI(api_key="k", base_url=server.base_url, transport=transport, max_retries=0)
    tasks = [
        asyncio.create_task(
            c.chat.completions.create(model="gpt-4", messages=MESSAGES, extra_headers=fault("kind=slow_headers;delay=2"))
        )
        for _ in range(10)
    ]
    await asyncio.sleep(0.3)
    for task in tasks:
        task.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    assert all(isinstance(r, asyncio.CancelledError) for r in results)
    await c.close()
    assert client_sockets(server.port) == 0


async def test_response_header_names_are_lower_case_as_the_official_sdk_gives_them(
    client: AsyncOpenAI, server: MockServer
) -> None:
    import openai as official

    kwargs: dict[str, object] = {"model": "gpt-4", "messages": [{"role": "user", "content": "hi"}]}
    raw = await client.chat.completions.with_raw_response.create(**kwargs)  # type: ignore[call-overload]
    names = list(dict(raw.headers))
    assert "content-type" in names and names == [name.lower() for name in names]
    async with official.AsyncOpenAI(api_key="sk-test", base_url=server.base_url, max_retries=0) as reference:
        theirs = await reference.chat.completions.with_raw_response.create(**kwargs)  # type: ignore[call-overload]
    assert set(names) == set(dict(theirs.headers))
    assert raw.headers["Content-Type"] == raw.headers["content-type"]  # still looked up in any case
