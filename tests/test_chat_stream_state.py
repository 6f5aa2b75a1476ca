"""``ChatCompletionStreamState`` (sans-IO): tables of chunks in, events and the accumulated completion out.

No server and no transport: each case feeds chunk dicts straight into the accumulator. Where the official
SDK's accumulator can take the same chunks, it is the oracle: every event and every snapshot must agree
(``to_dict()``-level, so fields the stream sent and fields it did not are told apart alike).
"""

from __future__ import annotations

import warnings
from typing import Any

import pytest
from openai.lib.streaming.chat import ChatCompletionStreamState as OfficialState
from openai.types.chat import ChatCompletionChunk as OfficialChunk
from pydantic import BaseModel

import openai_core
from openai_core.lib.streaming.chat import (
    ChatCompletionStreamState,
    ContentDeltaEvent,
    ContentDoneEvent,
    FunctionToolCallArgumentsDeltaEvent,
    FunctionToolCallArgumentsDoneEvent,
)
from openai_core.types.chat import ChatCompletionChunk


def chunk(*choices: dict[str, Any], **fields: Any) -> dict[str, Any]:
    # The API repeats system_fingerprint in every chunk; the accumulator keeps the last chunk's.
    return {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 7, "model": "gpt-4o",
            "system_fingerprint": "fp_1", **fields, "choices": list(choices)}


def delta(index: int, finish_reason: str | None = None, logprobs: Any = None, **fields: Any) -> dict[str, Any]:
    choice: dict[str, Any] = {"index": index, "delta": fields, "finish_reason": finish_reason}
    if logprobs is not None:
        choice["logprobs"] = logprobs
    return choice


def tool(index: int, arguments: str, *, id: str | None = None, name: str | None = None) -> dict[str, Any]:
    call: dict[str, Any] = {"index": index, "function": {"arguments": arguments}}
    if id is not None:
        call.update(id=id, type="function")
        call["function"]["name"] = name
    return call


def feed(state: ChatCompletionStreamState[Any], chunks: list[dict[str, Any]]) -> list[Any]:
    events: list[Any] = []
    for data in chunks:
        events += state.handle_chunk(ChatCompletionChunk.model_validate(data))
    return events


def dump(event: Any) -> tuple[str, dict[str, Any]]:
    exclude = {"chunk", "snapshot"} if event.type == "chunk" else set()
    return event.type, event.model_dump(mode="json", exclude=exclude)


def assert_same_as_official(chunks: list[dict[str, Any]], **options: Any) -> ChatCompletionStreamState[Any]:
    ours: ChatCompletionStreamState[Any] = ChatCompletionStreamState(**options)
    theirs: Any = OfficialState(**options)
    for data in chunks:
        our_events = ours.handle_chunk(ChatCompletionChunk.model_validate(data))
        their_events = list(theirs.handle_chunk(OfficialChunk.model_validate(data)))
        assert [dump(e) for e in our_events] == [dump(e) for e in their_events]
        assert ours.current_completion_snapshot.to_dict(mode="json") == \
            theirs.current_completion_snapshot.to_dict(mode="json")
    assert ours.get_final_completion().to_dict(mode="json") == theirs.get_final_completion().to_dict(mode="json")
    return ours


# -- tool calls: arguments in fragments, several calls, two choices interleaved ----------------------

