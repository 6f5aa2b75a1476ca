"""The embedded server's smaller WebSocket APIs: ``/v1/responses`` (the Responses API's WebSocket mode).

Each is a function from one client event to the server events that answer it, run by one socket loop:
Bearer auth on the upgrade (an ``ek_`` key must be a live client secret), JSON text frames both ways,
an ``error`` event (with the HTTP ``status`` the request would have had) for a frame that is not an
event or a request the API refuses. The sessions are recorded like REST calls (``/_mock/requests``).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from aiohttp import WSMsgType, web

from ._common import ApiError, error_body
from ._realtime import REALTIME_KEY
from ._responses import respond
from ._state import ServerState

__all__ = ["add_event_socket_routes"]

Answer = Callable[[ServerState, web.Request, dict[str, Any]], list[dict[str, Any]]]
_MAX_MESSAGE = 16 * 1024 * 1024


def _error_event(exc: ApiError) -> dict[str, Any]:
    error = {"type": exc.type, "code": exc.code, "message": exc.message, "param": exc.param}
    return {"type": "error", "status": exc.status, "error": error}


def _refusal(status: int, message: str, code: str | None = None) -> web.Response:
    return web.Response(status=status, body=error_body(message, "invalid_request_error", None, code),
                        content_type="application/json")


def _socket(state: ServerState, answer: Answer) -> Callable[[web.Request], Any]:
    async def endpoint(request: web.Request) -> web.StreamResponse:
        state.record(request, b"")
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        token = token.strip()
        secrets = request.app[REALTIME_KEY].secrets
        if scheme.lower() != "bearer" or not token or (token.startswith("ek_") and secrets.get(token, 0) < time.time()):
            return _refusal(401, "Incorrect API key provided.", "invalid_api_key")
        if request.headers.get("Upgrade", "").lower() != "websocket":
            return _refusal(400, "This endpoint is a WebSocket: send an Upgrade request.")
        ws = web.WebSocketResponse(max_msg_size=_MAX_MESSAGE)
        await ws.prepare(request)
        async for message in ws:
            if message.type is not WSMsgType.TEXT:
                replies = [_error_event(ApiError(400, "Events are JSON text frames."))]
            else:
                try:
                    event = json.loads(message.data)
                    if not isinstance(event, dict) or not isinstance(event.get("type"), str):
                        raise ApiError(400, "An event is a JSON object with a 'type'.", code="invalid_event")
                    replies = answer(state, request, event)
                except ValueError:
                    replies = [_error_event(ApiError(400, "The frame is not JSON.", code="invalid_json"))]
                except ApiError as exc:
                    replies = [_error_event(exc)]
            for reply in replies:
                await ws.send_str(json.dumps(reply))
        return ws

    return endpoint


# -- /v1/responses ------------------------------------------------------------------------------------


def _responses_answer(state: ServerState, request: web.Request, event: dict[str, Any]) -> list[dict[str, Any]]:
    kind = event["type"]
    stream_id = event.get("stream_id")
    lane = {"stream_id": stream_id} if isinstance(stream_id, str) else {}
    if kind == "response.create":
        body = {k: v for k, v in event.items() if k not in ("type", "stream_id", "generate")}
        try:
            if event.get("background") is True:
                raise ApiError(400, "'background' is not supported over WebSocket.", param="background",
                               code="unsupported_parameter")
            _, events = respond(state, {**body, "stream": True})
        except ApiError as exc:
            return [{**_error_event(exc), **lane}]
        return [{**e, **lane} for e in events]
    if kind == "response.steer":
        previous = event.get("previous_response_id")
        steer = {"id": state.object_id("steer").replace("-", "_"), "previous_response_id": previous}
        if not isinstance(previous, str) or previous not in state.responses.items:
            error = {"type": "invalid_request_error", "code": "response_not_found",
                     "message": f"Response '{previous}' is not available on this connection."}
            return [{"type": "response.steer.failed", "sequence_number": 0, "error": error,
                     "steer": {"input": event.get("input"), "previous_response_id": previous}}]
        return [{"type": "response.steer.accepted", "sequence_number": 0, "steer": steer}]
    raise ApiError(400, f"Unknown event type {kind!r}.", param="type", code="invalid_event_type")


def add_event_socket_routes(app: web.Application, state: ServerState) -> None:
    app.router.add_get("/v1/responses", _socket(state, _responses_answer))
