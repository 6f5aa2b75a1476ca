"""The fault suite's remaining cases over real loopback HTTP, on both transports with the same exception
class: resets in the middle of a body, slow bodies, retry-after in every form, a 429 storm, unreadable
bodies (plain and streamed), closing the client under running calls, and secrets under every failure.
The basic cases (refused, reset before headers, truncation, stream cut, SSE errors, slow headers) are in
test_transports.py and test_streaming.py."""

from __future__ import annotations

import asyncio
import email.utils
import logging
import re
import time
import traceback
import uuid
from typing import Any

import pytest

import openai_core as openai
from openai_core import AsyncOpenAI
from openai_core._interop import own_class
from openai_core.testing import MockServer
from openai_core.types.responses import ResponseCompletedEvent

from .conftest import client_sockets

MESSAGES = [{"role": "user", "content": "one two three four five six seven eight nine ten"}]
ANSWER = "echo: one two three four five six seven eight nine ten"


def fault(spec: str, key: str | None = None) -> dict[str, str]:
    return {"X-Mock-Fault": spec, "X-Mock-Fault-Key": key or uuid.uuid4().hex}


def pending_tasks() -> list[asyncio.Task[object]]:
    current = asyncio.current_task()
    return [t for t in asyncio.all_tasks() if t is not current and not t.done()]


# -- resets and slow bodies -------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["length", "chunked"])
async def test_reset_mid_body_is_retried_with_one_key_then_a_connection_error(
    client: AsyncOpenAI, server: MockServer, mode: str
) -> None:
    key = uuid.uuid4().hex
    with pytest.raises(openai.APIConnectionError) as exc_info:
        await client.with_options(max_retries=1).chat.completions.create(
            model="gpt-4", messages=MESSAGES, extra_headers=fault(f"kind=truncate;mode={mode};close=rst", key)
        )
    assert own_class(type(exc_info.value)) is openai.APIConnectionError
    attempts = [r for r in server.requests if r.headers.get("x-mock-fault-key") == key]
    assert len(attempts) == 2 == server.attempts(key)
    assert len({r.headers["idempotency-key"] for r in attempts}) == 1


async def test_assigning_max_retries_and_timeout_changes_the_next_call(client: AsyncOpenAI, server: MockServer) -> None:
    # Frameworks set ``client.max_retries = 0`` to do the retrying themselves, as the official client allows.
    client.max_retries = 0
    key = uuid.uuid4().hex
    with pytest.raises(openai.APIConnectionError):
        await client.chat.completions.create(
            model="gpt-4", messages=MESSAGES, extra_headers=fault("kind=truncate;close=rst;times=1", key))
    assert server.attempts(key) == 1
    assert client.copy().max_retries == 0 and client.with_options(max_retries=3).max_retries == 3
    client.max_retries = 1
    key = uuid.uuid4().hex
    r = await client.chat.completions.create(
        model="gpt-4", messages=MESSAGES, extra_headers=fault("kind=truncate;close=rst;times=1", key))
    assert r.choices[0].message.content == ANSWER and server.attempts(key) == 2
    client.max_retries, client.timeout = 0, 0.3
    assert client.timeout.read == 0.3
    with pytest.raises(openai.APITimeoutError):
        await client.chat.completions.create(
            model="gpt-4", messages=MESSAGES, extra_headers=fault("kind=slow_body;delay=3"))
    with pytest.raises(ValueError, match="max_retries"):
        client.max_retries = -1
    assert client.max_retries == 0


async def test_reset_mid_body_once_then_success(client: AsyncOpenAI, server: MockServer) -> None:
    key = uuid.uuid4().hex
    r = await client.chat.completions.create(
        model="gpt-4", messages=MESSAGES, extra_headers=fault("kind=truncate;close=rst;times=1", key)
    )
    assert r.choices[0].message.content == ANSWER
    assert server.attempts(key) == 2


