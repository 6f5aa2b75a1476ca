"""The embedded server's agent-loop rules (``openai_core.testing._chat_tools``, ``_responses``): a tool named
in the last user message is called; once its result comes back the answer is text built from the result,
so a loop that sends results back ends; ``tool_choice: "required"`` moves on to the next tool not called
yet. Tool calls stream as the real API streams them (chat ``delta.tool_calls`` with index/id/name, then
argument fragments; Responses function_call items with ``response.function_call_arguments.*`` events), and
``stream_options.include_usage`` adds a last chunk with ``choices: []`` and the usage. On both transports."""

from __future__ import annotations

import json
from typing import Any

from openai_core import AsyncOpenAI
from openai_core.testing import MockServer
from openai_core.testing._chat_tools import FRAGMENT

WEATHER: Any = {"type": "function", "function": {
    "name": "get_weather", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}
TIME: Any = {"type": "function", "function": {
    "name": "get_time", "parameters": {"type": "object", "properties": {"zone": {"type": "string"}}}}}
ARGS = '{"city":"city-value"}'


def resp_tool(chat_tool: Any) -> Any:
    return {"type": "function", **chat_tool["function"]}


def tool_turn(user: str, calls: list[tuple[str, str, str]], results: list[tuple[str, str]]) -> list[Any]:
    """user message, the assistant's calls (id, name, arguments), then the tool messages (id, content)."""
    return [
        {"role": "user", "content": user},
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": cid, "type": "function", "function": {"name": name, "arguments": args}} for cid, name, args in calls]},
        *[{"role": "tool", "tool_call_id": cid, "content": content} for cid, content in results],
    ]


# ------------------------------------------------------------------------------------------------- chat


async def test_chat_tool_result_gives_a_text_answer(client: AsyncOpenAI) -> None:
    first = await client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "get_weather for Paris"}], tools=[WEATHER])
    (call,) = first.choices[0].message.tool_calls or []
    assert (call.function.name, call.function.arguments, first.choices[0].finish_reason) == (
        "get_weather", ARGS, "tool_calls")
    messages = tool_turn("get_weather for Paris", [(call.id, "get_weather", ARGS)], [(call.id, "sunny, 21C")])
    second = await client.chat.completions.create(model="gpt-4o", messages=messages, tools=[WEATHER])
    choice = second.choices[0]
    assert choice.message.tool_calls is None and choice.finish_reason == "stop"
    assert choice.message.content == "tool results: get_weather -> sunny, 21C"
    assert second.usage is not None and (second.usage.prompt_tokens, second.usage.completion_tokens) == (5, 6)


async def test_chat_several_results_and_an_unknown_call_id(client: AsyncOpenAI) -> None:
    messages = tool_turn("get_weather and get_time", [("c1", "get_weather", ARGS), ("c2", "get_time", "{}")],
                         [("c1", "rain"), ("c2", "noon")])
    messages.append({"role": "tool", "tool_call_id": "c9", "content": [{"type": "text", "text": "stray"}]})
    answer = await client.chat.completions.create(model="gpt-4o", messages=messages, tools=[WEATHER, TIME])
    assert answer.choices[0].message.content == "tool results: get_weather -> rain; get_time -> noon; c9 -> stray"


async def test_chat_tool_result_without_tools_and_a_new_user_turn(client: AsyncOpenAI) -> None:
    messages = tool_turn("get_weather please", [("c1", "get_weather", ARGS)], [("c1", "fog")])
    plain = await client.chat.completions.create(model="gpt-4o", messages=messages)  # tools left out this time
    assert plain.choices[0].message.content == "tool results: get_weather -> fog"
    messages.append({"role": "user", "content": "get_weather again"})  # a new turn: the tool is called again
    again = await client.chat.completions.create(model="gpt-4o", messages=messages, tools=[WEATHER])
    assert [c.function.name for c in again.choices[0].message.tool_calls or []] == ["get_weather"]


async def test_chat_required_moves_on_to_the_next_tool(client: AsyncOpenAI) -> None:
    messages: list[Any] = [{"role": "user", "content": "anything"}]
    names = []
    for n in range(3):
        answer = await client.chat.completions.create(model="gpt-4o", messages=messages, tools=[WEATHER, TIME],
                                                      tool_choice="required")
        (call,) = answer.choices[0].message.tool_calls or []
        names.append(call.function.name)
        messages += tool_turn("", [(call.id, call.function.name, call.function.arguments)], [(call.id, str(n))])[1:]
    assert names == ["get_weather", "get_time", "get_weather"]  # every tool called: the first again


async def test_chat_stream_tool_call_deltas_and_usage_chunk(client: AsyncOpenAI, server: MockServer) -> None:
    stream = await client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "get_weather and get_time"}], tools=[WEATHER, TIME],
        stream=True, stream_options={"include_usage": True})
    chunks = [chunk async for chunk in stream]
    *body, last = chunks
    assert last.choices == [] and last.usage is not None and last.usage.prompt_tokens == 3
    assert all(chunk.usage is None for chunk in body)
    assert body[0].choices[0].delta.role == "assistant" and body[-1].choices[0].finish_reason == "tool_calls"
    deltas = [d for chunk in body for d in chunk.choices[0].delta.tool_calls or []]
    heads = [d for d in deltas if d.id is not None]
    assert [(d.index, d.type, d.function and d.function.name, d.function and d.function.arguments)
            for d in heads] == [(0, "function", "get_weather", ""), (1, "function", "get_time", "")]
    pieces = [d for d in deltas if d.id is None]
    assert all(d.function is not None and d.function.name is None for d in pieces)
    for index, expected in ((0, ARGS), (1, '{"zone":"zone-value"}')):
        fragments = [d.function.arguments or "" for d in pieces if d.index == index and d.function]
        assert "".join(fragments) == expected and max(map(len, fragments)) == FRAGMENT
    assert json.loads(server.requests[-1].body)["stream_options"] == {"include_usage": True}


