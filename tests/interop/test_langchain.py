"""langchain-openai's ``ChatOpenAI`` on each client, given as a user gives one: ``async_client`` /
``client`` (the ``.chat.completions`` resources) and ``root_async_client`` / ``root_client`` (the clients,
which it uses for ``parse``, ``beta.chat.completions.stream`` and the Responses API).

The embedded server's rules make every value predictable: the reply is ``"echo: " + the last user
message``; a tool named in the last user message is called with arguments sampled from its schema (a
string ``city`` gets ``"city-value"``, an integer 1); once its result is sent back the reply is
``"tool results: <name> -> <result>"``; a ``json_schema`` response format is answered with its sample.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import openai
import pytest
from langchain_core.exceptions import (
    ModelAPIError,
    ModelConnectionError,
    ModelInvalidRequestError,
    ModelRateLimitError,
)
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage, HumanMessage, ToolMessage
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI
from pydantic import BaseModel

import openai_core
from openai_core.testing import MockServer

from .conftest import bodies

CHAT = "/chat/completions"
RESPONSES = "/responses"


class Weather(BaseModel):
    """The weather report of a city."""

    city: str
    degrees: int


@tool
def get_weather(city: str) -> str:
    """The weather in a city."""
    return f"sunny in {city}"


def marker() -> str:
    return f"m{uuid.uuid4().hex[:12]}"


def chat_model(client: Any, **options: Any) -> ChatOpenAI:
    return ChatOpenAI(model="gpt-4o-mini", async_client=client.chat.completions, root_async_client=client,
                      api_key="sk-unused", **options)


def sync_chat_model(client: Any, **options: Any) -> ChatOpenAI:
    return ChatOpenAI(model="gpt-4o-mini", client=client.chat.completions, root_client=client,
                      api_key="sk-unused", **options)


def text_of(message: BaseMessage) -> str:
    """The text of a message, whether its content is a string (chat) or content blocks (Responses)."""
    return message.text if isinstance(message.text, str) else message.text()  # type: ignore[operator]


# ------------------------------------------------------------------------------------- chat completions


async def test_ainvoke(make_client: Callable[..., Any], server: MockServer) -> None:
    word = marker()
    reply = await chat_model(make_client()).ainvoke(f"hello {word}")
    assert isinstance(reply, AIMessage) and reply.content == f"echo: hello {word}"
    assert reply.usage_metadata is not None
    assert {k: reply.usage_metadata[k] for k in ("input_tokens", "output_tokens", "total_tokens")} == {  # type: ignore[literal-required]
        "input_tokens": 2, "output_tokens": 3, "total_tokens": 5}
    assert reply.response_metadata["finish_reason"] == "stop"
    assert reply.response_metadata["model_name"] == "gpt-4o-mini"
    assert reply.response_metadata["id"].startswith("chatcmpl-")
    (body,) = bodies(server, CHAT, word)
    assert body["messages"] == [{"role": "user", "content": f"hello {word}"}] and body.get("stream") is not True


@pytest.mark.parametrize("use_responses_api", [False, True])
async def test_include_response_headers(make_client: Callable[..., Any], use_responses_api: bool) -> None:
    # Read off the raw response (with_raw_response.create, or the client's with_raw_response for Responses).
    model = chat_model(make_client(), include_response_headers=True, use_responses_api=use_responses_api)
    reply = await model.ainvoke(f"headers {marker()}")
    # A plain dict, looked up in lower case as the official SDK (httpx) gives the names: every backend
    # lower-cases them, so this holds on core-aiohttp too.
    headers = reply.response_metadata["headers"]
    assert headers["x-request-id"].startswith("req_") and headers["content-type"].startswith("application/json")
    chunks = [chunk async for chunk in model.astream(f"streamed headers {marker()}")]
    first = next(chunk for chunk in chunks if chunk.response_metadata.get("headers"))
    streamed = first.response_metadata["headers"]
    assert streamed["content-type"].startswith("text/event-stream")


async def test_astream_text_and_usage(make_client: Callable[..., Any], server: MockServer) -> None:
    word = marker()
    chunks = [chunk async for chunk in chat_model(make_client(), stream_usage=True).astream(
        f"stream {word} these words")]
    assert all(isinstance(chunk, AIMessageChunk) for chunk in chunks)
    pieces = [chunk.content for chunk in chunks if chunk.content]
    assert len(pieces) > 1 and "".join(pieces) == f"echo: stream {word} these words"  # type: ignore[arg-type]
    total = sum(chunks[1:], chunks[0])
    assert total.usage_metadata is not None
    assert (total.usage_metadata["input_tokens"], total.usage_metadata["output_tokens"]) == (4, 5)
    (body,) = bodies(server, CHAT, word)
    assert body["stream"] is True and body["stream_options"] == {"include_usage": True}


async def test_bind_tools_call_then_answer_with_the_result(make_client: Callable[..., Any], server: MockServer) -> None:
    word = marker()
    model = chat_model(make_client()).bind_tools([get_weather])
    question = HumanMessage(f"use get_weather for Paris {word}")
    call_message = await model.ainvoke([question])
    assert isinstance(call_message, AIMessage)
    (call,) = call_message.tool_calls
    assert (call["name"], call["args"]) == ("get_weather", {"city": "city-value"})
    assert call_message.response_metadata["finish_reason"] == "tool_calls"
    result = await get_weather.ainvoke(call)  # the ToolMessage for this call
    assert isinstance(result, ToolMessage) and result.tool_call_id == call["id"]
    final = await model.ainvoke([question, call_message, result])
    assert final.content == "tool results: get_weather -> sunny in city-value"
    first, second = bodies(server, CHAT, word)
    assert first["tools"][0]["function"]["name"] == "get_weather"
    assert second["messages"][-1] == {"role": "tool", "tool_call_id": call["id"], "content": "sunny in city-value"}


async def test_astream_tool_call_deltas(make_client: Callable[..., Any]) -> None:
    model = chat_model(make_client()).bind_tools([get_weather])
    chunks = [chunk async for chunk in model.astream(f"get_weather for Rome {marker()}")]
    assert sum(1 for chunk in chunks if chunk.tool_call_chunks) > 1  # the arguments arrive in pieces
    total = sum(chunks[1:], chunks[0])
    assert [(c["name"], c["args"]) for c in total.tool_calls] == [("get_weather", {"city": "city-value"})]


@pytest.mark.parametrize("method", ["default", "json_schema", "function_calling"])
async def test_with_structured_output(make_client: Callable[..., Any], server: MockServer, method: str) -> None:
    word = marker()
    llm = chat_model(make_client())
    structured = llm.with_structured_output(Weather) if method == "default" else llm.with_structured_output(
        Weather, method=method)  # type: ignore[arg-type]
    assert await structured.ainvoke(f"the weather {word}") == Weather(city="city-value", degrees=1)
    (body,) = bodies(server, CHAT, word)
    if method == "function_calling":
        assert body["tool_choice"]["function"]["name"] == "Weather" and "response_format" not in body
    else:  # langchain-openai's default is OpenAI's structured outputs (strict json_schema), via parse()
        assert body["response_format"]["type"] == "json_schema"
        assert body["response_format"]["json_schema"]["name"] == "Weather"


async def test_astream_structured_output(make_client: Callable[..., Any], server: MockServer) -> None:
    # A response_format stream goes through root_async_client.beta.chat.completions.stream().
    word = marker()
    structured = chat_model(make_client()).with_structured_output(Weather, method="json_schema")
    outputs = [out async for out in structured.astream(f"stream the weather {word}")]
    assert outputs[-1] == Weather(city="city-value", degrees=1)
    (body,) = bodies(server, CHAT, word)
    assert body["stream"] is True and body["response_format"]["type"] == "json_schema"


# ---------------------------------------------------------------------------------------------- errors


def client_error(client_kind: str, name: str) -> type[BaseException]:
    """The error class of the client under test: what langchain's error keeps as its ``__cause__``."""
    return getattr(openai if client_kind == "official" else openai_core, name)  # type: ignore[no-any-return]


