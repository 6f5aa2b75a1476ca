"""A live realtime connection: typed client events out, typed server events in, over the transport's
WebSocket. The names are the official SDK's (``connection.session.update(...)``, ``connection.response
.create()``, ``async for event in connection``, ``recv()``, ``send()``, ``close()``)."""

from __future__ import annotations

import inspect  # unasync: async-only
from collections.abc import Callable
from typing import Any, Self, TypeVar, overload

from pydantic import ValidationError
from typing_extensions import override

from ..._exceptions import APIError, OpenAIError
from ..._types import Omit, omit
from ...transports._common import TransportConnectionError
from ...transports._websocket_common import WebSocketClosedError, WebSocketRequest
from ...transports.websocket import AsyncWebSocket
from ...types.realtime.conversation_item_param import ConversationItemParam
from ...types.realtime.realtime_client_event import RealtimeClientEvent
from ...types.realtime.realtime_client_event_param import RealtimeClientEventParam
from ...types.realtime.realtime_error_event import RealtimeErrorEvent
from ...types.realtime.realtime_response_create_params_param import RealtimeResponseCreateParamsParam
from ...types.realtime.realtime_response_create_params_with_references_param import (
    RealtimeResponseCreateParamsWithReferencesParam,
)
from ...types.realtime.realtime_server_event import RealtimeServerEvent
from ...types.realtime.response_create_event_with_references_param import (
    ResponseCreateEventWithReferencesParam,
)
from ...types.realtime.session_update_event_param import Session
from ._protocol import (
    EventHandlers,
    api_error,
    closed_error,
    encode_client_event,
    is_clean_close,
    parse_server_event,
)

__all__ = [
    "AsyncRealtimeConnection",
    "AsyncRealtimeConversationItemResource",
    "AsyncRealtimeConversationResource",
    "AsyncRealtimeInputAudioBufferResource",
    "AsyncRealtimeOutputAudioBufferResource",
    "AsyncRealtimeResponseResource",
    "AsyncRealtimeSessionResource",
]

_Handler = TypeVar("_Handler", bound=Callable[..., Any])
ClientEvent = RealtimeClientEvent | RealtimeClientEventParam | ResponseCreateEventWithReferencesParam