async def test_reset_mid_stream_raises_while_iterating(client: AsyncOpenAI, server: MockServer) -> None:
    stream = await client.with_options(max_retries=0).chat.completions.create(
        model="gpt-4", messages=MESSAGES, stream=True, extra_headers=fault("kind=truncate;mode=chunked;close=rst")
    )
    received = []
    with pytest.raises(openai.APIConnectionError) as exc_info:
        async for chunk in stream:
            received.append(chunk)
    assert own_class(type(exc_info.value)) is openai.APIConnectionError
    assert len(received) < 12  # the whole answer is 13 chunks: it cannot have arrived
    assert stream.response.is_closed
    await client.close()
    assert client_sockets(server.port) == 0


async def test_slow_body_of_a_plain_call_times_out(client: AsyncOpenAI, server: MockServer) -> None:
    key = uuid.uuid4().hex
    started = time.monotonic()
    with pytest.raises(openai.APITimeoutError):
        await client.with_options(max_retries=0).chat.completions.create(
            model="gpt-4", messages=MESSAGES, timeout=0.3, extra_headers=fault("kind=slow_body;delay=3", key)
        )
    assert time.monotonic() - started < 2.5  # the gap is 3 s: the read timeout fired, not the server
    assert server.attempts(key) == 1
    # a timeout is retried like any connection failure; the server then answers in time
    key = uuid.uuid4().hex
    r = await client.with_options(max_retries=1).chat.completions.create(
        model="gpt-4", messages=MESSAGES, timeout=0.5, extra_headers=fault("kind=slow_body;delay=3;times=1", key)
    )
    assert r.choices[0].message.content == ANSWER
    assert server.attempts(key) == 2


# -- retry-after in every form ----------------------------------------------------------------------


def _http_date(seconds_from_now: float) -> str:
    return email.utils.formatdate(time.time() + seconds_from_now, usegmt=True)


# (status fault, expected attempts, outcome, min seconds, max seconds). Our own first backoff is
# 0.375-0.5 s; the bounds are generous because the machine is shared.
RETRY_CASES: dict[str, tuple[str, int, type[Exception] | None, float, float]] = {
    "retry-after seconds": ("kind=status;code=503;retry_after=1;times=1", 2, None, 0.9, 6.0),
    "retry-after-ms": ("kind=status;code=429;retry_after_ms=300;times=1", 2, None, 0.25, 5.0),
    "retry-after-ms wins over retry-after": (
        "kind=status;code=429;retry_after_ms=100;retry_after=30;times=1", 2, None, 0.05, 5.0),
    "HTTP-date": ("kind=status;code=503;retry_after={date};times=1", 2, None, 0.5, 6.0),
    "absurd seconds capped": ("kind=status;code=503;retry_after=86400;times=1", 2, None, 0.3, 5.0),
    "absurd ms capped": ("kind=status;code=429;retry_after_ms=999999999999;times=1", 2, None, 0.3, 5.0),
    "unparsable": ("kind=status;code=503;retry_after=soon;times=1", 2, None, 0.3, 5.0),
    "x-should-retry false": ("kind=status;code=503;should_retry=false", 1, openai.InternalServerError, 0, 3.0),
    "x-should-retry true on a 400": ("kind=status;code=400;should_retry=true;retry_after_ms=10;times=1", 2, None,
                                     0, 3.0),
    "5xx until retries run out": ("kind=status;code=502;retry_after_ms=10", 3, openai.InternalServerError, 0, 3.0),
}


@pytest.mark.parametrize("case", list(RETRY_CASES))
async def test_retry_after_over_the_wire(client: AsyncOpenAI, server: MockServer, case: str) -> None:
    spec, attempts, error, low, high = RETRY_CASES[case]
    spec = spec.replace("{date}", _http_date(2))
    key = uuid.uuid4().hex
    started = time.monotonic()
    call = client.with_options(max_retries=2).chat.completions.create(
        model="gpt-4", messages=MESSAGES, extra_headers=fault(spec, key)
    )
    if error is None:
        r = await call
        assert r.choices[0].message.content == ANSWER
    else:
        with pytest.raises(error):
            await call
    elapsed = time.monotonic() - started
    assert server.attempts(key) == attempts
    assert low <= elapsed < high, f"{case}: {elapsed:.2f}s"
    sent = [r for r in server.requests if r.headers.get("x-mock-fault-key") == key]
    assert len({r.headers["idempotency-key"] for r in sent}) == 1


