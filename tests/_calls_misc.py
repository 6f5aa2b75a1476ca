"""Table entries (see ``tests/_calls.py``) for webhooks (endpoints, and checking received events), safety,
decisions, ``responses.compact`` and the newer ``responses.create`` parameters. Operations the spec of
2026-08-21 lacks are wire-only (Prism serves the spec); the official SDK is their reference."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any

from openai_core.types import responses as responses_t

from ._calls import WIRE_ONLY, api_call, no_check
from ._calls_stores import is_

NOT_IN_SPEC = WIRE_ONLY  # the spec of 2026-08-21 has no such operation (scripts/openapi_supplement.yaml)
WH = "we_abc123"
SECRET = "whsec_" + base64.b64encode(b"wire-test-secret-bytes-0123456789").decode()


def signed(payload: str, *, secret: str = SECRET, at: int | None = None, webhook_id: str = "wh_1") -> dict[str, str]:
    """Headers as OpenAI signs a webhook delivery (Standard Webhooks)."""
    timestamp = str(int(time.time()) if at is None else at)
    key = base64.b64decode(secret.removeprefix("whsec_"))
    digest = hmac.new(key, f"{webhook_id}.{timestamp}.{payload}".encode(), hashlib.sha256).digest()
    return {"webhook-id": webhook_id, "webhook-timestamp": timestamp,
            "webhook-signature": f"v1,{base64.b64encode(digest).decode()}"}


EVENT = json.dumps({"id": "evt_1", "object": "event", "type": "batch.completed", "created_at": 1_700_000_000,
                    "data": {"id": "batch_1"}})


@api_call("webhooks.create", no_check, prism=NOT_IN_SPEC)
async def webhooks_create(client: Any) -> Any:
    return await client.webhooks.create(name="ci", url="https://example.test/hook",
                                        event_types=["batch.completed", "response.completed"])


@api_call("webhooks.retrieve", no_check, prism=NOT_IN_SPEC)
async def webhooks_retrieve(client: Any) -> Any:
    return await client.webhooks.retrieve(WH)


@api_call("webhooks.update", no_check, prism=NOT_IN_SPEC)
async def webhooks_update(client: Any) -> Any:
    return await client.webhooks.update(WH, name="renamed", event_types=["batch.failed"])


@api_call("webhooks.list", no_check, prism=NOT_IN_SPEC)
async def webhooks_list(client: Any) -> Any:
    return await client.webhooks.list(limit=5, after="we_0")


@api_call("webhooks.delete", no_check, prism=NOT_IN_SPEC)
async def webhooks_delete(client: Any) -> Any:
    return await client.webhooks.delete(WH)


@api_call("webhooks.rotate_secret", no_check, prism=NOT_IN_SPEC)
async def webhooks_rotate(client: Any) -> Any:
    return await client.webhooks.rotate_secret(WH, keep_old_secret_active_for_24_hours=True)


@api_call("webhooks.test", no_check, prism=NOT_IN_SPEC)
async def webhooks_test(client: Any) -> Any:
    return await client.webhooks.test(WH, event_type="batch.completed")


@api_call("webhooks.event_types.list", no_check, prism=NOT_IN_SPEC)
async def webhook_event_types(client: Any) -> Any:
    return await client.webhooks.event_types.list()


@api_call("webhooks.unwrap", no_check, prism=WIRE_ONLY, offline=True)
async def webhooks_unwrap(client: Any) -> Any:
    event = client.webhooks.unwrap(EVENT, signed(EVENT), secret=SECRET)
    return {"class": type(event).__name__, "event": event}


@api_call("webhooks.verify_signature", no_check, prism=WIRE_ONLY, offline=True)
async def webhooks_verify(client: Any) -> Any:
    outcomes = [client.webhooks.verify_signature(EVENT.encode(), signed(EVENT), secret=SECRET)]
    bad = {**signed(EVENT), "webhook-signature": "v1,AAAA v1,BBBB"}
    stale = signed(EVENT, at=int(time.time()) - 301)
    for headers in (bad, stale, signed(EVENT, at=int(time.time()) + 400), {"webhook-id": "x"}):
        try:
            client.webhooks.verify_signature(EVENT, headers, secret=SECRET)
        except ValueError as exc:  # InvalidWebhookSignatureError is a ValueError in both SDKs
            outcomes.append(f"{type(exc).__name__}: {exc}")
    return outcomes


@api_call("safety.alerts.retrieve", no_check, prism=NOT_IN_SPEC)
async def safety_alert(client: Any) -> Any:
    return await client.safety.alerts.retrieve("alert_1")


@api_call("safety.cases.retrieve", no_check, prism=NOT_IN_SPEC)
async def safety_case(client: Any) -> Any:
    return await client.safety.cases.retrieve("case_1")


@api_call("decisions.create", no_check, prism=NOT_IN_SPEC)
async def decisions_create(client: Any) -> Any:
    return await client.decisions.create(
        model="gpt-5.5", input="The package arrived broken and I want my money back.",
        questions=[{"type": "predicate", "name": "refund", "question": "Does the user ask for a refund?"}],
        safety_identifier="user-1")


@api_call("responses.compact", is_(responses_t.CompactedResponse, id=str, object="response.compaction"),
          lenient="the spec's example output holds input messages and a `compaction` item, which the hand-written "
                  "ResponseOutputItem union keeps as unknown items, and a usage without the required details")
async def responses_compact(client: Any) -> Any:
    return await client.responses.compact(model="gpt-5.5", input="Summarize our plan", instructions="Be brief")


@api_call("responses.compact[image]", no_check, prism=WIRE_ONLY)
async def responses_compact_image(client: Any) -> Any:
    # Wire only: `image` is newer than the spec of 2026-08-21 (scripts/openapi_supplement.yaml `extends`).
    return await client.responses.compact(model="gpt-5.5", previous_response_id="resp_1",
                                          image={"context_compression": "disabled"})


@api_call("responses.create[access_programs,moderation,background_options]", no_check, prism=WIRE_ONLY)
async def responses_create_newer(client: Any) -> Any:
    # Wire only: parameters newer than the spec of 2026-08-21 (Prism refuses unknown body properties).
    return await client.responses.create(
        model="gpt-5.5", input="Hi", access_programs={"cyber": "standard"}, background=True,
        background_options={"completion_window": "soonest"}, image={"context_compression": "auto"},
        moderation={"model": "omni-moderation-latest", "policy": {"input": {"mode": "score"}}},
        context_management=[{"type": "compaction", "compact_threshold": 1000}],
        prompt_cache_options={"mode": "explicit", "ttl": "30m"})


# -- live: the REST part (connections over WebSocket are not covered, docs/compatibility.md) --------------

OFFER = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n"


@api_call("live.create", no_check, prism=NOT_IN_SPEC)
async def live_create(client: Any) -> Any:
    return await client.live.create(session={"type": "live", "model": "gpt-live-1", "instructions": "Be kind"},
                                    transport={"type": "webrtc", "sdp": OFFER})


@api_call("live.sessions.accept", no_check, prism=NOT_IN_SPEC)
async def live_accept(client: Any) -> Any:
    return await client.live.sessions.accept("sess_1", session={"type": "live", "model": "gpt-live-1"})


@api_call("live.sessions.download_recording", no_check, prism=NOT_IN_SPEC)
async def live_download(client: Any) -> Any:
    return (await client.live.sessions.download_recording("sess_1")).content


@api_call("live.sessions.fork", no_check, prism=NOT_IN_SPEC)
async def live_fork(client: Any) -> Any:
    return await client.live.sessions.fork("sess_1", transport={"type": "webrtc", "sdp": OFFER})


@api_call("live.sessions.hangup", no_check, prism=NOT_IN_SPEC)
async def live_hangup(client: Any) -> Any:
    return await client.live.sessions.hangup("sess_1")


@api_call("live.sessions.refer", no_check, prism=NOT_IN_SPEC)
async def live_refer(client: Any) -> Any:
    return await client.live.sessions.refer("sess_1", target_uri="sip:agent@example.test")


@api_call("live.sessions.reject", no_check, prism=NOT_IN_SPEC)
async def live_reject(client: Any) -> Any:
    return await client.live.sessions.reject("sess_1", status_code=486)
