"""TLS through a proxy, redirects and NO_PROXY rules on both transports, over loopback only; the first
cases (self-signed refused, user CA trusted, cross-host redirect, HTTP_PROXY) are in test_reliability.py.

The proxy here is a few lines of asyncio: it records each request line, tunnels ``CONNECT`` to
127.0.0.1, and answers plain proxied requests itself (so a "direct" request to a name that does not
resolve fails at once, and a proxied one gets the proxy's answer)."""

from __future__ import annotations

import asyncio
import contextlib
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

PROXY_ENV = ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY",
             "all_proxy")
VIA_PROXY = b'{"object": "list", "data": [{"id": "via-proxy", "object": "model", "created": 0, "owned_by": "p"}]}'


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def tls_server(ca: trustme.CA) -> Iterator[MockServer]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    with MockServer(ssl_context=context) as server:
        yield server


def trusting(transport: str, ca: trustme.CA) -> object:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    if transport == "aiohttp":
        return openai.DefaultAioHttpClient(ssl=context)
    if transport == "lean":
        return LeanTransport(ssl=context)
    return openai.DefaultAsyncHttpxClient(verify=context)


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in PROXY_ENV:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(OSError):
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    writer.close()


@pytest.fixture
async def proxy() -> AsyncIterator[tuple[str, list[str]]]:
    seen: list[str] = []
    writers: list[asyncio.StreamWriter] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writers.append(writer)
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, OSError):
            writer.close()
            return
        line = head.split(b"\r\n", 1)[0].decode()
        seen.append(line)
        if line.startswith("CONNECT "):
            port = int(line.split()[1].rsplit(":", 1)[1])
            upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", port)
            writers.append(upstream_writer)
            writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
            await writer.drain()
            await asyncio.gather(_pipe(reader, upstream_writer), _pipe(upstream_reader, writer))
            return
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                     b"Content-Length: " + str(len(VIA_PROXY)).encode() + b"\r\n\r\n" + VIA_PROXY)
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}", seen
    server.close()
    for writer in writers:  # server.close() leaves accepted connections open (Python < 3.13)
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()


async def test_https_proxy_tunnels_with_connect(
    transport: str, tls_server: MockServer, ca: trustme.CA, proxy: tuple[str, list[str]], clean_env: pytest.MonkeyPatch
) -> None:
    proxy_url, seen = proxy
    clean_env.setenv("HTTPS_PROXY", proxy_url)
    clean_env.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # wrong on purpose: https must use HTTPS_PROXY
    async with AsyncOpenAI(api_key="k", base_url=f"https://localhost:{tls_server.port}/v1",
                           http_client=trusting(transport, ca), max_retries=0) as c:
        r = await c.chat.completions.create(model="gpt-4", messages=[{"role": "user", "content": "tunnelled"}])
    assert r.choices[0].message.content == "echo: tunnelled"  # end to end through the tunnel, TLS verified
    assert seen == [f"CONNECT localhost:{tls_server.port} HTTP/1.1"]  # the proxy saw no plaintext request


async def test_lowercase_http_proxy_is_honoured(
    transport: str, proxy: tuple[str, list[str]], clean_env: pytest.MonkeyPatch
) -> None:
    proxy_url, seen = proxy
    clean_env.setenv("http_proxy", proxy_url)
    async with AsyncOpenAI(api_key="k", base_url="http://api.example.test/v1", transport=transport,
                           max_retries=0) as c:
        assert [m.id for m in (await c.models.list()).data] == ["via-proxy"]
    assert seen == ["GET http://api.example.test/v1/models HTTP/1.1"]


# host, NO_PROXY, route. Names under .test do not resolve here: "direct" means the client tried to
# reach the host itself (and failed at once), "proxy" that the proxy answered.
NO_PROXY_CASES = [
    ("api.example.test", "example.test", "direct"),
    ("api.example.test", ".example.test", "direct"),
    ("api.example.test", "other.test,api.example.test", "direct"),
    ("api.example.test", "*", "direct"),
    ("API.EXAMPLE.TEST", "api.example.test", "direct"),
    ("api.example.test:8080", "api.example.test:8080", "direct"),
    ("api.example.test", "api.example.test:8080", "proxy"),
    ("badexample.test", "example.test", "proxy"),  # a suffix match is on a dot boundary only
    ("example.test.evil.test", "example.test", "proxy"),
    ("api.example.test", "", "proxy"),
    # The known differences (docs/reliability.md), where the aiohttp and lean backends follow urllib and curl:
    # a leading dot exempts the domain itself too (httpx: subdomains only), and an entry naming the
    # scheme's default port matches a URL that leaves it implicit (httpx: only an explicit port).
    ("example.test", ".example.test", {"httpx": "proxy", "aiohttp": "direct", "lean": "direct"}),
    ("api.example.test", "api.example.test:80", {"httpx": "proxy", "aiohttp": "direct", "lean": "direct"}),
]


