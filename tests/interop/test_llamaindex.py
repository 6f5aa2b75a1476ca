"""LlamaIndex's ``llama_index.llms.openai.OpenAI`` on each client: its constructor takes the user's
clients as ``async_openai_client=`` / ``openai_client=`` (and then never builds its own).

Runs in the ``interop-legacy`` virtualenv (llama-index-llms-openai 0.8.3 pins ``openai<3``: official SDK
2.54 there). LlamaIndex retries with its own tenacity decorator on ``openai.RateLimitError`` /
``InternalServerError`` / ``APIConnectionError`` / ``APITimeoutError`` (honouring a 429's ``retry-after``),
so the clients here are built with ``max_retries=0``: every attempt the server counts is LlamaIndex's.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import openai
import pytest
from llama_index.core.llms import ChatMessage
from llama_index.core.tools import FunctionTool
from llama_index.llms.openai import OpenAI

import openai_core
from openai_core.testing import MockServer

from .conftest import bodies

CHAT = "/chat/completions"


def get_weather(city: str) -> str:
    """The weather in a city."""
    return f"sunny in {city}"


WEATHER = FunctionTool.from_defaults(fn=get_weather)


def marker() -> str:
    return f"m{uuid.uuid4().hex[:12]}"


def llm_on(client: Any, **options: Any) -> OpenAI:
    return OpenAI(model="gpt-4o-mini", api_key="sk-unused", async_openai_client=client, **options)


def user(text: str) -> list[ChatMessage]:
    return [ChatMessage(role="user", content=text)]


async def test_achat(make_client: Callable[..., Any], server: MockServer) -> None:
    word = marker()
    response = await llm_on(make_client()).achat(user(f"hello {word}"))
    assert response.message.content == f"echo: hello {word}"
    assert isinstance(response.raw, openai.types.chat.ChatCompletion)
    assert response.additional_kwargs == {"prompt_tokens": 2, "completion_tokens": 3, "total_tokens": 5}
    (body,) = bodies(server, CHAT, word)
    assert body["model"] == "gpt-4o-mini" and body["messages"] == [{"role": "user", "content": f"hello {word}"}]


async def test_astream_chat(make_client: Callable[..., Any], server: MockServer) -> None:
    word = marker()
    deltas = [r.delta async for r in await llm_on(make_client()).astream_chat(user(f"stream {word} now"))]
    assert len([d for d in deltas if d]) > 1 and "".join(d or "" for d in deltas) == f"echo: stream {word} now"
    (body,) = bodies(server, CHAT, word)
    assert body["stream"] is True


async def test_tool_call_then_answer_with_the_result(make_client: Callable[..., Any], server: MockServer) -> None:
    word = marker()
    llm = llm_on(make_client())
    question = f"use get_weather for Quito {word}"
    response = await llm.achat_with_tools([WEATHER], user_msg=question)
    (selection,) = llm.get_tool_calls_from_response(response)
    assert (selection.tool_name, selection.tool_kwargs) == ("get_weather", {"city": "city-value"})
    output = WEATHER.call(**selection.tool_kwargs)
    history = [*user(question), response.message, ChatMessage(
        role="tool", content=str(output), additional_kwargs={"tool_call_id": selection.tool_id})]
    final = await llm.achat_with_tools([WEATHER], chat_history=history)
    assert final.message.content == "tool results: get_weather -> sunny in city-value"
    assert llm.get_tool_calls_from_response(final, error_on_no_tool_call=False) == []
    second = bodies(server, CHAT, word)[-1]
    assert second["messages"][-1] == {"role": "tool", "content": "sunny in city-value",
                                      "tool_call_id": selection.tool_id}


async def test_streamed_tool_call_and_predict_and_call(make_client: Callable[..., Any]) -> None:
    llm = llm_on(make_client())
    stream = await llm.astream_chat_with_tools([WEATHER], user_msg=f"get_weather for Lagos {marker()}")
    responses = [response async for response in stream]
    last = responses[-1]  # each streamed response carries the whole message so far
    assert [(s.tool_name, s.tool_kwargs) for s in llm.get_tool_calls_from_response(last)] == [
        ("get_weather", {"city": "city-value"})]
    answer = await llm.apredict_and_call([WEATHER], user_msg=f"use get_weather {marker()}")
    assert answer.response == "sunny in city-value" and answer.sources[0].tool_name == "get_weather"


# --------------------------------------------------------------------------------------------- retries


@pytest.mark.parametrize("fault", ["kind=status;code=429;retry_after=0", "kind=status;code=500"])
async def test_llamaindex_retries_a_failed_call(make_client: Callable[..., Any], server: MockServer,
                                                fault: str) -> None:
    key = marker()
    client = make_client(max_retries=0, default_headers={"X-Mock-Fault": f"{fault};times=1",
                                                         "X-Mock-Fault-Key": key})
    response = await llm_on(client, max_retries=3).achat(user("retry me"))
    assert response.message.content == "echo: retry me"
    assert server.attempts(key) == 2  # the failure, then LlamaIndex's retry


async def test_llamaindex_gives_up_after_max_retries(make_client: Callable[..., Any], server: MockServer,
                                                     client_kind: str) -> None:
    key = marker()
    client = make_client(max_retries=0, default_headers={"X-Mock-Fault": "kind=status;code=429;retry_after=0",
                                                         "X-Mock-Fault-Key": key})
    with pytest.raises(openai.RateLimitError) as caught:
        await llm_on(client, max_retries=3).achat(user("always limited"))
    assert caught.value.status_code == 429
    assert caught.value.response.headers.get("Retry-After") == "0"
    own = openai.RateLimitError if client_kind == "official" else openai_core.RateLimitError
    assert isinstance(caught.value, own)
    assert server.attempts(key) == 3


# ------------------------------------------------------------------------------------------------ sync


def test_sync_chat_stream_and_tools(make_sync_client: Callable[..., Any]) -> None:
    word = marker()
    llm = OpenAI(model="gpt-4o-mini", api_key="sk-unused", openai_client=make_sync_client())
    assert llm.chat(user(f"sync {word}")).message.content == f"echo: sync {word}"
    assert "".join(r.delta or "" for r in llm.stream_chat(user(f"sync {word}"))) == f"echo: sync {word}"
    response = llm.chat_with_tools([WEATHER], user_msg=f"get_weather {word}")
    assert [(s.tool_name, s.tool_kwargs) for s in llm.get_tool_calls_from_response(response)] == [
        ("get_weather", {"city": "city-value"})]
