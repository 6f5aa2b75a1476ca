"""``client.responses`` over real loopback HTTP, on both transports: create, the typed event stream, retrieve
(plain and replayed), delete and the input-items pages.

The embedded server's rules (``openai_core.testing._responses``): the reply is ``"echo: "`` + the last user
text, streamed word by word; "fail" in it fails the response, "future" adds an event of an unknown type.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

import pydantic
import pytest

import openai_core as openai
from openai_core import AsyncOpenAI, AsyncStream
from openai_core._models import json_parser, parse_json
from openai_core.lib.streaming.responses import ResponseCompletedEvent as StreamCompleted
from openai_core.lib.streaming.responses import (
    ResponseFunctionCallArgumentsDeltaEvent as StreamArgumentsDelta,
)
from openai_core.lib.streaming.responses import ResponseTextDeltaEvent as StreamTextDelta
from openai_core.lib.streaming.responses import ResponseTextDoneEvent as StreamTextDone
from openai_core.testing import MockServer
from openai_core.types.responses import (
    Response,
    ResponseCompletedEvent,
    ResponseCreatedEvent,
    ResponseErrorEvent,
    ResponseFailedEvent,
    ResponseFunctionToolCall,
    ResponseInputMessageItem,
    ResponseOutputMessage,
    ResponseStreamEvent,
    ResponseTextDeltaEvent,
    ResponseUnknownEvent,
    ResponseUnknownItem,
)
from openai_core.types.responses.parsed_response import ParsedResponse, ParsedResponseFunctionToolCall
from openai_core.types.responses.response_function_web_search import ActionSearch, ResponseFunctionWebSearch

from .conftest import client_sockets

MESSAGE_SEQUENCE = [
    "response.created",
    "response.in_progress",
    "response.output_item.added",
    "response.content_part.added",
    *["response.output_text.delta"] * 4,
    "response.output_text.done",
    "response.content_part.done",
    "response.output_item.done",
    "response.completed",
]


async def test_create(client: AsyncOpenAI, server: MockServer) -> None:
    response = await client.responses.create(
        model="gpt-4o", input="hello there friend", instructions="be brief", metadata={"k": "v"}
    )
    assert isinstance(response, Response)
    assert response.output_text == "echo: hello there friend"
    assert response.status == "completed" and response.model == "gpt-4o" and response.instructions == "be brief"
    (message,) = response.output
    assert isinstance(message, ResponseOutputMessage) and message.role == "assistant"
    assert response.usage is not None and (response.usage.input_tokens, response.usage.output_tokens) == (5, 4)
    assert response.metadata == {"k": "v"}
    sent = server.requests[-1]
    assert (sent.method, sent.path) == ("POST", "/v1/responses")
    assert sent.json() == {"model": "gpt-4o", "input": "hello there friend", "instructions": "be brief",
                           "metadata": {"k": "v"}}


async def test_stream_event_sequence(client: AsyncOpenAI, server: MockServer) -> None:
    stream = await client.responses.create(model="gpt-4o", input="one two three", stream=True)
    assert isinstance(stream, AsyncStream)
    events = [event async for event in stream]
    assert [e.type for e in events] == MESSAGE_SEQUENCE
    assert [e.sequence_number for e in events] == list(range(len(events)))
    assert isinstance(events[0], ResponseCreatedEvent) and events[0].response.status == "in_progress"
    deltas = [e for e in events if isinstance(e, ResponseTextDeltaEvent)]
    assert "".join(d.delta for d in deltas) == "echo: one two three"
    assert {d.item_id for d in deltas} == {events[2].item.id}  # type: ignore[union-attr]
    completed = events[-1]
    assert isinstance(completed, ResponseCompletedEvent)
    assert completed.response.output_text == "echo: one two three"
    assert server.requests[-1].json()["stream"] is True
    assert stream.response.is_closed  # the body ended (no [DONE] on this API) and the connection was released


async def test_unknown_event_types_are_kept_not_fatal(client: AsyncOpenAI) -> None:
    stream = await client.responses.create(model="gpt-4o", input="see the future", stream=True)
    events = [event async for event in stream]
    unknown = [e for e in events if isinstance(e, ResponseUnknownEvent)]
    assert [(e.type, e.sequence_number) for e in unknown] == [("response.mock_future", 2)]
    assert unknown[0].to_dict()["detail"] == "an event type no client knows"
    assert events[-1].type == "response.completed"


async def test_error_event_is_yielded_then_the_response_fails(client: AsyncOpenAI) -> None:
    # As in the official SDK, the typed `error` event is an item of the stream, not an exception.
    stream = await client.responses.create(model="gpt-4o", input="please fail", stream=True)
    events = [event async for event in stream]
    assert [e.type for e in events] == ["response.created", "response.in_progress", "error", "response.failed"]
    error, failed = events[2], events[3]
    assert isinstance(error, ResponseErrorEvent) and error.code == "server_error"
    assert isinstance(failed, ResponseFailedEvent) and failed.response.status == "failed"
    assert failed.response.error is not None and failed.response.error.message == error.message


async def test_an_error_payload_still_raises(client: AsyncOpenAI) -> None:
    stream = await client.responses.create(
        model="gpt-4o", input="x", stream=True, extra_headers={"X-Mock-Fault": "kind=sse_error;after=2;style=payload"}
    )
    with pytest.raises(openai.APIError, match="Mock fault"):
        async for _ in stream:
            pass


async def test_function_call_output_item(client: AsyncOpenAI) -> None:
    tools: Any = [{"type": "function", "name": "get_weather", "strict": True,
                   "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}]
    stream = await client.responses.create(model="gpt-4o", input="get_weather in Paris", tools=tools, stream=True)
    events = [event async for event in stream]
    deltas = [e.delta for e in events if e.type == "response.function_call_arguments.delta"]
    assert "".join(deltas) == '{"city":"city-value"}' and len(deltas) == 3
    final = events[-1]
    assert isinstance(final, ResponseCompletedEvent)
    (call,) = final.response.output
    assert isinstance(call, ResponseFunctionToolCall)
    assert (call.name, call.arguments, call.status) == ("get_weather", '{"city":"city-value"}', "completed")
    assert final.response.output_text == ""


async def test_json_schema_text_format_and_max_output_tokens(client: AsyncOpenAI) -> None:
    schema = {"type": "object", "properties": {"answer": {"type": "integer"}}, "required": ["answer"]}
    response = await client.responses.create(
        model="gpt-4o", input="x", text={"format": {"type": "json_schema", "name": "a", "schema": schema}}
    )
    assert response.output_text == '{"answer":1}'
    assert response.text is not None and response.text.format is not None and response.text.format.type == "json_schema"
    cut = await client.responses.create(model="gpt-4o", input="a b c d e", max_output_tokens=2)
    assert cut.status == "incomplete" and cut.output_text == "echo: a"
    assert cut.incomplete_details is not None and cut.incomplete_details.reason == "max_output_tokens"


async def test_retrieve_delete_and_not_found(client: AsyncOpenAI, server: MockServer) -> None:
    created = await client.responses.create(model="gpt-4o", input="keep me")
    fetched = await client.responses.retrieve(created.id, include=["message.output_text.logprobs"])
    assert fetched.id == created.id and fetched.output_text == "echo: keep me"
    assert server.requests[-1].query == {"include[]": "message.output_text.logprobs"}
    assert await client.responses.delete(created.id) is None
    sent = server.requests[-1]
    assert (sent.method, sent.path, sent.headers["accept"]) == ("DELETE", f"/v1/responses/{created.id}", "*/*")
    with pytest.raises(openai.NotFoundError):
        await client.responses.retrieve(created.id)
    with pytest.raises(openai.NotFoundError):
        await client.responses.delete(created.id)


async def test_retrieve_stream_replays_after_a_sequence_number(client: AsyncOpenAI) -> None:
    created = await client.responses.create(model="gpt-4o", input="one two three")
    stream = await client.responses.retrieve(created.id, stream=True, starting_after=8)
    events = [event async for event in stream]
    assert [(e.sequence_number, e.type) for e in events] == [
        (9, "response.content_part.done"), (10, "response.output_item.done"), (11, "response.completed")]


async def test_store_false_is_not_retrievable(client: AsyncOpenAI) -> None:
    response = await client.responses.create(model="gpt-4o", input="forget me", store=False)
    with pytest.raises(openai.NotFoundError):
        await client.responses.retrieve(response.id)


async def test_input_items_pages(client: AsyncOpenAI, server: MockServer) -> None:
    conversation: Any = [
        {"role": "user", "content": "first"},
        {"role": "assistant", "content": "echo: first"},
        {"role": "user", "content": [{"type": "input_text", "text": "second"}]},
        {"type": "function_call_output", "call_id": "call_1", "output": "42"},
        {"role": "user", "content": "third"},
    ]
    response = await client.responses.create(model="gpt-4o", input=conversation)
    assert response.output_text == "echo: third"

    page = await client.responses.input_items.list(response.id, limit=2, order="asc")
    assert [item.type for item in page.data] == ["message", "message"] and page.has_next_page()
    first = page.data[0]
    assert isinstance(first, ResponseInputMessageItem) and first.content[0].type == "input_text"
    assert isinstance(page.data[1], ResponseOutputMessage)  # an assistant message is an output message
    second = await page.get_next_page()
    assert server.requests[-1].query == {"limit": "2", "order": "asc", "after": page.data[1].id}
    assert second.data[1].type == "function_call_output"

    everything = [item async for item in client.responses.input_items.list(response.id, limit=2)]
    assert len(everything) == 5
    last = everything[0]  # newest first by default
    assert isinstance(last, ResponseInputMessageItem) and last.content[0].type == "input_text"


async def test_request_options_on_every_method(client: AsyncOpenAI, server: MockServer) -> None:
    options: Any = {"extra_headers": {"X-Trace": "r"}, "extra_query": {"trace": "1"}, "timeout": 20}
    created = await client.responses.create(model="gpt-4o", input="x", extra_body={"user": "u1"}, **options)
    assert server.requests[-1].json()["user"] == "u1"
    await client.responses.retrieve(created.id, **options)
    await client.responses.input_items.list(created.id, **options)
    await client.responses.delete(created.id, **options)
    for sent in server.requests[-4:]:
        assert sent.headers["x-trace"] == "r" and sent.query.get("trace") == "1"


async def test_abandoned_stream_releases_the_connection(client: AsyncOpenAI, server: MockServer) -> None:
    async with await client.responses.create(model="gpt-4o", input="a b c d e f", stream=True) as stream:
        first = await stream.__anext__()
        assert first.type == "response.created"
    await client.close()
    assert client_sockets(server.port) == 0


# -- parsing, without a server ------------------------------------------------------------------------


def test_event_union_parses_by_type_with_a_fallback() -> None:
    parse = json_parser(ResponseStreamEvent)
    assert parse is json_parser(ResponseStreamEvent)  # built once per type
    delta = parse(b'{"type":"response.output_text.delta","delta":"hi","item_id":"m","output_index":0,'
                  b'"content_index":0,"sequence_number":3,"logprobs":[]}')
    assert isinstance(delta, ResponseTextDeltaEvent) and delta.delta == "hi"
    unknown = parse(b'{"type":"response.brand_new","sequence_number":4,"payload":{"a":1}}')
    assert isinstance(unknown, ResponseUnknownEvent) and unknown.to_dict()["payload"] == {"a": 1}
    # A known event missing a field is built leniently rather than failing the stream.
    lenient = parse(b'{"type":"response.output_text.delta","delta":"x","sequence_number":5}')
    assert isinstance(lenient, ResponseTextDeltaEvent) and lenient.delta == "x"


def _response_with(web_search_action: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "resp_1", "object": "response", "created_at": 1, "model": "m", "parallel_tool_calls": True,
        "tool_choice": "auto", "tools": [{"type": "web_search"}, {"type": "tool_of_tomorrow", "x": 1}],
        "output": [
            {"type": "reasoning", "id": "r", "summary": []},
            {"type": "message", "id": "a", "role": "assistant", "status": "completed", "content": [
                {"type": "output_text", "text": "Hello", "annotations": []},
                {"type": "refusal", "refusal": "no"}]},
            {"type": "web_search_call", "id": "w", "status": "completed", "action": web_search_action},
            {"type": "item_of_tomorrow", "id": "z"},
            {"type": "message", "id": "b", "role": "assistant", "status": "completed", "content": [
                {"type": "output_text", "text": ", world", "annotations": []}]},
        ],
    }


def test_output_text_joins_text_parts_and_skips_the_rest() -> None:
    response = Response.model_validate(_response_with({"type": "search", "query": "q"}))
    assert response.output_text == "Hello, world"
    search = response.output[2]
    assert isinstance(search, ResponseFunctionWebSearch) and isinstance(search.action, ActionSearch)
    assert search.action.query == "q"
    assert isinstance(response.output[3], ResponseUnknownItem)
    assert [tool.type for tool in response.tools] == ["web_search", "tool_of_tomorrow"]


def test_a_nested_value_off_the_schema_is_kept_as_sent() -> None:
    # A compatible server's web search action without its `type`: strict validation rejects it, the
    # client's parser keeps the response and the action as sent.
    body = json.dumps(_response_with({"query": "q"})).encode()
    with pytest.raises(pydantic.ValidationError):
        Response.model_validate_json(body)
    response = parse_json(Response, body)
    assert response.output_text == "Hello, world"
    search = response.output[2]
    assert isinstance(search, ResponseFunctionWebSearch)
    assert isinstance(search.action, ActionSearch) and search.action.query == "q"  # the closest member
    # to_dict() gives it back as sent (pydantic warns that the value lacks the union's tag)
    assert search.to_dict(warnings=False)["action"] == {"query": "q"}
    assert isinstance(response.output[3], ResponseUnknownItem)


@pytest.mark.parametrize("tool_choice, expected", [
    ("auto", "str"),
    ({"type": "function", "name": "f"}, "ToolChoiceFunction"),
    ({"type": "mcp", "server_label": "s"}, "ToolChoiceMcp"),
    ({"type": "custom", "name": "c"}, "ToolChoiceCustom"),
    ({"type": "allowed_tools", "mode": "auto", "tools": [{"type": "function", "name": "f"}]}, "ToolChoiceAllowed"),
    ({"type": "shell"}, "ToolChoiceShell"),
    ({"type": "apply_patch"}, "ToolChoiceApplyPatch"),
    ({"type": "programmatic_tool_calling"}, "ToolChoiceSpecificProgrammaticToolCallingParam"),
    ({"type": "web_search_preview"}, "ToolChoiceTypes"),
    ({"type": "tool_of_tomorrow"}, "ToolChoiceTypes"),
])
def test_tool_choice_parses_into_the_class_its_type_names(tool_choice: Any, expected: str) -> None:
    body = {"id": "r", "object": "response", "created_at": 1, "model": "m", "parallel_tool_calls": True,
            "tools": [], "output": [], "tool_choice": tool_choice}
    parsed = Response.model_validate(body).tool_choice
    assert type(parsed).__name__ == expected
    assert (parsed if isinstance(parsed, str) else parsed.to_dict()) == tool_choice


def test_response_extras_parse_like_the_official_sdks() -> None:
    import openai as official

    verdict = {"categories": {"hate": False}, "category_applied_input_types": {"hate": ["text"]},
               "category_scores": {"hate": 0.0}, "flagged": False, "model": "omni", "type": "moderation_result"}
    body = {
        "id": "r", "object": "response", "created_at": 1, "model": "m", "parallel_tool_calls": True,
        "tools": [], "output": [], "tool_choice": "auto", "access_programs": {"cyber": "standard"},
        "image": {"context_compression": "enabled"},
        "input_transformations": [{"id": "rs_1", "action": "removed", "reason": "model_mismatch",
                                   "type": "reasoning"}],
        "moderation": {"input": verdict, "output": {"code": "busy", "message": "later", "type": "error"}},
        "prompt": {"id": "pmpt_1", "variables": {"city": "Paris", "logo": {"type": "input_image",
                                                                         "detail": "auto", "file_id": "f"}}},
        "prompt_cache_diagnostics": {"type": "cache_miss", "cache_missed_tokens": 12, "reason": "tools_changed"},
        "prompt_cache_options": {"mode": "explicit", "ttl": "30m"}, "prompt_cache_retention": "24h",
        "service_tier": "ultrafast",
        "tool_usage": {"image_gen": {"input_tokens": 1, "input_tokens_details": {"image_tokens": 0, "text_tokens": 1},
                                     "output_tokens": 2, "total_tokens": 3},
                       "web_search": {"num_requests": 4}},
        "error": {"code": "misalignment_policy_violation", "message": "no", "param": "input", "type": "invalid",
                  "misalignment": {"error_type": "other", "steer": {"message": "try again"}}},
    }
    ours = Response.model_validate_json(json.dumps(body))  # strict: every value on the schema
    theirs = official.types.responses.Response.model_validate(body)
    assert ours.to_dict(mode="json") == theirs.to_dict(mode="json") == body
    assert ours.moderation is not None and ours.moderation.output.type == "error"
    assert type(ours.moderation.input).__name__ == "ModerationInputModerationResult"
    assert ours.prompt is not None and ours.prompt.variables is not None
    assert type(ours.prompt.variables["logo"]).__name__ == "ResponseInputImage"
    assert ours.tool_usage is not None and ours.tool_usage.web_search.num_requests == 4
    assert ours.error is not None and ours.error.misalignment is not None
    assert ours.error.misalignment.steer is not None and ours.error.misalignment.steer.message == "try again"


class Story(pydantic.BaseModel):
    title: str
    sentences: list[str]


async def test_parse_with_a_text_format_and_a_strict_tool(client: AsyncOpenAI, server: MockServer) -> None:
    parsed = await client.responses.parse(model="gpt-4o", input="a story", text_format=Story,
                                          text={"verbosity": "low"})
    sent = server.requests[-1].json()
    assert sent["text"]["verbosity"] == "low"
    assert sent["text"]["format"] == {"type": "json_schema", "strict": True, "name": "Story",
                                      "schema": openai.lib._pydantic.to_strict_json_schema(Story)}
    assert "text_format" not in sent
    assert isinstance(parsed, ParsedResponse)
    story = parsed.output_parsed
    assert isinstance(story, Story) and story == Story.model_validate_json(parsed.output_text)
    # the parsed parts serialise as their model, as the response did
    assert parsed.to_dict()["output"][0]["content"][0]["parsed"] == story.model_dump()

    # a model that calls a strict tool: its arguments come back decoded; a non-strict tool's do not
    tool = {"type": "function", "name": "get_weather", "strict": True,
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"],
                           "additionalProperties": False}}
    for strict in (True, False):
        called = await client.responses.parse(model="gpt-4o", input="get_weather please", text_format=Story,
                                              tools=[{**tool, "strict": strict}])
        (call,) = called.output
        assert isinstance(call, ParsedResponseFunctionToolCall) and called.output_parsed is None
        assert call.parsed_arguments == ({"city": "city-value"} if strict else None)


async def test_parse_without_a_format_and_its_refusals(client: AsyncOpenAI, server: MockServer) -> None:
    plain = await client.responses.parse(model="gpt-4o", input="hello")
    assert plain.output_text == "echo: hello" and plain.output_parsed is None
    with pytest.raises(TypeError, match="cannot be given together"):
        await client.responses.parse(model="gpt-4o", input="x", text_format=Story,
                                     text={"format": {"type": "text"}})
    sent = len(server.requests)
    with pytest.raises(TypeError, match=r"use responses\.stream"):
        await client.responses.parse(model="gpt-4o", input="x", stream=True)  # type: ignore[call-overload]
    assert len(server.requests) == sent
    # stream=False is accepted and sent, as the official SDK does (LangChain passes it)
    unstreamed = await client.responses.parse(model="gpt-4o", input="not streamed", stream=False, text_format=Story)
    assert server.requests[-1].json()["stream"] is False and isinstance(unstreamed.output_parsed, Story)


async def test_stream_helper_snapshots_and_final_response(client: AsyncOpenAI, server: MockServer) -> None:
    async with client.responses.stream(model="gpt-4o", input="one two three") as stream:
        events = [event async for event in stream]
        final = await stream.get_final_response()
    assert server.requests[-1].json()["stream"] is True
    deltas = [e for e in events if isinstance(e, StreamTextDelta)]
    assert "".join(e.delta for e in deltas) == "echo: one two three"
    assert [e.snapshot for e in deltas][-1] == "echo: one two three"
    assert all(later.snapshot.startswith(earlier.snapshot) for earlier, later in itertools.pairwise(deltas))
    (done,) = [e for e in events if e.type == "response.output_text.done"]
    assert isinstance(done, StreamTextDone) and done.parsed is None
    assert isinstance(events[-1], StreamCompleted) and events[-1].response is final
    assert isinstance(final, ParsedResponse) and final.output_text == "echo: one two three"
    assert stream.current_snapshot is not None and stream.current_snapshot.status == "completed"
    assert stream.response.is_closed


async def test_stream_helper_with_a_text_format_and_tool_arguments(client: AsyncOpenAI) -> None:
    async with client.responses.stream(model="gpt-4o", input="a story", text_format=Story) as stream:
        (done,) = [e async for e in stream if e.type == "response.output_text.done"]
        final = await stream.get_final_response()
    assert isinstance(done.parsed, Story) and final.output_parsed == done.parsed

    tool = {"type": "function", "name": "lookup", "strict": True,
            "parameters": {"type": "object", "properties": {"q": {"type": "string"}}, "required": ["q"],
                           "additionalProperties": False}}
    async with client.responses.stream(model="gpt-4o", input="lookup", tools=[tool]) as stream:
        arg_deltas = [e async for e in stream if isinstance(e, StreamArgumentsDelta)]
        final = await stream.get_final_response()
    (call,) = final.output
    assert isinstance(call, ParsedResponseFunctionToolCall) and call.parsed_arguments == {"q": "q-value"}
    assert arg_deltas and arg_deltas[-1].snapshot == call.arguments


async def test_stream_helper_failed_response_and_early_exit(client: AsyncOpenAI, server: MockServer) -> None:
    async with client.responses.stream(model="gpt-4o", input="please fail") as stream:
        kinds = [e.type async for e in stream]
        with pytest.raises(RuntimeError, match=r"response\.completed"):
            await stream.get_final_response()
    assert kinds[-2:] == ["error", "response.failed"]

    async with client.responses.stream(model="gpt-4o", input="a b c d e f g") as stream:
        async for event in stream:
            if event.type == "response.output_text.delta":
                break
    assert stream.response.is_closed
    await client.close()
    assert client_sockets(server.port) == 0


async def test_input_tokens_count_matches_what_create_reports(client: AsyncOpenAI, server: MockServer) -> None:
    params: dict[str, Any] = {"model": "gpt-4o", "instructions": "be brief",
                              "input": [{"role": "user", "content": "count these five words"}]}
    counted = await client.responses.input_tokens.count(**params)
    assert (counted.object, counted.input_tokens) == ("response.input_tokens", 6)
    sent = server.requests[-1]
    assert (sent.method, sent.path, sent.json()) == ("POST", "/v1/responses/input_tokens", params)
    created = await client.responses.create(**params)
    assert created.usage is not None and created.usage.input_tokens == counted.input_tokens
