"""``client.webhooks.verify_signature`` and ``unwrap``: checking an event OpenAI sent to your endpoint.

Pure client side, no request is made. The scheme is Standard Webhooks' (as in the official SDK): the
``webhook-signature`` header holds one or more ``v1,<base64 HMAC-SHA256>`` values over
``"<webhook-id>.<webhook-timestamp>.<payload>"``, keyed with the secret (``whsec_<base64>``, or the raw
string); the timestamp must lie within ``tolerance`` seconds of now, either way, against replays.
Signatures are compared in constant time (``hmac.compare_digest``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol, cast

from ..._exceptions import InvalidWebhookSignatureError
from ..._models import BaseModel, parse_obj
from ...types.webhooks.unwrap_webhook_event import UnwrapWebhookEvent

if TYPE_CHECKING:
    from .webhooks import AsyncWebhooks

__all__ = ["signature_matches", "unwrap", "verify_signature"]

_MISSING_SECRET = (
    "The webhook secret must either be set using the env var, OPENAI_WEBHOOK_SECRET, on the client class, "
    "OpenAI(webhook_secret='123'), or passed to this function"
)


class _HeaderItems(Protocol):
    def items(self) -> Any: ...


HeadersLike = Mapping[str, str] | _HeaderItems


def _header(headers: HeadersLike, name: str) -> str:
    """A header by name, whatever the case of the mapping's keys (a dict, multidict, httpx/aiohttp headers)."""
    getter = getattr(headers, "get", None)
    if getter is not None:
        for candidate in (name, name.title()):
            value = getter(candidate)
            if isinstance(value, str):
                return value
    for key, value in headers.items():
        if isinstance(key, str) and key.lower() == name and isinstance(value, str):
            return value
    raise ValueError(f"Could not find {name} header")


def _secret_bytes(secret: str) -> bytes:
    if secret.startswith("whsec_"):
        try:
            return base64.b64decode(secret[6:], validate=True)
        except binascii.Error:
            raise ValueError("The webhook secret is not valid base64 after its whsec_ prefix") from None
    return secret.encode()


def signature_matches(payload: str | bytes, headers: HeadersLike, *, secret: str, tolerance: int,
                      now: float | None = None) -> bool:
    """True when one of the header's signatures is the payload's; ``InvalidWebhookSignatureError`` for a
    timestamp that is unreadable or outside ``tolerance``; ``ValueError`` for a missing header."""
    signature_header = _header(headers, "webhook-signature")
    timestamp = _header(headers, "webhook-timestamp")
    webhook_id = _header(headers, "webhook-id")
    try:
        sent_at = int(timestamp)
    except ValueError:
        raise InvalidWebhookSignatureError("Invalid webhook timestamp format") from None
    current = int(time.time() if now is None else now)
    if current - sent_at > tolerance:
        raise InvalidWebhookSignatureError("Webhook timestamp is too old")
    if sent_at > current + tolerance:
        raise InvalidWebhookSignatureError("Webhook timestamp is too new")
    body = payload.decode("utf-8") if isinstance(payload, bytes) else payload
    signed = f"{webhook_id}.{timestamp}.{body}".encode()
    expected = base64.b64encode(hmac.new(_secret_bytes(secret), signed, hashlib.sha256).digest()).decode()
    candidates = [part[3:] if part.startswith("v1,") else part for part in signature_header.split()]
    # Every candidate is compared (no early exit), each in constant time.
    matches = [hmac.compare_digest(expected, candidate) for candidate in candidates]
    return any(matches)


def verify_signature(
    self: AsyncWebhooks,
    payload: str | bytes,
    headers: HeadersLike,
    *,
    secret: str | None = None,
    tolerance: int = 300,
) -> None:
    """Check that ``payload`` (the raw request body) was signed by OpenAI with ``secret`` (default: the
    client's ``webhook_secret`` / ``OPENAI_WEBHOOK_SECRET``) within ``tolerance`` seconds; raises
    ``InvalidWebhookSignatureError`` if not."""
    if secret is None:
        secret = self._client.webhook_secret
    if secret is None:
        raise ValueError(_MISSING_SECRET)
    if not signature_matches(payload, headers, secret=secret, tolerance=tolerance):
        raise InvalidWebhookSignatureError("The given webhook signature does not match the expected signature")


def _event_types() -> dict[str, type[BaseModel]]:
    import typing

    by_type: dict[str, type[BaseModel]] = {}
    for member in typing.get_args(UnwrapWebhookEvent):
        for value in typing.get_args(member.model_fields["type"].annotation):
            by_type[value] = member
    return by_type


_BY_TYPE: dict[str, type[BaseModel]] = {}


def unwrap(
    self: AsyncWebhooks, payload: str | bytes, headers: HeadersLike, *, secret: str | None = None
) -> UnwrapWebhookEvent:
    """Verify the signature (as ``verify_signature``), then parse the event into its typed class by its
    ``type``. An event type this version does not know is kept as a plain model with every field."""
    verify_signature(self, payload, headers, secret=secret)
    data = json.loads(payload)
    if not _BY_TYPE:
        _BY_TYPE.update(_event_types())
    event_class = _BY_TYPE.get(str(data.get("type"))) if isinstance(data, dict) else None
    if event_class is None:
        return cast(UnwrapWebhookEvent, BaseModel.model_validate(data if isinstance(data, dict) else {}))
    return cast(UnwrapWebhookEvent, parse_obj(event_class, data))
