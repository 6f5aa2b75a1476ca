"""Live sessions over the transport's WebSocket: ``client.live.connect()`` (a new session),
``client.live.forks.connect(session_id=...)`` (a fork of one) and ``client.live.sideband.connect(
session_id=...)`` (attach to one, e.g. a phone call's, from a server). The names are the official SDK's.

The three speak one protocol; the differences are facts: the path, ``session.start`` (a new session and
a fork send it, an attached sideband does not), appending input audio (not from the sideband), and the
sideband's DTMF sending. Server events are typed only as far as ``LiveErrorEvent``: every other event
is a ``LiveServerEvent`` with its ``type`` and every field kept (the official SDK models 30 kinds; the
spec openai_core is generated from has none of them yet).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Tag

from ..._models import BaseModel, json_parser
from ..._types import Omit, omit
from ...transports._websocket_common import WebSocketRequest
from ...transports.websocket import AsyncWebSocket
from .._websocket_protocol import EventHandlers, encode_client_event
from .._websocket_session import AsyncWebSocketSession, AsyncWebSocketSessionManager

__all__ = [
    "DEFAULT_LIVE_QUEUE_SIZE",
    "AsyncForksConnection",
    "AsyncForksConnectionManager",
    "AsyncLiveConnection",
    "AsyncLiveConnectionManager",
    "AsyncSidebandConnection",
    "AsyncSidebandConnectionManager",
    "LiveErrorEvent",
    "LiveServerEvent",
]

# What connect(...).send() may queue before the connection opens, as in the official SDK.
DEFAULT_LIVE_QUEUE_SIZE = 2_097_152


class LiveServerEvent(BaseModel):
    """A server event of a live session (``session.started``, ``session.output_audio.delta`` ...)."""

    type: str
    event_id: str | None = None


class LiveErrorEvent(BaseModel):
    """A command was refused (``error["client_event_id"]`` names it); the session goes on."""

    type: Literal["error"]
    error: dict[str, Any]
    event_id: str | None = None


def _tag(value: Any) -> str:
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return "error" if kind == "error" else "event"


_parse = json_parser(
    Annotated[Annotated[LiveErrorEvent, Tag("error")] | Annotated[LiveServerEvent, Tag("event")], Discriminator(_tag)]
)


def parse_live_event(data: str | bytes) -> LiveErrorEvent | LiveServerEvent:
    event: LiveErrorEvent | LiveServerEvent = _parse(data)
    return event


class _LiveSession(AsyncWebSocketSession[LiveErrorEvent | LiveServerEvent]):
    _api_name = "live"
    _parse = staticmethod(parse_live_event)
    _error_event = LiveErrorEvent

    async def send(self, event: Mapping[str, Any] | Any) -> None:
        """Send a client event: a dict (``{"type": "response.create"}``) or an event model."""
        await self.send_raw(encode_client_event(event))


class AsyncLiveConnection(_LiveSession):
    """A new live session, from ``async with client.live.connect()``: send ``session.start`` first."""

    def __init__(
        self, websocket: AsyncWebSocket, request: WebSocketRequest, *, handlers: EventHandlers | None = None
    ) -> None:
        super().__init__(websocket, request, handlers=handlers)
        self.session = AsyncLiveSessionResource(self)
        self.decision = AsyncLiveDecisionResource(self)
        self.response = AsyncLiveResponseResource(self)


class AsyncForksConnection(AsyncLiveConnection):
    """A fork of a live session, from ``client.live.forks.connect(session_id=...)``: ``session.start``
    with overrides (maybe none); the model is inherited."""


class AsyncSidebandConnection(_LiveSession):
    """An attachment to a running live session, from ``client.live.sideband.connect(session_id=...)``:
    no ``session.start``; DTMF can be sent on a phone call."""

    def __init__(
        self, websocket: AsyncWebSocket, request: WebSocketRequest, *, handlers: EventHandlers | None = None
    ) -> None:
        super().__init__(websocket, request, handlers=handlers)
        self.session = AsyncSidebandSessionResource(self)
        self.decision = AsyncLiveDecisionResource(self)
        self.response = AsyncLiveResponseResource(self)
        self.transport = AsyncSidebandTransportResource(self)


class _Manager(AsyncWebSocketSessionManager[Any]):
    def send(self, event: Mapping[str, Any] | Any) -> None:
        """Queue an event to send as soon as the connection opens (before anything else is sent)."""
        self._queue_event(event)


class AsyncLiveConnectionManager(_Manager):
    _connection_class = AsyncLiveConnection

    async def __aenter__(self) -> AsyncLiveConnection:
        connection: AsyncLiveConnection = await super().__aenter__()
        return connection

    enter = __aenter__


class AsyncForksConnectionManager(_Manager):
    _connection_class = AsyncForksConnection

    async def __aenter__(self) -> AsyncForksConnection:
        connection: AsyncForksConnection = await super().__aenter__()
        return connection

    enter = __aenter__


class AsyncSidebandConnectionManager(_Manager):
    _connection_class = AsyncSidebandConnection

    async def __aenter__(self) -> AsyncSidebandConnection:
        connection: AsyncSidebandConnection = await super().__aenter__()
        return connection

    enter = __aenter__


# -- the connections' resources: one method per client event ---------------------------------------------


class _Resource:
    __slots__ = ("_connection",)

    def __init__(self, connection: _LiveSession) -> None:
        self._connection = connection

    async def _send(self, event: dict[str, object]) -> None:
        await self._connection._send_event(event)


def _text(name: str, value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")


class _Appender(_Resource):
    __slots__ = ()
    _event_type = ""

    async def append(self, *, content: str, delegation_id: str | None, event_id: str | Omit | None = omit) -> None:
        """Add ``content`` (for the client delegation ``delegation_id``, or None)."""
        _text("content", content)
        await self._send({"type": self._event_type, "content": content, "delegation_id": delegation_id,
                          "event_id": event_id})


class AsyncLiveSessionCommentaryResource(_Appender):
    """Context the model can tell the user (refused while an audio fixture plays)."""

    __slots__ = ()
    _event_type = "session.commentary.append"


class AsyncLiveSessionInstructionsResource(_Appender):
    __slots__ = ()
    _event_type = "session.instructions.append"


class AsyncLiveSessionThinkingResource(_Appender):
    __slots__ = ()
    _event_type = "session.thinking.append"


class AsyncSidebandSessionInputAudioResource(_Resource):
    __slots__ = ()

    async def mute(self, *, event_id: str | Omit | None = omit) -> None:
        await self._send({"type": "session.input_audio.mute", "event_id": event_id})

    async def unmute(self, *, event_id: str | Omit | None = omit) -> None:
        await self._send({"type": "session.input_audio.unmute", "event_id": event_id})


class AsyncLiveSessionInputAudioResource(AsyncSidebandSessionInputAudioResource):
    __slots__ = ()

    async def append(self, *, audio: str, event_id: str | Omit | None = omit) -> None:
        """Add input audio: base64 text of the session's input format."""
        _text("audio", audio)
        await self._send({"type": "session.input_audio.append", "audio": audio, "event_id": event_id})


