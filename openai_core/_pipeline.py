"""The one request pipeline: build the request, send it with retries, map failures, parse the answer.

Resources describe calls as ``RequestOptions``; this module turns them into neutral ``Request``s for
whatever transport the client holds. The decisions it takes (retry? how long? which error?) live in
``_retry`` and ``_exceptions`` as pure functions; this module only sequences them around I/O.

Hot-path notes (every request runs this): the auth/default headers are one CIMultiDict built at
construction and copied per request (a C-level copy); joined URLs are cached per path (a bounded
cache: paths holding ids are as many as the ids); JSON bodies are encoded by pydantic-core in one Rust
call; responses are validated from bytes in one pass.

Bounds against a hostile server: a body read whole stops at ``max_response_bytes`` (decoded), an error
body is quoted from its first 64 KiB, a stream event stops at ``max_event_bytes``, and ``Timeout.total``
is a deadline over every attempt, the backoff between them and the body.
"""

from __future__ import annotations

import itertools
import json
import logging
import uuid
from asyncio import _get_running_loop as _running_loop  # unasync: async-only
from collections.abc import AsyncIterable, Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Final, TypeVar

import pydantic_core
from multidict import CIMultiDict
from yarl import URL

from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    OpenAIError,
    status_error_class,
    status_error_message,
)
from ._interop import is_sentinel
from ._limits import (
    DEFAULT_MAX_EVENT_BYTES,
    DEFAULT_MAX_RESPONSE_BYTES,
    ERROR_BODY_LIMIT,
    clip_to_deadline,
    deadline_error,
    too_large_error,
)
from ._qs import flatten_query
from ._ratelimit import AsyncRateLimiter
from ._retry import estimate_tokens, retry_delay, should_retry_status
from ._types import NOT_GIVEN, Headers, NotGiven, Query, Timeout, TimeoutTypes
from .transports.base import (
    AsyncTransport,
    BodyTooLargeError,
    Request,
    Response,
    TransportConnectionError,
    TransportError,
    TransportRequestError,
    TransportTimeoutError,
    header_problem,
)

if TYPE_CHECKING:
    import pydantic

    from ._streaming import AsyncStream

# unasync: sync-only: import time

__all__ = ["Pipeline", "RequestOptions"]

log: Final = logging.getLogger("openai_core")

# pydantic (and the models module) load with the first typed answer, not with the pipeline: a job that only
# relays bytes (`openai-core batch`) never pays its ~0.1 s import.
_M = TypeVar("_M", bound="pydantic.BaseModel")
_T = TypeVar("_T")

# Idempotency keys: a random per-process prefix and a counter. uuid4() per request reads os.urandom,
# measured at ~200 us a call on this kind of VM; uniqueness, not unpredictability, is what a key needs.
_IDEMPOTENCY_PREFIX = f"openai-core-retry-{uuid.uuid4().hex}-"
_idempotency_counter = itertools.count()

# How much of an unreadable body an error message quotes.
_BODY_PREVIEW = 200

# Distinct paths kept joined; past it the cache starts over (the fixed paths are back after one call).
_URL_CACHE_SIZE = 512


@dataclass(slots=True)
class RequestOptions:
    """One API call as a resource describes it; nothing here is HTTP-library specific."""

    method: str
    path: str
    body: Mapping[str, object] | None = None
    query: Mapping[str, object] | None = None
    # A body already encoded (multipart uploads); replaces `body`.
    content: bytes | AsyncIterable[bytes] | None = None
    content_type: str | None = None
    extra_headers: Headers | None = None
    extra_query: Query | None = None
    extra_body: Mapping[str, object] | None = None
    timeout: TimeoutTypes | NotGiven = NOT_GIVEN
    accept: str | None = None


def _merge_headers(target: CIMultiDict[str], extra: Headers) -> None:
    for name, value in extra.items():
        if is_sentinel(value):  # omit (either SDK's) removes the header
            target.popall(name, None)
        else:
            problem = header_problem(name, value)
            if problem is not None:
                raise OpenAIError(f"extra_headers: {problem}")
            target[name] = value


def _now() -> float:
    """The clock deadlines are kept on (anyio's: the event loop's time). On asyncio that is the running
    loop's ``time()`` itself, read directly (anyio finds its backend on every call: ~1.5 us against 0.1)."""
    loop = _running_loop()  # unasync: async-only
    if loop is not None:  # unasync: async-only
        return loop.time()  # unasync: async-only
    from anyio import current_time  # unasync: async-only

    return current_time()  # unasync: async-only
    # unasync: sync-only: return time.monotonic()


