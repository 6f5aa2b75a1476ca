"""``.with_raw_response`` and ``.with_streaming_response`` for every method of every resource.

A resource method is a declaration: it checks its arguments, builds ``RequestOptions``, makes one
pipeline call and shapes the result. So one mechanism serves all methods, with no per-method code:

* ``resource.with_raw_response.create(...)`` runs ``create`` on a copy of the resource bound to a
  ``ResponseCapture``, a pipeline that sends the request (retries, errors and all), keeps the response and
  stops the method right there. The caller gets a ``LegacyAPIResponse`` (headers, status, body).
* ``.parse()`` runs the method once more on the same capture, now replaying: its pipeline call hands back
  the kept response instead of sending, so the method's own parsing and post-processing (base64
  embeddings, structured outputs, pages that can fetch the next page) give exactly what the plain call
  gives. Nothing is sent twice; nothing in the replay waits on I/O, which is why the raw response's
  ``parse()`` can be synchronous as in the official SDK.
* ``with_streaming_response`` is the same with the body left unread: an async context manager yields an
  ``AsyncAPIResponse`` whose body is read only when asked (``parse()``, ``read()``, ``iter_bytes()``,
  ``stream_to_file()``), and leaving the block closes the connection.

The rule this relies on: a resource method makes exactly one pipeline call and does nothing with outside
effects before it (generator arguments are turned into lists first, so the replay sees the same values).
"""

from __future__ import annotations

import copy
import datetime
import inspect
import io
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from ._binary import LineSplitter, TextDecoder, charset_of
from ._pipeline import Pipeline, RequestOptions, connection_error_for, parse_response, read_error_for
from .transports.base import Request, Response, TransportError

if TYPE_CHECKING:
    import os

    from multidict import CIMultiDict, CIMultiDictProxy
    from yarl import URL

    from ._resource import AsyncAPIResource
    from ._streaming import AsyncStream

__all__ = [
    "APICall",
    "AsyncAPIResponse",
    "AsyncResponseContextManager",
    "AsyncStreamedBinaryAPIResponse",
    "LegacyAPIResponse",
    "ResponseCapture",
]

_R = TypeVar("_R")
_T = TypeVar("_T")
_Resp = TypeVar("_Resp", bound="AsyncAPIResponse[Any]")


class _Captured(BaseException):
    """Stops a method at its pipeline call. A BaseException, so no ``except Exception`` in a method
    can swallow it."""


class ResponseCapture(Pipeline):
    """A view of a client's pipeline that keeps the response of the one call made through it.

    Modes: *capture* (send, keep the response, stop the method), *replay* (hand the kept response back
    once, without sending) and then *live* (an ordinary pipeline: a page parsed in the replay fetches its
    next page through here)."""

    __slots__ = ("_mode", "_read_body", "_streamed", "elapsed", "response")

    def __init__(self, pipeline: Pipeline, *, read_body: bool) -> None:
        for name in Pipeline.__slots__:
            setattr(self, name, getattr(pipeline, name))
        self._read_body = read_body
        self._mode = "capture"
        self._streamed = False
        self.response: Response | None = None
        self.elapsed = datetime.timedelta()

    @property
    def streamed(self) -> bool:
        """The call was a server-sent-event stream (its body is never read ahead)."""
        return self._streamed

    def replay(self) -> None:
        self._mode = "replay"

    async def send(self, options: RequestOptions, *, read_body: bool) -> Response:
        if self._mode == "live":
            return await super().send(options, read_body=read_body)
        if self._mode == "replay":
            if self.response is None:
                raise RuntimeError("nothing was captured to replay")
            self._mode = "live"
            return self.response
        started = time.monotonic()
        # A raw response reads every body but an event stream's; a streaming response reads none.
        self.response = await super().send(options, read_body=self._read_body and not self._streamed)
        self.elapsed = datetime.timedelta(seconds=time.monotonic() - started)
        raise _Captured

    async def request_stream(
        self,
        options: RequestOptions,
        item_type: type[_T],
        *,
        typed_events: bool = False,
        named_events: bool = False,
        events: bool = False,
    ) -> AsyncStream[_T]:
        self._streamed = True
        return await super().request_stream(
            options, item_type, typed_events=typed_events, named_events=named_events, events=events
        )


