"""``chat.completions.stream()`` and ``chat.completions.parse()`` over real loopback HTTP, on both transports.

The embedded server answers with tool calls (arguments streamed in 8-character fragments) when a tool's
name is in the last user message, and with JSON sampled from the schema for a ``json_schema``
response format (``openai_core.testing._chat_tools``), so every value below is predictable.
"""

from __future__ import annotations

import json
from enum import Enum
from typing import Any, Literal

import openai
import pytest
from openai.lib._pydantic import to_strict_json_schema as official_strict_schema
from pydantic import BaseModel, Field

import openai_core
from openai_core import AsyncOpenAI
from openai_core.lib._pydantic import to_strict_json_schema
from openai_core.lib.streaming.chat import (
    ChunkEvent,
    ContentDeltaEvent,
    FunctionToolCallArgumentsDeltaEvent,
    FunctionToolCallArgumentsDoneEvent,
)
from openai_core.testing import MockServer
from openai_core.testing._chat_tools import FRAGMENT
from openai_core.types.chat import ParsedChatCompletion

from .conftest import client_sockets


class Step(BaseModel):
    explanation: str
    output: str


class MathResponse(BaseModel):
    """A worked answer."""

    steps: list[Step]
    final_answer: str


class GetWeather(BaseModel):
    """The weather in a city."""

    city: str
    days: int


def last_body(server: MockServer, path: str = "/v1/chat/completions") -> Any:
    return next(r for r in reversed(server.requests) if r.path == path).json()


# -- stream() ------------------------------------------------------------------------------------------


async def test_stream_events_and_final_completion(client: AsyncOpenAI, server: MockServer) -> None:
    async with client.chat.completions.stream(
        model="gpt-4o", messages=[{"role": "user", "content": "tell me a story"}],
        stream_options={"include_usage": True},
    ) as stream:
        events = [event async for event in stream]
        snapshot = stream.current_completion_snapshot
    assert last_body(server)["stream"] is True

    deltas = [e for e in events if isinstance(e, ContentDeltaEvent)]
    assert "".join(e.delta for e in deltas) == "echo: tell me a story"
    assert deltas[-1].snapshot == "echo: tell me a story"
    assert [e.type for e in events if e.type.startswith("content.done")] == ["content.done"]
    assert all(isinstance(e, ChunkEvent) for e in events if e.type == "chunk")
    assert snapshot.choices[0].message.content == "echo: tell me a story"

    final = await stream.get_final_completion()  # the stream was read to the end already
    assert isinstance(final, ParsedChatCompletion)
    assert final.choices[0].message.content == "echo: tell me a story"
    assert final.choices[0].finish_reason == "stop" and final.choices[0].message.parsed is None
    assert final.usage is not None and final.usage.completion_tokens == 5
    message = await stream.get_final_message()
    assert message.content == "echo: tell me a story"


async def test_stream_tool_call_arguments_arrive_in_fragments(client: AsyncOpenAI) -> None:
    tools = [openai_core.pydantic_function_tool(GetWeather)]
    async with client.chat.completions.stream(
        model="gpt-4o", messages=[{"role": "user", "content": "use GetWeather for Paris"}], tools=tools
    ) as stream:
        events = [event async for event in stream]
    arguments = '{"city":"city-value","days":1}'
    deltas = [e for e in events if isinstance(e, FunctionToolCallArgumentsDeltaEvent)]
    assert [e.arguments_delta for e in deltas] == ["", *(arguments[i:i + FRAGMENT] for i in range(0, 30, FRAGMENT))]
    assert deltas[-1].arguments == arguments and {e.name for e in deltas} == {"GetWeather"}
    assert deltas[-1].parsed_arguments == {"city": "city-value", "days": 1}  # partial JSON of a strict tool
    (done,) = [e for e in events if isinstance(e, FunctionToolCallArgumentsDoneEvent)]
    assert done.parsed_arguments == GetWeather(city="city-value", days=1)

    final = await stream.get_final_completion()
    (call,) = final.choices[0].message.tool_calls or []
    assert call.function.parsed_arguments == GetWeather(city="city-value", days=1)
    assert final.choices[0].finish_reason == "tool_calls" and call.id.startswith("call_")


