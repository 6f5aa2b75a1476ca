"""One error tree: whatever a hostile server sends or a user passes, the SDK raises one of its own
classes with a clear message. Broken stream events, deep nesting, streams cut mid-event, illegal API
keys and header values (refused by name before anything is sent, never retried, never echoed)."""

from __future__ import annotations

import traceback
from collections.abc import Callable

import httpx
import pytest

import openai_core as openai
from openai_core import AsyncOpenAI
from openai_core._interop import own_class
from openai_core.testing.raw import RawConnection, RawServer, http_response

MESSAGES = [{"role": "user", "content": "hi"}]
KEY = "sk-SECRET-0123456789abcdef"


async def _stream_items(client: AsyncOpenAI) -> list[object]:
    items: list[object] = []
    stream = await client.chat.completions.create(model="m", messages=MESSAGES, stream=True)  # type: ignore[arg-type]
    async for item in stream:
        items.append(item)
    return items


@pytest.mark.parametrize("case", ["sse_not_json", "sse_wrong_shape"])
async def test_an_unreadable_stream_event_is_a_validation_error(
    transport: str, hostile: Callable[[str], RawServer], case: str
) -> None:
    server = hostile(case)
    async with AsyncOpenAI(api_key=KEY, base_url=server.base_url, transport=transport) as client:
        with pytest.raises(openai.APIResponseValidationError) as exc_info:
            await _stream_items(client)
    assert own_class(type(exc_info.value)) is openai.APIResponseValidationError
    message = str(exc_info.value)
    assert "Could not parse a stream event as ChatCompletionChunk" in message
    assert ("{not json" if case == "sse_not_json" else "[1, 2, 3]") in message
    assert exc_info.value.status_code == 200


@pytest.mark.parametrize(
    ("case", "error"),
    [
        ("deep_error_body", openai.BadRequestError),
        ("deep_sse_error", openai.APIError),
        ("deep_json", openai.APIResponseValidationError),
    ],
)
async def test_json_nested_past_the_stack_is_an_sdk_error(
    transport: str, hostile: Callable[[str], RawServer], case: str, error: type[Exception]
) -> None:
    server = hostile(case)
    async with AsyncOpenAI(api_key=KEY, base_url=server.base_url, transport=transport, max_retries=0) as client:
        with pytest.raises(error) as exc_info:
            if case == "deep_sse_error":
                await _stream_items(client)
            else:
                await client.chat.completions.create(model="m", messages=MESSAGES)  # type: ignore[arg-type]
    assert own_class(type(exc_info.value)) is error
    assert not isinstance(exc_info.value.__cause__, RecursionError) or case == "deep_json"


def _sse_server(body: bytes) -> RawServer:
    async def handler(conn: RawConnection) -> None:
        await conn.read_request()
        await conn.send(http_response(200, body, content_type="text/event-stream"))

    return RawServer(handler)


CHUNK = (b'data: {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m", '
         b'"choices": [{"index": 0, "delta": {"content": "a"}, "finish_reason": null}]}\n')


@pytest.mark.parametrize(
    ("body", "items", "cut"),
    [
        (CHUNK + b"\n", 1, False),  # ends at an event boundary, no [DONE]: a normal end
        (CHUNK + b"\n" + b"data: [DONE]\n", 1, False),  # [DONE] missing only its blank line
        (CHUNK + b"\n" + CHUNK, 1, True),  # the last event has no blank line
        (CHUNK + b"\n" + CHUNK[:30], 1, True),  # the body ends inside a line
    ],
)
async def test_a_stream_ending_mid_event_is_a_connection_error(
    transport: str, body: bytes, items: int, cut: bool
) -> None:
    with _sse_server(body) as server:
        async with AsyncOpenAI(api_key=KEY, base_url=server.base_url, transport=transport) as client:
            stream = await client.chat.completions.create(model="m", messages=MESSAGES, stream=True)  # type: ignore[arg-type]
            received = []
            if cut:
                with pytest.raises(openai.APIConnectionError, match="ended in the middle of"):
                    async for item in stream:
                        received.append(item)
            else:
                received = [item async for item in stream]
    assert len(received) == items


