"""The OpenAI Agents SDK (``openai-agents``) on each client: ``OpenAIChatCompletionsModel(openai_client=...)``,
``OpenAIResponsesModel(openai_client=...)`` and ``set_default_openai_client``, against the embedded server.

Tracing is disabled (its exporter would post to api.openai.com); the loopback guard of conftest.py fails
any test that tries to leave loopback all the same. Expected values follow the server's rules: the reply
is ``"echo: " + the last user message``, a tool named in it is called with sampled arguments (``city`` ->
``"city-value"``), and the tool's result comes back as ``"tool results: <name> -> <result>"``. Usage: a word
per token (chat prompt: every message's text; Responses input: the input items' text), a tool call costs
``len(arguments) // 4 + 1`` output tokens.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import openai
import pytest
from agents import (
    Agent,
    ModelSettings,
    OpenAIChatCompletionsModel,
    OpenAIResponsesModel,
    RawResponsesStreamEvent,
    RunItemStreamEvent,
    Runner,
    function_tool,
    set_default_openai_api,
    set_default_openai_client,
    set_tracing_disabled,
)
from agents.models import _openai_shared
from agents.retry import ModelRetrySettings, retry_policies
from agents.tracing import trace
from agents.tracing.traces import NoOpTrace
from pydantic import BaseModel

from openai_core.testing import MockServer

from .conftest import bodies

os.environ["OPENAI_AGENTS_DISABLE_TRACING"] = "1"
set_tracing_disabled(True)

APIS = ["chat", "responses"]
PATHS = {"chat": "/chat/completions", "responses": "/responses"}
ARGS = '{"city":"city-value"}'
CALL_TOKENS = len(ARGS) // 4 + 1


class City(BaseModel):
    name: str
    population: int


def marker() -> str:
    return f"m{uuid.uuid4().hex[:12]}"


def model_for(api: str, client: Any) -> Any:
    if api == "chat":
        return OpenAIChatCompletionsModel(model="gpt-4o", openai_client=client)
    return OpenAIResponsesModel(model="gpt-4o", openai_client=client)


def weather_agent(model: Any, calls: list[str], **options: Any) -> Agent[Any]:
    @function_tool
    def get_weather(city: str) -> str:
        """The weather in a city."""
        calls.append(city)
        return f"sunny in {city}"

    return Agent(name="weather", model=model, tools=[get_weather], **options)


@pytest.fixture
def default_client_restored() -> Iterator[None]:
    saved = (_openai_shared.get_default_openai_client(), _openai_shared.get_use_responses_by_default())
    yield
    _openai_shared.set_default_openai_client(saved[0])  # type: ignore[arg-type]
    _openai_shared.set_use_responses_by_default(saved[1])


# ---------------------------------------------------------------------------------------------- runs


@pytest.mark.parametrize("api", APIS)
async def test_run_without_tools(make_client: Callable[..., Any], server: MockServer, api: str) -> None:
    word = marker()
    agent = Agent(name="echo", model=model_for(api, make_client()))
    result = await Runner.run(agent, f"hello {word} friend")
    assert result.final_output == f"echo: hello {word} friend"
    usage = result.context_wrapper.usage
    assert (usage.requests, usage.input_tokens, usage.output_tokens, usage.total_tokens) == (1, 3, 4, 7)
    assert usage.input_tokens_details.cached_tokens == 0 and usage.output_tokens_details.reasoning_tokens == 0
    (body,) = bodies(server, PATHS[api], word)
    assert body["model"] == "gpt-4o"
    if api == "responses":  # the SDK keeps the x-request-id the client read (``response._request_id``)
        assert str(result.raw_responses[0].request_id).startswith("req_")


@pytest.mark.parametrize("api", APIS)
async def test_run_with_a_tool(make_client: Callable[..., Any], server: MockServer, api: str) -> None:
    word = marker()
    calls: list[str] = []
    agent = weather_agent(model_for(api, make_client()), calls)
    result = await Runner.run(agent, f"use get_weather for Paris {word}")
    assert calls == ["city-value"]
    assert result.final_output == "tool results: get_weather -> sunny in city-value"
    kinds = [item.type for item in result.new_items]
    assert kinds == ["tool_call_item", "tool_call_output_item", "message_output_item"]
    usage = result.context_wrapper.usage
    # chat prompt 2: the user message and the tool result (3 words); Responses input 2: the user message
    second_input = 5 + 3 if api == "chat" else 5
    assert (usage.requests, usage.input_tokens, usage.output_tokens) == (2, 5 + second_input, CALL_TOKENS + 7)
    assert usage.total_tokens == usage.input_tokens + usage.output_tokens
    assert [u.input_tokens for u in usage.request_usage_entries] == [5, second_input]
    first, second = bodies(server, PATHS[api], word)
    if api == "chat":
        assert first["tools"][0]["function"]["name"] == "get_weather"
        assert second["messages"][-1] == {"role": "tool", "tool_call_id": second["messages"][-2]["tool_calls"][0]["id"],
                                          "content": "sunny in city-value"}
    else:
        assert first["tools"][0]["name"] == "get_weather"
        output = next(i for i in second["input"] if i.get("type") == "function_call_output")
        assert output["output"] == "sunny in city-value"


@pytest.mark.parametrize("api", APIS)
async def test_run_streamed_events(make_client: Callable[..., Any], server: MockServer, api: str) -> None:
    word = marker()
    calls: list[str] = []
    # A local server is not api.openai.com, so the SDK asks for the usage chunk only when told to.
    agent = weather_agent(model_for(api, make_client()), calls, model_settings=ModelSettings(include_usage=True))
    result = Runner.run_streamed(agent, f"get_weather please {word}")
    raw_types: list[str] = []
    item_events: list[str] = []
    text_deltas: list[str] = []
    async for event in result.stream_events():
        if isinstance(event, RawResponsesStreamEvent):
            raw_types.append(event.data.type)
            if event.data.type == "response.output_text.delta":
                text_deltas.append(event.data.delta)
        elif isinstance(event, RunItemStreamEvent):
            item_events.append(event.name)
    assert calls == ["city-value"]
    assert result.final_output == "tool results: get_weather -> sunny in city-value"
    assert "".join(text_deltas) == result.final_output and len(text_deltas) == 7  # a word per event
    assert item_events == ["tool_called", "tool_output", "message_output_created"]
    assert raw_types.count("response.completed") == 2
    assert "response.function_call_arguments.delta" in raw_types
    usage = result.context_wrapper.usage
    assert usage.requests == 2 and usage.output_tokens == CALL_TOKENS + 7 and usage.input_tokens > 0
    assert all(body["stream"] is True for body in bodies(server, PATHS[api], word))
    if api == "responses":  # from with_streaming_response's raw response, kept on the streamed responses
        assert all(str(r.request_id).startswith("req_") for r in result.raw_responses)


@pytest.mark.parametrize("api", APIS)
async def test_default_openai_client(make_client: Callable[..., Any], server: MockServer, api: str,
                                     default_client_restored: None) -> None:
    word = marker()
    set_default_openai_client(make_client(), use_for_tracing=False)
    set_default_openai_api("chat_completions" if api == "chat" else "responses")
    agent = Agent(name="default", model="gpt-4o")
    result = await Runner.run(agent, f"default client {word}")
    assert result.final_output == f"echo: default client {word}"
    (body,) = bodies(server, PATHS[api], word)
    assert body["model"] == "gpt-4o"


@pytest.mark.parametrize("api", APIS)
async def test_structured_output(make_client: Callable[..., Any], server: MockServer, api: str) -> None:
    word = marker()
    agent = Agent(name="cities", model=model_for(api, make_client()), output_type=City)
    result = await Runner.run(agent, f"a city {word}")
    assert result.final_output == City(name="name-value", population=1)
    (body,) = bodies(server, PATHS[api], word)
    fmt = body["response_format"] if api == "chat" else body["text"]["format"]
    assert fmt["type"] == "json_schema"


@pytest.mark.parametrize("api", APIS)
async def test_model_settings_reach_the_wire(make_client: Callable[..., Any], server: MockServer, api: str) -> None:
    word = marker()
    settings = ModelSettings(temperature=0.4, top_p=0.8, max_tokens=40, tool_choice="auto", parallel_tool_calls=False,
                             store=False, top_logprobs=2, metadata={"run": word}, extra_headers={"X-Interop": "agents"},
                             extra_query={"q": "1"}, extra_body={"x_extra": 1}, verbosity="low",
                             truncation="auto" if api == "responses" else None,
                             frequency_penalty=0.1 if api == "chat" else None,
                             presence_penalty=0.2 if api == "chat" else None)
    calls: list[str] = []
    agent = weather_agent(model_for(api, make_client()), calls, model_settings=settings)
    result = await Runner.run(agent, f"get_weather {word}")
    assert result.final_output == "tool results: get_weather -> sunny in city-value"
    recorded = [r for r in server.requests if word.encode() in r.body]
    assert [(r.headers.get("x-interop"), r.query) for r in recorded] == [("agents", {"q": "1"})] * 2
    first = recorded[0].json()
    expected: dict[str, Any] = {"temperature": 0.4, "top_p": 0.8, "tool_choice": "auto", "parallel_tool_calls": False,
                                "store": False, "top_logprobs": 2, "metadata": {"run": word}, "x_extra": 1}
    if api == "chat":
        expected |= {"max_tokens": 40, "frequency_penalty": 0.1, "presence_penalty": 0.2, "verbosity": "low",
                     "logprobs": True}
    else:
        expected |= {"max_output_tokens": 40, "truncation": "auto", "text": {"verbosity": "low"}}
    assert {k: first.get(k) for k in expected} == expected


@pytest.mark.parametrize("api", APIS)
async def test_handoff_to_another_agent(make_client: Callable[..., Any], server: MockServer, api: str) -> None:
    word = marker()
    client = make_client()
    expert = Agent(name="expert", model=model_for(api, client), instructions="You are the expert.")
    triage = Agent(name="triage", model=model_for(api, client), handoffs=[expert])
    result = await Runner.run(triage, f"transfer_to_expert {word}")
    assert result.last_agent.name == "expert"
    assert result.final_output.startswith("tool results: transfer_to_expert -> ")
    first, second = bodies(server, PATHS[api], word)
    names = [t["function"]["name"] if api == "chat" else t["name"] for t in first["tools"]]
    assert names == ["transfer_to_expert"] and not second.get("tools")
    instructions = second["messages"][0]["content"] if api == "chat" else second["instructions"]
    assert instructions == "You are the expert."  # the second call is the expert's


async def test_responses_previous_response_id(make_client: Callable[..., Any], server: MockServer) -> None:
    word = marker()
    agent = Agent(name="turns", model=model_for("responses", make_client()))
    first = await Runner.run(agent, f"one {word}")
    second = await Runner.run(agent, f"two {word}", previous_response_id=first.last_response_id)
    assert second.final_output == f"echo: two {word}"
    sent = bodies(server, PATHS["responses"], word)[-1]
    assert sent["previous_response_id"] == first.last_response_id and first.last_response_id.startswith("resp_")


@pytest.mark.parametrize("api", APIS)
def test_run_sync(make_client_outside_a_loop: Callable[..., Any], server: MockServer, api: str) -> None:
    word = marker()
    calls: list[str] = []
    agent = weather_agent(model_for(api, make_client_outside_a_loop()), calls)
    # One run: run_sync shuts the loop's async generators down after each run, after which httpx (official
    # client included) warns that its auth-flow generator was scheduled too late.
    result = Runner.run_sync(agent, f"get_weather {word}")
    assert result.final_output == "tool results: get_weather -> sunny in city-value" and calls == ["city-value"]
    assert len(bodies(server, PATHS[api], word)) == 2


def test_tracing_is_off() -> None:
    with trace("probe") as probe:
        assert isinstance(probe, NoOpTrace)  # nothing recorded, so nothing for the exporter to post


# -------------------------------------------------------------------------------------------- errors


@pytest.mark.parametrize("api", APIS)
async def test_429_reaches_the_caller_as_rate_limit_error(make_client: Callable[..., Any], server: MockServer,
                                                          api: str) -> None:
    key = marker()
    client = make_client(max_retries=0, default_headers={"X-Mock-Fault": "kind=status;code=429",
                                                         "X-Mock-Fault-Key": key})
    agent = Agent(name="limited", model=model_for(api, client))
    with pytest.raises(openai.RateLimitError) as caught:
        await Runner.run(agent, "hello")
    assert caught.value.status_code == 429 and caught.value.code == "rate_limit_exceeded"
    assert server.attempts(key) == 1


@pytest.mark.parametrize("api", APIS)
async def test_runner_retries_after_the_servers_retry_after(make_client: Callable[..., Any], server: MockServer,
                                                            api: str, client_kind: str,
                                                            request: pytest.FixtureRequest) -> None:
    key = marker()
    client = make_client(max_retries=0, default_headers={
        "X-Mock-Fault": "kind=status;code=429;retry_after_ms=20;times=1", "X-Mock-Fault-Key": key})
    retry = ModelRetrySettings(max_retries=2, policy=retry_policies.retry_after())
    agent = Agent(name="patient", model=model_for(api, client), model_settings=ModelSettings(retry=retry))
    result = await Runner.run(agent, f"after a refusal {key}")
    assert result.final_output == f"echo: after a refusal {key}"
    assert server.attempts(key) == 2


@pytest.mark.parametrize("api", APIS)
async def test_runner_does_not_retry_when_the_server_says_so(make_client: Callable[..., Any], server: MockServer,
                                                             api: str, client_kind: str,
                                                             request: pytest.FixtureRequest) -> None:
    key = marker()
    client = make_client(max_retries=0, default_headers={
        "X-Mock-Fault": "kind=status;code=429;should_retry=false;times=1", "X-Mock-Fault-Key": key})
    retry = ModelRetrySettings(max_retries=2, policy=retry_policies.provider_suggested(),
                               backoff={"initial_delay": 0.01, "max_delay": 0.02})
    agent = Agent(name="told", model=model_for(api, client), model_settings=ModelSettings(retry=retry))
    with pytest.raises(openai.RateLimitError):
        await Runner.run(agent, "hello")
    assert server.attempts(key) == 1  # x-should-retry: false is final
