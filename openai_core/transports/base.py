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
    HTTPResponse,
    Request,
    RequestContent,
    TransportConnectionError,
    TransportError,
    TransportTimeoutError,
    redact_headers,
)

__all__ = [
    "SECRET_HEADERS",
    "AsyncByteStream",
    "AsyncTransport",
    "BytesStream",
    "HTTPResponse",
    "Request",
    "RequestContent",
    "Response",
    "TransportConnectionError",
    "TransportError",
    "TransportTimeoutError",
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
    """

    __slots__ = ("_content", "_stream", "headers", "http_version", "is_closed", "request", "status_code")

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
        self.headers: CIMultiDict[str] | CIMultiDictProxy[str] = (
            headers if isinstance(headers, CIMultiDict | CIMultiDictProxy) else CIMultiDict(headers or {})
        )
        self.request = request
        self.http_version = http_version
        self._content: bytes | None = content
        self._stream: AsyncByteStream = stream if stream is not None else BytesStream(content or b"")
        self.is_closed = False

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
        """Read the whole body, then release the connection."""
        if self._content is None:
            try:
                self._content = await self._stream.aread()
            finally:
                await self.aclose()
        return self._content

    async def aiter_bytes(self) -> AsyncIterator[bytes]:
        """The body chunk by chunk, as it arrives."""
        if self._content is not None:
            if self._content:
                yield self._content
            return
        async for chunk in self._stream:
            yield chunk

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
