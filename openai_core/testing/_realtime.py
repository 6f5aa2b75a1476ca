"""The embedded server's realtime API: the ``/v1/realtime`` WebSocket, ``client_secrets`` and ``calls``.

The session itself is :class:`~._realtime_model.RealtimeModel` (sans-IO); this module is its socket:
auth, faults, pings, and streaming a response while the client keeps sending (so ``response.cancel``
and slow readers behave as they would against the API).

Faults (the ``X-Mock-Fault`` header of the upgrade, or a ``model`` of ``fault:<spec>``):

- ``kind=ws_close;after=N[;code=C]`` — N events into the first response, close with code C (1011).
- ``kind=ws_drop;after=N[;mode=fin|rst]`` — N events into the first response, drop the TCP connection
  without a close frame (``rst``: reset it).
- ``kind=ws_slow;delay=S`` — wait S seconds before each event of a response.
- ``kind=ws_no_pong`` — never answer the client's pings.
- ``kind=ws_flood;bytes=N`` — answer ``response.create`` with audio deltas until N bytes of frames
  are written; how far the server got is at ``GET /_mock/realtime`` (``flood_sent``), to see a slow
  reader push back.
- ``kind=status;code=C`` — refuse the upgrade with HTTP status C.

``GET /_mock/realtime`` reports open sessions, pings received, and the event types each recent
session received.
"""

from __future__ import annotations

import asyncio
import base64
import collections
import contextlib
import json
import time
from collections.abc import Callable
from typing import Any

from aiohttp import WSMsgType, web

from ._common import ApiError, RawReply, dumps, error_body
from ._files import form_fields, parse_form
from ._realtime_model import RealtimeModel
from ._state import ServerState

__all__ = ["RealtimeStore", "add_realtime_routes"]

_MAX_MESSAGE = 64 * 1024 * 1024
_FLOOD_FRAME = base64.b64encode(bytes(48 * 1024)).decode()  # 64 KiB of text per frame
_FAULT_KEYS = {
    "ws_close": {"after", "code"},
    "ws_drop": {"after", "mode"},
    "ws_slow": {"delay"},
    "ws_no_pong": set(),
    "ws_flood": {"bytes"},
    "status": {"code"},
}


class RealtimeStore:
    """What the realtime routes remember: client secrets, calls, and counters for tests."""

    def __init__(self) -> None:
        self.secrets: dict[str, float] = {}  # ephemeral key -> expiry (time.time())
        self.calls: dict[str, str] = {}  # call id -> status
        self.open_sessions = 0
        self.pings = 0
        self.flood_sent: dict[str, int] = {}
        self.sessions: collections.deque[dict[str, Any]] = collections.deque(maxlen=256)

    def report(self) -> dict[str, Any]:
        return {"open_sessions": self.open_sessions, "pings": self.pings, "flood_sent": self.flood_sent,
                "sessions": list(self.sessions)}


REALTIME_KEY = web.AppKey("openai_core.testing.realtime", RealtimeStore)


def _fault(spec: str | None) -> dict[str, str]:
    if not spec:
        return {}
    fields = dict(part.partition("=")[::2] for part in spec.split(";") if part)
    kind = fields.get("kind", "")
    if kind not in _FAULT_KEYS or set(fields) - {"kind"} - _FAULT_KEYS[kind]:
        raise ApiError(400, f"Invalid realtime fault spec {spec!r}", code="invalid_fault_spec")
    return fields


def _json_error(status: int, body: bytes) -> web.Response:
    return web.Response(status=status, body=body, content_type="application/json")


def _token(request: web.BaseRequest) -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