TOOLS = [{"type": "function", "function": {"name": "get_weather", "strict": True,
                                           "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}},
         {"type": "function", "function": {"name": "get_time", "parameters": {"type": "object"}}}]

INTERLEAVED = [
    chunk(delta(0, role="assistant", content=None, refusal=None), delta(1, role="assistant", content=""),
          usage=None),
    chunk(delta(0, tool_calls=[tool(0, "", id="call_a", name="get_weather")]), delta(1, content="It is")),
    chunk(delta(0, tool_calls=[tool(0, '{"ci')]), delta(1, content=" sunny")),
    chunk(delta(0, tool_calls=[tool(0, 'ty": "Par')])),
    chunk(delta(0, tool_calls=[tool(0, 'is"}')]), delta(1, content=".", finish_reason=None)),
    chunk(delta(0, tool_calls=[tool(1, "", id="call_b", name="get_time")])),
    chunk(delta(0, tool_calls=[tool(1, "{}")])),
    chunk(delta(1, finish_reason="stop")),
    chunk(delta(0, finish_reason="tool_calls")),
    chunk(usage={"prompt_tokens": 5, "completion_tokens": 9, "total_tokens": 14}),
]


def test_tool_call_fragments_and_two_interleaved_choices() -> None:
    state: ChatCompletionStreamState[None] = ChatCompletionStreamState(input_tools=TOOLS)
    events = feed(state, INTERLEAVED)
    completion = state.get_final_completion()

    first, second = completion.choices
    assert (first.finish_reason, second.finish_reason) == ("tool_calls", "stop")
    assert second.message.content == "It is sunny." and first.message.content is None
    calls = first.message.tool_calls
    assert calls is not None and [c.id for c in calls] == ["call_a", "call_b"]
    assert calls[0].function.arguments == '{"city": "Paris"}'
    assert calls[0].function.parsed_arguments == {"city": "Paris"}  # strict tool: decoded
    assert calls[1].function.arguments == "{}" and calls[1].function.parsed_arguments is None  # not strict
    assert completion.usage is not None and completion.usage.total_tokens == 14
    assert completion.system_fingerprint == "fp_1" and completion.object == "chat.completion"

    deltas = [e for e in events if isinstance(e, FunctionToolCallArgumentsDeltaEvent)]
    assert [(e.index, e.arguments_delta) for e in deltas] == [
        (0, ""), (0, '{"ci'), (0, 'ty": "Par'), (0, 'is"}'), (1, ""), (1, "{}")]
    assert [e.arguments for e in deltas[:4]] == ["", '{"ci', '{"city": "Par', '{"city": "Paris"}']
    # strict tool: the arguments decoded as partial JSON while they stream
    # (an unfinished string is left out until it is complete)
    assert [e.parsed_arguments for e in deltas[:4]] == [None, {}, {}, {"city": "Paris"}]
    done = [e for e in events if isinstance(e, FunctionToolCallArgumentsDoneEvent)]
    # call 0 is done when call 1 starts (right after that chunk's delta); call 1 when its choice finishes
    assert [(e.index, e.name, e.parsed_arguments) for e in done] == [
        (0, "get_weather", {"city": "Paris"}), (1, "get_time", None)]
    assert events.index(deltas[4]) + 1 == events.index(done[0]) < events.index(deltas[5])

    content = [e for e in events if isinstance(e, ContentDeltaEvent)]
    assert [(e.delta, e.snapshot) for e in content] == [
        ("", ""), ("It is", "It is"), (" sunny", "It is sunny"), (".", "It is sunny.")]
    content_done = [e for e in events if isinstance(e, ContentDoneEvent)]
    assert [e.content for e in content_done] == ["It is sunny."]
    assert [e.type for e in events].count("chunk") == len(INTERLEAVED)


def test_interleaved_choices_match_the_official_accumulator() -> None:
    assert_same_as_official(INTERLEAVED, input_tools=TOOLS)


def test_a_choice_first_seen_late_takes_its_place_by_index() -> None:
    chunks = [chunk(delta(1, role="assistant", content="b")), chunk(delta(0, role="assistant", content="a")),
              chunk(delta(1, finish_reason="stop"), delta(0, finish_reason="stop"))]
    state: ChatCompletionStreamState[None] = ChatCompletionStreamState()
    feed(state, chunks)
    assert [(c.index, c.message.content) for c in state.get_final_completion().choices] == [(0, "a"), (1, "b")]


# -- structured output: partial JSON while streaming, the model at content.done --------------------


class Answer(BaseModel):
    city: str
    temperature: int


JSON_CHUNKS = [
    chunk(delta(0, role="assistant", content="", refusal=None)),
    chunk(delta(0, content='{"city": "Pa')),
    chunk(delta(0, content='ris", "temperature"')),
    chunk(delta(0, content=": 21}")),
    chunk(delta(0, finish_reason="stop")),
]


def test_response_format_content_is_parsed_partially_then_into_the_model() -> None:
    state = ChatCompletionStreamState(response_format=Answer)
    events = feed(state, JSON_CHUNKS)
    partial = [e.parsed for e in events if isinstance(e, ContentDeltaEvent)]
    assert partial == [None, {}, {"city": "Paris"}, {"city": "Paris", "temperature": 21}]
    (done,) = [e for e in events if isinstance(e, ContentDoneEvent)]
    assert done.parsed == Answer(city="Paris", temperature=21)
    message = state.get_final_completion().choices[0].message
    assert isinstance(message.parsed, Answer) and message.parsed.temperature == 21
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # both dump `parsed` as the model, without a serializer warning
        assert done.model_dump()["parsed"] == {"city": "Paris", "temperature": 21}
        assert '"temperature":21' in state.get_final_completion().to_json(indent=None)


# The official SDK's unparametrised content.done event warns when its parsed model is dumped (ours does not:
# test_response_format_content_is_parsed_partially_then_into_the_model dumps ours without a warning).
@pytest.mark.filterwarnings("ignore:Pydantic serializer warnings")
def test_response_format_matches_the_official_accumulator() -> None:
    assert_same_as_official(JSON_CHUNKS, response_format=Answer)


def test_refusal_deltas_and_done() -> None:
    chunks = [chunk(delta(0, role="assistant", content=None, refusal="")), chunk(delta(0, refusal="I can't")),
              chunk(delta(0, refusal=" help.")), chunk(delta(0, finish_reason="stop"))]
    state = assert_same_as_official(chunks, response_format=Answer)
    events = feed(ChatCompletionStreamState(response_format=Answer), chunks)
    assert [(e.type, getattr(e, "snapshot", None)) for e in events if e.type.startswith("refusal")] == [
        ("refusal.delta", ""), ("refusal.delta", "I can't"), ("refusal.delta", "I can't help."), ("refusal.done", None)]
    message = state.get_final_completion().choices[0].message
    assert message.refusal == "I can't help." and message.parsed is None


def test_logprobs_are_accumulated_with_their_events() -> None:
    def lp(token: str) -> dict[str, Any]:
        return {"content": [{"token": token, "logprob": -0.5, "bytes": list(token.encode()), "top_logprobs": []}],
                "refusal": None}

    chunks = [chunk(delta(0, role="assistant", content="")), chunk(delta(0, content="Hi", logprobs=lp("Hi"))),
              chunk(delta(0, content="!", logprobs=lp("!"))), chunk(delta(0, finish_reason="stop"))]
    state = assert_same_as_official(chunks)
    events = feed(ChatCompletionStreamState(), chunks)
    assert [(e.type, len(getattr(e, "snapshot", e.content))) for e in events if e.type.startswith("logprobs")] == [
        ("logprobs.content.delta", 1), ("logprobs.content.delta", 2), ("logprobs.content.done", 2)]
    logprobs = state.get_final_completion().choices[0].logprobs
    assert logprobs is not None and [t.token for t in logprobs.content or []] == ["Hi", "!"]


# -- stops and odd inputs ---------------------------------------------------------------------------


def test_length_stop_of_a_parsed_stream_raises_at_once() -> None:
    state = ChatCompletionStreamState(response_format=Answer)
    with pytest.raises(openai_core.LengthFinishReasonError) as info:
        feed(state, [*JSON_CHUNKS[:2], chunk(delta(0, finish_reason="length"))])
    assert info.value.completion.choices[0].message.content == '{"city": "Pa'


def test_content_filter_stop_of_a_parsed_stream_raises() -> None:
    with pytest.raises(openai_core.ContentFilterFinishReasonError):
        feed(ChatCompletionStreamState(input_tools=TOOLS),
             [chunk(delta(0, role="assistant", content="x")), chunk(delta(0, finish_reason="content_filter"))])


def test_length_stop_of_a_plain_stream_raises_only_at_the_final_completion() -> None:
    # As in the official SDK: nothing is parsed while streaming, but the final completion is a parse.
    state: ChatCompletionStreamState[None] = ChatCompletionStreamState()
    feed(state, [chunk(delta(0, role="assistant", content="cut")), chunk(delta(0, finish_reason="length"))])
    assert state.current_completion_snapshot.choices[0].finish_reason == "length"
    with pytest.raises(openai_core.LengthFinishReasonError):
        state.get_final_completion()


def test_unknown_delta_fields_are_accumulated_too() -> None:
    # e.g. vLLM / DeepSeek stream `reasoning_content` next to `content`
    state: ChatCompletionStreamState[None] = ChatCompletionStreamState()
    feed(state, [chunk(delta(0, role="assistant", content="", reasoning_content="Let me")),
                 chunk(delta(0, reasoning_content=" think.")), chunk(delta(0, content="42", finish_reason="stop"))])
    message = state.get_final_completion().choices[0].message
    assert message.content == "42"
    assert message.to_dict()["reasoning_content"] == "Let me think."


def test_deprecated_function_call_is_accumulated() -> None:
    chunks = [chunk(delta(0, role="assistant", content=None, function_call={"name": "f", "arguments": ""})),
              chunk(delta(0, function_call={"arguments": '{"a"'})), chunk(delta(0, function_call={"arguments": ": 1}"})),
              chunk(delta(0, finish_reason="function_call"))]
    state = assert_same_as_official(chunks)
    call = state.get_final_completion().choices[0].message.function_call
    assert call is not None and (call.name, call.arguments) == ("f", '{"a": 1}')


def test_no_snapshot_before_the_first_chunk() -> None:
    with pytest.raises(RuntimeError, match="no chunk"):
        _ = ChatCompletionStreamState().current_completion_snapshot


def test_moderation_of_chunks_becomes_the_completions_class() -> None:
    # chat_completion_chunk.Moderation and chat_completion.Moderation are distinct classes (as in the
    # official SDK): the accumulated completion holds the completion's, on the first chunk and later ones.
    verdict = {"model": "omni-moderation-latest", "type": "moderation_results", "results": [{
        "categories": {"hate": False}, "category_applied_input_types": {"hate": ["text"]},
        "category_scores": {"hate": 0.01}, "flagged": False, "model": "omni-moderation-latest",
        "type": "moderation_result"}]}
    error = {"code": "unavailable", "message": "moderation failed", "type": "error"}
    chunks = [chunk(delta(0, role="assistant", content="Hi"), moderation={"input": verdict, "output": error}),
              chunk(delta(0, content="!", finish_reason="stop"), moderation={"input": verdict, "output": verdict})]
    state = assert_same_as_official(chunks)
    first = ChatCompletionStreamState()
    feed(first, chunks[:1])
    for moderation in (first.current_completion_snapshot.moderation, state.get_final_completion().moderation):
        assert isinstance(moderation, openai_core.types.chat.chat_completion.Moderation)
        assert isinstance(moderation.input, openai_core.types.chat.chat_completion.ModerationInputModerationResults)
    final = state.get_final_completion().moderation
    assert final is not None and final.output.type == "moderation_results"
    first_moderation = first.current_completion_snapshot.moderation
    assert first_moderation is not None
    assert isinstance(first_moderation.output, openai_core.types.chat.chat_completion.ModerationOutputError)
