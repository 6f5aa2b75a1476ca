"""The protocol of the WebSocket APIs (realtime, responses, translations, live) without I/O, shared by
the async and sync clients (not generated).

Everything a connection decides without touching the socket lives here, so both clients do
it the same way and it is tested without a server: the URL and headers of the opening handshake, client
events to JSON text, JSON text to typed server events, the neutral transport errors to the public
exception tree, and the registry behind ``connection.on(...)``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, cast

import pydantic
from multidict import CIMultiDict
from yarl import URL

from .._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    OpenAIError,
    status_error_class,
    status_error_message,
)
from .._models import json_parser
from .._qs import flatten_query
from .._types import Headers, NotGiven, Omit, Query
from ..transports._common import Request, TransportConnectionError, TransportError, TransportTimeoutError
from ..transports._websocket_common import (
    WebSocketClosedError,
    WebSocketHandshakeError,
    WebSocketRequest,
    WebSocketUnavailableError,
)
from ..types.realtime.realtime_server_event import RealtimeServerEvent

__all__ = [
    "DEFAULT_MAX_QUEUE_SIZE",
    "RECOVERABLE_CLOSE_CODES",
    "EventHandlers",
    "RealtimeConnectionClosedError",
    "SendQueue",
    "api_error",
    "closed_error",
    "encode_client_event",
    "handshake_request",
    "is_clean_close",
    "parse_server_event",
    "realtime_url",
    "reconnect_delay",
    "strip_unset",
]

# What connect(...).send() may queue before the connection opens (bytes of JSON text), as in the
# official SDK.
DEFAULT_MAX_QUEUE_SIZE = 1_048_576

_WS_SCHEMES = {"http": "ws", "https": "wss"}
_HTTP_SCHEMES = {"ws": "http", "wss": "https"}
# 1000 normal, 1001 going away: the ends a session is expected to have (websockets calls them "OK").
_CLEAN_CLOSE_CODES = frozenset({1000, 1001})
# The closes worth reconnecting after (RFC 6455 7.4.1: going away, none or abnormal, server error, restart,
# try again later, TLS failure), as in the official SDK.
RECOVERABLE_CLOSE_CODES = frozenset({1001, 1005, 1006, 1011, 1012, 1013, 1015})


class RealtimeConnectionClosedError(APIConnectionError):
    """The realtime WebSocket closed: the server closed it (``close_code`` is its code, ``close_reason``
    its reason), the connection broke without a close frame (1006), or a keep-alive ping went
    unanswered (1011). ``async for event in connection`` ends quietly on a normal close (1000/1001)
    instead; ``recv()`` raises on any close."""

    close_code: int
    close_reason: str

    def __init__(self, *, close_code: int, close_reason: str, message: str, request: Request | None) -> None:
        super().__init__(message=message, request=request)
        self.close_code = close_code
        self.close_reason = close_reason


# -- the opening handshake ---------------------------------------------------------------------------


def realtime_url(
    base_url: URL,
    websocket_base_url: URL | None,
    *,
    default_query: Mapping[str, object] | None,
    query: Mapping[str, object],
    extra_query: Query | None,
    path: str = "realtime",
) -> URL:
    """``<websocket base>/<path>?<query>`` (``path``: ``realtime``, ``responses``, ``live/sessions`` ...):
    the base is ``websocket_base_url`` when set, else ``base_url`` with ``http``/``https`` turned into
    ``ws``/``wss``; a query already on the base is kept."""
    base = websocket_base_url if websocket_base_url is not None else base_url
    scheme = _WS_SCHEMES.get(base.scheme, base.scheme)
    if scheme not in ("ws", "wss"):
        raise ValueError(f"websocket_base_url must be a ws(s) or http(s) URL, got {str(base)!r}")
    url = base.with_scheme(scheme).with_path(base.path.rstrip("/") + "/" + path, keep_query=True)
    pairs = list(url.query.items()) + flatten_query(default_query, query, extra_query)
    return url.with_query(pairs) if pairs else url


def handshake_request(
    url: URL, headers: CIMultiDict[str], extra_headers: Headers | None, options: Mapping[str, Any] | None
) -> WebSocketRequest:
    """The upgrade request: the client's headers (auth, organization, project, User-Agent, defaults)
    with ``extra_headers`` over them (an ``Omit`` value removes a header)."""
    merged = headers.copy()
    for name, value in (extra_headers or {}).items():
        if isinstance(value, Omit):
            merged.popall(name, None)
        else:
            merged[name] = value
    # The pipeline's headers include Accept, which the official SDK sends on the upgrade too; its
    # Content-Type (of a body the upgrade does not have) is the one header left out (docs/realtime.md).
    return WebSocketRequest(url, headers=merged, options=options)


def _http_request(request: WebSocketRequest) -> Request:
    """The handshake as an HTTP request, for the ``request`` attribute of the errors it may raise."""
    url = request.url.with_scheme(_HTTP_SCHEMES.get(request.url.scheme, request.url.scheme))
    return Request("GET", url, headers=request.headers)


# -- errors -------------------------------------------------------------------------------------------


class _HandshakeResponse:
    """What an APIStatusError keeps of a refused upgrade: status, headers and the request."""

    __slots__ = ("headers", "request", "status_code")

    def __init__(self, error: WebSocketHandshakeError, request: Request) -> None:
        self.status_code = error.status_code
        self.headers = error.headers
        self.request = request


def api_error(exc: TransportError, request: WebSocketRequest) -> OpenAIError:
    """The public exception for a failure to open ``request``; the message never carries a header value."""
    http = _http_request(request)
    if isinstance(exc, WebSocketUnavailableError):
        return OpenAIError(str(exc))
    if isinstance(exc, WebSocketHandshakeError):
        body: object = None
        if exc.body:
            try:
                body = json.loads(exc.body)
            except ValueError:
                body = exc.body.decode("utf-8", "replace")
        error_class: type[APIStatusError] = status_error_class(exc.status_code)
        error_body = body.get("error", body) if isinstance(body, dict) else body
        return error_class(
            status_error_message(exc.status_code, body), response=_HandshakeResponse(exc, http), body=error_body
        )
    if isinstance(exc, WebSocketClosedError):
        return closed_error(exc, request)
    if isinstance(exc, TransportTimeoutError):
        return APITimeoutError(http)
    assert isinstance(exc, TransportConnectionError)
    return APIConnectionError(message=f"Connection error: {exc}", request=http)


def closed_error(exc: WebSocketClosedError, request: WebSocketRequest) -> RealtimeConnectionClosedError:
    return RealtimeConnectionClosedError(
        close_code=exc.code, close_reason=exc.reason, message=str(exc), request=_http_request(request)
    )


def is_clean_close(exc: WebSocketClosedError) -> bool:
    return exc.code in _CLEAN_CLOSE_CODES


def reconnect_delay(attempt: int, initial_delay: float, max_delay: float, jitter: float) -> float:
    """Seconds before reconnection ``attempt`` (1-based): ``initial_delay`` doubled per attempt, capped at
    ``max_delay``, times ``jitter`` (drawn from [0.75, 1) so reconnecting clients spread out)."""
    return float(min(initial_delay * 2 ** (attempt - 1), max_delay) * jitter)


# -- events -------------------------------------------------------------------------------------------


def strip_unset(value: Any) -> Any:
    """``value`` without the entries whose value is ``NOT_GIVEN``/``omit`` (at any depth)."""
    if isinstance(value, Mapping):
        return {k: strip_unset(v) for k, v in value.items() if not isinstance(v, NotGiven | Omit)}
    if isinstance(value, list | tuple):
        return [strip_unset(item) for item in value]
    return value


def encode_client_event(event: object) -> str:
    """A client event as the JSON text of one frame. A dict is sent with its keys in the order given
    (as the official SDK sends it); a model with the fields that were set."""
    if isinstance(event, pydantic.BaseModel):
        return event.model_dump_json(by_alias=True, exclude_unset=True)
    if not isinstance(event, Mapping):
        raise TypeError(f"a realtime client event is a dict or an event model, not {type(event).__name__}")
    kind = event.get("type")
    if not isinstance(kind, str) or not kind:
        raise TypeError("a realtime client event needs its 'type' (e.g. 'session.update')")
    try:
        return json.dumps(strip_unset(event))
    except (TypeError, ValueError) as exc:
        raise TypeError(f"the {kind!r} event cannot be sent as JSON: {exc}") from exc


_parse = json_parser(RealtimeServerEvent)  # its validator is built on the first event


def parse_server_event(data: str | bytes) -> RealtimeServerEvent:
    """One frame's JSON text as a typed server event (an unknown ``type`` as RealtimeUnknownServerEvent)."""
    return cast("RealtimeServerEvent", _parse(data))