class AsyncRealtimeConnection:
    """A live WebSocket to the Realtime API, from ``async with client.realtime.connect(...)``.

    ``async for event in connection`` yields every server event until the server closes normally (1000
    or 1001); any other close raises ``RealtimeConnectionClosedError`` (an ``APIConnectionError``) with
    the close code. ``error`` events are yielded like any other, as in the official SDK (they do not
    end the session); ``dispatch_events()`` raises on one that no handler takes."""

    session: AsyncRealtimeSessionResource
    response: AsyncRealtimeResponseResource
    input_audio_buffer: AsyncRealtimeInputAudioBufferResource
    conversation: AsyncRealtimeConversationResource
    output_audio_buffer: AsyncRealtimeOutputAudioBufferResource

    def __init__(
        self, websocket: AsyncWebSocket, request: WebSocketRequest, *, handlers: EventHandlers | None = None
    ) -> None:
        self._websocket = websocket
        self._request = request
        self._handlers = handlers if handlers is not None else EventHandlers()
        self.session = AsyncRealtimeSessionResource(self)
        self.response = AsyncRealtimeResponseResource(self)
        self.input_audio_buffer = AsyncRealtimeInputAudioBufferResource(self)
        self.conversation = AsyncRealtimeConversationResource(self)
        self.output_audio_buffer = AsyncRealtimeOutputAudioBufferResource(self)

    @property
    def websocket(self) -> AsyncWebSocket:
        """The transport's WebSocket under this connection."""
        return self._websocket

    # -- receiving ------------------------------------------------------------------------------------

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> RealtimeServerEvent:
        try:
            data = await self._websocket.receive()
        except WebSocketClosedError as exc:
            if is_clean_close(exc):
                raise StopAsyncIteration from None
            raise closed_error(exc, self._request) from exc
        except TransportConnectionError as exc:
            raise api_error(exc, self._request) from exc
        return self.parse_event(data)

    async def recv(self) -> RealtimeServerEvent:
        """The next server event. Cancelling the wait loses nothing: the event is read by the next call."""
        return self.parse_event(await self._receive())

    async def recv_bytes(self) -> bytes:
        """The next frame as it arrived (a text frame as its UTF-8 bytes); ``parse_event`` types it."""
        data = await self._receive()
        return data.encode() if isinstance(data, str) else data

    async def _receive(self) -> str | bytes:
        try:
            return await self._websocket.receive()
        except WebSocketClosedError as exc:
            raise closed_error(exc, self._request) from exc
        except TransportConnectionError as exc:
            raise api_error(exc, self._request) from exc

    def parse_event(self, data: str | bytes) -> RealtimeServerEvent:
        """A frame's JSON text as a typed server event."""
        try:
            return parse_server_event(data)
        except ValidationError as exc:  # not JSON, or not an object: a broken or hostile server
            preview = data[:200] if isinstance(data, str) else data[:200].decode("utf-8", "replace")
            raise APIError(
                f"the realtime server sent a frame that is not a JSON event: {preview!r}", None, body=None
            ) from exc

    # -- sending --------------------------------------------------------------------------------------

    async def send(self, event: ClientEvent) -> None:
        """Send a client event: a dict (``{"type": "response.create"}``) or an event model."""
        await self.send_raw(encode_client_event(event))

    async def _send_event(self, event: dict[str, object]) -> None:
        await self.send_raw(encode_client_event(event))

    async def send_raw(self, data: str | bytes) -> None:
        """Send one frame as given: text for ``str``, binary for ``bytes``."""
        try:
            if isinstance(data, str):
                await self._websocket.send_text(data)
            else:
                await self._websocket.send_bytes(data)
        except WebSocketClosedError as exc:
            raise closed_error(exc, self._request) from exc
        except TransportConnectionError as exc:
            raise api_error(exc, self._request) from exc

    async def close(self, *, code: int = 1000, reason: str = "") -> None:
        """Close the session (a close frame, then the socket). Safe to call more than once."""
        await self._websocket.close(code, reason)

    # -- handlers -------------------------------------------------------------------------------------

    @overload
    def on(self, event_type: str, handler: _Handler) -> Self: ...
    @overload
    def on(self, event_type: str, handler: None = None) -> Callable[[_Handler], _Handler]: ...
    def on(self, event_type: str, handler: _Handler | None = None) -> Self | Callable[[_Handler], _Handler]:
        """Call ``handler(event)`` for every event of ``event_type`` (``"event"``: every event) seen by
        ``dispatch_events()``. As a method it returns the connection; without a handler, a decorator."""
        if handler is not None:
            self._handlers.add(event_type, handler)
            return self
        return handler_decorator(self._handlers, event_type, once=False)

    @overload
    def once(self, event_type: str, handler: _Handler) -> Self: ...
    @overload
    def once(self, event_type: str, handler: None = None) -> Callable[[_Handler], _Handler]: ...
    def once(self, event_type: str, handler: _Handler | None = None) -> Self | Callable[[_Handler], _Handler]:
        """Like ``on``, for the next such event only."""
        if handler is not None:
            self._handlers.add(event_type, handler, once=True)
            return self
        return handler_decorator(self._handlers, event_type, once=True)

    def off(self, event_type: str, handler: Callable[..., Any]) -> Self:
        self._handlers.remove(event_type, handler)
        return self

    async def dispatch_events(self) -> None:
        """Read events until the connection closes, calling the registered handlers (coroutine handlers
        are awaited). An ``error`` event nobody handles (no ``"error"`` or ``"event"`` handler) raises
        ``OpenAIError``, as in the official SDK."""
        handlers = self._handlers
        async for event in self:
            specific = handlers.take(event.type)
            generic = handlers.take("event")
            if isinstance(event, RealtimeErrorEvent) and not specific and not generic:
                raise OpenAIError(f"WebSocket error: {event}")
            for handler in (*specific, *generic):
                result = handler(event)
                if inspect.isawaitable(result):  # unasync: async-only
                    await result  # unasync: async-only

    @override
    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._request!r}>"


def handler_decorator(handlers: EventHandlers, event_type: str, *, once: bool) -> Callable[[_Handler], _Handler]:
    """The decorator form of ``on``/``once``: registers the function it decorates and returns it."""

    def decorator(fn: _Handler) -> _Handler:
        handlers.add(event_type, fn, once=once)
        return fn

    return decorator


# -- the connection's resources: one method per client event ---------------------------------------------


