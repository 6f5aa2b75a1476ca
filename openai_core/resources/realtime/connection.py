"""A live realtime connection: typed client events out, typed server events in, over the transport's
WebSocket. The names are the official SDK's (``connection.session.update(...)``, ``connection.response
.create()``, ``async for event in connection``, ``recv()``, ``send()``, ``close()``)."""

from __future__ import annotations

from ..._types import Omit, omit
from ...transports._websocket_common import WebSocketRequest
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
from .._websocket_protocol import EventHandlers, encode_client_event, parse_server_event
from .._websocket_session import AsyncWebSocketSession, handler_decorator

__all__ = [
    "AsyncRealtimeConnection",
    "AsyncRealtimeConversationItemResource",
    "AsyncRealtimeConversationResource",
    "AsyncRealtimeInputAudioBufferResource",
    "AsyncRealtimeOutputAudioBufferResource",
    "AsyncRealtimeResponseResource",
    "AsyncRealtimeSessionResource",
    "handler_decorator",
]

ClientEvent = RealtimeClientEvent | RealtimeClientEventParam | ResponseCreateEventWithReferencesParam


class AsyncRealtimeConnection(AsyncWebSocketSession[RealtimeServerEvent]):
    """A live WebSocket to the Realtime API, from ``async with client.realtime.connect(...)``.

    ``async for event in connection`` yields every server event until the server closes normally (1000
    or 1001); any other close raises ``RealtimeConnectionClosedError`` (an ``APIConnectionError``) with
    the close code. ``error`` events are yielded like any other, as in the official SDK (they do not
    end the session); ``dispatch_events()`` raises on one that no handler takes."""

    _api_name = "realtime"
    _parse = staticmethod(parse_server_event)
    _error_event = RealtimeErrorEvent

    session: AsyncRealtimeSessionResource
    response: AsyncRealtimeResponseResource
    input_audio_buffer: AsyncRealtimeInputAudioBufferResource
    conversation: AsyncRealtimeConversationResource
    output_audio_buffer: AsyncRealtimeOutputAudioBufferResource

    def __init__(
        self, websocket: AsyncWebSocket, request: WebSocketRequest, *, handlers: EventHandlers | None = None
    ) -> None:
        super().__init__(websocket, request, handlers=handlers)
        self.session = AsyncRealtimeSessionResource(self)
        self.response = AsyncRealtimeResponseResource(self)
        self.input_audio_buffer = AsyncRealtimeInputAudioBufferResource(self)
        self.conversation = AsyncRealtimeConversationResource(self)
        self.output_audio_buffer = AsyncRealtimeOutputAudioBufferResource(self)

    async def send(self, event: ClientEvent) -> None:
        """Send a client event: a dict (``{"type": "response.create"}``) or an event model."""
        await self.send_raw(encode_client_event(event))


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