class Pipeline:
    """Shared by a client and its resources; immutable after construction (``with_options`` builds a
    new one around the same transport)."""

    __slots__ = (
        "_headers", "_urls", "base_url", "default_query", "limiter", "max_event_bytes", "max_response_bytes",
        "max_retries", "prepare", "timeout", "transport",
    )

    def __init__(
        self,
        *,
        transport: AsyncTransport,
        base_url: URL,
        headers: CIMultiDict[str],
        default_query: Mapping[str, object] | None,
        timeout: Timeout,
        max_retries: int,
        limiter: AsyncRateLimiter | None = None,
        max_response_bytes: int | None = DEFAULT_MAX_RESPONSE_BYTES,
        max_event_bytes: int | None = DEFAULT_MAX_EVENT_BYTES,
    ) -> None:
        self.transport = transport
        # Shared by copies made with with_options(): one budget per client family.
        self.limiter = limiter
        self.base_url = base_url
        self._headers = headers
        self.default_query = dict(default_query) if default_query else None
        self.timeout = timeout
        self.max_retries = max_retries
        self.max_response_bytes = max_response_bytes
        self.max_event_bytes = max_event_bytes
        self._urls: dict[str, URL] = {}
        # A client that must adjust each call before it is built (Azure: the deployment path, a fresh
        # Entra ID token) sets this; None for OpenAI itself, so the common path pays one check.
        self.prepare: Callable[[RequestOptions], Awaitable[RequestOptions]] | None = None  # unasync: async-only
        # unasync: sync-only: self.prepare: Callable[[RequestOptions], RequestOptions] | None = None

    # -- building ---------------------------------------------------------------------------------

    def url_for(self, path: str) -> URL:
        urls = self._urls
        url = urls.get(path)
        if url is None:
            if path.startswith(("https://", "http://")):  # a call served elsewhere than the base URL (Azure)
                url = self._urls[path] = URL(path, encoded=False)
                return url
            base = str(self.base_url).rstrip("/")
            url = URL(base + "/" + path.lstrip("/"), encoded=False)
            if len(urls) >= _URL_CACHE_SIZE:
                urls.clear()
            urls[path] = url
        return url

    def build_request(self, options: RequestOptions) -> Request:
        url = self.url_for(options.path)
        if options.query or options.extra_query or self.default_query:
            pairs = flatten_query(self.default_query, options.query, options.extra_query)
            if pairs:
                url = url.with_query(pairs)

        headers = self._headers.copy()
        content: bytes | AsyncIterable[bytes] | None = options.content
        if content is not None:
            if options.content_type:
                headers["Content-Type"] = options.content_type
        elif options.body is not None or options.extra_body:
            body = options.body
            if options.extra_body:
                body = {**(body or {}), **options.extra_body}
            content = pydantic_core.to_json(body)
            headers["Content-Type"] = "application/json"
        if options.accept is not None:
            headers["Accept"] = options.accept
        if options.method != "GET":
            # One key per logical request, reused by every retry, so a server can drop duplicates.
            headers["Idempotency-Key"] = f"{_IDEMPOTENCY_PREFIX}{next(_idempotency_counter)}"
        if options.extra_headers:
            _merge_headers(headers, options.extra_headers)

        timeout = self.timeout if is_sentinel(options.timeout) else Timeout.coerce(options.timeout)
        return Request(options.method, url, headers=headers, content=content, timeout=timeout)

    # -- sending ----------------------------------------------------------------------------------

    async def send(self, options: RequestOptions, *, read_body: bool) -> Response:
        """Send with retries; returns a successful response (its body read when ``read_body``).

        Every failed attempt's response is closed before the next one. A request whose body is a
        one-shot stream is never retried: resending it would send an empty or partial body.
        """
        if self.prepare is not None:
            options = await self.prepare(options)
        request = self.build_request(options)
        total = request.timeout.total
        if total is None:
            return await self._send(request, options, read_body)
        request.deadline = _now() + total
        # unasync: begin-async-only
        # A cancel scope, because no backend's own timeouts can bound a server that trickles bytes:
        # each one resets the read timer.
        from anyio import CancelScope

        with CancelScope(deadline=request.deadline):
            return await self._send(request, options, read_body)
        raise deadline_error(request)
        # unasync: end-async-only
        # unasync: sync-only: return self._send(request, options, read_body)

    async def _send(self, request: Request, options: RequestOptions, read_body: bool) -> Response:
        retries_taken = 0
        max_retries = self.max_retries if request.is_replayable else 0
        debug = log.isEnabledFor(logging.DEBUG)
        limiter = self.limiter
        tokens = estimate_tokens(options.body) if limiter is not None else 0.0
        # unasync: sync-only: phases = request.timeout
        while True:
            if debug:
                log.debug("request %s %s (attempt %d)", request.method, request.url, retries_taken + 1)
            try:
                # unasync: sync-only: if request.deadline is not None:
                # unasync: sync-only:     request.timeout = _within_deadline(phases, request.deadline)
                if limiter is not None:
                    await limiter.acquire(tokens)
                try:
                    response = await self.transport.send(request)
                    response.max_bytes = self.max_response_bytes
                    status = response.status_code
                    if limiter is not None:
                        limiter.observe(status, response.headers)
                    if status < 400 and read_body:
                        await response.aread()
                finally:
                    if limiter is not None:
                        limiter.release()
                if status < 400:
                    if debug:
                        log.debug("response %s %s -> %d", request.method, request.url, status)
                    return response
            except TransportTimeoutError as exc:
                delay = self._retry_in(request, retries_taken, max_retries, None)
                if delay is not None:
                    retries_taken = await self._backoff(request, retries_taken, delay, type(exc).__name__)
                    continue
                raise _timeout_error(request) from exc
            except TransportConnectionError as exc:
                delay = self._retry_in(request, retries_taken, max_retries, None)
                if delay is not None:
                    retries_taken = await self._backoff(request, retries_taken, delay, type(exc).__name__)
                    continue
                raise APIConnectionError(request=request) from exc
            except TransportRequestError as exc:
                raise OpenAIError(str(exc)) from None
            except BodyTooLargeError as exc:
                raise too_large_error(response, exc.limit) from None

            if should_retry_status(status, response.headers):
                delay = self._retry_in(request, retries_taken, max_retries, response)
                if delay is not None:
                    await response.aclose()
                    retries_taken = await self._backoff(request, retries_taken, delay, f"status {status}")
                    continue
            raise await self._status_error(response)

    @staticmethod
    def _retry_in(request: Request, retries_taken: int, max_retries: int, response: Response | None) -> float | None:
        """Seconds to wait before the next attempt, or None when there is none: retries used up, or the
        wait would end past the total deadline (then the failure at hand is the one reported)."""
        if retries_taken >= max_retries:
            return None
        delay = retry_delay(retries_taken, response.headers if response is not None else None)
        if request.deadline is not None and _now() + delay >= request.deadline:
            return None
        return delay

    async def _backoff(self, request: Request, retries_taken: int, delay: float, reason: str) -> int:
        log.info("retrying %s %s in %.3fs after %s", request.method, request.url, delay, reason)
        if delay > 0:
            from anyio import sleep  # only on the retry path: keeps anyio off the import of every request

            await sleep(delay)
        return retries_taken + 1

    async def _status_error(self, response: Response) -> APIStatusError:
        try:
            raw = await response.aread_prefix(ERROR_BODY_LIMIT)
        except TransportError:
            raw = b""
        body: object
        try:
            body = json.loads(raw) if raw else None
        except (ValueError, RecursionError):  # not JSON, cut at the limit, or nested past the stack
            body = raw.decode("utf-8", errors="replace").strip()[:_BODY_PREVIEW * 5] or None
        message = status_error_message(response.status_code, body)
        data = body.get("error", body) if isinstance(body, dict) else body
        if log.isEnabledFor(logging.DEBUG):
            log.debug("response %s %s -> %d", response.request.method, response.request.url, response.status_code)
        return status_error_class(response.status_code)(message, response=response, body=data)

    # -- parsing ----------------------------------------------------------------------------------

    async def request(self, options: RequestOptions, cast_to: type[_M]) -> _M:
        response = await self.send(options, read_body=True)
        return parse_response(response, cast_to)

    async def request_bytes(self, options: RequestOptions, *, read: bool = False) -> Response:
        """A successful binary response: its body read whole (``read``, bounded by
        ``max_response_bytes``, retried like any body) or still streaming (not bounded)."""
        return await self.send(options, read_body=read)

    async def request_stream(
        self,
        options: RequestOptions,
        item_type: type[_T],
        *,
        typed_events: bool = False,
        named_events: bool = False,
        events: bool = False,
    ) -> AsyncStream[_T]:
        from ._streaming import AsyncStream

        if options.accept is None:
            options = replace(options, accept="text/event-stream")
        response = await self.send(options, read_body=False)
        # The body was kept for a retry; none can follow once the stream has started, and a gateway
        # holding thousands of streams would keep every request's JSON to the end of its stream.
        if isinstance(response.request.content, bytes):
            response.request.content = None
        await _expect_event_stream(response)
        return AsyncStream(
            response=response, item_type=item_type, typed_events=typed_events, named_events=named_events,
            events=events, max_event_bytes=self.max_event_bytes,
        )


