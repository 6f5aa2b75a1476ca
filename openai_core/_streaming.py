"""``AsyncStream[T]``: the I/O shell around the sans-IO SSE decoder.

It pulls bytes from the transport, pushes them into ``SSEDecoder`` and hands out typed items. It is its
own iterator (not an async generator), so leaving a loop early leaves no suspended generator holding the
connection: ``close()`` / ``async with`` / reaching the end release it, and so does any error.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from types import TracebackType
from typing import Any, Generic, Self, TypeVar, cast

from ._exceptions import APIConnectionError, APIError, APIResponseValidationError
from ._interop import bridged_class
from ._limits import DEFAULT_MAX_EVENT_BYTES, event_too_large_message
from ._models import error_in_extra, json_parser, json_validator
from ._sse import EventTooLargeError, ServerSentEvent, SSEDecoder
from .transports.base import Response, TransportError, TransportTimeoutError

# unasync: sync-only: import time

__all__ = ["AsyncStream"]

_T = TypeVar("_T")

# After [DONE] a server sends at most the chunked-encoding terminator; anything longer is not worth
# reading just to keep one connection.
_DRAIN_LIMIT = 16 * 1024


class AsyncStream(Generic[_T]):
    """Typed items of a server-sent-event stream: ``async for item in stream``.

    Ends at ``data: [DONE]`` (or when the server ends the body at an event boundary). An ``event:
    error`` or a ``{"error": ...}`` payload raises ``APIError``, and so does an event longer than
    ``max_event_bytes``; an event that is not the item type's JSON raises
    ``APIResponseValidationError``; a connection cut mid-stream, or a body that ends inside an event,
    raises ``APIConnectionError`` (``APITimeoutError`` for a read timeout or the call's total timeout).
    """

    response: Response

    def __init__(
        self,
        *,
        response: Response,
        item_type: type[_T],
        typed_events: bool = False,
        named_events: bool = False,
        events: bool = False,
        max_event_bytes: int | None = DEFAULT_MAX_EVENT_BYTES,
    ) -> None:
        self.response = response
        self._item_type = item_type
        self._parse = json_parser(item_type)
        self._validate = json_validator(item_type)
        self._error_in_extra = error_in_extra(item_type)
        # Typed-event streams (Responses) name every event and send failures as an `error` event whose
        # payload is itself an item (ResponseErrorEvent): there only an {"error": ...} payload raises,
        # as in the official SDK.
        self._error_event: str | None = None if typed_events else "error"
        # The official "events" mode (the Agents API's session events): every event is an item, an `error`
        # one too (AgentSessionErrorEvent); nothing in the payload raises.
        self._errors_raise = not events
        # Named-event streams (Assistants runs) put the event's kind in the `event:` line and the object
        # alone in `data:`; the item is parsed from both, as the official SDK's `{"event", "data"}`.
        self._named_events = named_events
        # Neither of the above: an unnamed event is an error only if its payload says so.
        self._plain = self._errors_raise and not named_events
        self._decoder = SSEDecoder(max_event_bytes)
        self._deadline = response.request.deadline
        self._chunks: AsyncIterator[bytes] = response.aiter_bytes()
        self._pending: list[ServerSentEvent | str] = []
        self._index = 0
        self._done = False
        self._eof = False

    def __aiter__(self) -> Self:
        return self

    @property  # type: ignore[misc]  # read-only on purpose
    def __class__(self) -> type[Self]:
        """The official ``AsyncStream``, bridged, once the official package is loaded (``_interop``), so
        ``isinstance(stream, openai.AsyncStream)`` holds; ``type(stream)`` stays openai_core's."""
        return bridged_class(type(self))

    async def __anext__(self) -> _T:
        while True:
            if self._done:
                raise StopAsyncIteration
            if self._index < len(self._pending):
                event = self._pending[self._index]
                self._index += 1
                # The decoder hands an unnamed event over as its data alone (feed_bare).
                if isinstance(event, str):
                    data, name = event, None
                else:
                    data, name = event.data, event.event
                if data == "[DONE]":
                    await self._drain()
                    await self.close()
                    raise StopAsyncIteration
                # The common event (a chat chunk, a Responses event), parsed here rather than in a
                # coroutine of its own, by the strict validator with no frame of ours around it.
                # Whether it is an {"error": ...} payload instead: for a model that keeps unknown keys
                # and has no field of that name, its extras say (a dict lookup); otherwise a C-level
                # scan of the text first. Anything else goes through _item.
                if (self._plain and (name is None or name != self._error_event)
                        and (self._error_in_extra or "error" not in data)):
                    try:
                        item = self._validate(data)
                    except (ValueError, RecursionError):
                        pass  # _item: an error payload, a lenient item or an unreadable event
                    else:
                        if not self._error_in_extra:
                            return item  # type: ignore[no-any-return]
                        extra = item.__pydantic_extra__
                        if not extra or not extra.get("error"):
                            return item  # type: ignore[no-any-return]
                if isinstance(event, str):
                    event = ServerSentEvent(None, event, None, None)
                return await self._item(event, data)
            if self._eof:
                await self.close()
                raise StopAsyncIteration
            try:
                chunk = await (self._chunks.__anext__() if self._deadline is None else self._next_chunk_in_time())
            except StopAsyncIteration:
                # The server ended the body without [DONE] (some compatible servers do): fine at an
                # event boundary, a cut stream inside an event.
                self._eof = True
                await self._check_complete()
                self._pending, self._index = [*self._decoder.flush()], 0
                continue
            except TransportError as exc:
                await self.close()
                from ._pipeline import connection_error_for

                raise connection_error_for(exc, self.response.request) from exc
            except BaseException:
                await self.close()  # cancelled or interrupted: never keep the connection checked out
                raise
            try:
                self._pending, self._index = self._decoder.feed_bare(chunk), 0
            except EventTooLargeError as exc:
                await self.close()
                raise APIError(event_too_large_message(exc.limit), self.response.request, body=None) from None

    async def _next_chunk_in_time(self) -> bytes:
        """The next chunk, or TransportTimeoutError once the call's total deadline has passed (however
        the server trickles its bytes)."""
        assert self._deadline is not None
        # unasync: begin-async-only
        from anyio import CancelScope

        with CancelScope(deadline=self._deadline):
            return await self._chunks.__anext__()
        raise TransportTimeoutError("the total timeout expired")
        # unasync: end-async-only
        # unasync: sync-only: chunk = next(self._chunks)
        # unasync: sync-only: if time.monotonic() >= self._deadline:
        # unasync: sync-only:     raise TransportTimeoutError("the total timeout expired")
        # unasync: sync-only: return chunk

    async def _check_complete(self) -> None:
        decoder = self._decoder
        pending = decoder.pending
        if pending is None or (pending == "event" and decoder.pending_data == "[DONE]"):
            return  # a final `data: [DONE]` missing only its blank line is an end, not a cut
        await self.close()
        where = "a line" if pending == "line" else "an event (data lines without the blank line ending it)"
        raise APIConnectionError(
            request=self.response.request,
            message=f"The stream ended in the middle of {where}: the server or a proxy cut it short.",
        )

    async def _drain(self) -> None:
        """Read what follows ``[DONE]`` (normally just the end of the chunked body) so the connection
        goes back to the pool instead of being dropped; give up after a few KiB."""
        budget = _DRAIN_LIMIT
        try:
            async for chunk in self._chunks:
                budget -= len(chunk)
                if budget < 0:
                    return
        except TransportError:
            return

    async def _item(self, event: ServerSentEvent, data: str) -> _T:
        error_event = self._error_event is not None and event.event == self._error_event
        if self._errors_raise and (error_event or "error" in data):
            try:
                payload: Any = json.loads(data)
            except (ValueError, RecursionError):  # not JSON, or nested deeper than the stack allows
                payload = None
            error = payload.get("error") if isinstance(payload, dict) else None
            if error_event or error:
                await self.close()
                detail = error if isinstance(error, dict) else payload
                message = detail.get("message") if isinstance(detail, dict) else None
                raise APIError(
                    message or f"An error occurred during streaming: {data[:200]}",
                    self.response.request,
                    body=detail,
                )
        if self._named_events and event.event is not None and event.event.startswith("thread."):
            data = f'{{"event":{json.dumps(event.event)},"data":{data}}}'
        try:
            return cast(_T, self._parse(data))
        except (ValueError, RecursionError) as exc:  # pydantic's ValidationError is a ValueError
            await self.close()
            raise self._unreadable(data) from exc

    def _unreadable(self, data: str) -> APIResponseValidationError:
        response = self.response
        name = getattr(self._item_type, "__name__", None) or repr(self._item_type)
        preview = data[:200]
        message = (
            f"Could not parse a stream event as {name} (request id {response.headers.get('x-request-id')}): "
            f"{preview!r}"
        )
        return APIResponseValidationError(response, preview, message=message)

    async def close(self) -> None:
        """Release the connection (returned to the pool if the body was complete, dropped otherwise)."""
        if not self._done:
            self._done = True
            await self.response.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()