def _replayable(value: Any) -> Any:
    # An iterator argument (a generator of messages) would be empty the second time: give both runs the
    # same list. A file object is an iterator too, but an upload's content, read from its start each time.
    return list(value) if isinstance(value, Iterator) and not isinstance(value, io.IOBase) else value


class APICall:
    """One call of one method, re-runnable on a capture."""

    __slots__ = ("_args", "_kwargs", "_name", "_resource")

    def __init__(self, resource: AsyncAPIResource, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        self._resource = resource
        self._name = name
        self._args = tuple(_replayable(a) for a in args)
        self._kwargs = {k: _replayable(v) for k, v in kwargs.items()}

    def run(self, pipeline: Pipeline) -> Any:
        """The method's result (async: an awaitable) on a copy of the resource bound to ``pipeline``."""
        resource = copy.copy(self._resource)
        resource._pipeline = pipeline
        return getattr(resource, self._name)(*self._args, **self._kwargs)

    async def capture(self, *, read_body: bool) -> ResponseCapture:
        capture = ResponseCapture(self._resource._pipeline, read_body=read_body)
        try:
            result = self.run(capture)
            if not inspect.isawaitable(result):  # unasync: async-only
                raise TypeError(f"{self._name}() has no raw or streaming response form")  # unasync: async-only
            await result
        except _Captured:
            return capture
        raise TypeError(f"{self._name}() returned without making an API request")


# unasync: begin-async-only
def _result_now(awaitable: Awaitable[_T], name: str) -> _T:
    """The result of a replay, which never waits on I/O, without an event loop (so ``parse()`` is
    synchronous, as in the official SDK)."""
    steps = awaitable.__await__()
    try:
        steps.send(None)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
    steps.close()
    raise RuntimeError(f"{name}() waited on I/O while parsing a response it already had")
# unasync: end-async-only
# unasync: sync-only: def _result_now(result: _T, name: str) -> _T:
# unasync: sync-only:     return result


class _ResponseBase:
    __slots__ = ("_call", "_capture", "_parsed", "http_response")

    def __init__(self, call: APICall, capture: ResponseCapture) -> None:
        assert capture.response is not None
        self._call = call
        self._capture = capture
        self.http_response: Response = capture.response
        self._parsed: Any = _UNSET

    @property
    def headers(self) -> CIMultiDict[str] | CIMultiDictProxy[str]:
        return self.http_response.headers

    @property
    def http_request(self) -> Request:
        return self.http_response.request

    request = http_request

    @property
    def request_id(self) -> str | None:
        return self.http_response.headers.get("x-request-id")

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def url(self) -> URL:
        return self.http_response.request.url

    @property
    def method(self) -> str:
        return self.http_response.request.method

    @property
    def http_version(self) -> str:
        return self.http_response.http_version

    @property
    def elapsed(self) -> datetime.timedelta:
        """From sending the request to having its response (and, for a raw response, its body)."""
        return self._capture.elapsed

    @property
    def is_closed(self) -> bool:
        return self.http_response.is_closed

    def _parse_as(self, to: type[Any]) -> Any:
        if self._capture.streamed:
            raise TypeError("parse(to=...) is not available for a streamed (server-sent events) response")
        if to is bytes:
            return self.http_response.content
        if to is str:
            return self.http_response.text
        if isinstance(to, type) and hasattr(to, "model_validate_json"):
            return parse_response(self.http_response, to)
        import json

        return json.loads(self.http_response.content)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}] {self.method} {self.url}>"


_UNSET: Any = object()


class LegacyAPIResponse(_ResponseBase, Generic[_R]):
    """What ``with_raw_response.<method>(...)`` returns: the HTTP response, body read (a stream's body is
    left for the stream), and ``parse()`` for what the method itself returns."""

    __slots__ = ()

    @overload
    def parse(self) -> _R: ...
    @overload
    def parse(self, *, to: type[_T]) -> _T: ...
    def parse(self, *, to: type[Any] | None = None) -> Any:
        """The method's normal result (parsed once, then cached), or with ``to`` the body as that type
        (a model class, ``str``, ``bytes``, or ``object`` for plain JSON)."""
        if to is not None:
            return self._parse_as(to)
        if self._parsed is _UNSET:
            self._capture.replay()
            self._parsed = _result_now(self._call.run(self._capture), self._call._name)
        return self._parsed

    @property
    def content(self) -> bytes:
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text