async def _expect_event_stream(response: Response) -> None:
    """A 200 to a streaming call that is not an event stream (a proxy's HTML page, a server that ignored
    ``stream: true`` and answered JSON) would iterate as an empty stream: the caller would silently get
    nothing. Fail instead, with the status, request id and start of the body. No Content-Type at all is
    let through (some compatible servers omit it)."""
    content_type = response.headers.get("content-type")
    if content_type is None or content_type.lower().startswith("text/event-stream"):
        return
    try:
        content = await response.aread_prefix(ERROR_BODY_LIMIT)
    except TransportError:
        content = b""
    preview = content[:_BODY_PREVIEW].decode("utf-8", errors="replace")
    message = (
        f"Expected an event stream for a streaming call, but the {response.status_code} response is "
        f"{content_type!r} (request id {response.headers.get('x-request-id')}): "
        f"{'empty body' if not content else repr(preview)}"
    )
    raise APIResponseValidationError(response, preview, message=message)


_PARSERS: tuple[Callable[..., Any], Callable[..., Any], type] | None = None


def _load_parsers() -> tuple[Callable[..., Any], Callable[..., Any], type]:
    """The models module's parsers and pydantic's model class, imported with the first typed answer."""
    global _PARSERS
    import pydantic

    from ._models import json_parser, parse_json

    _PARSERS = (parse_json, json_parser, pydantic.BaseModel)
    return _PARSERS


