"""``chat.completions.stream()``: the I/O shell around the sans-IO ``ChatCompletionStreamState``.

The manager sends nothing until it is entered, so a helper that is built but never used holds no
connection; the stream closes with the ``async with`` block, however it is left.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import TracebackType
from typing import TYPE_CHECKING, Generic, Self

from ....types.chat import (
    ChatCompletionChunk,
    ChatCompletionToolUnionParam,
    ParsedChatCompletion,
    ParsedChatCompletionMessage,
)
from ....types.chat.completion_create_params import ResponseFormat as ResponseFormatParam
from ..._parsing import ResponseFormatT
from ._events import ChatCompletionStreamEvent, ParsedChatCompletionSnapshot
from ._state import ChatCompletionStreamState

if TYPE_CHECKING:
    from ...._pipeline import Pipeline, RequestOptions
    from ...._streaming import AsyncStream
    from ....transports.base import Response

__all__ = ["AsyncChatCompletionStream", "AsyncChatCompletionStreamManager"]


class AsyncChatCompletionStream(Generic[ResponseFormatT]):
    """Typed events of a chat-completion stream (``async for event in stream``), with the completion
    accumulated as they come: ``current_completion_snapshot`` while streaming,
    ``await get_final_completion()`` at the end (it reads the rest of the stream first)."""

    def __init__(
        self,
        *,
        raw_stream: AsyncStream[ChatCompletionChunk],
        response_format: type[ResponseFormatT] | ResponseFormatParam | None = None,
        input_tools: Iterable[ChatCompletionToolUnionParam] | None = None,
    ) -> None:
        self._raw_stream = raw_stream
        self._state: ChatCompletionStreamState[ResponseFormatT] = ChatCompletionStreamState(
            response_format=response_format, input_tools=input_tools
        )
        self._pending: list[ChatCompletionStreamEvent[ResponseFormatT]] = []
        self._index = 0

    @property
    def response(self) -> Response:
        return self._raw_stream.response

    @property
    def current_completion_snapshot(self) -> ParsedChatCompletionSnapshot:
        return self._state.current_completion_snapshot

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> ChatCompletionStreamEvent[ResponseFormatT]:
        while self._index >= len(self._pending):
            chunk = await self._raw_stream.__anext__()
            # Azure's asynchronous content filter interleaves annotation events (object "") with the
            # chunks; they are not part of the completion.
            if chunk.object != "chat.completion.chunk":
                continue
            try:
                self._pending = self._state.handle_chunk(chunk)
            except BaseException:
                await self.close()  # a length / content-filter stop of a parsed stream: nothing more to read
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

    async def get_final_completion(self) -> ParsedChatCompletion[ResponseFormatT]:
        """The whole completion, parsed (``message.parsed`` with a response-format class, parsed tool
        arguments for strict tools), once the rest of the stream has been read.

        Like the official SDK, raises ``LengthFinishReasonError`` if a choice ended for ``length``."""
        await self.until_done()
        return self._state.get_final_completion()

    async def get_final_message(self) -> ParsedChatCompletionMessage[ResponseFormatT]:
        """The first choice's message of :meth:`get_final_completion` (not in the official SDK's chat
        helper, where it is spelled ``get_final_completion().choices[0].message``)."""
        completion = await self.get_final_completion()
        if not completion.choices:
            raise RuntimeError("the stream ended without any choice")
        return completion.choices[0].message

    async def close(self) -> None:
        """Release the connection (also done at the end of the stream and by the ``async with`` block)."""
        await self._raw_stream.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()


class AsyncChatCompletionStreamManager(Generic[ResponseFormatT]):
    """What ``chat.completions.stream()`` returns: ``async with`` it to send the request and get an
    ``AsyncChatCompletionStream``; leaving the block closes the stream."""

    def __init__(
        self,
        pipeline: Pipeline,
        options: RequestOptions,
        *,
        response_format: type[ResponseFormatT] | ResponseFormatParam | None,
        input_tools: Iterable[ChatCompletionToolUnionParam] | None,
    ) -> None:
        self._pipeline = pipeline
        self._options = options
        self._response_format = response_format
        self._input_tools = input_tools
        self._stream: AsyncChatCompletionStream[ResponseFormatT] | None = None

    async def __aenter__(self) -> AsyncChatCompletionStream[ResponseFormatT]:
        raw_stream = await self._pipeline.request_stream(self._options, ChatCompletionChunk)
        self._stream = AsyncChatCompletionStream(
            raw_stream=raw_stream, response_format=self._response_format, input_tools=self._input_tools
        )
        return self._stream

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._stream is not None:
            await self._stream.close()