async def test_a_429_storm_gives_every_request_exactly_one_retry(client: AsyncOpenAI, server: MockServer) -> None:
    keys = [uuid.uuid4().hex for _ in range(64)]
    results = await asyncio.gather(*[
        client.chat.completions.create(
            model="gpt-4", messages=[{"role": "user", "content": f"n{i}"}],
            extra_headers=fault("kind=status;code=429;retry_after_ms=50;times=1", key),
        )
        for i, key in enumerate(keys)
    ])
    assert [r.choices[0].message.content for r in results] == [f"echo: n{i}" for i in range(64)]
    assert [server.attempts(key) for key in keys] == [2] * 64
    by_key: dict[str, set[str]] = {}
    for r in server.requests:
        if r.headers.get("x-mock-fault-key") in keys:
            by_key.setdefault(r.headers["x-mock-fault-key"], set()).add(r.headers["idempotency-key"])
    assert all(len(ids) == 1 for ids in by_key.values()) and len(by_key) == 64
    assert len(set().union(*by_key.values())) == 64  # and no two requests share a key


# -- unreadable bodies ------------------------------------------------------------------------------

BODY_STARTS = {
    "nonjson": "'upstream said: this is not JSON'",
    "html": "'<html>",
    "empty": "empty body",
    "truncated_json": '\'{"id":',
}


# -- tool-call arguments that match no schema -------------------------------------------------------

WEATHER_TOOL: Any = {"type": "function", "function": {
    "name": "get_weather", "parameters": {"type": "object", "properties": {"city": {"type": "string"}},
                                          "required": ["city"]}}}
WEATHER_CALL = [{"role": "user", "content": "get_weather for Paris"}]


async def test_bad_args_blanks_the_arguments_once_then_the_normal_call(client: AsyncOpenAI) -> None:
    headers = fault("kind=bad_args;times=1")
    calls = []
    for _ in range(2):
        completion = await client.chat.completions.create(
            model="gpt-4", messages=WEATHER_CALL, tools=[WEATHER_TOOL], extra_headers=headers)
        (call,) = completion.choices[0].message.tool_calls or []
        calls.append((call.function.name, call.function.arguments))  # type: ignore[union-attr]
    assert calls == [("get_weather", "{}"), ("get_weather", '{"city":"city-value"}')]


async def test_bad_args_in_a_chat_stream_and_in_responses(client: AsyncOpenAI) -> None:
    stream = await client.chat.completions.create(
        model="gpt-4", messages=WEATHER_CALL, tools=[WEATHER_TOOL], stream=True,
        extra_headers=fault("kind=bad_args"))
    fragments = [call.function.arguments async for chunk in stream for call in chunk.choices[0].delta.tool_calls or ()
                 if call.function is not None and call.function.arguments is not None]
    assert "".join(fragments) == "{}" and len(fragments) > 1  # still streamed, every later fragment empty

    tool: Any = {"type": "function", "name": "get_weather", "parameters": WEATHER_TOOL["function"]["parameters"]}
    response = await client.responses.create(model="gpt-4", input="get_weather in Paris", tools=[tool],
                                             extra_headers=fault("kind=bad_args"))
    assert [(item.type, getattr(item, "arguments", None)) for item in response.output] == [("function_call", "{}")]
    events = [event async for event in await client.responses.create(
        model="gpt-4", input="get_weather in Paris", tools=[tool], stream=True, extra_headers=fault("kind=bad_args"))]
    assert "".join(e.delta for e in events if e.type == "response.function_call_arguments.delta") == ""
    done = [e.arguments for e in events if e.type == "response.function_call_arguments.done"]
    final = events[-1]
    assert isinstance(final, ResponseCompletedEvent)
    assert done == ["{}"] and [getattr(item, "arguments", None) for item in final.response.output] == ["{}"]