class _ConnectionResource:
    __slots__ = ("_connection",)

    def __init__(self, connection: AsyncRealtimeConnection) -> None:
        self._connection = connection


class AsyncRealtimeSessionResource(_ConnectionResource):
    __slots__ = ()

    async def update(self, *, session: Session, event_id: str | Omit = omit) -> None:
        """Change the session's configuration (``session.updated`` answers); only the fields given change.
        ``session["type"]`` is ``"realtime"`` or ``"transcription"``."""
        await self._connection._send_event({"type": "session.update", "session": session, "event_id": event_id})


class AsyncRealtimeResponseResource(_ConnectionResource):
    __slots__ = ()

    async def create(
        self,
        *,
        event_id: str | Omit = omit,
        response: RealtimeResponseCreateParamsParam | RealtimeResponseCreateParamsWithReferencesParam | Omit = omit,
    ) -> None:
        """Ask for a response to the conversation so far (``response.created`` ... ``response.done``)."""
        await self._connection._send_event({"type": "response.create", "event_id": event_id, "response": response})

    async def cancel(self, *, event_id: str | Omit = omit, response_id: str | Omit = omit) -> None:
        """Stop the response in progress (or ``response_id``); ``response.done`` reports it cancelled."""
        await self._connection._send_event({"type": "response.cancel", "event_id": event_id, "response_id": response_id})


class AsyncRealtimeInputAudioBufferResource(_ConnectionResource):
    __slots__ = ()

    async def clear(self, *, event_id: str | Omit = omit) -> None:
        await self._connection._send_event({"type": "input_audio_buffer.clear", "event_id": event_id})

    async def commit(self, *, event_id: str | Omit = omit) -> None:
        """Turn the audio appended so far into a user message item."""
        await self._connection._send_event({"type": "input_audio_buffer.commit", "event_id": event_id})

    async def append(self, *, audio: str, event_id: str | Omit = omit) -> None:
        """Add audio to the input buffer: ``audio`` is base64 of PCM (or G.711) bytes in the session's
        input format."""
        if not isinstance(audio, str):
            raise TypeError(
                f"audio must be base64 text (base64.b64encode(pcm).decode()), not {type(audio).__name__}"
            )
        await self._connection._send_event({"type": "input_audio_buffer.append", "audio": audio, "event_id": event_id})


class AsyncRealtimeConversationResource(_ConnectionResource):
    __slots__ = ("item",)

    def __init__(self, connection: AsyncRealtimeConnection) -> None:
        super().__init__(connection)
        self.item = AsyncRealtimeConversationItemResource(connection)


class AsyncRealtimeConversationItemResource(_ConnectionResource):
    __slots__ = ()

    async def delete(self, *, item_id: str, event_id: str | Omit = omit) -> None:
        await self._connection._send_event({"type": "conversation.item.delete", "item_id": item_id, "event_id": event_id})

    async def create(
        self, *, item: ConversationItemParam, event_id: str | Omit = omit, previous_item_id: str | Omit = omit
    ) -> None:
        """Add an item (a message, a function call's output, ...) after ``previous_item_id`` (default:
        last)."""
        await self._connection._send_event(
            {"type": "conversation.item.create", "item": item, "event_id": event_id, "previous_item_id": previous_item_id}
        )

    async def truncate(self, *, audio_end_ms: int, content_index: int, item_id: str, event_id: str | Omit = omit) -> None:
        """Cut an assistant audio message at ``audio_end_ms`` (the user interrupted playback there)."""
        await self._connection._send_event(
            {
                "type": "conversation.item.truncate",
                "audio_end_ms": audio_end_ms,
                "content_index": content_index,
                "item_id": item_id,
                "event_id": event_id,
            }
        )

    async def retrieve(self, *, item_id: str, event_id: str | Omit = omit) -> None:
        """Ask for an item as the server holds it (``conversation.item.retrieved`` answers)."""
        await self._connection._send_event({"type": "conversation.item.retrieve", "item_id": item_id, "event_id": event_id})


class AsyncRealtimeOutputAudioBufferResource(_ConnectionResource):
    __slots__ = ()

    async def clear(self, *, event_id: str | Omit = omit) -> None:
        """WebRTC and SIP only: stop the audio being played."""
        await self._connection._send_event({"type": "output_audio_buffer.clear", "event_id": event_id})