@pytest.mark.parametrize(("code", "official_class", "langchain_class"), [
    (429, openai.RateLimitError, ModelRateLimitError),
    (400, openai.BadRequestError, ModelInvalidRequestError),
    (500, openai.InternalServerError, ModelAPIError),
])
async def test_status_errors_become_langchain_errors(
    make_client: Callable[..., Any], server: MockServer, client_kind: str, code: int,
    official_class: type[openai.APIStatusError], langchain_class: type[Exception],
) -> None:
    key = marker()
    # One retry: 429 and 500 are retried by the client (as the official one does), 400 is not.
    model = chat_model(make_client(max_retries=1, default_headers={
        "X-Mock-Fault": f"kind=status;code={code}", "X-Mock-Fault-Key": key}))
    with pytest.raises(official_class) as caught:
        await model.ainvoke("hello")
    error = caught.value
    assert isinstance(error, langchain_class)
    assert error.status_code == code and error.body is not None
    assert "Mock fault" in error.message and error.response.status_code == code
    assert error.request_id is not None and error.request_id.startswith("req_")
    assert isinstance(error.__cause__, client_error(client_kind, official_class.__name__))
    assert server.attempts(key) == (1 if code == 400 else 2)


async def test_connection_error_becomes_langchain_error(
    make_client: Callable[..., Any], client_kind: str
) -> None:
    model = chat_model(make_client(max_retries=0, default_headers={"X-Mock-Fault": "kind=reset"}))
    with pytest.raises(openai.APIConnectionError) as caught:
        await model.ainvoke("hello")
    assert isinstance(caught.value, ModelConnectionError)
    assert isinstance(caught.value.__cause__, client_error(client_kind, "APIConnectionError"))


# ------------------------------------------------------------------------------------------ Responses