async def test_chat_stream_after_a_tool_result(client: AsyncOpenAI) -> None:
    messages = tool_turn("get_weather now", [("c1", "get_weather", ARGS)], [("c1", "clear skies")])
    stream = await client.chat.completions.create(model="gpt-4o", messages=messages, tools=[WEATHER], stream=True,
                                                  stream_options={"include_usage": True})
    chunks = [chunk async for chunk in stream]
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == "tool results: get_weather -> clear skies"
    assert not any(c.choices[0].delta.tool_calls for c in chunks if c.choices)
    assert chunks[-1].choices == [] and chunks[-1].usage is not None and chunks[-1].usage.completion_tokens == 6
    no_usage = await client.chat.completions.create(model="gpt-4o", messages=messages, tools=[WEATHER], stream=True)
    assert all([c.choices and c.usage is None async for c in no_usage])


# -------------------------------------------------------------------------------------------- responses


async def test_responses_function_call_output_gives_a_text_answer(client: AsyncOpenAI) -> None:
    tools = [resp_tool(WEATHER)]
    first = await client.responses.create(model="gpt-4o", input="get_weather in Rome", tools=tools)
    (call,) = first.output
    assert call.type == "function_call" and call.arguments == ARGS
    second = await client.responses.create(model="gpt-4o", tools=tools, input=[
        {"role": "user", "content": "get_weather in Rome"},
        {"type": "function_call", "call_id": call.call_id, "name": "get_weather", "arguments": ARGS},
        {"type": "function_call_output", "call_id": call.call_id, "output": "warm"},
    ])
    assert second.output_text == "tool results: get_weather -> warm"
    assert [item.type for item in second.output] == ["message"]


async def test_responses_previous_response_continues_the_turn(client: AsyncOpenAI) -> None:
    tools = [resp_tool(WEATHER), resp_tool(TIME)]
    first = await client.responses.create(model="gpt-4o", input="get_time please", tools=tools)
    (call,) = first.output
    assert call.type == "function_call" and call.name == "get_time"
    follow_up = await client.responses.create(
        model="gpt-4o", tools=tools, previous_response_id=first.id,
        input=[{"type": "function_call_output", "call_id": call.call_id,
                "output": [{"type": "input_text", "text": "half past"}]}])
    assert follow_up.output_text == "tool results: get_time -> half past"
    required = await client.responses.create(
        model="gpt-4o", tools=tools, previous_response_id=first.id, tool_choice="required",
        input=[{"type": "function_call_output", "call_id": call.call_id, "output": "x"}])
    assert [(item.type, getattr(item, "name", None)) for item in required.output] == [("function_call", "get_weather")]


async def test_responses_stream_function_call_events(client: AsyncOpenAI) -> None:
    stream = await client.responses.create(model="gpt-4o", input="get_weather and get_time", stream=True,
                                           tools=[resp_tool(WEATHER), resp_tool(TIME)])
    events = [event async for event in stream]
    kinds = [e.type for e in events]
    assert kinds[:2] == ["response.created", "response.in_progress"] and kinds[-1] == "response.completed"
    added = [e for e in events if e.type == "response.output_item.added"]
    assert [(e.output_index, e.item.type, e.item.status) for e in added] == [
        (0, "function_call", "in_progress"), (1, "function_call", "in_progress")]
    for index, expected in ((0, ARGS), (1, '{"zone":"zone-value"}')):
        deltas = [e for e in events if e.type == "response.function_call_arguments.delta" and e.output_index == index]
        assert "".join(e.delta for e in deltas) == expected
        (done,) = [e for e in events if e.type == "response.function_call_arguments.done" and e.output_index == index]
        assert done.arguments == expected and done.item_id == deltas[0].item_id
    final = events[-1].response  # type: ignore[union-attr]
    assert [item.name for item in final.output] == ["get_weather", "get_time"]  # type: ignore[union-attr]
    assert final.usage is not None and final.usage.output_tokens > 0


async def test_responses_stream_after_function_call_output(client: AsyncOpenAI) -> None:
    stream = await client.responses.create(model="gpt-4o", tools=[resp_tool(WEATHER)], stream=True, input=[
        {"role": "user", "content": "get_weather"},
        {"type": "function_call", "call_id": "c1", "name": "get_weather", "arguments": ARGS},
        {"type": "function_call_output", "call_id": "c1", "output": "windy"},
    ])
    events = [event async for event in stream]
    assert not [e for e in events if e.type.startswith("response.function_call")]
    text = "".join(e.delta for e in events if e.type == "response.output_text.delta")
    assert text == "tool results: get_weather -> windy"
    assert events[-1].type == "response.completed" and events[-1].response.output_text == text  # type: ignore[union-attr]
