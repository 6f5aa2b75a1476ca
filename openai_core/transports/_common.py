"""The parts of the transport seam that do not depend on async or sync I/O, shared by both clients
(the sync twin under ``openai_core/_sync`` is generated from the async modules; this one is not)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterable, Iterable, Mapping
from typing import Any, Protocol

from multidict import CIMultiDict, CIMultiDictProxy
from typing_extensions import override
from yarl import URL

from .._types import DEFAULT_TIMEOUT, Timeout

__all__ = [
    "SECRET_HEADERS",
    "BodyTooLargeError",
    "HTTPHeaders",
    "HTTPResponse",
    "Request",
    "RequestContent",
    "TransportConnectionError",
    "TransportError",
    "TransportRequestError",
    "TransportTimeoutError",
    "header_problem",
    "redact_headers",
]

RequestContent = bytes | AsyncIterable[bytes] | Iterable[bytes] | None

# Header names whose values never leave this process in a repr, a log record or an exception.
SECRET_HEADERS = frozenset(
    {"authorization", "api-key", "proxy-authorization", "x-api-key", "cookie", "set-cookie"}
)


class TransportError(Exception):
    """A backend failed to deliver a request or read its answer."""


class TransportTimeoutError(TransportError):
    """A connect, read, write or pool timeout expired in the backend."""


class TransportConnectionError(TransportError):
    """The backend could not connect, or the connection broke (reset, TLS failure, truncated body)."""


class TransportRequestError(TransportError):
    """The backend refused to send the request as built (an illegal header name or value): sending it
    again cannot help, so it is never retried. The message never quotes a header value."""


class BodyTooLargeError(TransportError):
    """A body read whole was longer than the limit set on the response (``max_response_bytes``)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the response body is longer than {limit} bytes")
        self.limit = limit


def redact_headers(headers: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Headers with secret values replaced, for reprs and logs."""
    return [(k, "<redacted>" if k.lower() in SECRET_HEADERS else v) for k, v in headers]


class HTTPHeaders(CIMultiDict[str]):
    """The headers of a request or a response: a ``CIMultiDict`` whose ``repr``/``str`` redact the
    values of ``SECRET_HEADERS`` (Authorization, api-key, Proxy-Authorization, cookies), so printing a
    request, an exception's ``request.headers`` or a log line never shows a key. Values stay readable
    by name (``headers["Authorization"]``): the backend has to send them."""

    __slots__ = ()

    @override
    def __repr__(self) -> str:
        return f"<HTTPHeaders({redact_headers(self.items())!r})>"

    __str__ = __repr__


# RFC 9110: a field name is a token; a value is visible ASCII, spaces and tabs. Non-ASCII is refused too:
# httpx encodes values as ASCII and aiohttp as UTF-8, so anything else would differ between backends.
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_FIELD_VALUE = re.compile(r"[\t\x20-\x7e]*")


def header_problem(name: object, value: object) -> str | None:
    """Why ``name: value`` cannot be sent as an HTTP header, or None when it can. The reason names the
    header and the position of the first bad character, never the value (it may be a key)."""
    if not isinstance(name, str) or not _TOKEN.fullmatch(name):
        shown = repr(name) if isinstance(name, str) and name.isprintable() and len(name) <= 64 else "a header"
        return f"{shown} is not a valid header name"
    if not isinstance(value, str):
        return f"header {name!r} must be a str, not {type(value).__name__}"
    if (value.isascii() and value.isprintable()) or _FIELD_VALUE.fullmatch(value):
        return None
    position = next(i for i, char in enumerate(value) if not _FIELD_VALUE.fullmatch(char))
    char = value[position]
    what = "a line break (CR/LF)" if char in "\r\n" else "a control character" if char.isascii() else "a non-ASCII character"
    return f"header {name!r} has {what} at position {position}; header values must be printable ASCII"


class Request:
    """One HTTP request as the pipeline built it.

    ``content`` is bytes (replayable, so a retry can resend it) or an async iterable of bytes (a one-shot
    stream, which the pipeline never retries). ``timeout`` is already resolved from client and call.
    ``deadline`` is when the whole call must be over (``Timeout.total``; on the event loop's clock for
    the async client, ``time.monotonic()`` for the sync one), None without a total.
    """

    __slots__ = ("content", "deadline", "extensions", "headers", "method", "timeout", "url")

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
        self.headers: CIMultiDict[str] = headers if isinstance(headers, HTTPHeaders) else HTTPHeaders(headers or {})
        self.content = content
        self.timeout = timeout
        self.extensions: dict[str, Any] = extensions if extensions is not None else {}
        self.deadline: float | None = None

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
