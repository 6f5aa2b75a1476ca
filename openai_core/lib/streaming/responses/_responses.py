"""``responses.stream()``: the I/O shell around the sans-IO ``ResponseStreamState``. Nothing is sent
until the manager is entered; the stream closes with the ``async with`` block, however it is left."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self

from ....types.responses import Response
from ....types.responses.parsed_response import ParsedResponse
from ._events import ResponseStreamEvent, TextFormatT
from ._state import ResponseStreamState

if TYPE_CHECKING:
    from ...._pipeline import Pipeline, RequestOptions
    from ...._streaming import AsyncStream
    from ....transports.base import Response as HTTPResponse

__all__ = ["AsyncResponseStream", "AsyncResponseStreamManager"]


class AsyncResponseStream(Generic[TextFormatT]):
    """Typed events of a Responses stream (``async for event in stream``), the response accumulated as
    they come (``current_snapshot``); ``await get_final_response()`` reads the rest and returns the
    completed response, parsed as ``responses.parse()`` parses it."""

    def __init__(
        self,
        *,
        raw_stream: AsyncStream[Any],
        text_format: type[TextFormatT] | None,
        input_tools: Iterable[Mapping[str, Any]] | None,
    ) -> None:
        self._raw_stream = raw_stream
        self._state: ResponseStreamState[TextFormatT] = ResponseStreamState(
            text_format=text_format, input_tools=input_tools
        )
        self._pending: list[ResponseStreamEvent[TextFormatT]] = []
        self._index = 0

    @property
    def response(self) -> HTTPResponse:
        return self._raw_stream.response

    @property
    def current_snapshot(self) -> Response | None:
        return self._state.current_snapshot

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> ResponseStreamEvent[TextFormatT]:
        while self._index >= len(self._pending):
            raw = await self._raw_stream.__anext__()
            try:
                self._pending = self._state.handle_event(raw)
            except BaseException:
                await self.close()
                raise
            self._index = 0
        event = self._pending[self._index]
        self._index += 1
        return event

    async def until_done(self) -> Self:
        """Read the stream to its end (every event is still accumulated)."""
        async for _ in self:
            pass
        return self

    async def get_final_response(self) -> ParsedResponse[TextFormatT]:
        """The completed response, parsed; ``RuntimeError`` if the stream ended without
        ``response.completed`` (a failed or incomplete response: see its events)."""
        await self.until_done()
        final = self._state.final_response
        if final is None:
            raise RuntimeError("the stream ended without a `response.completed` event")
        return final

    async def close(self) -> None:
        await self._raw_stream.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()


class AsyncResponseStreamManager(Generic[TextFormatT]):
    """What ``responses.stream()`` returns: ``async with`` it to send the request and get an
    ``AsyncResponseStream``; leaving the block closes the stream."""

    def __init__(
        self,
        pipeline: Pipeline,
        options: RequestOptions,
        event_type: Any,
        *,
        text_format: type[TextFormatT] | None,
        input_tools: Iterable[Mapping[str, Any]] | None,
    ) -> None:
        self._pipeline = pipeline
        self._options = options
        self._event_type = event_type
        self._text_format = text_format
        self._input_tools = input_tools
        self._stream: AsyncResponseStream[TextFormatT] | None = None

    async def __aenter__(self) -> AsyncResponseStream[TextFormatT]:
        raw_stream = await self._pipeline.request_stream(self._options, self._event_type, typed_events=True)
        self._stream = AsyncResponseStream(
            raw_stream=raw_stream, text_format=self._text_format, input_tools=self._input_tools
        )
        return self._stream

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._stream is not None:
            await self._stream.close()