@pytest.mark.parametrize(("host", "no_proxy", "route"), NO_PROXY_CASES)
async def test_no_proxy_rules(
    transport: str, proxy: tuple[str, list[str]], clean_env: pytest.MonkeyPatch, host: str, no_proxy: str,
    route: str | dict[str, str],
) -> None:
    proxy_url, seen = proxy
    clean_env.setenv("HTTP_PROXY", proxy_url)
    clean_env.setenv("NO_PROXY", no_proxy)
    expected = route[transport] if isinstance(route, dict) else route
    async with AsyncOpenAI(api_key="k", base_url=f"http://{host}/v1", transport=transport, max_retries=0) as c:
        if expected == "proxy":
            assert [m.id for m in (await c.models.list()).data] == ["via-proxy"]
            assert seen == [f"GET http://{host.lower()}/v1/models HTTP/1.1"]
        else:
            with pytest.raises(openai.APIConnectionError):
                await c.models.list()
            assert seen == []


@pytest.fixture
async def redirector(server: MockServer) -> AsyncIterator[str]:
    """127.0.0.1:<own port>. ``?to=localhost`` / ``?to=127.0.0.1``: 307 to the mock server (another origin),
    keeping the path; ``?to=self``: 307 to itself forever; ``?to=same``: 307 to ``/same-origin`` on itself,
    which echoes the Authorization it received."""

    async def redirect(request: web.Request) -> web.StreamResponse:
        if request.path == "/same-origin":
            return web.json_response({"object": "list", "data": [], "auth": request.headers.get("Authorization")})
        to = request.query.get("to", "localhost")
        if to == "self":
            raise web.HTTPTemporaryRedirect(str(request.url))
        if to == "same":
            raise web.HTTPTemporaryRedirect("/same-origin")
        raise web.HTTPTemporaryRedirect(f"http://{to}:{server.port}{request.path}")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", redirect)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}/v1"
    await runner.cleanup()


@pytest.mark.parametrize("to", ["localhost", "127.0.0.1"])  # another host; the same host on another port
async def test_redirected_post_to_another_origin_carries_the_body_but_not_the_key(
    transport: str, server: MockServer, redirector: str, to: str
) -> None:
    async with AsyncOpenAI(api_key="sk-secret", base_url=redirector, transport=transport, max_retries=0) as c:
        with pytest.raises(openai.AuthenticationError):  # the mock answers 401: no credentials arrived
            await c.chat.completions.create(model="gpt-4", messages=[{"role": "user", "content": "x"}],
                                            extra_query={"to": to})
    sent = server.requests[-1]
    assert sent.method == "POST" and sent.path == "/v1/chat/completions"
    assert sent.json()["messages"] == [{"role": "user", "content": "x"}]  # 307 keeps method and body
    assert "authorization" not in sent.headers


async def test_redirect_within_the_same_origin_keeps_the_key(transport: str, redirector: str) -> None:
    async with AsyncOpenAI(api_key="sk-secret", base_url=redirector, transport=transport) as c:
        page = await c.models.list(extra_query={"to": "same"})
    assert page.model_extra is not None and page.model_extra["auth"] == "Bearer sk-secret"


async def test_redirect_loop_is_a_connection_error(transport: str, server: MockServer, redirector: str) -> None:
    async with AsyncOpenAI(api_key="sk-secret", base_url=redirector, transport=transport, max_retries=0) as c:
        with pytest.raises(openai.APIConnectionError) as exc_info:
            await c.models.list(extra_query={"to": "self"})
    assert own_class(type(exc_info.value)) is openai.APIConnectionError
    assert "TooManyRedirects" in str(exc_info.value.__cause__)
    assert "sk-secret" not in str(exc_info.value) + str(exc_info.value.__cause__)
    assert client_sockets(server.port) == 0
