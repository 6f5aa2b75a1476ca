"""Hostile servers: raw-socket handlers for :class:`~openai_core.testing.raw.RawServer`, one per way a
server (or whatever answers in its place) can hurt a client. ``tests/hostile/`` asserts what openai_core
does against each; ``benchmarks/hostile.py`` runs the same handlers against the official SDK.

    with RawServer(HANDLERS["gzip_bomb"]) as server:
        client = AsyncOpenAI(base_url=server.base_url, api_key="sk-test")

Every handler answers any request path; the JSON it sends is shaped for ``chat.completions.create``
(and for ``models.list`` where it says so).
"""

from __future__ import annotations

import asyncio
import functools
import json
import struct
import zlib

from .raw import Handler, RawConnection, http_response

__all__ = ["HANDLERS", "chat_completion", "chunk_event", "models_page"]

_MiB = 1 << 20
SESSION_COOKIE = "cookie-SECRET-42"
GIB = 1 << 30


def chat_completion(content: str = "hi") -> bytes:
    return json.dumps({
        "id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "m",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
    }).encode()


def models_page(model_id: str) -> bytes:
    return json.dumps(
        {"object": "list", "data": [{"id": model_id, "object": "model", "created": 0, "owned_by": "x"}]}
    ).encode()


def chunk_event(content: str) -> bytes:
    chunk = {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m",
             "choices": [{"index": 0, "delta": {"content": content}, "finish_reason": None}]}
    return b"data: " + json.dumps(chunk).encode() + b"\n\n"


def _chunked(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(data), data)


_SSE_HEAD = http_response(200, content_type="text/event-stream", headers={"Transfer-Encoding": "chunked"})
_CHUNKED_JSON_HEAD = http_response(200, headers={"Transfer-Encoding": "chunked"})


async def _requests(conn: RawConnection) -> None:
    """Read requests until the client closes (an honest keep-alive server's loop)."""
    while await conn.read_request() is not None:
        await conn.send(http_response(200, models_page(f"honest-{len(conn.server.requests)}")))


# -- desync ---------------------------------------------------------------------------------------


async def smuggle(conn: RawConnection) -> None:
    """``models.list``: a Content-Length shorter than the body, and a second response hidden behind
    it; later requests on any connection get honest answers (``honest-<n>``)."""
    if await conn.read_request() is None:
        return
    if conn.index == 0:
        first = models_page("first")
        hidden = http_response(200, models_page("SMUGGLED"))
        await conn.send(http_response(200, first + hidden, content_length=len(first)))
    else:
        await conn.send(http_response(200, models_page(f"honest-{len(conn.server.requests)}")))
    await _requests(conn)


async def smuggle_late(conn: RawConnection) -> None:
    """As ``smuggle``, but the hidden response arrives 50 ms after the first, in its own packet (while the
    connection sits idle in the client's pool, if the client waits a little before its next call)."""
    if await conn.read_request() is None:
        return
    if conn.index == 0:
        await conn.send(http_response(200, models_page("first")))
        await asyncio.sleep(0.05)
        await conn.send(http_response(200, models_page("SMUGGLED")))
    else:
        await conn.send(http_response(200, models_page(f"honest-{len(conn.server.requests)}")))
    await _requests(conn)


async def honest(conn: RawConnection) -> None:
    """Keep-alive and correct: the control case (one connection serves every request)."""
    await _requests(conn)


# -- memory ---------------------------------------------------------------------------------------


async def _endless(conn: RawConnection, head: bytes, piece: bytes, *, total: int | None = None) -> None:
    await conn.read_request()
    await conn.send(head)
    sent = 0
    while total is None or sent < total:
        await conn.send(piece)
        sent += len(piece)


async def huge_json(conn: RawConnection) -> None:
    """A 200 announcing (and sending) a 2 GiB JSON body."""
    piece = b" " * _MiB
    await _endless(conn, http_response(200, content_length=2 * GIB), piece, total=2 * GIB)


async def endless_json(conn: RawConnection) -> None:
    """A chunked 200 that never ends."""
    await _endless(conn, _CHUNKED_JSON_HEAD, _chunked(b" " * _MiB))


async def endless_error(conn: RawConnection) -> None:
    """A chunked 500 whose body never ends."""
    head = http_response(500, headers={"Transfer-Encoding": "chunked"})
    await _endless(conn, head, _chunked(b"x" * _MiB))


@functools.cache
def _bomb_parts() -> tuple[bytes, bytes]:
    # Each MiB of zeros compressed with a full flush is byte-aligned and identical after the first, so a
    # 2 GiB body is the first piece and ~2,000 copies of the second: ~2 MB on the wire.
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(_MiB)
    first = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    unit = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    return first, unit


@functools.cache
def _bomb_trailer(mebibytes: int) -> bytes:
    crc, zeros = 0, bytes(_MiB)
    for _ in range(mebibytes):
        crc = zlib.crc32(zeros, crc)
    return zlib.compressobj(9, zlib.DEFLATED, -15).flush() + struct.pack("<II", crc, (mebibytes * _MiB) & 0xFFFFFFFF)


