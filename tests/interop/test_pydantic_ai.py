"""pydantic-ai (``pydantic-ai-slim``) on each client: ``OpenAIChatModel`` and ``OpenAIResponsesModel`` with
``OpenAIProvider(openai_client=...)``, against the embedded server.

The server's rules make every value predictable: the reply is ``"echo: " + the last user message``; a tool
whose name is in the last user message is called with arguments sampled from its schema (a string
parameter ``city`` gets ``"city-value"``); once its result is sent back the reply is
``"tool results: <name> -> <result>"``; ``tool_choice: "required"`` calls the first tool not called yet.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from pydantic import BaseModel
from pydantic_ai import Agent, ModelHTTPError, NativeOutput, ToolOutput
from pydantic_ai.models.openai import OpenAIChatModel, OpenAIResponsesModel
from pydantic_ai.providers.openai import OpenAIProvider
from pydantic_ai.settings import ModelSettings

from openai_core.testing import MockServer

from .conftest import bodies

CHAT = "/chat/completions"
RESPONSES = "/responses"
APIS = ["chat", "responses"]


class City(BaseModel):
    name: str
    population: int


def marker() -> str:
    return f"m{uuid.uuid4().hex[:12]}"


def model_for(api: str, client: Any, name: str = "gpt-4o") -> Any:
    provider = OpenAIProvider(openai_client=client)
    if api == "chat":
        return OpenAIChatModel(name, provider=provider)
    return OpenAIResponsesModel(name, provider=provider)


def weather_agent(model: Any, calls: list[str], **options: Any) -> Agent[None, Any]:
    agent: Agent[None, Any] = Agent(model, **options)

    @agent.tool_plain
    def get_weather(city: str) -> str:
        """The weather in a city."""
        calls.append(city)
        return f"sunny in {city}"

    return agent


# ---------------------------------------------------------------------------------------------- runs


@pytest.mark.parametrize("api", APIS)
async def test_plain_run(make_client: Callable[..., Any], server: MockServer, api: str) -> None:
    word = marker()
    agent: Agent[None, str] = Agent(model_for(api, make_client()))
    result = await agent.run(f"hello {word} there")
    assert result.output == f"echo: hello {word} there"
    usage = result.usage
    assert (usage.requests, usage.input_tokens, usage.output_tokens) == (1, 3, 4)
    (body,) = bodies(server, CHAT if api == "chat" else RESPONSES, word)
    assert body["model"] == "gpt-4o" and body.get("stream") is not True


@pytest.mark.parametrize("api", APIS)
async def test_run_stream_text(make_client: Callable[..., Any], server: MockServer, api: str) -> None:
    word = marker()
    agent: Agent[None, str] = Agent(model_for(api, make_client()))
    async with agent.run_stream(f"stream {word} these words please") as result:
        deltas = [piece async for piece in result.stream_text(delta=True, debounce_by=None)]
    assert "".join(deltas) == f"echo: stream {word} these words please"
    assert len(deltas) == 6  # the server sends a word per event; nothing is merged or lost
    usage = result.usage
    assert (usage.input_tokens, usage.output_tokens) == (5, 6)  # chat: from the include_usage chunk
    (body,) = bodies(server, CHAT if api == "chat" else RESPONSES, word)
    assert body["stream"] is True
    if api == "chat":
        assert body["stream_options"] == {"include_usage": True}


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize("streamed", [False, True], ids=["run", "run_stream"])
async def test_tool_call_then_final_answer(make_client: Callable[..., Any], server: MockServer, api: str,
                                           streamed: bool) -> None:
    word = marker()
    calls: list[str] = []
    agent = weather_agent(model_for(api, make_client()), calls)
    prompt = f"use get_weather for Paris {word}"
    if streamed:
        async with agent.run_stream(prompt) as streaming:
            output = await streaming.get_output()
        usage = streaming.usage
    else:
        result = await agent.run(prompt)
        output, usage = result.output, result.usage
    assert calls == ["city-value"]  # the argument sampled from the tool's schema, streamed or not
    assert output == "tool results: get_weather -> sunny in city-value"
    assert usage.requests == 2 and usage.tool_calls == 1
    first, second = bodies(server, CHAT if api == "chat" else RESPONSES, word)
    if api == "chat":
        assert [t["function"]["name"] for t in first["tools"]] == ["get_weather"]
        tool_message = second["messages"][-1]
        assert tool_message["role"] == "tool" and tool_message["content"] == "sunny in city-value"
        assert tool_message["tool_call_id"] == second["messages"][-2]["tool_calls"][0]["id"]
    else:
        assert [t["name"] for t in first["tools"]] == ["get_weather"]
        output_item = next(i for i in second["input"] if i.get("type") == "function_call_output")
        assert output_item["output"] == "sunny in city-value"


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize("mode", ["tool", "native"])
async def test_structured_output(make_client: Callable[..., Any], server: MockServer, api: str, mode: str) -> None:
    word = marker()
    output_type: Any = ToolOutput(City) if mode == "tool" else NativeOutput(City)
    agent: Agent[None, City] = Agent(model_for(api, make_client()), output_type=output_type)
    result = await agent.run(f"a city please {word}")
    assert result.output == City(name="name-value", population=1)
    (body,) = bodies(server, CHAT if api == "chat" else RESPONSES, word)
    if mode == "tool":
        names = [t["function"]["name"] if api == "chat" else t["name"] for t in body["tools"]]
        assert names == ["final_result"] and body["tool_choice"] == "required"
    elif api == "chat":
        assert body["response_format"]["type"] == "json_schema"
    else:
        assert body["text"]["format"]["type"] == "json_schema"


@pytest.mark.parametrize("api", APIS)
async def test_run_stream_structured_output(make_client: Callable[..., Any], server: MockServer, api: str) -> None:
    word = marker()
    agent: Agent[None, City] = Agent(model_for(api, make_client()), output_type=City)
    async with agent.run_stream(f"stream a city {word}") as result:
        partials = [partial async for partial in result.stream_output(debounce_by=None)]
    assert partials[-1] == City(name="name-value", population=1)
    assert len(partials) >= 2  # validated while the arguments were still arriving
    assert bodies(server, CHAT if api == "chat" else RESPONSES, word)[0]["stream"] is True


@pytest.mark.parametrize("api", APIS)
async def test_second_turn_with_message_history(make_client: Callable[..., Any], server: MockServer,
                                                api: str) -> None:
    word = marker()
    agent: Agent[None, str] = Agent(model_for(api, make_client()), instructions="Be brief.")
    first = await agent.run(f"first {word}")
    second = await agent.run(f"second {word}", message_history=first.all_messages())
    assert (first.output, second.output) == (f"echo: first {word}", f"echo: second {word}")
    _, body = bodies(server, CHAT if api == "chat" else RESPONSES, word)
    if api == "chat":
        assert [m["role"] for m in body["messages"]] == ["system", "user", "assistant", "user"]
    else:
        assert body["instructions"] == "Be brief."
        assert [i.get("role") for i in body["input"]] == ["user", "assistant", "user"]


async def test_structured_output_after_a_tool(make_client: Callable[..., Any], server: MockServer) -> None:
    word = marker()
    calls: list[str] = []
    agent = weather_agent(model_for("chat", make_client()), calls, output_type=City)
    result = await agent.run(f"get_weather then a city {word}")
    assert calls == ["city-value"]
    assert result.output == City(name="name-value", population=1)
    assert len(bodies(server, CHAT, word)) == 2


@pytest.mark.parametrize("api", APIS)
def test_run_sync(make_client_outside_a_loop: Callable[..., Any], server: MockServer, api: str) -> None:
    word = marker()
    calls: list[str] = []
    agent = weather_agent(model_for(api, make_client_outside_a_loop()), calls)
    first = agent.run_sync(f"plain {word}")
    second = agent.run_sync(f"get_weather {word}")  # the same client, on the loop of another run_sync
    assert (first.output, second.output) == (f"echo: plain {word}", "tool results: get_weather -> sunny in city-value")
    assert calls == ["city-value"] and len(bodies(server, CHAT if api == "chat" else RESPONSES, word)) == 3


# -------------------------------------------------------------------------------------------- errors


def fault_headers(spec: str, key: str) -> dict[str, str]:
    return {"X-Mock-Fault": spec, "X-Mock-Fault-Key": key}


@pytest.mark.parametrize("api", APIS)
async def test_429_surfaces_as_model_http_error(make_client: Callable[..., Any], server: MockServer,
                                                api: str) -> None:
    key = marker()
    client = make_client(max_retries=0, default_headers=fault_headers("kind=status;code=429", key))
    agent: Agent[None, str] = Agent(model_for(api, client))
    with pytest.raises(ModelHTTPError) as caught:
        await agent.run("hello")
    assert caught.value.status_code == 429
    assert caught.value.model_name == "gpt-4o"
    assert isinstance(caught.value.body, dict) and caught.value.body.get("code") == "rate_limit_exceeded"
    assert (caught.value.headers or {}).get("x-request-id", "").startswith("req_")  # from e.response.headers
    assert server.attempts(key) == 1


async def test_429_is_retried_by_the_client(make_client: Callable[..., Any], server: MockServer) -> None:
    key = marker()
    spec = "kind=status;code=429;retry_after_ms=10;times=2"
    client = make_client(max_retries=2, default_headers=fault_headers(spec, key))
    agent: Agent[None, str] = Agent(model_for("chat", client))
    result = await agent.run("after two refusals")
    assert result.output == "echo: after two refusals"
    assert server.attempts(key) == 3


async def test_max_retries_model_setting(make_client: Callable[..., Any], server: MockServer) -> None:
    # pydantic-ai applies ModelSettings(max_retries=...) through client.with_options(http_client=..., ...).
    key = marker()
    spec = "kind=status;code=429;retry_after_ms=10"
    client = make_client(max_retries=0, default_headers=fault_headers(spec, key))
    agent: Agent[None, str] = Agent(model_for("chat", client), model_settings=ModelSettings(max_retries=1))
    with pytest.raises(ModelHTTPError) as caught:
        await agent.run("refused twice")
    assert caught.value.status_code == 429
    assert server.attempts(key) == 2


# ------------------------------------------------------------------------------------------ settings

COMMON_SETTINGS: dict[str, Any] = {
    "temperature": 0.5, "top_p": 0.9, "max_tokens": 50, "timeout": 30.0, "parallel_tool_calls": False,
    "openai_user": "user-7", "openai_top_logprobs": 2, "openai_store": False,
    "openai_prompt_cache_key": "cache-key", "openai_service_tier": "default",
    "extra_headers": {"X-Interop": "yes"},
}
CHAT_SETTINGS: dict[str, Any] = {
    "seed": 7, "stop_sequences": ["STOP"], "presence_penalty": 0.1, "frequency_penalty": 0.2,
    "logit_bias": {"50256": -100}, "openai_logprobs": True,
}
RESPONSES_SETTINGS: dict[str, Any] = {"openai_truncation": "auto", "openai_text_verbosity": "low"}


@pytest.mark.parametrize("api", APIS)
async def test_model_settings_reach_the_wire(make_client: Callable[..., Any], server: MockServer, api: str) -> None:
    word = marker()
    settings = {**COMMON_SETTINGS, **(CHAT_SETTINGS if api == "chat" else RESPONSES_SETTINGS)}
    calls: list[str] = []
    agent = weather_agent(model_for(api, make_client()), calls,
                          model_settings=settings)
    result = await agent.run(f"get_weather {word}")
    assert result.output == "tool results: get_weather -> sunny in city-value"
    first = bodies(server, CHAT if api == "chat" else RESPONSES, word)[0]
    sent = {r.headers.get("x-interop") for r in server.requests if word.encode() in r.body}
    assert sent == {"yes"}
    expected: dict[str, Any] = {"temperature": 0.5, "top_p": 0.9, "parallel_tool_calls": False, "user": "user-7",
                                "top_logprobs": 2, "store": False, "prompt_cache_key": "cache-key",
                                "service_tier": "default"}
    if api == "chat":
        expected |= {"max_completion_tokens": 50, "seed": 7, "stop": ["STOP"], "presence_penalty": 0.1,
                     "frequency_penalty": 0.2, "logit_bias": {"50256": -100}, "logprobs": True}
    else:
        expected |= {"max_output_tokens": 50, "truncation": "auto"}
        assert first["text"]["verbosity"] == "low"
    assert {k: first.get(k) for k in expected} == expected