async def test_stream_two_choices(client: AsyncOpenAI) -> None:
    async with client.chat.completions.stream(
        model="gpt-4o", messages=[{"role": "user", "content": "two answers"}], n=2
    ) as stream:
        final = await stream.get_final_completion()
    assert [(c.index, c.message.content, c.finish_reason) for c in final.choices] == [
        (0, "echo: two answers", "stop"), (1, "echo: two answers", "stop")]


async def test_stream_with_a_response_format_class(client: AsyncOpenAI, server: MockServer) -> None:
    async with client.chat.completions.stream(
        model="gpt-4o", messages=[{"role": "user", "content": "solve 8x + 31 = 2"}], response_format=MathResponse
    ) as stream:
        events = [event async for event in stream]
    sent = last_body(server)["response_format"]
    assert sent == {"type": "json_schema", "json_schema": {
        "name": "MathResponse", "strict": True, "schema": official_strict_schema(MathResponse)}}
    partial = [e.parsed for e in events if isinstance(e, ContentDeltaEvent)]
    assert partial[-1] == {"steps": [{"explanation": "explanation-value", "output": "output-value"}],
                           "final_answer": "final_answer-value"}
    (done,) = [e for e in events if e.type == "content.done"]
    assert isinstance(done.parsed, MathResponse) and done.parsed.final_answer == "final_answer-value"
    assert (await stream.get_final_completion()).choices[0].message.parsed == done.parsed


async def test_stream_with_a_dict_response_format_is_not_parsed(client: AsyncOpenAI, server: MockServer) -> None:
    response_format: Any = {"type": "json_schema", "json_schema": {
        "name": "n", "schema": {"type": "object", "properties": {"a": {"type": "integer"}}}}}
    async with client.chat.completions.stream(
        model="gpt-4o", messages=[{"role": "user", "content": "x"}], response_format=response_format
    ) as stream:
        final = await stream.get_final_completion()
    assert last_body(server)["response_format"] == response_format
    assert final.choices[0].message.content == '{"a":1}' and final.choices[0].message.parsed is None


async def test_stream_sends_nothing_until_entered_and_closes_on_exit(
    client: AsyncOpenAI, server: MockServer
) -> None:
    before = len(server.requests)
    manager = client.chat.completions.stream(model="gpt-4o", messages=[{"role": "user", "content": "a b c d e"}])
    assert len(server.requests) == before
    async with manager as stream:
        first = await stream.__anext__()
        assert first.type == "chunk"
    assert stream.response.is_closed
    await client.close()
    assert client_sockets(server.port) == 0


async def test_stream_passes_request_options(client: AsyncOpenAI, server: MockServer) -> None:
    async with client.chat.completions.stream(
        model="gpt-4o", messages=[{"role": "user", "content": "x"}], extra_headers={"X-Helper": "stream"},
        extra_query={"q": "1"}, extra_body={"seed": 7}, timeout=30,
    ) as stream:
        await stream.until_done()
    sent = next(r for r in reversed(server.requests) if r.path == "/v1/chat/completions")
    assert sent.headers["x-helper"] == "stream" and sent.query == {"q": "1"}
    assert sent.json()["seed"] == 7 and sent.headers["accept"] == "text/event-stream"


async def test_stream_rejects_unknown_arguments_before_sending(client: AsyncOpenAI) -> None:
    with pytest.raises(TypeError, match="stream"):
        client.chat.completions.stream(model="gpt-4o", messages=[], stream=True)  # type: ignore[call-overload]


# -- parse() -------------------------------------------------------------------------------------------


async def test_parse_response_format(client: AsyncOpenAI, server: MockServer) -> None:
    completion = await client.chat.completions.parse(
        model="gpt-4o", messages=[{"role": "user", "content": "solve 8x + 31 = 2"}], response_format=MathResponse
    )
    sent = last_body(server)
    assert sent["stream"] is False  # sent explicitly, as the official SDK does
    assert sent["response_format"]["json_schema"]["schema"] == official_strict_schema(MathResponse)
    parsed = completion.choices[0].message.parsed
    assert isinstance(parsed, MathResponse)
    assert parsed.steps == [Step(explanation="explanation-value", output="output-value")]
    assert completion.choices[0].message.content == json.dumps(parsed.model_dump(), separators=(",", ":"))


