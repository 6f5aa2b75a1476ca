"""The aiohttp application: routes, and the per-request pipeline (record, fault, auth, handle)."""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import json
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from . import _batches as batches
from . import _containers as containers
from . import _conversations as conversations
from . import _evals as evals
from . import _files as files
from . import _finetune as ft
from . import _handlers as h
from . import _media as media
from . import _responses as responses
from . import _stored_chat as stored_chat
from . import _uploads as uploads
from . import _vector_stores as vector_stores
from . import _webhooks as webhooks
from ._common import JSON_CT, ApiError, RawReply, SSEReply, dumps, error_body
from ._event_sockets import add_event_socket_routes
from ._faults import (
    BODY_FAULTS,
    FaultSpecError,
    body_fault_response,
    parse_fault,
    reset_connection,
    status_response,
)
from ._moderations import create_moderation
from ._realtime import add_realtime_routes
from ._sse import write_sse
from ._state import ServerState

__all__ = ["STATE_KEY", "create_app"]

STATE_KEY = web.AppKey("openai_core.testing.state", ServerState)

# `body` is the parsed JSON object on JSON routes, the raw request body on the others (multipart uploads).
# A handler that does I/O of its own (a webhook delivery) returns an awaitable of the same.
Handler = Callable[[ServerState, web.Request, Any], "bytes | SSEReply | RawReply | Awaitable[bytes]"]
Endpoint = Callable[[web.Request], Awaitable[web.StreamResponse]]

_NOT_JSON = error_body(
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP "
    "library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)"
)
_UNAUTHORIZED = error_body(
    "You didn't provide an API key. You need to provide your API key in an Authorization header using "
    "Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
    "invalid_request_error", None, "invalid_api_key",
)


_RATE_LIMITED = (
    b'{"error": {"message": "Rate limit reached for requests", "type": "requests", '
    b'"param": null, "code": "rate_limit_exceeded"}}'
)


def _json(status: int, body: bytes, request_id: str) -> web.Response:
    return web.Response(status=status, body=body, headers={"Content-Type": JSON_CT, "x-request-id": request_id})


def _authorized(value: str | None) -> bool:
    if value is None:
        return False
    scheme, _, token = value.partition(" ")
    return scheme.lower() == "bearer" and bool(token.strip())


def _endpoint(state: ServerState, handler: Handler, *, json_body: bool, model_call: bool = False) -> Endpoint:
    async def endpoint(request: web.Request) -> web.StreamResponse:
        request_id = state.request_id()
        content = request.content
        # Fast path: the whole body is already buffered (typical for small requests).
        raw = content.read_nowait() if content.is_eof() else await request.read()
        state.record(request, raw)
        headers = request.headers

        body: Any = None
        bad_json = False
        if json_body:
            try:
                body = json.loads(raw)
            except ValueError:
                bad_json = True
            else:
                bad_json = not isinstance(body, dict)

        # -- fault selection: header first, then a "fault:<spec>" model ---------------------------
        spec = headers.get("X-Mock-Fault")
        source = "X-Mock-Fault"
        if spec is None and not bad_json and body is not None:
            model = body.get("model")
            if isinstance(model, str) and model.startswith("fault:"):
                spec, source = model[6:], "model"
        key = headers.get("X-Mock-Fault-Key")
        if key is None:
            key = headers.get("Idempotency-Key")
        if key is None and spec is not None:
            key = f"{request.method} {request.path} {hashlib.sha1(raw).hexdigest()}"
        attempt = state.bump_attempt(key) if key is not None else 0

        fault = None
        if spec is not None:
            try:
                fault = parse_fault(spec)
            except FaultSpecError as exc:
                return _json(400, error_body(f"Invalid mock fault spec {spec!r}: {exc}", "invalid_request_error",
                                             source, "invalid_fault_spec"), request_id)
            if fault.times is not None and attempt > fault.times:
                fault = None
            elif fault.kind == "status":
                return status_response(fault, request_id)
            elif fault.kind == "reset":
                reset_connection(request)
                return web.Response(status=500)  # never sent: the transport is gone
            elif fault.kind == "slow_headers":
                await asyncio.sleep(fault.delay)
                fault = None

        # -- auth and the normal answer -----------------------------------------------------------
        if not _authorized(headers.get("Authorization")):
            return _json(401, _UNAUTHORIZED, request_id)
        allowed, limit_headers = state.rate_limits.check(headers.get("Authorization"), body)
        if not allowed:
            limited = _json(429, _RATE_LIMITED, request_id)
            limited.headers.update(limit_headers)
            return limited
        if bad_json:
            return _json(400, _NOT_JSON, request_id)
        if model_call and state.latency:
            await asyncio.sleep(state.latency)
        status = 200
        try:
            reply = handler(state, request, body if json_body else raw)
            if inspect.isawaitable(reply):
                reply = await reply
        except ApiError as exc:
            status, reply = exc.status, exc.body()
        if isinstance(reply, RawReply):
            return await files.write_raw(request, reply, request_id)
        if isinstance(reply, bytes):
            if fault is not None and fault.kind in BODY_FAULTS:
                return await body_fault_response(request, fault, status, reply, JSON_CT, request_id)
            answer = _json(status, reply, request_id)
            if limit_headers:
                answer.headers.update(limit_headers)
            return answer
        return await write_sse(request, reply, fault, request_id)

    return endpoint


