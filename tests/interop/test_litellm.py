"""LiteLLM's OpenAI provider with a client passed in: ``litellm.acompletion(model="openai/...",
api_base=..., client=<client>)``.

LiteLLM takes ``client=`` (typed ``openai.OpenAI | openai.AsyncOpenAI``) but drives it through the official
SDK's internals, not its API (litellm/llms/openai/openai.py, 1.110.2):

- ``client._base_url._uri_reference`` (the private ``httpx.URL`` of the official base client), read for its
  log line before every chat call;
- ``client.post("/chat/completions", body=..., cast_to=openai.types.chat.ChatCompletion,
  options=openai._base_client.make_request_options(extra_headers={..., "X-Stainless-Raw-Response":
  "true"}, ...), stream=..., stream_cls=openai.AsyncStream[ChatCompletionChunk])`` and then
  ``assert isinstance(result, openai._legacy_response.LegacyAPIResponse)``, ``result.headers``,
  ``result.parse()``;
- ``client.max_retries = n`` / ``client.organization = ...`` set on the passed client per call.

An openai_core client has none of these internals, so only the official client runs LiteLLM's scenarios
here; :func:`test_an_openai_core_client_stops_at_the_official_internals` pins down where an openai_core
client stops, so the day that changes this file is updated.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable
from typing import Any

import pytest

# LiteLLM fetches its model cost map from GitHub at import unless told to use the bundled copy.
os.environ["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"

import litellm

from openai_core.testing import MockServer

from .conftest import bodies, new_async_client

CHAT = "/chat/completions"
WEATHER_TOOL = {"type": "function", "function": {
    "name": "get_weather", "description": "The weather in a city.",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}

litellm.telemetry = False
litellm.suppress_debug_info = True


def marker() -> str:
    return f"m{uuid.uuid4().hex[:12]}"


@pytest.fixture
async def official_client(server: MockServer) -> Any:
    client = new_async_client("official", server)
    yield client
    await client.close()


async def completion(client: Any, server: MockServer, **params: Any) -> Any:
    return await litellm.acompletion(model="openai/gpt-4o-mini", api_base=server.base_url, api_key="sk-interop",
                                     client=client, **params)


async def test_plain_chat(official_client: Any, server: MockServer) -> None:
    word = marker()
    response = await completion(official_client, server, messages=[{"role": "user", "content": f"hi {word}"}])
    assert response.choices[0].message.content == f"echo: hi {word}"
    assert (response.usage.prompt_tokens, response.usage.completion_tokens, response.usage.total_tokens) == (2, 3, 5)
    (body,) = bodies(server, CHAT, word)
    assert body["model"] == "gpt-4o-mini"


async def test_streaming(official_client: Any, server: MockServer) -> None:
    word = marker()
    stream = await completion(official_client, server, stream=True, stream_options={"include_usage": True},
                              messages=[{"role": "user", "content": f"stream {word} please"}])
    chunks = [chunk async for chunk in stream]
    pieces = [c.choices[0].delta.content for c in chunks if c.choices and c.choices[0].delta.content]
    assert len(pieces) > 1 and "".join(pieces) == f"echo: stream {word} please"
    (usage,) = [c.usage for c in chunks if getattr(c, "usage", None)]
    assert (usage.prompt_tokens, usage.completion_tokens) == (3, 4)


async def test_tool_call_then_answer(official_client: Any, server: MockServer) -> None:
    word = marker()
    messages: list[dict[str, Any]] = [{"role": "user", "content": f"use get_weather for Lima {word}"}]
    first = await completion(official_client, server, messages=messages, tools=[WEATHER_TOOL])
    (call,) = first.choices[0].message.tool_calls
    assert (call.function.name, json.loads(call.function.arguments)) == ("get_weather", {"city": "city-value"})
    assert first.choices[0].finish_reason == "tool_calls"
    messages += [first.choices[0].message.model_dump(exclude_none=True),
                 {"role": "tool", "tool_call_id": call.id, "content": "sunny in city-value"}]
    final = await completion(official_client, server, messages=messages, tools=[WEATHER_TOOL])
    assert final.choices[0].message.content == "tool results: get_weather -> sunny in city-value"
    assert len(bodies(server, CHAT, word)) == 2


@pytest.mark.parametrize("client_kind", ["core-httpx", "core-aiohttp"])
async def test_an_openai_core_client_stops_at_the_official_internals(
    make_client: Callable[..., Any], server: MockServer
) -> None:
    word = marker()
    with pytest.raises(litellm.InternalServerError, match="has no attribute '_base_url'"):
        await completion(make_client(), server, messages=[{"role": "user", "content": f"hi {word}"}])
    assert bodies(server, CHAT, word) == []  # it fails before sending
