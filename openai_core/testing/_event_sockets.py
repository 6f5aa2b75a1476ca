"""The embedded server's smaller WebSocket APIs: ``/v1/responses`` (the Responses API's WebSocket mode),
``/v1/realtime/translations`` (with its ``client_secrets``) and the live sessions (``/v1/live/sessions``,
a fork at ``.../{id}/fork``, a sideband attached at ``.../{id}/attach``).

Each is a function from one client event to the server events that answer it, run by one socket loop:
Bearer auth on the upgrade (an ``ek_`` key must be a live client secret), JSON text frames both ways,
an ``error`` event (with the HTTP ``status`` the request would have had) for a frame that is not an
event or a request the API refuses. The sessions are recorded like REST calls (``/_mock/requests``).
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Callable
from typing import Any

from aiohttp import WSMsgType, web

from ._common import ApiError, dumps, error_body
from ._realtime import REALTIME_KEY
from ._responses import respond
from ._state import ServerState

__all__ = ["add_event_socket_routes"]

Answer = Callable[[ServerState, web.Request, dict[str, Any]], list[dict[str, Any]]]
Greeting = Callable[[ServerState, web.Request], list[dict[str, Any]]]
_MAX_MESSAGE = 16 * 1024 * 1024
_TRANSLATION_SESSION = web.RequestKey("translation_session", dict)
_LIVE_SESSION = web.RequestKey("live_session", dict)
LIVE_KEY = web.AppKey("openai_core.testing.live", dict)  # session id -> the session's configuration


def _error_event(exc: ApiError) -> dict[str, Any]:
    error = {"type": exc.type, "code": exc.code, "message": exc.message, "param": exc.param}
    return {"type": "error", "status": exc.status, "error": error}


def _refusal(status: int, message: str, code: str | None = None) -> web.Response:
    return web.Response(status=status, body=error_body(message, "invalid_request_error", None, code),
                        content_type="application/json")


def _socket(state: ServerState, answer: Answer, greeting: Greeting | None = None,
            *, required_query: str | None = None) -> Callable[[web.Request], Any]:
    """The endpoint: ``greeting`` says what the server sends first; an answer ending with a
    ``session.closed`` event closes the socket after it (1000)."""

    async def endpoint(request: web.Request) -> web.StreamResponse:
        state.record(request, b"")
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        token = token.strip()
        secrets = request.app[REALTIME_KEY].secrets
        if scheme.lower() != "bearer" or not token or (token.startswith("ek_") and secrets.get(token, 0) < time.time()):
            return _refusal(401, "Incorrect API key provided.", "invalid_api_key")
        if required_query and not request.query.get(required_query):
            return _refusal(400, f"Missing required parameter: '{required_query}'.", "missing_required_parameter")
        if request.headers.get("Upgrade", "").lower() != "websocket":
            return _refusal(400, "This endpoint is a WebSocket: send an Upgrade request.")
        ws = web.WebSocketResponse(max_msg_size=_MAX_MESSAGE)
        await ws.prepare(request)
        for reply in greeting(state, request) if greeting else []:
            await ws.send_str(json.dumps(reply))
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
            if replies and replies[-1]["type"] == "session.closed":
                await ws.close()
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


# -- /v1/realtime/translations ---------------------------------------------------------------------------


def _translation_session(state: ServerState, model: str, config: dict[str, Any] | None = None) -> dict[str, Any]:
    audio: dict[str, dict[str, Any]] = {"input": {"transcription": None, "noise_reduction": None},
                                        "output": {"language": "en"}}
    for side, settings in ((config or {}).get("audio") or {}).items():
        if side in audio and isinstance(settings, dict):
            audio[side] = {**audio[side], **settings}
    return {"id": state.object_id("sess"), "type": "translation", "model": model,
            "expires_at": int(time.time()) + 600, "audio": audio}


def _translation_greeting(state: ServerState, request: web.Request) -> list[dict[str, Any]]:
    session = _translation_session(state, request.query["model"])
    request[_TRANSLATION_SESSION] = session
    return [{"type": "session.created", "event_id": state.object_id("event"), "session": session}]


def _translation_answer(state: ServerState, request: web.Request, event: dict[str, Any]) -> list[dict[str, Any]]:
    """The mock translator: the appended audio's length comes back as a transcript and as audio of the
    same length (so a test can check what arrived), in the session's output language."""
    session = request[_TRANSLATION_SESSION]
    kind = event["type"]

    def event_id() -> str:
        return state.object_id("event")

    if kind == "session.update":
        update = event.get("session")
        if not isinstance(update, dict):
            raise ApiError(400, "Invalid 'session': expected an object.", param="session", code="invalid_value")
        for side, settings in (update.get("audio") or {}).items():
            if side in session["audio"] and isinstance(settings, dict):
                session["audio"][side] = {**session["audio"][side], **settings}
        return [{"type": "session.updated", "event_id": event_id(), "session": session}]
    if kind == "session.input_audio_buffer.append":
        try:
            pcm = base64.b64decode(event.get("audio") or "", validate=True)
        except ValueError:
            raise ApiError(400, "Invalid 'audio': not base64.", param="audio", code="invalid_value") from None
        language = session["audio"]["output"].get("language", "en")
        return [
            {"type": "session.output_transcript.delta", "event_id": event_id(),
             "delta": f"[{language}] {len(pcm)} bytes"},
            {"type": "session.output_audio.delta", "event_id": event_id(), "delta": base64.b64encode(pcm).decode(),
             "sample_rate": 24000, "channels": 1, "format": "pcm16"},
        ]
    if kind == "session.close":
        return [{"type": "session.closed", "event_id": event_id()}]
    raise ApiError(400, f"Unknown event type {kind!r}.", param="type", code="invalid_event_type")


