"""The parts of the transport seam that do not depend on async or sync I/O, shared by both clients
(the sync twin under ``openai_core/_sync`` is generated from the async modules; this one is not)."""

from __future__ import annotations

from collections.abc import AsyncIterable, Iterable, Mapping
from typing import Any, Protocol

from multidict import CIMultiDict, CIMultiDictProxy
from typing_extensions import override
from yarl import URL

from .._types import DEFAULT_TIMEOUT, Timeout

__all__ = [
    "SECRET_HEADERS",
    "HTTPResponse",
    "Request",
    "RequestContent",
    "TransportConnectionError",
    "TransportError",
    "TransportTimeoutError",
    "redact_headers",
]

RequestContent = bytes | AsyncIterable[bytes] | Iterable[bytes] | None

# Header names whose values never leave this process in a repr, a log record or an exception.
SECRET_HEADERS = frozenset({"authorization", "api-key", "proxy-authorization", "x-api-key", "cookie"})


class TransportError(Exception):
    """A backend failed to deliver a request or read its answer."""


class TransportTimeoutError(TransportError):
    """A connect, read, write or pool timeout expired in the backend."""


class TransportConnectionError(TransportError):
    """The backend could not connect, or the connection broke (reset, TLS failure, truncated body)."""


def redact_headers(headers: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Headers with secret values replaced, for reprs and logs."""
    return [(k, "<redacted>" if k.lower() in SECRET_HEADERS else v) for k, v in headers]


class Request:
    """One HTTP request as the pipeline built it.

    ``content`` is bytes (replayable, so a retry can resend it) or an async iterable of bytes (a one-shot
    stream, which the pipeline never retries). ``timeout`` is already resolved from client and call.
    """

    __slots__ = ("content", "extensions", "headers", "method", "timeout", "url")

    def __init__(
        self,
        method: str,
        url: URL | str,
        *,
        headers: CIMultiDict[str] | Mapping[str, str] | None = None,
        content: RequestContent = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        extensions: dict[str, Any] | None = None,
    ) -> None:
        self.method = method
        self.url = url if isinstance(url, URL) else URL(url)
        self.headers: CIMultiDict[str] = (
            headers if isinstance(headers, CIMultiDict) else CIMultiDict(headers or {})
        )
        self.content = content
        self.timeout = timeout
        self.extensions: dict[str, Any] = extensions if extensions is not None else {}

    @property
    def is_replayable(self) -> bool:
        """True when the body can be sent again (no body, or bytes)."""
        return self.content is None or isinstance(self.content, bytes | bytearray)

    @override
    def __repr__(self) -> str:
        # The URL's query may legitimately carry values, but never credentials: strip user info.
        return f"<Request({self.method!r}, {str(self.url.with_user(None))!r})>"



class HTTPResponse(Protocol):
    """What errors keep of a response, on either client: status, headers and the request."""

    @property
    def status_code(self) -> int: ...

    @property
    def headers(self) -> CIMultiDict[str] | CIMultiDictProxy[str]: ...

    @property
    def request(self) -> Request: ...