# -- connection.on(...) and connect(...).send(...) ------------------------------------------------------


class EventHandlers:
    """Handlers by event type (``"event"`` for every event), in the order added; a ``once`` handler is
    removed as it is handed out."""

    __slots__ = ("_handlers",)

    def __init__(self) -> None:
        self._handlers: dict[str, list[tuple[Callable[..., Any], bool]]] = {}

    def add(self, event_type: str, handler: Callable[..., Any], *, once: bool = False) -> None:
        if not callable(handler):
            raise TypeError(f"an event handler must be callable, not {type(handler).__name__}")
        self._handlers.setdefault(event_type, []).append((handler, once))

    def remove(self, event_type: str, handler: Callable[..., Any]) -> None:
        entries = self._handlers.get(event_type, [])
        for i, (existing, _) in enumerate(entries):
            if existing is handler or existing == handler:
                del entries[i]
                return

    def take(self, event_type: str) -> list[Callable[..., Any]]:
        entries = self._handlers.get(event_type)
        if not entries:
            return []
        handlers = [handler for handler, _ in entries]
        if any(once for _, once in entries):
            self._handlers[event_type] = [entry for entry in entries if not entry[1]]
        return handlers

    def has(self, event_type: str) -> bool:
        return bool(self._handlers.get(event_type))

    def merge_into(self, other: EventHandlers) -> None:
        for event_type, entries in self._handlers.items():
            other._handlers.setdefault(event_type, []).extend(entries)
        self._handlers.clear()


class SendQueue:
    """Frames sent before the connection opened, up to ``max_bytes`` of text in all."""

    __slots__ = ("_frames", "_size", "max_bytes")

    def __init__(self, max_bytes: int = DEFAULT_MAX_QUEUE_SIZE) -> None:
        self.max_bytes = max_bytes
        self._frames: list[str] = []
        self._size = 0

    def put(self, frame: str) -> None:
        size = len(frame.encode())
        if self._size + size > self.max_bytes:
            raise OpenAIError(
                f"realtime send queue full: {self._size + size} bytes queued before the connection opened "
                f"(max_queue_size={self.max_bytes})"
            )
        self._frames.append(frame)
        self._size += size

    def drain(self) -> list[str]:
        frames, self._frames, self._size = self._frames, [], 0
        return frames

    def __len__(self) -> int:
        return len(self._frames)