class _Session:
    """One open WebSocket: reads client frames while a response streams on its own task."""

    def __init__(self, ws: web.WebSocketResponse, request: web.Request, model: RealtimeModel,
                 fault: dict[str, str], store: RealtimeStore) -> None:
        self.ws, self.request, self.model, self.fault, self.store = ws, request, model, fault, store
        self.responding: asyncio.Task[None] | None = None
        self.cancel = asyncio.Event()
        self.responses = 0
        self.log: dict[str, Any] = {"session_id": model.session["id"], "received": model.received}

    async def send(self, event: dict[str, Any]) -> None:
        await self.ws.send_str(json.dumps(event, separators=(",", ":")))

    async def run(self) -> None:
        await self.send(self.model.created())
        async for msg in self.ws:
            if msg.type is WSMsgType.PING:
                self.store.pings += 1
                if self.fault.get("kind") != "ws_no_pong":
                    await self.ws.pong(msg.data)
                continue
            if msg.type not in (WSMsgType.TEXT, WSMsgType.BINARY):
                continue
            answers, create = self.model.handle(msg.data)
            for answer in answers:
                await self.send(answer)
            if self.model.received and self.model.received[-1] == "response.cancel":
                self.cancel.set()
            if create is not None:
                self.model.response_active = True
                self.cancel.clear()
                self.responding = asyncio.create_task(self._respond(create))

    async def _respond(self, create: dict[str, Any]) -> None:
        kind = self.fault.get("kind")
        self.responses += 1
        try:
            if kind == "ws_flood":
                await self._flood(int(self.fault.get("bytes", "0")))
                return
            after = int(self.fault.get("after", "-1")) if self.responses == 1 else -1
            delay = float(self.fault.get("delay", "0")) if kind == "ws_slow" else 0.0
            for sent, event in enumerate(self.model.respond(create)):
                if sent == after:
                    await self._break(kind)
                    return
                if delay:
                    await asyncio.sleep(delay)
                if self.cancel.is_set():
                    await self.send(self.model.cancelled())
                    return
                await self.send(event)
        except (ConnectionError, RuntimeError):
            pass  # the client went away mid-response
        finally:
            self.model.response_active = False

    async def _break(self, kind: str | None) -> None:
        if kind == "ws_close":
            await self.ws.close(code=int(self.fault.get("code", "1011")), message=b"mock fault: closed mid-response")
        elif kind == "ws_drop":
            transport = self.request.transport
            if transport is not None:
                if self.fault.get("mode") == "rst":
                    transport.abort()
                else:
                    transport.close()

    async def _flood(self, total: int) -> None:
        key = self.request.headers.get("X-Mock-Fault-Key", "flood")
        sent = self.store.flood_sent[key] = 0
        frame = json.dumps({"type": "response.output_audio.delta", "event_id": "event_flood", "response_id": "resp",
                            "item_id": "item", "output_index": 0, "content_index": 0, "delta": _FLOOD_FRAME})
        while sent < total:
            await self.ws.send_str(frame)  # waits while the client does not read: that is the point
            sent += len(frame)
            self.store.flood_sent[key] = sent

    async def finish(self) -> None:
        if self.responding is not None and not self.responding.done():
            self.responding.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.responding


def _realtime_endpoint(state: ServerState, store: RealtimeStore) -> Callable[[web.Request], Any]:
    async def realtime(request: web.Request) -> web.StreamResponse:
        state.record(request, b"")
        try:
            fault = _fault(request.headers.get("X-Mock-Fault") or (
                request.query.get("model", "")[6:] if request.query.get("model", "").startswith("fault:") else None))
        except ApiError as exc:
            return _json_error(exc.status, exc.body())
        if fault.get("kind") == "status":
            code = int(fault.get("code", "500"))
            return _json_error(code, error_body(f"mock fault: status {code}", "server_error"))
        token = _token(request)
        if token is None or (token.startswith("ek_") and store.secrets.get(token, 0) < time.time()):
            return _json_error(401, error_body("Incorrect API key provided.", "invalid_request_error", None,
                                               "invalid_api_key"))
        model, call_id = request.query.get("model"), request.query.get("call_id")
        if not model and not call_id:
            return _json_error(400, error_body("Missing required parameter: 'model'.", "invalid_request_error",
                                               "model", "missing_required_parameter"))
        if request.headers.get("Upgrade", "").lower() != "websocket":
            return _json_error(400, error_body("The realtime API is a WebSocket: send an Upgrade request."))
        ws = web.WebSocketResponse(autoping=False, max_msg_size=_MAX_MESSAGE)
        await ws.prepare(request)
        session = _Session(ws, request, RealtimeModel(session_id=state.object_id("sess"), model=model or "",
                                                      call_id=call_id), fault, store)
        store.open_sessions += 1
        store.sessions.append(session.log)
        try:
            await session.run()
        except (ConnectionError, RuntimeError):
            pass
        finally:
            await session.finish()
            store.open_sessions -= 1
            if not ws.closed:
                await ws.close()
        return ws

    return realtime