class AsyncAPIResponse(_ResponseBase, Generic[_R]):
    """What ``async with ....with_streaming_response.<method>(...) as response`` yields: status and headers
    are here, the body is read only when asked for."""

    __slots__ = ()

    @overload
    async def parse(self) -> _R: ...
    @overload
    async def parse(self, *, to: type[_T]) -> _T: ...
    async def parse(self, *, to: type[Any] | None = None) -> Any:
        """Read the body and return the method's normal result (or the body as ``to``). A streaming
        call's stream is returned unread."""
        if not self._capture.streamed:
            await self.read()
        if to is not None:
            return self._parse_as(to)
        if self._parsed is _UNSET:
            self._capture.replay()
            self._parsed = await self._call.run(self._capture)
        return self._parsed

    async def read(self) -> bytes:
        """The whole body (read once; the connection is released after). Bounded by the client's
        ``max_response_bytes``; ``iter_bytes()`` and ``stream_to_file()`` are not."""
        try:
            return await self.http_response.aread()
        except TransportError as exc:
            raise read_error_for(exc, self.http_response) from exc

    async def text(self) -> str:
        content = await self.read()
        return content.decode(charset_of(self.headers.get("content-type")) or "utf-8", errors="replace")

    async def json(self) -> object:
        import json

        return json.loads(await self.read())

    async def close(self) -> None:
        await self.http_response.aclose()

    async def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        """The body as it arrives (in pieces of ``chunk_size`` bytes if given); the connection is
        released at the end, and a connection cut mid-body raises ``APIConnectionError``."""
        buffer = bytearray()
        try:
            async for chunk in self.http_response.aiter_bytes():
                if chunk_size is None:
                    if chunk:
                        yield chunk
                    continue
                buffer += chunk
                while len(buffer) >= chunk_size:
                    yield bytes(buffer[:chunk_size])
                    del buffer[:chunk_size]
        except TransportError as exc:
            raise connection_error_for(exc, self.http_response.request) from exc
        finally:
            await self.http_response.aclose()
        if buffer:
            yield bytes(buffer)

    async def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        decoder = TextDecoder(charset_of(self.headers.get("content-type")))
        async for chunk in self.iter_bytes(chunk_size):
            text = decoder.feed(chunk)
            if text:
                yield text
        tail = decoder.feed(b"", final=True)
        if tail:
            yield tail

    async def iter_lines(self) -> AsyncIterator[str]:
        splitter = LineSplitter()
        async for text in self.iter_text():
            for line in splitter.feed(text):
                yield line
        for line in splitter.feed("", final=True):
            yield line

    # The names the official SDK's async responses use, and the a-prefixed ones of httpx.
    aread = read  # unasync: async-only
    aiter_bytes = iter_bytes  # unasync: async-only
    aiter_text = iter_text  # unasync: async-only
    aiter_lines = iter_lines  # unasync: async-only
    aclose = close  # unasync: async-only


class AsyncStreamedBinaryAPIResponse(AsyncAPIResponse[bytes]):
    """A streamed download (``files.content``, ``audio.speech.create``): ``stream_to_file(path)`` writes
    the body to disk as it arrives, never holding more than a chunk; ``parse()`` is the body as bytes."""

    __slots__ = ()

    @overload
    async def parse(self) -> bytes: ...
    @overload
    async def parse(self, *, to: type[_T]) -> _T: ...
    async def parse(self, *, to: type[Any] | None = None) -> Any:
        content = await self.read()
        return content if to is None else self._parse_as(to)

    async def stream_to_file(self, file: str | os.PathLike[str], *, chunk_size: int | None = None) -> None:
        # Plain writes on the loop, for the reason uploads read on it (see openai_core._files): a chunk's
        # write to the page cache costs far less than a thread hop.
        with open(file, mode="wb") as out:  # noqa: ASYNC230
            async for chunk in self.iter_bytes(chunk_size):
                out.write(chunk)


class AsyncResponseContextManager(Generic[_Resp]):
    """``async with`` sends the request and yields the response; leaving the block closes it (the
    connection goes back to the pool if the body was read, and is dropped otherwise)."""

    __slots__ = ("_response", "_start")

    def __init__(self, start: Callable[[], Awaitable[_Resp]]) -> None:  # unasync: async-only
    # unasync: sync-only: def __init__(self, start: Callable[[], _Resp]) -> None:
        self._start = start
        self._response: _Resp | None = None

    async def __aenter__(self) -> _Resp:
        self._response = await self._start()
        return self._response

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._response is not None:
            await self._response.close()
