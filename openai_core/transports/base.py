"""The transport seam: a neutral request in, a neutral response with a streamed body out.

Everything above this module (auth, retries, JSON, errors, SSE, pages) is written once against these
types; everything below it (connection pools, TLS, proxies, HTTP/1.1 framing) belongs to the backend
library. A backend maps its library's failures to the two neutral errors here, so the pipeline can turn
them into ``APITimeoutError`` / ``APIConnectionError`` without knowing which library ran.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Mapping
from http import HTTPStatus
from typing import Any, Protocol, runtime_checkable

from multidict import CIMultiDict, CIMultiDictProxy
from typing_extensions import override
from yarl import URL

from ._common import (
    SECRET_HEADERS,
    BodyTooLargeError,
    HTTPHeaders,
    HTTPResponse,
    Request,
    RequestContent,
    TransportConnectionError,
    TransportError,
    TransportRequestError,
    TransportTimeoutError,
    header_problem,
    redact_headers,
)

# unasync: sync-only: import time

__all__ = [
    "SECRET_HEADERS",
    "AsyncByteStream",
    "AsyncTransport",
    "BodyTooLargeError",
    "BytesStream",
    "HTTPHeaders",
    "HTTPResponse",
    "Request",
    "RequestContent",
    "Response",
    "TransportConnectionError",
    "TransportError",
    "TransportRequestError",
    "TransportTimeoutError",
    "header_problem",
    "redact_headers",
]

@runtime_checkable
class AsyncByteStream(Protocol):
    """A response body as the backend delivers it: iterate it once, or read it whole, then close."""

    def __aiter__(self) -> AsyncIterator[bytes]: ...

    async def aread(self) -> bytes: ...

    async def aclose(self) -> None: ...


class BytesStream:
    """An already-complete body (used by MockTransport and for bodies read eagerly)."""

    __slots__ = ("_content",)

    def __init__(self, content: bytes) -> None:
        self._content = content

    @property
    def content(self) -> bytes:
        return self._content

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if self._content:
            yield self._content

    async def aread(self) -> bytes:
        return self._content

    async def aclose(self) -> None:
        return None


class Response:
    """The answer: status and headers are known, the body is still a stream until read.

    Closing the response returns the connection to the backend's pool (or drops it if the body was not
    read to the end). The pipeline closes every response it does not hand to the caller.

    ``max_bytes`` bounds what ``aread()`` will hold (decoded bytes; None: no bound); the pipeline sets
    it from the client's ``max_response_bytes``. Streaming the body (``aiter_bytes``) is not bounded.
    """

    __slots__ = (
        "_content", "_stream", "headers", "http_version", "is_closed", "max_bytes", "request", "status_code"
    )

    def __init__(
        self,
        status_code: int,
        *,
        headers: CIMultiDict[str] | CIMultiDictProxy[str] | Mapping[str, str] | None = None,
        stream: AsyncByteStream | None = None,
        content: bytes | None = None,
        request: Request,
        http_version: str = "HTTP/1.1",
    ) -> None:
        self.status_code = status_code
        # Response headers may carry Set-Cookie: the redacting type, so no repr ever shows it.
        self.headers: CIMultiDict[str] | CIMultiDictProxy[str] = (
            headers if isinstance(headers, HTTPHeaders) else HTTPHeaders(headers or {})
        )
        self.request = request
        self.http_version = http_version
        self._content: bytes | None = content
        self._stream: AsyncByteStream = stream if stream is not None else BytesStream(content or b"")
        self.is_closed = False
        self.max_bytes: int | None = None

    @property
    def content(self) -> bytes:
        """The body, once ``aread()`` has been awaited."""
        if self._content is None:
            raise RuntimeError("the response body has not been read; await response.aread() first")
        return self._content

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")

    @property
    def is_success(self) -> bool:
        return 200 <= self.status_code < 300

    # What frameworks read off ``error.response`` (an ``httpx.Response`` in the official SDK).
    def json(self) -> Any:
        """The body decoded as JSON (read it first)."""
        return json.loads(self.content)

    @property
    def url(self) -> URL:
        return self.request.url

    @property
    def reason_phrase(self) -> str:
        try:
            return HTTPStatus(self.status_code).phrase
        except ValueError:
            return ""

    async def aread(self) -> bytes:
        """Read the whole body, then release the connection. Past ``max_bytes`` (decoded) it stops
        reading, drops the connection and raises ``BodyTooLargeError``."""
        stream = self._stream
        if self._content is None and type(stream) is BytesStream:
            # The whole body came with the head (a backend read it already): no iterator to build and
            # close, which was ~15 us of a ~25 us wrapper cost per chat call.
            data = stream.content
            self.is_closed = True
            if self.max_bytes is not None and len(data) > self.max_bytes:
                raise BodyTooLargeError(self.max_bytes)
            self._content = data
        if self._content is None:
            try:
                limit = self.max_bytes
                if limit is None:  # unasync: async-only
                # unasync: sync-only: if limit is None and self.request.deadline is None:
                    self._content = await self._stream.aread()
                else:
                    declared = self.headers.get("content-length")
                    if (limit is not None and declared is not None and declared.isdigit()
                            and int(declared) > limit and "content-encoding" not in self.headers):
                        raise BodyTooLargeError(limit)
                    self._content = await self._collect(limit, truncate=False)
            finally:
                await self.aclose()
        return self._content

    async def aread_prefix(self, limit: int) -> bytes:
        """At most ``limit`` bytes of the body (all of it when shorter), then release the connection
        (dropped when more was left). What an error body is read with: worth quoting, never worth
        unbounded memory. ``content`` is that prefix afterwards."""
        if self._content is None:
            try:
                self._content = await self._collect(limit, truncate=True)
            finally:
                await self.aclose()
        return self._content

    async def _collect(self, limit: int | None, *, truncate: bool) -> bytes:
        """The body's chunks joined. A chunk that would take it past ``limit`` ends the read: cut to
        fit (``truncate``) or ``BodyTooLargeError``, before anything is joined. (The sync client, which
        has no cancel scope, also checks the call's total deadline between chunks.)"""
        chunks: list[bytes] = []
        size = 0
        iterator = self._stream.__aiter__()
        # unasync: sync-only: deadline = self.request.deadline
        try:
            async for chunk in iterator:
                if limit is not None and size + len(chunk) > limit:
                    if not truncate:
                        raise BodyTooLargeError(limit)
                    chunks.append(chunk[: limit - size])
                    break
                chunks.append(chunk)
                size += len(chunk)
                # unasync: sync-only: if deadline is not None and time.monotonic() >= deadline:
                # unasync: sync-only:     raise TransportTimeoutError("the total timeout expired")
        finally:
            # Closed now rather than whenever the collector finds it: a suspended async generator
            # holds the backend's response until then.
            close = getattr(iterator, "aclose", None)
            if close is not None:
                await close()
        return b"".join(chunks)

    def aiter_bytes(self) -> AsyncIterator[bytes]:
        """The body chunk by chunk, as it arrives: the backend's own iterator, with no generator of this
        class in between (one frame less per open stream, and one call less per chunk)."""
        if self._content is not None:
            return BytesStream(self._content).__aiter__()
        return self._stream.__aiter__()

    async def aclose(self) -> None:
        if not self.is_closed:
            self.is_closed = True
            await self._stream.aclose()

    @override
    def __repr__(self) -> str:
        return f"<Response [{self.status_code}]>"


@runtime_checkable
class AsyncTransport(Protocol):
    """What a backend implements. ``send`` returns once the status line and headers have arrived; the
    body stays unread in ``Response`` until the pipeline reads or streams it.

    ``send`` raises only ``TransportTimeoutError`` or ``TransportConnectionError`` for network failures;
    reading the body may raise the same two.
    """

    async def send(self, request: Request) -> Response: ...

    async def aclose(self) -> None: ...