async def gzip_bomb(conn: RawConnection) -> None:
    """A 200 JSON body, gzip-encoded: ~2 MB on the wire, 2 GiB once decoded."""
    first, unit = _bomb_parts()
    mebibytes = 2048
    # The trailer's CRC costs a second to compute: only a client that reads all 2 GiB gets that far.
    length = len(first) + len(unit) * (mebibytes - 1) + len(zlib.compressobj(9, zlib.DEFLATED, -15).flush()) + 8
    await conn.read_request()
    await conn.send(http_response(200, headers={"Content-Encoding": "gzip"}, content_length=length) + first)
    batch = unit * 64
    for _ in range((mebibytes - 1) // 64):
        await conn.send(batch)
    await conn.send(unit * ((mebibytes - 1) % 64) + _bomb_trailer(mebibytes))


async def sse_huge_line(conn: RawConnection) -> None:
    """An event stream whose first line never ends (``data: xxxx...`` for 512 MiB)."""
    await conn.read_request()
    await conn.send(_SSE_HEAD + _chunked(b"data: "))
    piece = _chunked(b"x" * _MiB)
    for _ in range(512):
        await conn.send(piece)
    await conn.send(b"0\r\n\r\n")


# -- broken streams and bodies ----------------------------------------------------------------------


async def _sse(conn: RawConnection, *events: bytes, end: bytes = b"0\r\n\r\n") -> None:
    await conn.read_request()
    await conn.send(_SSE_HEAD + b"".join(_chunked(e) for e in events) + end)


async def sse_cut_mid_event(conn: RawConnection) -> None:
    """One event, then half of the next, then a clean end of the body (no ``[DONE]``)."""
    half = chunk_event("second")[:40]
    await _sse(conn, chunk_event("first"), half)


async def sse_not_json(conn: RawConnection) -> None:
    """A stream event whose data is not JSON."""
    await _sse(conn, chunk_event("first"), b"data: {not json\n\n", b"data: [DONE]\n\n")


async def sse_wrong_shape(conn: RawConnection) -> None:
    """A stream event whose data is JSON but not an object (``[1, 2, 3]``)."""
    await _sse(conn, chunk_event("first"), b"data: [1, 2, 3]\n\n", b"data: [DONE]\n\n")


def _deep(depth: int = 100_000) -> bytes:
    return b"[" * depth + b"]" * depth


async def deep_error_body(conn: RawConnection) -> None:
    """A 400 whose JSON error body is nested 100,000 deep."""
    await conn.read_request()
    await conn.send(http_response(400, b'{"error": ' + _deep() + b"}"))


async def deep_sse_error(conn: RawConnection) -> None:
    """An SSE ``error`` event whose JSON data is nested 100,000 deep."""
    await _sse(conn, chunk_event("first"), b"event: error\ndata: " + _deep() + b"\n\n")


async def deep_json(conn: RawConnection) -> None:
    """A 200 whose JSON body is an object holding a list nested 100,000 deep."""
    await conn.read_request()
    await conn.send(http_response(200, b'{"id": "x", "choices": ' + _deep() + b"}"))


async def missing_choices(conn: RawConnection) -> None:
    """A 200 chat completion without ``choices`` (and without most other fields)."""
    await conn.read_request()
    await conn.send(http_response(200, b'{"id": "chatcmpl-1", "object": "chat.completion"}'))


# -- time -----------------------------------------------------------------------------------------


async def _trickle(conn: RawConnection, data: bytes, gap: float) -> None:
    for i in range(len(data)):
        await conn.send(data[i : i + 1])
        await asyncio.sleep(gap)


async def slowloris_headers(conn: RawConnection) -> None:
    """Answers with one header byte every 0.2 s, forever (each byte resets a read timeout)."""
    await conn.read_request()
    await conn.send(b"HTTP/1.1 200 OK\r\n")
    while True:
        await _trickle(conn, b"X-Slow: " + b"a" * 64 + b"\r\n", 0.2)


async def slowloris_body(conn: RawConnection) -> None:
    """Headers at once, then a 100 kB JSON body one byte every 0.2 s."""
    await conn.read_request()
    body = chat_completion("x" * 100_000)
    await conn.send(http_response(200, content_length=len(body)))
    await _trickle(conn, body, 0.2)


async def slowloris_stream(conn: RawConnection) -> None:
    """An event stream that sends a keep-alive comment every 0.2 s and never an event."""
    await conn.read_request()
    await conn.send(_SSE_HEAD)
    while True:
        await conn.send(_chunked(b": keep-alive\n"))
        await asyncio.sleep(0.2)


async def silent(conn: RawConnection) -> None:
    """Reads the request and never answers."""
    await conn.read_request()
    await asyncio.Event().wait()


async def early_413(conn: RawConnection) -> None:
    """Reads the request head only, answers 413 at once and closes, while the client is still uploading."""
    await conn.read_head()
    error = b'{"error": {"message": "Request entity too large", "type": "invalid_request_error"}}'
    await conn.send(http_response(413, error, headers={"Connection": "close"}))
    await asyncio.sleep(0.2)  # as servers do: let the answer leave before the close resets the upload


async def unauthorized(conn: RawConnection) -> None:
    """Every request gets a 401 that sets a cookie (for the secrets cases: an error that carries the
    request and a response with a secret header)."""
    error = b'{"error": {"message": "Incorrect API key provided", "type": "invalid_request_error"}}'
    while await conn.read_request() is not None:
        await conn.send(http_response(401, error, headers={"Set-Cookie": f"session={SESSION_COOKIE}"}))


async def ok(conn: RawConnection) -> None:
    """A keep-alive server answering every request with a chat completion (for client-side input cases)."""
    while await conn.read_request() is not None:
        await conn.send(http_response(200, chat_completion()))


HANDLERS: dict[str, Handler] = {
    name: handler
    for name, handler in globals().items()
    if callable(handler) and getattr(handler, "__module__", None) == __name__ and not name.startswith("_")
    and name not in {"chat_completion", "models_page", "chunk_event"}
}
