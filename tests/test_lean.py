"""What only the lean backend has to prove itself (its shared behaviour runs in every all-transport test):
reading paused while a stream's consumer lags, and the parts of HTTP/1.1 it frames by hand."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from openai_core import AsyncOpenAI
from openai_core.transports import Request
from openai_core.transports._lean import LeanTransport
from openai_core.transports._lean_conn import _PAUSE_AT

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


@contextlib.asynccontextmanager
async def raw_server(handler: Handler) -> AsyncIterator[str]:
    writers: list[asyncio.StreamWriter] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writers.append(writer)
        with contextlib.suppress(OSError, asyncio.IncompleteReadError):
            await handler(reader, writer)

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    finally:
        server.close()
        for writer in writers:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()


async def test_a_lagging_stream_reader_pauses_the_socket() -> None:
    size = 32 << 20
    piece = b"x" * (1 << 20)

    async def fast_writer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % size)
        for _ in range(size // len(piece)):
            writer.write(piece)
            await writer.drain()

    transport = LeanTransport()
    async with raw_server(fast_writer) as url:
        response = await transport.send(Request("GET", url + "/big"))
        connection = response._stream._connection  # type: ignore[attr-defined]
        received = most_queued = 0
        async for chunk in response.aiter_bytes():
            received += len(chunk)
            await asyncio.sleep(0.002)  # a slow consumer: the server could fill memory meanwhile
            most_queued = max(most_queued, connection._buffered)
        await response.aclose()
        await transport.aclose()
    assert received == size
    # Reading stops once the queue passes the mark; what is in flight then (one socket read) may land.
    assert most_queued < _PAUSE_AT + (1 << 20)


async def test_an_informational_response_before_the_answer_is_skipped() -> None:
    async def continue_then_answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            await reader.readuntil(b"\r\n\r\n")
            writer.write(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                         b'Content-Length: 27\r\n\r\n{"object":"list","data":[]}')
            await writer.drain()

    async with raw_server(continue_then_answer) as url, AsyncOpenAI(
        api_key="k", base_url=url + "/v1", transport="lean", max_retries=0
    ) as client:
        for _ in range(3):  # the connection stays in step after each
            page = await client.models.list()
            assert page.data == []


@pytest.mark.parametrize("body", [b"", b"abc" * 1000])
async def test_a_streamed_request_body_goes_out_chunked(body: bytes) -> None:
    seen: list[bytes] = []

    async def record(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        assert b"transfer-encoding: chunked" in head.lower()
        data = b""
        while True:
            size = int((await reader.readuntil(b"\r\n"))[:-2], 16)
            chunk = await reader.readexactly(size + 2)
            if size == 0:
                break
            data += chunk[:-2]
        seen.append(data)
        writer.write(b"HTTP/1.1 204 No Content\r\n\r\n")
        await writer.drain()

    async def pieces() -> AsyncIterator[bytes]:
        for start in range(0, len(body), 700):
            yield body[start : start + 700]

    transport = LeanTransport()
    async with raw_server(record) as url:
        response = await transport.send(Request("POST", url + "/upload", content=pieces()))
        assert response.status_code == 204
        assert await response.aread() == b""
    await transport.aclose()
    assert seen == [body]