def _control_routes(app: web.Application, state: ServerState) -> None:
    async def requests_(request: web.Request) -> web.Response:
        return _json(200, dumps([r.to_dict() for r in list(state.requests)]), state.request_id())

    async def reset(request: web.Request) -> web.Response:
        state.clear()
        return _json(200, b'{"status":"ok"}', state.request_id())

    async def health(request: web.Request) -> web.Response:
        return _json(200, b'{"status":"ok"}', state.request_id())

    async def rate_limits(request: web.Request) -> web.Response:
        return _json(200, dumps(state.rate_limits.snapshot()), state.request_id())

    async def attempts(request: web.Request) -> web.Response:
        key = request.query.get("key", "")
        return _json(200, dumps({"key": key, "attempts": state.attempts(key)}), state.request_id())

    app.router.add_get("/_mock/requests", requests_)
    app.router.add_post("/_mock/reset", reset)
    app.router.add_get("/_mock/health", health)
    app.router.add_get("/_mock/attempts", attempts)
    app.router.add_get("/_mock/rate_limits", rate_limits)


def _not_found(state: ServerState) -> Endpoint:
    async def not_found(request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        if not request.path.startswith("/_mock/"):
            state.record(request, raw)
        body = error_body(f"Invalid URL ({request.method} {request.path})")
        return _json(404, body, state.request_id())

    return not_found


def create_app(*, num_jobs: int = 45, state: ServerState | None = None) -> web.Application:
    """The OpenAI-compatible app. ``state`` (else a fresh one with ``num_jobs`` jobs) holds the
    request log, fault counters and fine-tuning jobs; :class:`MockServer` passes its own."""
    if state is None:
        state = ServerState(num_jobs=num_jobs)
    app = web.Application(client_max_size=64 * 1024 * 1024)
    app[STATE_KEY] = state

    def post(path: str, handler: Handler, *, json_body: bool = True, model_call: bool = False) -> None:
        app.router.add_post(path, _endpoint(state, handler, json_body=json_body, model_call=model_call))

    def get(path: str, handler: Handler) -> None:
        app.router.add_get(path, _endpoint(state, handler, json_body=False), allow_head=False)

    def delete(path: str, handler: Handler) -> None:
        app.router.add_delete(path, _endpoint(state, handler, json_body=False))

    post("/v1/chat/completions", h.chat_completions, model_call=True)
    get("/v1/chat/completions", stored_chat.list_chats)
    get("/v1/chat/completions/{completion_id}", stored_chat.get_chat)
    post("/v1/chat/completions/{completion_id}", stored_chat.update_chat)
    delete("/v1/chat/completions/{completion_id}", stored_chat.delete_chat)
    get("/v1/chat/completions/{completion_id}/messages", stored_chat.list_chat_messages)
    post("/v1/completions", h.completions, model_call=True)
    post("/v1/embeddings", h.embeddings, model_call=True)
    get("/v1/models", h.list_models)
    get("/v1/models/{model}", h.get_model)
    delete("/v1/models/{model}", h.delete_model)
    get("/v1/fine_tuning/jobs", ft.list_jobs)
    post("/v1/fine_tuning/jobs", ft.create_job)
    get("/v1/fine_tuning/jobs/{job_id}", ft.get_job)
    post("/v1/fine_tuning/jobs/{job_id}/cancel", ft.cancel_job, json_body=False)  # no body
    post("/v1/fine_tuning/jobs/{job_id}/pause", ft.pause_job, json_body=False)
    post("/v1/fine_tuning/jobs/{job_id}/resume", ft.resume_job, json_body=False)
    get("/v1/fine_tuning/jobs/{job_id}/events", ft.list_events)
    get("/v1/fine_tuning/jobs/{job_id}/checkpoints", ft.list_checkpoints)
    post("/v1/moderations", create_moderation, model_call=True)
    post("/v1/responses", responses.create_response, model_call=True)
    get("/v1/responses/{response_id}", responses.get_response)
    delete("/v1/responses/{response_id}", responses.delete_response)
    post("/v1/responses/{response_id}/cancel", responses.cancel_response, json_body=False)
    post("/v1/responses/input_tokens", responses.count_input_tokens)
    post("/v1/uploads", uploads.create_upload)
    post("/v1/uploads/{upload_id}/parts", uploads.add_part, json_body=False)  # multipart
    post("/v1/uploads/{upload_id}/complete", uploads.complete_upload)
    post("/v1/uploads/{upload_id}/cancel", uploads.cancel_upload, json_body=False)
    post("/v1/conversations", conversations.create_conversation)
    get("/v1/conversations/{conversation_id}", conversations.get_conversation)
    post("/v1/conversations/{conversation_id}", conversations.update_conversation)
    delete("/v1/conversations/{conversation_id}", conversations.delete_conversation)
    post("/v1/conversations/{conversation_id}/items", conversations.create_items)
    get("/v1/conversations/{conversation_id}/items", conversations.list_items)
    get("/v1/conversations/{conversation_id}/items/{item_id}", conversations.get_item)
    delete("/v1/conversations/{conversation_id}/items/{item_id}", conversations.delete_item)
    get("/v1/responses/{response_id}/input_items", responses.list_input_items)
    post("/v1/files", files.create_file, json_body=False)  # multipart
    get("/v1/files", files.list_files)
    get("/v1/files/{file_id}", files.get_file)
    delete("/v1/files/{file_id}", files.delete_file)
    get("/v1/files/{file_id}/content", files.file_content)
    post("/v1/batches", batches.create_batch)
    get("/v1/batches", batches.list_batches)
    get("/v1/batches/{batch_id}", batches.get_batch)
    post("/v1/batches/{batch_id}/cancel", batches.cancel_batch, json_body=False)  # no body
    post("/v1/images/generations", media.generate_images)
    post("/v1/images/edits", media.edit_image, json_body=False)  # multipart
    post("/v1/images/variations", media.image_variation, json_body=False)  # multipart
    post("/v1/audio/speech", media.create_speech)
    post("/v1/audio/transcriptions", media.create_transcription, json_body=False)  # multipart
    post("/v1/audio/translations", media.create_translation, json_body=False)  # multipart
    add_realtime_routes(app, state, post)
    add_event_socket_routes(app, state, post)
    for area in (vector_stores, containers, evals, webhooks):
        area.register(post, get, delete)
    _control_routes(app, state)
    app.router.add_route("*", "/{tail:.*}", _not_found(state))
    return app
