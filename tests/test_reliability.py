"""Reliability and security over real loopback HTTP, on both transports: TLS, redirects, proxies from the
environment, cancellation and timeouts leaving nothing behind."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator, Iterator

import pytest
import trustme
from aiohttp import web

import openai_core as openai
from openai_core import AsyncOpenAI
from openai_core._interop import own_class
from openai_core.testing import MockServer
from openai_core.transports._lean import LeanTransport

from .conftest import client_sockets

MESSAGES = [{"role": "user", "content": "one two three four five six"}]


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def tls_server(ca: trustme.CA) -> Iterator[MockServer]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    with MockServer(ssl_context=context) as server:
        yield server


def trusting_context(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    return context


def backend(transport: str, ca: trustme.CA | None) -> object:
    if transport == "lean":
        return LeanTransport() if ca is None else LeanTransport(ssl=trusting_context(ca))
    if ca is None:
        return openai.DefaultAioHttpClient() if transport == "aiohttp" else openai.DefaultAsyncHttpxClient()
    context = trusting_context(ca)
    if transport == "aiohttp":
        return openai.DefaultAioHttpClient(ssl=context)
    return openai.DefaultAsyncHttpxClient(verify=context)


async def test_self_signed_server_is_refused_by_default(transport: str, tls_server: MockServer) -> None:
    async with AsyncOpenAI(api_key="k", base_url=tls_server.base_url, http_client=backend(transport, None),
                           max_retries=0) as client:
        with pytest.raises(openai.APIConnectionError) as exc_info:
            await client.models.list()
    assert own_class(type(exc_info.value)) is openai.APIConnectionError
    assert tls_server.base_url.startswith("https://")


async def test_user_provided_ca_is_trusted(transport: str, tls_server: MockServer, ca: trustme.CA) -> None:
    async with AsyncOpenAI(api_key="k", base_url=tls_server.base_url, http_client=backend(transport, ca)) as client:
        r = await client.chat.completions.create(model="gpt-4", messages=MESSAGES)
    assert r.choices[0].message.content == "echo: one two three four five six"


@pytest.fixture
async def redirector(server: MockServer) -> AsyncIterator[str]:
    """A server on 127.0.0.1 that answers every request with a 307 to ``?to=<host>`` on the mock server's
    port, keeping the path (``localhost``: another host)."""

    async def redirect(request: web.Request) -> web.Response:
        host = request.query.get("to", "localhost")
        raise web.HTTPTemporaryRedirect(f"http://{host}:{server.port}{request.path}")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", redirect)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    yield f"http://127.0.0.1:{port}/v1"
    await runner.cleanup()


async def test_redirect_to_another_host_drops_authorization(
    transport: str, server: MockServer, redirector: str
) -> None:
    async with AsyncOpenAI(api_key="sk-secret", base_url=redirector, transport=transport, max_retries=0) as c:
        with pytest.raises(openai.AuthenticationError):  # the mock answers 401: no credentials arrived
            await c.models.list(extra_query={"to": "localhost"})
        assert "authorization" not in server.requests[-1].headers
        assert server.requests[-1].path == "/v1/models"  # the redirect was followed, without the key


@pytest.fixture
async def proxy() -> AsyncIterator[tuple[str, list[str]]]:
    """A forward proxy on loopback that records each request line and answers a model list itself
    (nothing is forwarded: the client never leaves 127.0.0.1)."""
    seen: list[str] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            seen.append(head.split(b"\r\n", 1)[0].decode())
            body = b'{"object": "list", "data": [{"id": "via-proxy", "object": "model", "created": 0, "owned_by": "p"}]}'
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                         + str(len(body)).encode() + b"\r\n\r\n" + body)
            await writer.drain()
            if reader.at_eof():
                break

    srv = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = srv.sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}", seen
    srv.close()


async def test_proxy_from_the_environment_is_honoured_alike(
    transport: str, proxy: tuple[str, list[str]], server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy_url, seen = proxy
    for name in ("HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", proxy_url)
    monkeypatch.setenv("NO_PROXY", "direct.test,127.0.0.1")
    async with AsyncOpenAI(api_key="k", base_url="http://api.test/v1", transport=transport, max_retries=0) as c:
        models = await c.models.list()
    assert [m.id for m in models.data] == ["via-proxy"]
    assert seen == ["GET http://api.test/v1/models HTTP/1.1"]
    # NO_PROXY: a listed host goes direct
    async with AsyncOpenAI(api_key="k", base_url=server.base_url, transport=transport) as c:
        assert (await c.models.retrieve("gpt-4o")).id == "gpt-4o"
    assert len(seen) == 1


async def test_cancelling_50_streams_mid_flight_leaves_nothing(client: AsyncOpenAI, server: MockServer) -> None:
    async def consume() -> None:
        stream = await client.chat.completions.create(
            model="gpt-4", messages=MESSAGES, stream=True, extra_headers={"X-Mock-Fault": "kind=slow_body;delay=5"}
        )
        async for _ in stream:
            pass

    tasks = [asyncio.create_task(consume()) for _ in range(50)]
    await asyncio.sleep(0.5)
    for task in tasks:
        task.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    assert all(isinstance(r, asyncio.CancelledError) for r in results)
    await client.close()
    assert client_sockets(server.port) == 0
    current = asyncio.current_task()
    assert [t for t in asyncio.all_tasks() if t is not current and not t.done()] == []


async def test_asyncio_timeout_around_a_call_cancels_cleanly(client: AsyncOpenAI, server: MockServer) -> None:
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0.3):
            await client.models.list(extra_headers={"X-Mock-Fault": "kind=slow_headers;delay=3"})
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(
            client.chat.completions.create(
                model="gpt-4", messages=MESSAGES, extra_headers={"X-Mock-Fault": "kind=slow_headers;delay=3"}
            ),
            0.3,
        )
    # the client is still usable, then closes to nothing
    assert (await client.models.retrieve("gpt-4o")).id == "gpt-4o"
    await client.close()
    assert client_sockets(server.port) == 0