async def test_responses_api_ainvoke(make_client: Callable[..., Any], server: MockServer) -> None:
    word = marker()
    reply = await chat_model(make_client(), use_responses_api=True).ainvoke(f"respond {word}")
    assert text_of(reply) == f"echo: respond {word}"
    assert reply.response_metadata["id"].startswith("resp_") and reply.response_metadata["status"] == "completed"
    assert reply.usage_metadata is not None and reply.usage_metadata["input_tokens"] == 2
    (body,) = bodies(server, RESPONSES, word)
    assert body["input"][0]["content"] == f"respond {word}"


async def test_responses_api_astream(make_client: Callable[..., Any], server: MockServer) -> None:
    word = marker()
    model = chat_model(make_client(), use_responses_api=True)
    chunks = [chunk async for chunk in model.astream(f"stream {word} over responses")]
    total = sum(chunks[1:], chunks[0])
    assert text_of(total) == f"echo: stream {word} over responses"
    assert sum(1 for chunk in chunks if text_of(chunk)) > 1
    assert total.usage_metadata is not None and total.usage_metadata["input_tokens"] == 4
    (body,) = bodies(server, RESPONSES, word)
    assert body["stream"] is True


async def test_responses_api_structured_output(make_client: Callable[..., Any], server: MockServer) -> None:
    # Through root_async_client.responses.with_raw_response.parse(text_format=Weather).
    word = marker()
    structured = chat_model(make_client(), use_responses_api=True).with_structured_output(Weather)
    assert await structured.ainvoke(f"the weather {word}") == Weather(city="city-value", degrees=1)
    streamed = [out async for out in structured.astream(f"stream the weather {word}")]
    assert streamed[-1] == Weather(city="city-value", degrees=1)
    plain, stream = bodies(server, RESPONSES, word)
    for body in (plain, stream):
        assert body["text"]["format"]["type"] == "json_schema" and body["text"]["format"]["name"] == "Weather"
    assert stream["stream"] is True


async def test_responses_api_tool_call_then_answer(make_client: Callable[..., Any], server: MockServer) -> None:
    word = marker()
    model = chat_model(make_client(), use_responses_api=True).bind_tools([get_weather])
    question = HumanMessage(f"use get_weather for Oslo {word}")
    call_message = await model.ainvoke([question])
    assert isinstance(call_message, AIMessage)
    (call,) = call_message.tool_calls
    assert (call["name"], call["args"]) == ("get_weather", {"city": "city-value"})
    result = await get_weather.ainvoke(call)
    final = await model.ainvoke([question, call_message, result])
    assert text_of(final) == "tool results: get_weather -> sunny in city-value"
    second = bodies(server, RESPONSES, word)[-1]
    (output,) = [item for item in second["input"] if item.get("type") == "function_call_output"]
    assert (output["call_id"], output["output"]) == (call["id"], "sunny in city-value")


# ----------------------------------------------------------------------------------------------- sync


def test_sync_invoke_and_stream(make_sync_client: Callable[..., Any], server: MockServer) -> None:
    word = marker()
    model = sync_chat_model(make_sync_client())
    reply = model.invoke(f"sync {word}")
    assert reply.content == f"echo: sync {word}"
    assert reply.usage_metadata is not None and reply.usage_metadata["total_tokens"] == 5
    pieces = [chunk.content for chunk in model.stream(f"sync stream {word}") if chunk.content]
    assert len(pieces) > 1 and "".join(pieces) == f"echo: sync stream {word}"  # type: ignore[arg-type]
    assert len(bodies(server, CHAT, word)) == 2


def test_sync_tools_and_structured_output(make_sync_client: Callable[..., Any]) -> None:
    model = sync_chat_model(make_sync_client())
    call_message = model.bind_tools([get_weather]).invoke(f"get_weather please {marker()}")
    assert [(c["name"], c["args"]) for c in call_message.tool_calls] == [("get_weather", {"city": "city-value"})]
    structured = model.with_structured_output(Weather)
    assert structured.invoke(f"weather {marker()}") == Weather(city="city-value", degrees=1)
    assert model.with_structured_output(Weather, method="function_calling").invoke("weather") == Weather(
        city="city-value", degrees=1)


def test_sync_rate_limit_becomes_langchain_error(make_sync_client: Callable[..., Any], server: MockServer,
                                                 sync_client_kind: str) -> None:
    key = marker()
    model = sync_chat_model(make_sync_client(max_retries=0, default_headers={
        "X-Mock-Fault": "kind=status;code=429", "X-Mock-Fault-Key": key}))
    with pytest.raises(openai.RateLimitError) as caught:
        model.invoke("hello")
    assert isinstance(caught.value, ModelRateLimitError) and caught.value.status_code == 429
    own = openai.RateLimitError if sync_client_kind == "official" else openai_core.RateLimitError
    assert isinstance(caught.value.__cause__, own)
    assert server.attempts(key) == 1
