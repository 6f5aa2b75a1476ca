"""Unit tests of the pipeline through MockTransport: what is sent, retried and raised (no sockets)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

import pytest

import openai_core as openai
from openai_core import AsyncOpenAI, MockTransport, Timeout
from openai_core.transports import Request, Response, TransportConnectionError, TransportTimeoutError
from openai_core.transports.mock import json_response

COMPLETION = {
    "id": "chatcmpl-1",
    "object": "chat.completion",
    "created": 1,
    "model": "gpt-4",
    "choices": [
        {"index": 0, "message": {"role": "assistant", "content": "hi"}, "finish_reason": "stop", "logprobs": None}
    ],
}
MESSAGES = [{"role": "user", "content": "hello"}]


@pytest.fixture(autouse=True)
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record backoff sleeps instead of sleeping them."""
    slept: list[float] = []

    async def fake_sleep(delay: float) -> None:
        slept.append(delay)

    monkeypatch.setattr("anyio.sleep", fake_sleep)
    return slept


def make(handler: Callable[[Request], Response], **kwargs: object) -> tuple[AsyncOpenAI, MockTransport]:
    mock = MockTransport(handler)
    client = AsyncOpenAI(api_key="sk-secret-123", base_url="http://test.local/v1", http_client=mock, **kwargs)  # type: ignore[arg-type]
    return client, mock


async def test_request_shape() -> None:
    client, mock = make(lambda r: json_response(r, 200, COMPLETION), organization="org-1", project="proj-1",
                        default_headers={"X-Custom": "c"}, default_query={"api-version": "1"})
    result = await client.chat.completions.create(
        model="gpt-4", messages=MESSAGES, temperature=0.5,
        extra_headers={"X-Extra": "e"}, extra_query={"q": "1"}, extra_body={"vendor_flag": True},
    )
    assert result.choices[0].message.content == "hi"
    (sent,) = mock.requests
    assert sent.method == "POST"
    assert str(sent.url) == "http://test.local/v1/chat/completions?api-version=1&q=1"
    assert sent.headers["Authorization"] == "Bearer sk-secret-123"
    assert sent.headers["OpenAI-Organization"] == "org-1"
    assert sent.headers["OpenAI-Project"] == "proj-1"
    assert sent.headers["X-Custom"] == "c" and sent.headers["X-Extra"] == "e"
    assert sent.headers["Content-Type"] == "application/json"
    assert sent.headers["Accept"] == "application/json"
    assert sent.headers["Idempotency-Key"].startswith("openai-core-retry-")
    assert isinstance(sent.content, bytes)
    assert json.loads(sent.content) == {"model": "gpt-4", "messages": MESSAGES, "temperature": 0.5, "vendor_flag": True}


async def test_get_has_no_body_and_no_idempotency_key() -> None:
    client, mock = make(lambda r: json_response(r, 200, {"object": "list", "data": []}))
    await client.models.list()
    (sent,) = mock.requests
    assert sent.content is None and "Content-Type" not in sent.headers
    assert "Idempotency-Key" not in sent.headers


async def test_omit_removes_a_default_header() -> None:
    client, mock = make(lambda r: json_response(r, 200, {"object": "list", "data": []}), organization="org-1")
    await client.models.list(extra_headers={"OpenAI-Organization": openai.omit})
    assert "OpenAI-Organization" not in mock.requests[0].headers


async def test_retries_reuse_the_same_idempotency_key(no_sleep: list[float]) -> None:
    statuses = iter([500, 503, 200])

    def handler(r: Request) -> Response:
        status = next(statuses)
        return json_response(r, status, COMPLETION if status == 200 else {"error": {"message": "boom"}})

    client, mock = make(handler)
    result = await client.chat.completions.create(model="gpt-4", messages=MESSAGES)
    assert result.id == "chatcmpl-1"
    assert len(mock.requests) == 3
    keys = {r.headers["Idempotency-Key"] for r in mock.requests}
    assert len(keys) == 1
    assert len(no_sleep) == 2 and 0.375 <= no_sleep[0] <= 0.5 and 0.75 <= no_sleep[1] <= 1.0


async def test_retry_after_header_is_obeyed(no_sleep: list[float]) -> None:
    statuses = iter([429, 200])

    def handler(r: Request) -> Response:
        status = next(statuses)
        return json_response(r, status, COMPLETION, headers={"retry-after-ms": "1234"})

    client, _ = make(handler)
    await client.chat.completions.create(model="gpt-4", messages=MESSAGES)
    assert no_sleep == [1.234]