def parse_response(response: Response, cast_to: type[_M]) -> _M:
    """The typed model from a read response, or APIResponseValidationError naming the status, the
    request id and the start of the body."""
    parse_json, json_parser, model_class = _PARSERS or _load_parsers()
    content = response.content
    try:
        parsed: _M = parse_json(cast_to, content) if isinstance(cast_to, type) else json_parser(cast_to)(content)
    except (ValueError, RecursionError) as exc:  # pydantic's ValidationError is a ValueError
        preview = content[:_BODY_PREVIEW].decode("utf-8", errors="replace")
        request_id = response.headers.get("x-request-id")
        message = (
            f"Could not parse the {response.status_code} response as {getattr(cast_to, '__name__', cast_to)} "
            f"(request id {request_id}, content-type {response.headers.get('content-type')!r}): "
            f"{'empty body' if not content else repr(preview)}"
        )
        raise APIResponseValidationError(response, preview, message=message) from exc
    if isinstance(parsed, model_class):
        # The official SDK's ``result._request_id`` (the top-level result's x-request-id), which frameworks keep
        # (the Agents SDK's ModelResponse.request_id). A plain instance attribute, as there: pydantic leaves it
        # out of dumps, reprs and equality.
        object.__setattr__(parsed, "_request_id", response.headers.get("x-request-id"))
    return parsed


def connection_error_for(exc: Exception, request: Request | None) -> APIConnectionError:
    """The public error for a transport failure while a body or a stream was being read."""
    if isinstance(exc, TransportTimeoutError):
        return _timeout_error(request)
    return APIConnectionError(request=request, message=f"Connection error: {exc}")


def _timeout_error(request: Request | None) -> APITimeoutError:
    if request is not None and request.deadline is not None and _now() >= request.deadline:
        return deadline_error(request)
    return APITimeoutError(request)


def read_error_for(exc: TransportError, response: Response) -> APIError:
    """The public error for a failure while a body was read outside the pipeline's retry loop (a raw or
    streamed response read whole)."""
    if isinstance(exc, BodyTooLargeError):
        return too_large_error(response, exc.limit)
    return connection_error_for(exc, response.request)


def _within_deadline(phases: Timeout, deadline: float) -> Timeout:
    left = deadline - _now()
    if left <= 0:
        raise TransportTimeoutError("the total timeout expired")
    return clip_to_deadline(phases, left)
