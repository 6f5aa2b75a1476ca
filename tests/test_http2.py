"""HTTP/2 on the httpx backend, exposed as the official SDK exposes it: ``http_client=
DefaultAsyncHttpxClient(http2=True)`` or a ready ``httpx.AsyncClient(http2=True)`` (the ``http2`` extra:
h2). The server is the benchmark's granian app over TLS on loopback, offering h2 and http/1.1 by ALPN,
so the same server answers an HTTP/1.1 client too: the version asserted is the one negotiated."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from yarl import URL

from openai_core import AsyncOpenAI, DefaultAsyncHttpxClient
from openai_core._bench.server import BenchServer, bench_ca

from .conftest import client_sockets

MESSAGES = [{"role": "user", "content": "one two three"}]


@pytest.fixture(scope="module")
def h2_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, ssl.SSLContext]]:
    ca_file, files = bench_ca(str(tmp_path_factory.mktemp("h2-certs")))
    server = BenchServer("granian")
    server.tls_files = files
    server.http = "auto"
    with server:
        yield server.base_url, ssl.create_default_context(cafile=ca_file)


# (how the user hands the client its HTTP client, the version that must be negotiated)
CASES: dict[str, tuple[Callable[[ssl.SSLContext], Any], str]] = {
    "DefaultAsyncHttpxClient(http2=True)": (lambda ctx: DefaultAsyncHttpxClient(http2=True, verify=ctx), "HTTP/2"),
    "httpx.AsyncClient(http2=True)": (lambda ctx: httpx.AsyncClient(http2=True, verify=ctx), "HTTP/2"),
    "DefaultAsyncHttpxClient() (HTTP/1.1)": (lambda ctx: DefaultAsyncHttpxClient(verify=ctx), "HTTP/1.1"),
}


@pytest.mark.parametrize("case", list(CASES))
async def test_http2_is_negotiated_and_multiplexes_calls_and_streams(
    h2_server: tuple[str, ssl.SSLContext], case: str
) -> None:
    base_url, context = h2_server
    make_http_client, version = CASES[case]
    http_client = make_http_client(context)
    port = URL(base_url).port
    assert port is not None
    async with AsyncOpenAI(api_key="sk-test", base_url=base_url, max_retries=0, http_client=http_client) as client:
        raw = await client.chat.completions.with_raw_response.create(model="gpt-4o-mini", messages=MESSAGES)
        assert raw.http_version == version
        assert raw.parse().choices[0].message.content == "echo: one two three"

        replies = await asyncio.gather(
            *[client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES) for _ in range(24)]
        )
        assert {reply.choices[0].message.content for reply in replies} == {"echo: one two three"}
        # HTTP/2 carries the 24 concurrent calls on the one connection; HTTP/1.1 needs one per call.
        assert client_sockets(port) == 1 if version == "HTTP/2" else client_sockets(port) >= 24

        stream = await client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, stream=True)
        assert stream.response.http_version == version
        text = "".join([chunk.choices[0].delta.content or "" async for chunk in stream if chunk.choices])
        assert text == "echo: one two three"
    if isinstance(http_client, httpx.AsyncClient):
        assert not http_client.is_closed  # the user's own client: borrowed, left open
        await http_client.aclose()
