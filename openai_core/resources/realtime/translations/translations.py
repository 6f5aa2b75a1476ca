"""``client.realtime.translations``: ``connect(model=...)`` opens a live speech translation session over
the transport's WebSocket (``<websocket base>/realtime/translations``); ``client_secrets`` is its REST
part. Written by hand beside the generated ``client_secrets`` (the generator writes REST calls only).

Source audio goes in (``connection.session.input_audio_buffer.append(audio=...)``, base64 of 24 kHz
PCM16 mono), translated audio and transcript deltas come out (``RealtimeTranslationServerEvent``).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any

from ...._models import json_parser
from ...._resource import AsyncAPIResource
from ...._types import Headers, Omit, Query, omit
from ...._unions import open_union
from ....transports._websocket_common import WebSocketOptions, WebSocketRequest
from ....transports.websocket import AsyncWebSocket
from ....types.realtime.realtime_error_event import RealtimeErrorEvent
from ....types.realtime.realtime_translation_server_event import RealtimeTranslationServerEvent
from ....types.realtime.realtime_unknown_server_event import RealtimeUnknownServerEvent
from ..._websocket_protocol import DEFAULT_MAX_QUEUE_SIZE, EventHandlers, encode_client_event
from ..._websocket_session import AsyncWebSocketSession, AsyncWebSocketSessionManager, OnReconnecting
from .client_secrets import AsyncClientSecrets

__all__ = ["AsyncTranslations", "AsyncTranslationsConnection", "AsyncTranslationsConnectionManager"]

# An event of a type the union does not list arrives as RealtimeUnknownServerEvent, every field kept.
_parse = json_parser(open_union(RealtimeTranslationServerEvent, RealtimeUnknownServerEvent))


def parse_translation_event(data: str | bytes) -> RealtimeTranslationServerEvent:
    event: RealtimeTranslationServerEvent = _parse(data)
    return event


class AsyncTranslations(AsyncAPIResource):
    __slots__ = ("__dict__",)
    _helpers = frozenset({"connect"})  # a WebSocket session, not one HTTP call

    @cached_property
    def client_secrets(self) -> AsyncClientSecrets:
        return AsyncClientSecrets(self._client)

    def connect(
        self,
        *,
        model: str,
        extra_query: Query | None = None,
        extra_headers: Headers | None = None,
        websocket_connection_options: WebSocketOptions | None = None,
        max_queue_size: int = DEFAULT_MAX_QUEUE_SIZE,
    on_reconnecting: OnReconnecting | None = None,
    max_retries: int = 5,
    initial_delay: float = 0.5,
    max_delay: float = 8.0,
    ) -> AsyncTranslationsConnectionManager:
        """A translation session, opened on ``async with`` (or ``await ....enter()``), as
        ``client.realtime.connect``::

            async with client.realtime.translations.connect(model="gpt-realtime-translate") as connection:
                await connection.session.update(session={"audio": {"output": {"language": "fr"}}})
                await connection.session.input_audio_buffer.append(audio=base64_pcm)
                async for event in connection:
                    ...
        """
        if not isinstance(model, str):
            raise TypeError(f"model must be a str, not {type(model).__name__}")
        return AsyncTranslationsConnectionManager(
            client=self._client,
            path="realtime/translations",
            query={"model": model},
            extra_query=extra_query,
            extra_headers=extra_headers,
            websocket_connection_options=websocket_connection_options,
            max_queue_size=max_queue_size,
            on_reconnecting=on_reconnecting, max_retries=max_retries, initial_delay=initial_delay,
            max_delay=max_delay,
        )


class AsyncTranslationsConnection(AsyncWebSocketSession[RealtimeTranslationServerEvent]):
    """A live WebSocket to the realtime translation API."""

    _api_name = "realtime translation"
    _parse = staticmethod(parse_translation_event)
    _error_event = RealtimeErrorEvent

    session: AsyncTranslationsSessionResource

    def __init__(
        self, websocket: AsyncWebSocket, request: WebSocketRequest, *, handlers: EventHandlers | None = None
    ) -> None:
        super().__init__(websocket, request, handlers=handlers)
        self.session = AsyncTranslationsSessionResource(self)

    async def send(self, event: Any) -> None:
        """Send a client event: a dict (``{"type": "session.update", ...}``) or an event model."""
        await self.send_raw(encode_client_event(event))


class AsyncTranslationsConnectionManager(AsyncWebSocketSessionManager[AsyncTranslationsConnection]):
    """What ``client.realtime.translations.connect(...)`` returns (see the realtime manager)."""

    _connection_class = AsyncTranslationsConnection

    def send(self, event: Any) -> None:
        """Queue an event to send as soon as the connection opens (before anything else is sent)."""
        self._queue_event(event)


class AsyncTranslationsSessionResource:
    __slots__ = ("_connection", "input_audio_buffer")

    def __init__(self, connection: AsyncTranslationsConnection) -> None:
        self._connection = connection
        self.input_audio_buffer = AsyncTranslationsSessionInputAudioBufferResource(connection)

    async def update(self, *, session: Mapping[str, Any], event_id: str | Omit = omit) -> None:
        """Change the output language, the input transcription or noise reduction."""
        await self._connection._send_event({"type": "session.update", "session": session, "event_id": event_id})

    async def close(self, *, event_id: str | Omit = omit) -> None:
        """End the session gracefully: the server flushes pending audio, then sends ``session.closed``."""
        await self._connection._send_event({"type": "session.close", "event_id": event_id})


class AsyncTranslationsSessionInputAudioBufferResource:
    __slots__ = ("_connection",)

    def __init__(self, connection: AsyncTranslationsConnection) -> None:
        self._connection = connection

    async def append(self, *, audio: str, event_id: str | Omit = omit) -> None:
        """Add source audio: base64 of 24 kHz PCM16 mono, best in 200 ms chunks."""
        if not isinstance(audio, str):
            raise TypeError(
                f"audio must be base64 text (base64.b64encode(pcm).decode()), not {type(audio).__name__}"
            )
        await self._connection._send_event(
            {"type": "session.input_audio_buffer.append", "audio": audio, "event_id": event_id}
        )