# -- REST: client secrets and calls -----------------------------------------------------------------------


def _store(request: web.Request) -> RealtimeStore:
    return request.app[REALTIME_KEY]


def create_client_secret(state: ServerState, request: web.Request, body: Any) -> bytes:
    store = _store(request)
    expires = body.get("expires_after") or {}
    seconds = expires.get("seconds", 600) if isinstance(expires, dict) else 600
    if not isinstance(seconds, int) or not 10 <= seconds <= 7200:
        raise ApiError(400, "Invalid 'expires_after.seconds': expected an integer from 10 to 7200.",
                       param="expires_after.seconds", code="invalid_value")
    session = body.get("session") or {"type": "realtime"}
    if not isinstance(session, dict) or session.get("type") not in ("realtime", "transcription"):
        raise ApiError(400, "Invalid 'session.type': expected 'realtime' or 'transcription'.",
                       param="session.type", code="invalid_value")
    expires_at = int(time.time()) + seconds
    value = f"ek_{state.object_id('secret').replace('-', '')}"
    store.secrets[value] = expires_at
    described = {"object": "realtime.session", "id": state.object_id("sess"), "expires_at": 0, **session}
    if described["type"] == "transcription":
        described["object"] = "realtime.transcription_session"
    return dumps({"value": value, "expires_at": expires_at, "session": described})


def create_call(state: ServerState, request: web.Request, raw: bytes) -> RawReply:
    if request.content_type == "application/sdp":
        offer = raw.decode("utf-8", "replace")
    else:
        fields = form_fields(parse_form(request, raw))
        sdp = fields.get("sdp", "")
        offer = sdp if isinstance(sdp, str) else ""
        if "session" in fields:
            try:
                json.loads(str(fields["session"]))
            except ValueError:
                raise ApiError(400, "Invalid 'session': not JSON.", param="session", code="invalid_json") from None
    if not offer.startswith("v=0"):
        raise ApiError(400, "Invalid 'sdp': expected an SDP offer.", param="sdp", code="invalid_value")
    call_id = "rtc_" + state.object_id("call").replace("-", "")
    _store(request).calls[call_id] = "active"
    answer = f"v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=openai-core mock answer {call_id}\r\nt=0 0\r\n"
    return RawReply(answer.encode(), "application/sdp")


def _call_action(action: str) -> Callable[[ServerState, web.Request, Any], bytes]:
    def handler(state: ServerState, request: web.Request, body: Any) -> bytes:
        calls = _store(request).calls
        call_id = request.match_info["call_id"]
        if call_id not in calls:
            raise ApiError(404, f"Call '{call_id}' not found.", param="call_id", code="call_not_found")
        if action == "refer" and not isinstance(body.get("target_uri"), str):
            raise ApiError(400, "Missing required parameter: 'target_uri'.", param="target_uri",
                           code="missing_required_parameter")
        calls[call_id] = {"accept": "accepted", "hangup": "ended", "refer": "referred", "reject": "rejected"}[action]
        return b""

    return handler


def add_realtime_routes(app: web.Application, state: ServerState, post: Callable[..., None]) -> None:
    """Register the realtime routes on ``app``; ``post`` registers a REST route through the app's pipeline
    (record, faults, auth)."""
    store = app[REALTIME_KEY] = RealtimeStore()
    app.router.add_get("/v1/realtime", _realtime_endpoint(state, store))
    post("/v1/realtime/client_secrets", create_client_secret)
    post("/v1/realtime/calls", create_call, json_body=False)
    for action in ("accept", "hangup", "refer", "reject"):
        post(f"/v1/realtime/calls/{{call_id}}/{action}", _call_action(action), json_body=action != "hangup")

    async def report(request: web.Request) -> web.Response:
        return web.Response(body=dumps(store.report()), content_type="application/json")

    app.router.add_get("/_mock/realtime", report)
