"""``client.webhooks.verify_signature`` / ``unwrap`` (pure client side) against the official SDK on the
same inputs, and a signed delivery from the embedded server to a handler of ours, end to end."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import openai
import pytest
from aiohttp import web

import openai_core
from openai_core import AsyncOpenAI, InvalidWebhookSignatureError
from openai_core.resources.webhooks._webhooks_helpers import signature_matches
from openai_core.testing import MockServer, sign_webhook
from openai_core.types.webhooks import BatchCompletedWebhookEvent, ResponseCompletedWebhookEvent

SECRET = "whsec_" + base64.b64encode(b"0123456789abcdef0123456789abcdef").decode()
PAYLOAD = json.dumps({"id": "evt_1", "object": "event", "type": "response.completed", "created_at": 1,
                      "data": {"id": "resp_1"}})


def clients() -> tuple[Any, Any]:
    return (openai.OpenAI(api_key="sk", webhook_secret=SECRET, base_url="http://127.0.0.1:9"),
            openai_core.OpenAI(api_key="sk", webhook_secret=SECRET, base_url="http://127.0.0.1:9"))


def outcome(client: Any, payload: Any, headers: Any, **kwargs: Any) -> str:
    try:
        client.webhooks.verify_signature(payload, headers, **kwargs)
    except ValueError as exc:
        return f"{type(exc).__name__}: {exc}"
    return "ok"


def good() -> dict[str, str]:
    """Headers signed now: computed when a test runs, not at import (a long run would age them past 300 s)."""
    return sign_webhook(PAYLOAD, SECRET, webhook_id="wh_1")


def cases() -> dict[str, tuple[Any, Any, dict[str, Any]]]:
    now, ok = int(time.time()), good()
    return {
        "valid": (PAYLOAD, ok, {}),
        "valid bytes payload": (PAYLOAD.encode(), ok, {}),
        "second of two signatures": (PAYLOAD, {**ok, "webhook-signature": "v1,Zm9v " + ok["webhook-signature"]}, {}),
        "upper-case header names": (PAYLOAD, {k.upper(): v for k, v in ok.items()}, {}),
        "raw (non-whsec) secret": (PAYLOAD, sign_webhook(PAYLOAD, "plain-secret", webhook_id="wh_2"),
                                   {"secret": "plain-secret"}),
        "tampered payload": (PAYLOAD.replace("resp_1", "resp_2"), ok, {}),
        "wrong secret": (PAYLOAD, ok, {"secret": "whsec_" + base64.b64encode(b"other").decode()}),
        "another id": (PAYLOAD, {**ok, "webhook-id": "wh_other"}, {}),
        "too old": (PAYLOAD, sign_webhook(PAYLOAD, SECRET, webhook_id="wh_1", timestamp=now - 301), {}),
        "old but within a longer tolerance": (PAYLOAD, sign_webhook(PAYLOAD, SECRET, webhook_id="wh_1",
                                                                    timestamp=now - 301), {"tolerance": 600}),
        "too new": (PAYLOAD, sign_webhook(PAYLOAD, SECRET, webhook_id="wh_1", timestamp=now + 400), {}),
        "bad timestamp": (PAYLOAD, {**ok, "webhook-timestamp": "soon"}, {}),
        "missing signature header": (PAYLOAD, {k: v for k, v in ok.items() if k != "webhook-signature"}, {}),
    }


@pytest.mark.parametrize("case", list(cases()))
def test_verify_signature_matches_the_official_sdk(case: str) -> None:
    payload, headers, kwargs = cases()[case]
    theirs, ours = clients()
    assert outcome(ours, payload, headers, **kwargs) == outcome(theirs, payload, headers, **kwargs)
    expected_ok = case.startswith(("valid", "second", "upper", "raw", "old but"))
    assert (outcome(ours, payload, headers, **kwargs) == "ok") is expected_ok


def test_the_errors_are_the_documented_classes() -> None:
    _, ours = clients()
    with pytest.raises(InvalidWebhookSignatureError, match="does not match"):
        ours.webhooks.verify_signature(PAYLOAD, {**good(), "webhook-id": "x"})
    with pytest.raises(InvalidWebhookSignatureError, match="too old"):
        ours.webhooks.verify_signature(PAYLOAD, sign_webhook(PAYLOAD, SECRET, webhook_id="a", timestamp=1))
    assert issubclass(InvalidWebhookSignatureError, ValueError)
    keyless = openai_core.OpenAI(api_key="sk", base_url="http://127.0.0.1:9")
    with pytest.raises(ValueError, match="OPENAI_WEBHOOK_SECRET"):
        keyless.webhooks.verify_signature(PAYLOAD, good())


def test_every_signature_is_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # No early exit on the first match or mismatch: each candidate goes through hmac.compare_digest.
    import hmac

    compared: list[str] = []
    real = hmac.compare_digest

    def counting(a: Any, b: Any) -> bool:
        compared.append(b)
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", counting)
    ok = good()
    headers = {**ok, "webhook-signature": f"{ok['webhook-signature']} v1,AAAA v1,BBBB"}
    assert signature_matches(PAYLOAD, headers, secret=SECRET, tolerance=300)
    assert compared == [ok["webhook-signature"][3:], "AAAA", "BBBB"]


def test_unwrap_parses_like_the_official_sdk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_WEBHOOK_SECRET", SECRET)
    theirs = openai.OpenAI(api_key="sk", base_url="http://127.0.0.1:9")
    ours = openai_core.OpenAI(api_key="sk", base_url="http://127.0.0.1:9")
    assert ours.webhook_secret == SECRET
    ok = good()
    event = ours.webhooks.unwrap(PAYLOAD, ok)
    assert isinstance(event, ResponseCompletedWebhookEvent)
    assert (event.type, event.data.id) == ("response.completed", "resp_1")
    assert event.model_dump() == theirs.webhooks.unwrap(PAYLOAD, ok).model_dump()
    future = json.dumps({"id": "evt_9", "object": "event", "type": "video.completed", "created_at": 1, "data": {}})
    unknown = ours.webhooks.unwrap(future, sign_webhook(future, SECRET, webhook_id="w"))
    assert unknown.type == "video.completed"  # a type this version does not know: kept, not refused
    with pytest.raises(InvalidWebhookSignatureError):
        ours.webhooks.unwrap(PAYLOAD.replace("1", "2"), ok)


def test_the_signing_secret_never_shows_in_a_repr() -> None:
    from openai_core.types.webhooks import WebhookEndpointWithSecret

    endpoint = WebhookEndpointWithSecret.model_validate({
        "id": "we_1", "object": "webhook_endpoint", "created_at": 1, "name": "n", "url": "http://127.0.0.1",
        "event_types": [], "signing_secret": "whsec_topsecret"})
    assert endpoint.signing_secret == "whsec_topsecret"
    assert "topsecret" not in repr(endpoint)


# -- the embedded server signs a delivery; our handler unwraps it -------------------------------------------


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer() as srv:
        yield srv


@pytest.fixture
async def receiver() -> AsyncIterator[tuple[str, list[tuple[bytes, dict[str, str]]]]]:
    received: list[tuple[bytes, dict[str, str]]] = []

    async def hook(request: web.Request) -> web.Response:
        received.append((await request.read(), dict(request.headers)))
        return web.Response(status=204)

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield f"http://127.0.0.1:{port}/hook", received
    finally:
        await runner.cleanup()


async def test_a_delivery_from_the_embedded_server_unwraps(
    client: AsyncOpenAI, receiver: tuple[str, list[tuple[bytes, dict[str, str]]]]
) -> None:
    url, received = receiver
    endpoint = await client.webhooks.create(name="ci", url=url, event_types=["batch.completed"])
    assert endpoint.signing_secret.startswith("whsec_")
    result = await client.webhooks.test(endpoint.id, event_type="batch.completed")
    assert (result.success, result.status_code) == (True, 204)
    body, headers = received[0]
    event = client.webhooks.unwrap(body, headers, secret=endpoint.signing_secret)
    assert isinstance(event, BatchCompletedWebhookEvent)
    rotated = await client.webhooks.rotate_secret(endpoint.id)
    assert rotated.signing_secret != endpoint.signing_secret
    with pytest.raises(InvalidWebhookSignatureError):
        client.webhooks.verify_signature(body, headers, secret=rotated.signing_secret)
    assert [e.id for e in (await client.webhooks.list()).data] == [endpoint.id]
    assert "video.completed" in (await client.webhooks.event_types.list()).data
    assert (await client.webhooks.delete(endpoint.id)).deleted is True


async def test_deliveries_go_to_loopback_only(client: AsyncOpenAI) -> None:
    with pytest.raises(openai_core.BadRequestError, match="loopback"):
        await client.webhooks.create(name="x", url="https://example.com/hook", event_types=["batch.failed"])