def create_translation_secret(state: ServerState, request: web.Request, body: Any) -> bytes:
    session = body.get("session")
    if not isinstance(session, dict) or not isinstance(session.get("model"), str):
        raise ApiError(400, "Missing required parameter: 'session.model'.", param="session.model",
                       code="missing_required_parameter")
    expires_at = int(time.time()) + 600
    value = f"ek_{state.object_id('secret').replace('-', '')}"
    request.app[REALTIME_KEY].secrets[value] = expires_at
    return dumps({"value": value, "expires_at": expires_at,
                  "session": _translation_session(state, session["model"], session)})


# -- /v1/live/sessions ------------------------------------------------------------------------------------

# A command and the event that acknowledges it.
_LIVE_ACKS = {
    "session.input_audio.mute": "session.input_audio.muted",
    "session.input_audio.unmute": "session.input_audio.unmuted",
    "session.output_audio.fixture.play": "session.output_audio.fixture.playing",
    "session.instructions.append": "session.instructions.appended",
    "session.thinking.append": "session.thinking.appended",
    "session.commentary.append": "session.commentary.appended",
    "transport.dtmf.send": "transport.dtmf.sent",
}


def _live_greeting(state: ServerState, request: web.Request) -> list[dict[str, Any]]:
    """A fork or a sideband needs a session started on this server; a sideband sees it as it is."""
    sessions = request.app[LIVE_KEY]
    parent_id = request.match_info.get("session_id")
    if parent_id is not None and parent_id not in sessions:
        error = {"type": "invalid_request_error", "code": "session_not_found",
                 "message": f"Live session '{parent_id}' not found."}
        return [{"type": "error", "event_id": state.object_id("event"), "error": error}]
    if request.path.endswith("/attach"):
        request[_LIVE_SESSION] = sessions[parent_id]
        return [{"type": "session.resumed", "event_id": state.object_id("event")}]
    return []


def _live_answer(state: ServerState, request: web.Request, event: dict[str, Any]) -> list[dict[str, Any]]:
    sessions = request.app[LIVE_KEY]
    kind, command_id = event["type"], event.get("event_id")
    eid = state.object_id("event")
    session = request.get(_LIVE_SESSION)
    if kind == "session.start":
        if session is not None or request.path.endswith("/attach"):
            raise ApiError(400, "The session has started already.", code="session_already_started")
        config = event.get("session")
        parent_id = request.match_info.get("session_id")
        base = dict(sessions[parent_id]) if parent_id in sessions else {}
        if not isinstance(config, dict) or (not base and not isinstance(config.get("model"), str)):
            raise ApiError(400, "Missing required parameter: 'session.model'.", param="session.model",
                           code="missing_required_parameter")
        session = {**base, **config, "id": state.object_id("live").replace("-", "_"), "type": "live"}
        sessions[session["id"]] = request[_LIVE_SESSION] = session
        return [{"type": "session.started", "event_id": eid, "session": session}]
    if session is None:
        raise ApiError(400, f"Send session.start before {kind!r}.", code="session_not_started")
    if kind == "session.update":
        session.update(event.get("session") or {})
        return [{"type": "session.updated", "event_id": eid, "session": session}]
    if kind == "session.input_audio.append":
        heard = len(base64.b64decode(event.get("audio") or ""))
        return [{"type": "session.input_transcript.delta", "event_id": eid, "delta": f"{heard} bytes",
                 "start_ms": 0, "end_ms": heard // 48}]
    if kind in _LIVE_ACKS:
        return [{"type": _LIVE_ACKS[kind], "event_id": eid, "start_ms": 0, "end_ms": 0,
                 **({"event": event["event"]} if kind == "transport.dtmf.send" else {})}]
    if kind in ("decision.item.create", "decision.item.delete"):
        return [{"type": kind.replace("create", "created").replace("delete", "deleted"), "event_id": eid,
                 **({"item": event.get("item")} if kind.endswith("create") else {"item_id": event.get("item_id")})}]
    if kind in ("response.create", "response.item.create", "decision.create"):
        reply = f"echo: {session.get('instructions') or ''}".strip()
        wrapper = "decision.event" if kind == "decision.create" else "response.event"
        return [{"type": "session.output_transcript.delta", "event_id": eid, "delta": reply, "start_ms": 0,
                 "end_ms": 10},
                {"type": wrapper, "event_id": state.object_id("event"),
                 "event": {"type": "done", "client_event_id": command_id}}]
    if kind == "session.close":
        return [{"type": "session.closed", "event_id": eid, "reason": "client", "session": session,
                 "usage": {"input_tokens": 0, "output_tokens": 0}}]
    raise ApiError(400, f"Unknown event type {kind!r}.", param="type", code="invalid_event_type")


def add_event_socket_routes(app: web.Application, state: ServerState, post: Callable[..., None]) -> None:
    """Register the WebSockets on ``app``; ``post`` registers a REST route through the app's pipeline."""
    app.router.add_get("/v1/responses", _socket(state, _responses_answer))
    app.router.add_get("/v1/realtime/translations", _socket(state, _translation_answer, _translation_greeting,
                                                            required_query="model"))
    post("/v1/realtime/translations/client_secrets", create_translation_secret)
    app[LIVE_KEY] = {}
    live = _socket(state, _live_answer, _live_greeting)
    app.router.add_get("/v1/live/sessions", live)
    app.router.add_get("/v1/live/sessions/{session_id}/fork", live)
    app.router.add_get("/v1/live/sessions/{session_id}/attach", live)