async def test_a_lenient_object_names_a_missing_required_field(
    transport: str, hostile: Callable[[str], RawServer]
) -> None:
    server = hostile("missing_choices")
    async with AsyncOpenAI(api_key=KEY, base_url=server.base_url, transport=transport) as client:
        completion = await client.chat.completions.create(model="m", messages=MESSAGES)  # type: ignore[arg-type]
    assert completion.id == "chatcmpl-1"  # kept lenient: what the server sent is there
    with pytest.raises(AttributeError, match=r"ChatCompletion\.choices is missing: the server's response did not"):
        _ = completion.choices
    assert getattr(completion, "choices", None) is None
    assert "choices" not in completion.model_fields_set


# -- keys and header values -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "what"),
    [
        (KEY + "\u2019", "a non-ASCII character at position 26"),
        (KEY + "\r\n", "a line break (CR/LF) at position 26"),
        ("sk-\u00e9" + KEY, "a non-ASCII character at position 3"),
        (KEY + "\x00", "a control character at position 26"),
    ],
)
def test_an_unsendable_api_key_is_refused_at_construction_without_echoing_it(transport: str, key: str, what: str) -> None:
    with pytest.raises(openai.OpenAIError) as exc_info:
        AsyncOpenAI(api_key=key, base_url="http://127.0.0.1:9/v1", transport=transport)
    text = "".join(traceback.format_exception(exc_info.value))
    assert f"api_key has {what}" in str(exc_info.value)
    assert KEY not in text and "SECRET" not in text
    assert exc_info.value.__cause__ is None and exc_info.value.__context__ is None


@pytest.mark.parametrize(
    "option",
    [
        {"default_headers": {"X-Trace": "a\r\nX-Injected: 1"}},
        {"default_headers": {"Bad Name": "v"}},
        {"organization": "org-\n1"},
        {"project": "proj-\u00e9"},
    ],
)
def test_unsendable_default_headers_are_refused_at_construction(option: dict[str, object]) -> None:
    with pytest.raises(openai.OpenAIError, match=r"not shown|not a valid header name"):
        AsyncOpenAI(api_key=KEY, base_url="http://127.0.0.1:9/v1", **option)  # type: ignore[arg-type]


async def test_an_unsendable_extra_header_is_refused_before_sending(
    transport: str, hostile: Callable[[str], RawServer]
) -> None:
    server = hostile("ok")
    async with AsyncOpenAI(api_key=KEY, base_url=server.base_url, transport=transport) as client:
        with pytest.raises(openai.OpenAIError, match="extra_headers: header 'X-Trace' has a line break"):
            await client.chat.completions.create(
                model="m", messages=MESSAGES, extra_headers={"X-Trace": "a\r\nX-Injected: 1"}  # type: ignore[arg-type]
            )
        assert (await client.chat.completions.create(model="m", messages=MESSAGES)).id  # type: ignore[arg-type]
    assert len(server.requests) == 1  # only the good call reached the server


async def test_a_bad_header_in_a_users_own_httpx_client_is_not_retried_or_echoed(
    hostile: Callable[[str], RawServer],
) -> None:
    # Headers the pipeline never saw (set on the user's httpx.AsyncClient): the backend refuses them.
    # (A non-ASCII one httpx refuses itself, when the user builds that client.)
    server = hostile("ok")
    async with httpx.AsyncClient(headers={"X-Proxy-Auth": "Bearer " + KEY + "\r\n"}) as user_client:
        client = AsyncOpenAI(api_key="sk-test", base_url=server.base_url, http_client=user_client, max_retries=2)
        with pytest.raises(openai.OpenAIError) as exc_info:
            await client.chat.completions.create(model="m", messages=MESSAGES)  # type: ignore[arg-type]
        await client.close()
    assert own_class(type(exc_info.value)) is openai.OpenAIError
    assert "header name or value is not valid HTTP" in str(exc_info.value)
    text = "".join(traceback.format_exception(exc_info.value))
    assert KEY not in text
    assert len(server.requests) == 0


async def test_a_bad_header_in_a_users_own_aiohttp_session_is_not_retried(hostile: Callable[[str], RawServer]) -> None:
    import aiohttp

    server = hostile("ok")
    async with aiohttp.ClientSession(headers={"X-Proxy-Auth": "Bearer " + KEY + "\r\n"}) as session:
        client = AsyncOpenAI(api_key="sk-test", base_url=server.base_url, http_client=session, max_retries=2)
        with pytest.raises(openai.OpenAIError) as exc_info:
            await client.chat.completions.create(model="m", messages=MESSAGES)  # type: ignore[arg-type]
        await client.close()
    assert "header name or value is not valid HTTP" in str(exc_info.value)
    assert KEY not in "".join(traceback.format_exception(exc_info.value))
    assert len(server.requests) == 0