async def test_parse_pydantic_function_tool(client: AsyncOpenAI, server: MockServer) -> None:
    completion = await client.chat.completions.parse(
        model="gpt-4o", messages=[{"role": "user", "content": "call GetWeather"}],
        tools=[openai_core.pydantic_function_tool(GetWeather, name="GetWeather")],
    )
    assert last_body(server)["tools"] == [openai.pydantic_function_tool(GetWeather)]
    (call,) = completion.choices[0].message.tool_calls or []
    assert call.function.name == "GetWeather"
    assert call.function.parsed_arguments == GetWeather(city="city-value", days=1)
    assert completion.choices[0].message.parsed is None


async def test_parse_strict_dict_tool_gives_decoded_json(client: AsyncOpenAI) -> None:
    tool: Any = {"type": "function", "function": {"name": "lookup", "strict": True, "parameters": {
        "type": "object", "properties": {"q": {"type": "string"}}, "required": ["q"], "additionalProperties": False}}}
    completion = await client.chat.completions.parse(
        model="gpt-4o", messages=[{"role": "user", "content": "lookup"}], tools=[tool], tool_choice="required"
    )
    (call,) = completion.choices[0].message.tool_calls or []
    assert call.function.parsed_arguments == {"q": "q-value"}


async def test_parse_refuses_non_strict_tools_before_sending(client: AsyncOpenAI, server: MockServer) -> None:
    before = len(server.requests)
    tool: Any = {"type": "function", "function": {"name": "loose", "parameters": {}}}
    with pytest.raises(ValueError, match="not strict"):
        await client.chat.completions.parse(model="gpt-4o", messages=[{"role": "user", "content": "x"}], tools=[tool])
    assert len(server.requests) == before


async def test_parse_length_cut_raises(client: AsyncOpenAI) -> None:
    with pytest.raises(openai_core.LengthFinishReasonError) as info:
        await client.chat.completions.parse(
            model="gpt-4o", messages=[{"role": "user", "content": "x"}], response_format=MathResponse, max_tokens=2
        )
    assert info.value.completion.choices[0].finish_reason == "length"
    assert info.value.completion.usage is not None


async def test_parse_refusal(client: AsyncOpenAI) -> None:
    completion = await client.chat.completions.parse(
        model="gpt-4o", messages=[{"role": "user", "content": "please refuse"}], response_format=MathResponse
    )
    message = completion.choices[0].message
    assert message.refusal == "I'm sorry, I can't help with that." and message.parsed is None


async def test_create_refuses_a_model_class_as_response_format(client: AsyncOpenAI) -> None:
    with pytest.raises(TypeError, match="parse"):
        await client.chat.completions.create(
            model="gpt-4o", messages=[{"role": "user", "content": "x"}], response_format=MathResponse  # type: ignore[arg-type]
        )


# -- the strict schema, against the official SDK's converter ----------------------------------------


class Colour(Enum):
    RED = "red"
    BLUE = "blue"


class Node(BaseModel):
    value: int
    children: list[Node] = []


class Everything(BaseModel):
    """Many schema shapes at once."""

    text: str = Field(description="a described string")
    maybe: int | None = None
    colour: Colour = Field(description="a described $ref")
    step: Step = Field(description="a described model")
    steps: list[Step]
    union: Step | GetWeather | None = None
    literal: Literal["a", "b"]
    mapping: dict[str, list[Step]] = {}
    tree: Node


@pytest.mark.parametrize("model", [Step, MathResponse, GetWeather, Node, Everything])
def test_strict_schema_matches_the_official_sdk(model: type[BaseModel]) -> None:
    ours = to_strict_json_schema(model)
    assert ours == official_strict_schema(model)
    assert ours.get("additionalProperties") is False or "$ref" in ours


def test_pydantic_function_tool_matches_the_official_sdk() -> None:
    ours = openai_core.pydantic_function_tool(GetWeather, description="override")
    assert ours == openai.pydantic_function_tool(GetWeather, description="override")
    assert ours["function"]["strict"] is True and ours["function"].get("description") == "override"
    assert openai_core.pydantic_function_tool(Step)["function"].get("description") is None  # no docstring