@pytest.mark.parametrize("body", list(BODY_STARTS))
async def test_unreadable_200_names_status_request_id_content_type_and_body(client: AsyncOpenAI, body: str) -> None:
    with pytest.raises(openai.APIResponseValidationError) as exc_info:
        await client.chat.completions.create(
            model="gpt-4", messages=MESSAGES, extra_headers=fault(f"kind=bad_body;body={body}")
        )
    exc = exc_info.value
    request_id = exc.response.headers["x-request-id"]
    assert re.fullmatch(r"req_[0-9a-f]{16}", request_id)
    message = str(exc)
    assert "200 response" in message and request_id in message and BODY_STARTS[body] in message
    assert "content-type 'text/html'" in message if body == "html" else "application/json" in message


async def test_wrong_content_type_is_named(client: AsyncOpenAI) -> None:
    with pytest.raises(openai.APIResponseValidationError, match=r"content-type 'text/plain'.*upstream said"):
        await client.chat.completions.create(
            model="gpt-4", messages=MESSAGES, extra_headers=fault("kind=bad_body;body=nonjson;content_type=text/plain")
        )


@pytest.mark.parametrize(("body", "content_type"), [("html", "text/html"), ("nonjson", "application/json"),
                                                    ("empty", "application/json")])
async def test_streaming_call_answered_without_an_event_stream_fails_clearly(
    client: AsyncOpenAI, server: MockServer, body: str, content_type: str
) -> None:
    # A proxy's page, or a server ignoring stream=true, used to iterate as an empty stream: nothing lost
    # silently any more.
    with pytest.raises(openai.APIResponseValidationError) as exc_info:
        await client.chat.completions.create(
            model="gpt-4", messages=MESSAGES, stream=True, extra_headers=fault(f"kind=bad_body;body={body}")
        )
    exc = exc_info.value
    assert exc.status_code == 200
    message = str(exc)
    assert f"is '{content_type}'" in message and exc.response.headers["x-request-id"] in message
    assert BODY_STARTS[body] in message
    await client.close()
    assert client_sockets(server.port) == 0


async def test_html_502_from_a_proxy_carries_status_request_id_and_body(client: AsyncOpenAI) -> None:
    with pytest.raises(openai.InternalServerError) as exc_info:
        await client.with_options(max_retries=0).models.list(extra_headers=fault("kind=status;code=502;body=html"))
    exc = exc_info.value
    assert exc.status_code == 502
    assert exc.request_id is not None and re.fullmatch(r"req_[0-9a-f]{16}", exc.request_id)
    assert isinstance(exc.body, str) and exc.body.startswith("<html>")
    assert str(exc).startswith("Error code: 502 - <html>")


# -- closing, cancelling, abandoning ----------------------------------------------------------------


@pytest.mark.parametrize("max_retries", [0, 2])
async def test_closing_the_client_under_running_calls_and_streams(
    transport: str, server: MockServer, max_retries: int
) -> None:
    c = AsyncOpenAI(api_key="k", base_url=server.base_url, transport=transport, max_retries=max_retries)

    async def call() -> object:
        return await c.chat.completions.create(
            model="gpt-4", messages=MESSAGES, extra_headers=fault("kind=slow_headers;delay=3")
        )

    async def stream() -> object:
        s = await c.chat.completions.create(
            model="gpt-4", messages=MESSAGES, stream=True, extra_headers=fault("kind=slow_body;delay=3")
        )
        return [chunk async for chunk in s]

    tasks = [asyncio.create_task(call()) for _ in range(5)] + [asyncio.create_task(stream()) for _ in range(5)]
    await asyncio.sleep(0.5)  # the calls wait for headers, the streams for their second chunk
    started = time.monotonic()
    await c.close()
    results = await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), 2.5)
    # Every call ends at once (aiohttp's streams used to wait for their read timeout, 600 s by default)
    # and nothing is left behind. A call waiting for headers fails with a connection error; if a retry
    # is due, the retry finds the client closed: the RuntimeError of a call made after close().
    # Streams are never retried once reading began.
    waiting: type[Exception] = openai.APIConnectionError if max_retries == 0 else RuntimeError
    assert [own_class(type(r)) for r in results] == [waiting] * 5 + [openai.APIConnectionError] * 5
    assert time.monotonic() - started < 2.5
    assert client_sockets(server.port) == 0
    assert pending_tasks() == []
    with pytest.raises(RuntimeError, match="client has been closed"):
        await c.models.list()  # a programming error on both backends, never retried