async def test_max_retries_then_error_with_exactly_one_plus_max_attempts() -> None:
    client, mock = make(lambda r: json_response(r, 429, {"error": {"message": "slow", "code": "rate"}}), max_retries=3)
    with pytest.raises(openai.RateLimitError) as exc_info:
        await client.chat.completions.create(model="gpt-4", messages=MESSAGES)
    assert len(mock.requests) == 4
    assert exc_info.value.code == "rate"
    assert exc_info.value.body == {"message": "slow", "code": "rate"}


async def test_x_should_retry_false_stops_retries() -> None:
    client, mock = make(lambda r: json_response(r, 503, {}, headers={"x-should-retry": "false"}))
    with pytest.raises(openai.InternalServerError):
        await client.models.list()
    assert len(mock.requests) == 1


async def test_non_retryable_status_is_not_retried() -> None:
    client, mock = make(lambda r: json_response(r, 400, {"error": {"message": "bad", "param": "messages"}}))
    with pytest.raises(openai.BadRequestError) as exc_info:
        await client.models.list()
    assert len(mock.requests) == 1
    assert exc_info.value.param == "messages"


@pytest.mark.parametrize(
    ("error", "expected"),
    [(TransportTimeoutError("slow"), openai.APITimeoutError), (TransportConnectionError("reset"), openai.APIConnectionError)],
)
async def test_transport_failures_are_retried_then_mapped(error: Exception, expected: type[Exception]) -> None:
    def handler(r: Request) -> Response:
        raise error

    client, mock = make(handler, max_retries=2)
    with pytest.raises(expected):
        await client.models.list()
    assert len(mock.requests) == 3


async def test_one_shot_streamed_body_is_never_retried() -> None:
    from openai_core._pipeline import RequestOptions

    async def body():  # type: ignore[no-untyped-def]
        yield b"part"

    client, mock = make(lambda r: json_response(r, 500, {}))
    with pytest.raises(openai.InternalServerError):
        await client._pipeline.request(RequestOptions("POST", "/files", content=body()), openai.types.Model)
    assert len(mock.requests) == 1


async def test_timeouts_resolve_client_then_call() -> None:
    client, mock = make(lambda r: json_response(r, 200, {"object": "list", "data": []}), timeout=20.0)
    await client.models.list()
    await client.models.list(timeout=Timeout(3.0, connect=1.0))
    await client.with_options(timeout=None).models.list()
    assert mock.requests[0].timeout == Timeout(20.0)
    assert mock.requests[1].timeout == Timeout(3.0, connect=1.0)
    assert mock.requests[2].timeout == Timeout(None)


async def test_default_timeout_is_long_with_short_connect() -> None:
    client, mock = make(lambda r: json_response(r, 200, {"object": "list", "data": []}))
    await client.models.list()
    assert mock.requests[0].timeout == Timeout(600.0, connect=5.0)


@pytest.mark.parametrize(
    ("content", "content_type"),
    [(b"<html>oops</html>", "text/html"), (b"", "application/json"), (b'{"id": "x", "obj', "application/json"),
     (b"not json at all", "text/plain")],
)
async def test_unreadable_success_body_is_a_clear_error(content: bytes, content_type: str) -> None:
    def handler(r: Request) -> Response:
        return Response(200, headers={"content-type": content_type, "x-request-id": "req_42"}, content=content, request=r)

    client, _ = make(handler)
    with pytest.raises(openai.APIResponseValidationError) as exc_info:
        await client.models.retrieve("gpt-4")
    message = str(exc_info.value)
    assert "200" in message and "req_42" in message
    assert (content[:10].decode() in message) if content else "empty body" in message
    assert exc_info.value.status_code == 200


async def test_missing_and_unknown_and_mistyped_arguments_fail_before_sending() -> None:
    client, mock = make(lambda r: json_response(r, 200, COMPLETION))
    with pytest.raises(TypeError, match="'messages'"):
        await client.chat.completions.create(model="gpt-4")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="'temprature'"):
        await client.chat.completions.create(model="gpt-4", messages=MESSAGES, temprature=1)  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="'messages' must be"):
        await client.chat.completions.create(model="gpt-4", messages="hello")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="'model' must be"):
        await client.chat.completions.create(model=4, messages=MESSAGES)  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="non-empty"):
        await client.models.retrieve("")
    assert mock.requests == []


