"""``client.responses.connect()``: the Responses API's WebSocket mode, one socket for many responses.

``connection.response.create(...)`` sends a ``response.create`` event (the parameters of
``responses.create``, plus ``stream_id`` to tell concurrent responses apart, ``generate``), and
``connection.response.steer(...)`` queues input into a response in progress; the server answers with the
events of a streamed response (``ResponsesServerEvent``). The names are the official SDK's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from typing_extensions import Unpack

from ..._models import json_parser
from ..._params import ParamSpec
from ...transports._websocket_common import WebSocketRequest
from ...transports.websocket import AsyncWebSocket
from ...types.responses.response_create_params import ResponseCreateParamsBase
from ...types.responses.response_input_param import ResponseInputParam
from ...types.responses.responses_server_event import ResponsesServerEvent, ResponseWsError
from .._websocket_protocol import EventHandlers, encode_client_event
from .._websocket_session import AsyncWebSocketSession, AsyncWebSocketSessionManager

__all__ = [
    "AsyncResponsesConnection",
    "AsyncResponsesConnectionManager",
    "AsyncResponsesResponseResource",
    "ResponseCreateEventParams",
]


class ResponseCreateEventParams(ResponseCreateParamsBase, total=False):
    """``response.create`` over the WebSocket: the body of ``POST /responses`` (``stream`` is implied,
    ``background`` refused by the server) and the WebSocket-only ``stream_id`` and ``generate``."""

    generate: bool
    stream: bool | None
    stream_id: str


_CREATE = ParamSpec("create", ResponseCreateEventParams)
_parse = json_parser(ResponsesServerEvent)  # its validator is built on the first event


def parse_responses_event(data: str | bytes) -> ResponsesServerEvent:
    """One frame's JSON text as a typed server event (an unknown ``type`` as ResponseUnknownEvent)."""
    event: ResponsesServerEvent = _parse(data)
    return event


class AsyncResponsesConnection(AsyncWebSocketSession[ResponsesServerEvent]):
    """A live WebSocket to the Responses API, from ``async with client.responses.connect()``."""

    _api_name = "responses"
    _parse = staticmethod(parse_responses_event)
    _error_event = ResponseWsError

    response: AsyncResponsesResponseResource

    def __init__(
        self, websocket: AsyncWebSocket, request: WebSocketRequest, *, handlers: EventHandlers | None = None
    ) -> None:
        super().__init__(websocket, request, handlers=handlers)
        self.response = AsyncResponsesResponseResource(self)

    async def send(self, event: Mapping[str, Any] | Any) -> None:
        """Send a client event: a dict (``{"type": "response.create", ...}``) or an event model."""
        await self.send_raw(encode_client_event(event))


class AsyncResponsesResponseResource:
    __slots__ = ("_connection",)

    def __init__(self, connection: AsyncResponsesConnection) -> None:
        self._connection = connection

    async def create(self, **params: Unpack[ResponseCreateEventParams]) -> None:
        """Start a response (its events follow: ``response.created`` ... ``response.completed``)."""
        body, _ = _CREATE.split(params)
        # The official SDK writes the parameters in alphabetical order after "type": the same bytes.
        await self._connection._send_event({"type": "response.create", **dict(sorted(body.items()))})

    async def steer(self, *, input: str | ResponseInputParam, previous_response_id: str) -> None:
        """Queue user input (text, images, files) for the response ``previous_response_id`` in progress:
        ``response.steer.accepted`` acknowledges it, the successor's ``response.created`` applies it."""
        if not isinstance(previous_response_id, str):
            raise TypeError(f"previous_response_id must be a str, not {type(previous_response_id).__name__}")
        await self._connection._send_event(
            {"type": "response.steer", "input": input, "previous_response_id": previous_response_id}
        )


class AsyncResponsesConnectionManager(AsyncWebSocketSessionManager[AsyncResponsesConnection]):
    """What ``client.responses.connect()`` returns: ``async with`` it for an ``AsyncResponsesConnection``
    (or ``await manager.enter()``); ``send()`` and ``on()`` work before it opens."""

    _connection_class = AsyncResponsesConnection

    def send(self, event: Mapping[str, Any] | Any) -> None:
        """Queue an event to send as soon as the connection opens (before anything else is sent)."""
        self._queue_event(event)