async def test_streams_left_by_break_without_close_are_freed_by_client_close(
    client: AsyncOpenAI, server: MockServer
) -> None:
    async def take_two() -> int:
        s = await client.chat.completions.create(model="gpt-4", messages=MESSAGES, stream=True)
        n = 0
        async for _ in s:
            n += 1
            if n == 2:
                break
        return n

    assert await asyncio.gather(*[take_two() for _ in range(20)]) == [2] * 20
    await client.close()
    assert client_sockets(server.port) == 0
    assert pending_tasks() == []


# -- secrets under every failure --------------------------------------------------------------------

SECRET_FAULTS = {
    "401": "kind=status;code=401",
    "429 retried": "kind=status;code=429;retry_after_ms=1",
    "reset": "kind=reset",
    "reset mid-body": "kind=truncate;close=rst",
    "truncated": "kind=truncate;mode=chunked",
    "timeout": "kind=slow_headers;delay=2",
    "bad body": "kind=bad_body;body=html",
}


@pytest.mark.parametrize("case", [*SECRET_FAULTS, "refused", "stream cut", "stream error"])
async def test_the_key_never_appears_in_errors_tracebacks_or_logs_at_debug(
    transport: str, server: MockServer, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    secret = f"sk-canary-{uuid.uuid4().hex}"
    caplog.set_level(logging.DEBUG)  # every logger, the backends' included
    base_url = "http://127.0.0.1:9/v1" if case == "refused" else server.base_url
    async with AsyncOpenAI(api_key=secret, base_url=base_url, transport=transport, max_retries=1,
                           timeout=0.3) as c:
        texts = [repr(c), repr(c.transport), repr(c.with_options(max_retries=0)), str(c.default_headers)]
        with pytest.raises(openai.OpenAIError) as exc_info:
            if case.startswith("stream"):
                spec = "kind=stream_cut;after=2" if case == "stream cut" else "kind=sse_error;after=2"
                stream = await c.chat.completions.create(model="gpt-4", messages=MESSAGES, stream=True,
                                                         extra_headers=fault(spec))
                async for _ in stream:
                    pass
            else:
                headers = fault(SECRET_FAULTS[case]) if case in SECRET_FAULTS else None  # refused: no server
                await c.chat.completions.create(model="gpt-4", messages=MESSAGES, extra_headers=headers)
    exc: BaseException | None = exc_info.value
    texts.append("".join(traceback.format_exception(exc_info.value)))
    # The whole chain: our error, the neutral transport error, the library's. (Objects hanging off them,
    # such as `exc.request.headers`, hold the header by necessity, as in the official SDK: what must stay
    # clean is what gets printed, logged or reported.)
    while exc is not None:
        texts += [str(exc), repr(exc), repr(getattr(exc, "request", None)), repr(getattr(exc, "response", None)),
                  repr(getattr(exc, "body", None))]
        exc = exc.__cause__ or exc.__context__
    for record in caplog.records:
        texts += [record.getMessage(), repr(record.args), record.exc_text or ""]
    assert caplog.records, "debug logging recorded nothing"
    leaks = [text for text in texts if secret in text]
    assert leaks == []