async def test_generator_of_messages_is_sent_as_a_list() -> None:
    client, mock = make(lambda r: json_response(r, 200, COMPLETION))
    await client.chat.completions.create(model="gpt-4", messages=(m for m in MESSAGES))
    assert isinstance(mock.requests[0].content, bytes)
    assert json.loads(mock.requests[0].content)["messages"] == MESSAGES


def test_missing_api_key_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(openai.OpenAIError, match="OPENAI_API_KEY"):
        AsyncOpenAI()


def test_env_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-env")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://env.local/v1")
    monkeypatch.setenv("OPENAI_ORG_ID", "org-env")
    monkeypatch.setenv("OPENAI_PROJECT_ID", "proj-env")
    monkeypatch.setenv("OPENAI_CORE_TRANSPORT", "aiohttp")
    client = AsyncOpenAI()
    assert client.api_key == "sk-env"
    assert str(client.base_url) == "http://env.local/v1"
    assert client.organization == "org-env" and client.project == "proj-env"
    assert type(client.transport).__name__ == "AioHttpTransport"
    # arguments win over the environment
    explicit = AsyncOpenAI(api_key="sk-arg", base_url="http://arg.local", transport="httpx")
    assert explicit.api_key == "sk-arg" and str(explicit.base_url) == "http://arg.local"
    assert type(explicit.transport).__name__ == "HttpxTransport"


def test_unknown_transport_name_lists_choices() -> None:
    with pytest.raises(ValueError, match=r"available: .*aiohttp.*httpx"):
        AsyncOpenAI(api_key="k", transport="carrier-pigeon")


async def test_secrets_never_in_repr_errors_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="openai_core")
    client, mock = make(lambda r: json_response(r, 401, {"error": {"message": "Incorrect API key provided"}}))
    with pytest.raises(openai.AuthenticationError) as exc_info:
        await client.models.list()
    texts = [repr(client), str(exc_info.value), repr(exc_info.value), repr(mock.requests[0]),
             repr(exc_info.value.request), str(client.default_headers), caplog.text]
    for text in texts:
        assert "sk-secret-123" not in text
    assert caplog.records, "debug logging should have recorded the request"


async def test_with_options_shares_the_transport_and_close_leaves_it_open() -> None:
    client, mock = make(lambda r: json_response(r, 200, {"object": "list", "data": []}))
    copy = client.with_options(max_retries=5, default_headers={"X-Copy": "1"})
    assert copy.transport is client.transport and copy.max_retries == 5
    await copy.models.list()
    assert mock.requests[0].headers["X-Copy"] == "1"
    await copy.close()
    assert not mock.closed
    await client.close()
    assert mock.closed


async def test_with_options_given_its_own_client_back_shares_it() -> None:
    # pydantic-ai's per-request copy: client.with_options(http_client=client._client, max_retries=n,
    # _extra_kwargs={...}), as the official SDK's copy() takes it.
    class Tagged(AsyncOpenAI):
        def __init__(self, *, tag: str = "", **options: Any) -> None:
            super().__init__(**options)
            self.tag = tag

    _, mock = make(lambda r: json_response(r, 200, {"object": "list", "data": []}))
    client = Tagged(api_key="sk-secret-123", base_url="http://t.local/v1", http_client=mock)
    copy = client.with_options(http_client=client._client, max_retries=0, _extra_kwargs={"tag": "per-request"})
    assert client._client is client.transport is mock
    assert copy.transport is mock and copy.max_retries == 0 and copy.tag == "per-request"
    await copy.models.list()
    await copy.close()
    assert not mock.closed and len(mock.requests) == 1
    with pytest.raises(TypeError):  # an option copy() passes itself, as in the official SDK
        client.with_options(_extra_kwargs={"max_retries": 3})
    await client.close()
    assert mock.closed


def test_openai_log_debug_logs_requests_without_the_key() -> None:
    import subprocess
    import sys

    code = (
        "import asyncio\n"
        "from openai_core import AsyncOpenAI, MockTransport\n"
        "from openai_core.transports.mock import json_response\n"
        "c = AsyncOpenAI(api_key='sk-very-secret', base_url='http://t.local/v1',\n"
        "                http_client=MockTransport(lambda r: json_response(r, 200, {'object': 'list', 'data': []})))\n"
        "async def main():\n    await c.models.list()\nasyncio.run(main())\n"
    )
    env = {"OPENAI_LOG": "debug", "PATH": ""}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "request GET http://t.local/v1/models" in out.stderr
    assert "-> 200" in out.stderr
    assert "sk-very-secret" not in out.stderr + out.stdout
