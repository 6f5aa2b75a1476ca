"""One HTTP/1.1 connection of the lean backend: an asyncio ``Protocol`` fed to llhttp (httptools).

The protocol parses as bytes arrive (no reader task, no stream objects), read into one buffer the
transport owns (a ``BufferedProtocol``): asyncio's plain ``Protocol`` path allocates a fresh 256 KiB
``bytes`` per read, which glibc serves with mmap + mremap + munmap and a page fault (three syscalls per
response, measured at ~130 us of the ~200 us the backend spent per chat call at 64 in flight). llhttp
copies what it keeps (header values, body pieces) out of the buffer. The response head resolves a
future, body pieces queue in a deque that the consumer drains whole, and reading is paused while the
consumer lags (``_PAUSE_AT`` bytes queued), so a slow stream reader holds a bounded buffer.

A connection is reusable only when its response was read to its end, the server allowed keep-alive and
nothing else arrived: bytes after the end of a response (a ``Content-Length`` shorter than the body, an
unasked-for second response) or while idle mark it spent, so they can never be read as the answer to
the next request. Any failure or cancellation while a request is on it closes it.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import Any

import httptools

from .base import TransportConnectionError, TransportTimeoutError

__all__ = ["READ_BUFFER_SIZE", "LeanConnection", "arm_timeout"]

# One read's worth; the transport's buffer is shared by its connections (all on one event loop, and a
# read is parsed before the next one starts).
READ_BUFFER_SIZE = 64 * 1024

# Queued body bytes past which the socket is not read until the consumer catches up.
_PAUSE_AT = 256 * 1024
# Statuses that never have a body, whatever their headers say.
_NO_BODY = frozenset({204, 304})


class _UnaskedMessage(Exception):
    """A second response began on a connection that had finished the one asked for."""


def _expire(future: asyncio.Future[Any], what: str) -> None:
    if not future.done():
        future.set_exception(TransportTimeoutError(f"{what} timed out"))


def arm_timeout(
    loop: asyncio.AbstractEventLoop, future: asyncio.Future[Any], seconds: float | None, what: str
) -> asyncio.TimerHandle | None:
    """Fail ``future`` with TransportTimeoutError after ``seconds`` (cheaper than ``wait_for``: no task)."""
    if seconds is None:
        return None
    return loop.call_later(seconds, _expire, future, what)


class LeanConnection(asyncio.BufferedProtocol):
    __slots__ = (
        "_buffer", "_buffered", "_chunks", "_drain", "_eof_framed", "_error", "_head", "_headers", "_informational",
        "_loop", "_parser", "_paused", "_waiter", "_write_paused", "complete", "idle_since", "in_use",
        "keep_alive", "key", "lost", "reusable", "transport",
    )

    def __init__(self, loop: asyncio.AbstractEventLoop, key: tuple[Any, ...], buffer: memoryview) -> None:
        self._loop = loop
        self._buffer = buffer
        self.key = key
        self.transport: asyncio.Transport | None = None
        self._parser = httptools.HttpResponseParser(self)
        self._headers: list[tuple[str, str]] = []
        self._head: asyncio.Future[tuple[int, list[tuple[str, str]], str]] | None = None
        self._chunks: deque[bytes] = deque()
        self._buffered = 0
        self._waiter: asyncio.Future[None] | None = None
        self._drain: asyncio.Future[None] | None = None
        self._error: Exception | None = None
        self._paused = False
        self._write_paused = False
        self._informational = False
        self._eof_framed = False
        self.complete = False
        self.in_use = False
        self.keep_alive = False
        self.lost = False
        self.reusable = True
        self.idle_since = 0.0

    # -- asyncio.Protocol --------------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def get_buffer(self, sizehint: int) -> memoryview:
        return self._buffer

    def buffer_updated(self, nbytes: int) -> None:
        self.data_received(self._buffer[:nbytes])

    def data_received(self, data: bytes | memoryview) -> None:
        if not self.in_use or self.complete:
            self._spent()
            return
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserCallbackError as exc:
            if isinstance(exc.__context__, _UnaskedMessage):
                self._spent()
            else:
                self._fail(TransportConnectionError(f"the response could not be parsed: {exc}"))
        except httptools.HttpParserUpgrade:
            self._fail(TransportConnectionError("the server switched protocols; HTTP/1.1 was expected"))
        except httptools.HttpParserError as exc:
            if self.complete:
                self._spent()  # garbage after a finished response: that response stands
            else:
                self._fail(TransportConnectionError(f"the response is not valid HTTP/1.1: {exc}"))

    def eof_received(self) -> bool:
        return False  # close the transport: a half-closed HTTP/1.1 connection is finished

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = True
        self.reusable = False
        if self.in_use and not self.complete and self._error is None:
            head = self._head
            if head is not None and head.done() and self._eof_framed:
                self.complete = True  # the body was delimited by the close
            else:
                reason = f": {type(exc).__name__}: {exc}" if exc is not None else ""
                what = "before the response head" if head is None or not head.done() else "mid-body"
                self._error = TransportConnectionError(f"the server closed the connection {what}{reason}")
        self._wake()
        drain = self._drain
        if drain is not None and not drain.done():
            drain.set_exception(TransportConnectionError("the connection closed while sending the request"))

    def pause_writing(self) -> None:
        self._write_paused = True

    def resume_writing(self) -> None:
        self._write_paused = False
        drain = self._drain
        if drain is not None and not drain.done():
            drain.set_result(None)

    # -- httptools callbacks -----------------------------------------------------------------------

    def on_message_begin(self) -> None:
        if self.complete:
            raise _UnaskedMessage

    def on_header(self, name: bytes, value: bytes) -> None:
        # Names lower-cased, as httpx (and so the official SDK) and the aiohttp backend give them.
        self._headers.append((name.decode("latin-1").lower(), value.decode("latin-1")))

    def on_headers_complete(self) -> None:
        status = self._parser.get_status_code()
        if 100 <= status < 200:
            self._informational = True  # 100 Continue and friends: the real answer follows
            self._headers = []
            return
        headers = self._headers
        self._headers = []
        if status not in _NO_BODY:
            names = {name.lower() for name, _ in headers}
            self._eof_framed = "content-length" not in names and "transfer-encoding" not in names
        head = self._head
        if head is not None and not head.done():
            head.set_result((status, headers, self._parser.get_http_version()))
        drain = self._drain
        if drain is not None and not drain.done():
            drain.set_result(None)  # answered mid-upload: stop waiting to send, read the answer

    def on_body(self, body: bytes) -> None:
        self._chunks.append(body)
        self._buffered += len(body)
        if self._buffered > _PAUSE_AT and not self._paused and self.transport is not None:
            self._paused = True
            self.transport.pause_reading()
        self._wake()

    def on_message_complete(self) -> None:
        if self._informational:
            self._informational = False
            return
        self.complete = True
        self.keep_alive = self._parser.should_keep_alive()
        self._wake()

    # -- used by the pool and the transport --------------------------------------------------------

    def start(self) -> asyncio.Future[tuple[int, list[tuple[str, str]], str]]:
        """Ready the connection for a new request; the future resolves with the response head."""
        self.in_use = True
        self.complete = False
        self._eof_framed = False
        self._error = None
        self._chunks.clear()
        self._buffered = 0
        self._head = head = self._loop.create_future()
        return head

    @property
    def head_arrived(self) -> bool:
        head = self._head
        return head is not None and head.done()

    async def wait_head(self, read_timeout: float | None) -> tuple[int, list[tuple[str, str]], str]:
        head = self._head
        assert head is not None
        if not head.done():
            if self._error is not None:
                raise self._error
            handle = arm_timeout(self._loop, head, read_timeout, "reading the response head")
            try:
                return await head
            finally:
                if handle is not None:
                    handle.cancel()
        return head.result()

    async def drain(self, write_timeout: float | None) -> None:
        """Wait until the transport's write buffer is below its high-water mark."""
        if not self._write_paused:
            return
        if self.lost:
            raise TransportConnectionError("the connection closed while sending the request")
        self._drain = drain = self._loop.create_future()
        handle = arm_timeout(self._loop, drain, write_timeout, "sending the request body")
        try:
            await drain
        finally:
            self._drain = None
            if handle is not None:
                handle.cancel()

    async def read_chunk(self, read_timeout: float | None) -> bytes | None:
        """Every body byte queued so far as one piece (waiting up to ``read_timeout`` for some); None at the
        end of the body."""
        while not self._chunks:
            if self._error is not None:
                raise self._error
            if self.complete:
                return None
            self._waiter = waiter = self._loop.create_future()
            handle = arm_timeout(self._loop, waiter, read_timeout, "reading the response body")
            try:
                await waiter
            finally:
                self._waiter = None
                if handle is not None:
                    handle.cancel()
        chunks = self._chunks
        data = chunks.popleft() if len(chunks) == 1 else b"".join(chunks)
        chunks.clear()
        self._buffered = 0
        if self._paused and self.transport is not None:
            self._paused = False
            self.transport.resume_reading()
        return data

    def finish(self) -> bool:
        """The request is over: whether the connection may carry another one."""
        self.in_use = False
        head, self._head = self._head, None
        if head is not None and head.done() and not head.cancelled():
            head.exception()  # retrieved: a failure nobody awaited is not logged as lost
        reusable = (self.complete and self.keep_alive and self.reusable and not self.lost
                    and self._error is None and not self._chunks)
        if not reusable:
            self.close()
        return reusable

    def close(self) -> None:
        self.reusable = False
        transport = self.transport
        if transport is not None and not transport.is_closing():
            transport.abort()

    # -- internals ---------------------------------------------------------------------------------

    def _spent(self) -> None:
        """Bytes nobody asked for: the connection can never carry another request."""
        self.reusable = False
        if not self.in_use:
            self.close()

    def _fail(self, error: Exception) -> None:
        self._error = error
        self.reusable = False
        self._wake()
        head = self._head
        if head is not None and not head.done():
            head.set_exception(error)
        if self.transport is not None:
            self.transport.abort()

    def _wake(self) -> None:
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)
        head = self._head
        if head is not None and not head.done() and self._error is not None:
            head.set_exception(self._error)