class AsyncLiveSessionOutputAudioFixtureResource(_Resource):
    __slots__ = ()

    async def play(self, *, audio: str, event_id: str | Omit | None = omit) -> None:
        """Play fixed audio (base64) to the user as the model's output."""
        _text("audio", audio)
        await self._send({"type": "session.output_audio.fixture.play", "audio": audio, "event_id": event_id})


class AsyncLiveSessionOutputAudioResource(_Resource):
    __slots__ = ("fixture",)

    def __init__(self, connection: _LiveSession) -> None:
        super().__init__(connection)
        self.fixture = AsyncLiveSessionOutputAudioFixtureResource(connection)


class AsyncSidebandSessionResource(_Resource):
    __slots__ = ("commentary", "input_audio", "instructions", "output_audio", "thinking")

    def __init__(self, connection: _LiveSession) -> None:
        super().__init__(connection)
        self.commentary = AsyncLiveSessionCommentaryResource(connection)
        self.input_audio: AsyncSidebandSessionInputAudioResource = AsyncSidebandSessionInputAudioResource(connection)
        self.instructions = AsyncLiveSessionInstructionsResource(connection)
        self.output_audio = AsyncLiveSessionOutputAudioResource(connection)
        self.thinking = AsyncLiveSessionThinkingResource(connection)

    async def update(self, *, session: Mapping[str, Any], event_id: str | Omit | None = omit) -> None:
        await self._send({"type": "session.update", "session": session, "event_id": event_id})

    async def close(self, *, event_id: str | Omit | None = omit) -> None:
        """End the session (``session.closed`` answers)."""
        await self._send({"type": "session.close", "event_id": event_id})


class AsyncLiveSessionResource(AsyncSidebandSessionResource):
    __slots__ = ()
    input_audio: AsyncLiveSessionInputAudioResource

    def __init__(self, connection: _LiveSession) -> None:
        super().__init__(connection)
        self.input_audio = AsyncLiveSessionInputAudioResource(connection)

    async def start(self, *, session: Mapping[str, Any], event_id: str | Omit | None = omit) -> None:
        """Start the session with its configuration (``session.started`` answers); a fork's overrides."""
        await self._send({"type": "session.start", "session": session, "event_id": event_id})


class AsyncLiveDecisionItemResource(_Resource):
    __slots__ = ()

    async def create(self, *, item: Mapping[str, Any], event_id: str | Omit | None = omit) -> None:
        """An input item for future decisions (the voice context does not change)."""
        await self._send({"type": "decision.item.create", "item": item, "event_id": event_id})

    async def delete(self, *, item_id: str, event_id: str | Omit | None = omit) -> None:
        await self._send({"type": "decision.item.delete", "item_id": item_id, "event_id": event_id})


class AsyncLiveDecisionResource(_Resource):
    __slots__ = ("item",)

    def __init__(self, connection: _LiveSession) -> None:
        super().__init__(connection)
        self.item = AsyncLiveDecisionItemResource(connection)

    async def create(self, *, event_id: str) -> None:
        """Evaluate the configured questions now (an ``event_id`` may not be reused in a session)."""
        _text("event_id", event_id)
        await self._send({"type": "decision.create", "event_id": event_id})


class AsyncLiveResponseItemResource(_Resource):
    __slots__ = ()

    async def create(self, *, item: Mapping[str, Any], event_id: str | Omit | None = omit) -> None:
        await self._send({"type": "response.item.create", "item": item, "event_id": event_id})


class AsyncLiveResponseResource(_Resource):
    __slots__ = ("item",)

    def __init__(self, connection: _LiveSession) -> None:
        super().__init__(connection)
        self.item = AsyncLiveResponseItemResource(connection)

    async def create(self, *, event_id: str | Omit | None = omit) -> None:
        await self._send({"type": "response.create", "event_id": event_id})


class AsyncSidebandTransportDtmfResource(_Resource):
    __slots__ = ()

    async def send(self, *, event: str, event_id: str | Omit | None = omit) -> None:
        """Send DTMF tones (``event``: the digits) on the call."""
        _text("event", event)
        await self._send({"type": "transport.dtmf.send", "event": event, "event_id": event_id})


class AsyncSidebandTransportResource(_Resource):
    __slots__ = ("dtmf",)

    def __init__(self, connection: _LiveSession) -> None:
        super().__init__(connection)
        self.dtmf = AsyncSidebandTransportDtmfResource(connection)
