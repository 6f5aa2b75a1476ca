"""Webhook endpoints on the embedded server, and signed deliveries to them.

``webhooks.create`` returns the endpoint's signing secret (``whsec_...``, once, as the API does);
``webhooks.test`` POSTs a signed event of the asked type to the endpoint's URL and reports the status it
answered, so an application's webhook handler (``client.webhooks.unwrap``) is tested end to end offline.
Deliveries go to loopback URLs only (127.0.0.0/8, ::1, localhost); others are refused with a 400.
:func:`sign_webhook` makes the same headers for a payload of your own.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import json
import secrets
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

from ._common import ApiError, dumps
from ._finetune import paginate

if TYPE_CHECKING:
    from ._state import ServerState

__all__ = ["EVENT_TYPES", "WebhookStore", "register", "sign_webhook"]

EVENT_TYPES = (
    "batch.completed", "batch.failed", "batch.expired", "batch.cancelled", "response.completed", "response.failed",
    "response.cancelled", "response.incomplete", "eval.run.succeeded", "eval.run.failed", "eval.run.canceled",
    "fine_tuning.job.succeeded", "fine_tuning.job.failed", "fine_tuning.job.cancelled", "realtime.call.incoming",
    "video.completed", "video.failed",
)
_DELIVERY_TIMEOUT = aiohttp.ClientTimeout(total=10)


def sign_webhook(payload: str | bytes, secret: str, *, webhook_id: str, timestamp: int | None = None) -> dict[str, str]:
    """The ``webhook-id`` / ``webhook-timestamp`` / ``webhook-signature`` headers OpenAI sends with
    ``payload``, signed with ``secret`` (``whsec_<base64>`` or a raw string), as Standard Webhooks says."""
    sent_at = str(int(time.time()) if timestamp is None else timestamp)
    body = payload.decode() if isinstance(payload, bytes) else payload
    key = base64.b64decode(secret[6:]) if secret.startswith("whsec_") else secret.encode()
    digest = hmac.new(key, f"{webhook_id}.{sent_at}.{body}".encode(), hashlib.sha256).digest()
    return {"webhook-id": webhook_id, "webhook-timestamp": sent_at,
            "webhook-signature": "v1," + base64.b64encode(digest).decode()}


class WebhookStore:
    def __init__(self) -> None:
        self.endpoints: list[dict[str, Any]] = []
        self.secrets: dict[str, str] = {}
        self._next = 1

    def new_id(self, prefix: str) -> str:
        self._next += 1
        return f"{prefix}_{self._next - 1:06d}"

    def endpoint(self, endpoint_id: str) -> dict[str, Any]:
        for found in self.endpoints:
            if found["id"] == endpoint_id:
                return found
        raise ApiError(404, f"No webhook endpoint found with id '{endpoint_id}'.", param="webhook_endpoint_id")


def _loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check(body: dict[str, Any], *, partial: bool) -> None:
    if not partial:
        for name in ("name", "url", "event_types"):
            if name not in body:
                raise ApiError(400, f"Missing required parameter: '{name}'.", param=name,
                               code="missing_required_parameter")
    unknown = [t for t in body.get("event_types") or [] if t not in EVENT_TYPES]
    if unknown:
        raise ApiError(400, f"Unknown event types: {unknown}.", param="event_types", code="invalid_value")
    if "url" in body and not _loopback(str(body["url"])):
        raise ApiError(400, "The embedded server delivers webhooks to loopback URLs only.", param="url")


def _new_secret(store: WebhookStore, endpoint: dict[str, Any]) -> str:
    secret = "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()
    store.secrets[endpoint["id"]] = secret
    endpoint["signing_secret_hint"] = secret[:6] + "..." + secret[-4:]
    endpoint["updated_at"] = int(time.time())
    return secret


def create_endpoint(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    _check(body, partial=False)
    store = state.webhooks
    endpoint = {"id": store.new_id("we"), "object": "webhook_endpoint", "created_at": int(time.time()),
                "name": body["name"], "url": body["url"], "event_types": list(body["event_types"])}
    secret = _new_secret(store, endpoint)
    store.endpoints.insert(0, endpoint)
    return dumps({**endpoint, "signing_secret": secret})


def get_endpoint(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    return dumps(state.webhooks.endpoint(request.match_info["webhook_endpoint_id"]))


def update_endpoint(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    _check(body, partial=True)
    endpoint = state.webhooks.endpoint(request.match_info["webhook_endpoint_id"])
    endpoint.update({k: body[k] for k in ("name", "url", "event_types") if k in body})
    endpoint["updated_at"] = int(time.time())
    return dumps(endpoint)


def list_endpoints(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    return paginate(request, state.webhooks.endpoints)


def delete_endpoint(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    endpoint = state.webhooks.endpoint(request.match_info["webhook_endpoint_id"])
    state.webhooks.endpoints.remove(endpoint)
    del state.webhooks.secrets[endpoint["id"]]
    return dumps({"id": endpoint["id"], "object": "webhook_endpoint.deleted", "deleted": True})


def rotate_secret(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    endpoint = state.webhooks.endpoint(request.match_info["webhook_endpoint_id"])
    return dumps({**endpoint, "signing_secret": _new_secret(state.webhooks, endpoint)})


def event_types(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    return dumps({"object": "list", "data": list(EVENT_TYPES)})


async def test_endpoint(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    endpoint = state.webhooks.endpoint(request.match_info["webhook_endpoint_id"])
    event_type = body.get("event_type")
    if event_type not in EVENT_TYPES:
        raise ApiError(400, f"Unknown event type: {event_type!r}.", param="event_type", code="invalid_value")
    event_id = state.webhooks.new_id("evt")
    payload = json.dumps({"id": event_id, "object": "event", "type": event_type, "created_at": int(time.time()),
                          "data": {"id": f"{event_type.split('.')[0]}_test"}})
    headers = {"Content-Type": "application/json",
               **sign_webhook(payload, state.webhooks.secrets[endpoint["id"]], webhook_id=event_id)}
    try:
        async with aiohttp.ClientSession(timeout=_DELIVERY_TIMEOUT) as session, \
                session.post(endpoint["url"], data=payload.encode(), headers=headers) as answer:
            status = answer.status
    except (aiohttp.ClientError, TimeoutError) as exc:
        raise ApiError(400, f"Delivery to {endpoint['url']} failed: {type(exc).__name__}.", param="url") from None
    if status >= 300:
        raise ApiError(400, f"The endpoint answered {status}.", param="url", code="webhook_test_failed")
    return dumps({"object": "webhook_endpoint.test", "event_type": event_type, "status_code": status,
                  "success": True, "webhook_endpoint_id": endpoint["id"]})


def register(post: Any, get: Any, delete: Any) -> None:
    base = "/v1/webhook_endpoints/{webhook_endpoint_id}"
    post("/v1/webhook_endpoints", create_endpoint)
    get("/v1/webhook_endpoints", list_endpoints)
    get(base, get_endpoint)
    post(base, update_endpoint)
    delete(base, delete_endpoint)
    post(base + "/rotate_secret", rotate_secret)
    post(base + "/test", test_endpoint)
    get("/v1/webhook_event_types", event_types)
