"""The chat-completion stream accumulator, sans-IO: chunks in, a snapshot and typed events out.

``ChatCompletionStreamState.handle_chunk(chunk)`` merges one ``ChatCompletionChunk`` into the completion
accumulated so far and returns the events it gives rise to. It never reads a socket, so every case
(tool-call arguments split across chunks, several choices interleaved, a usage-only last chunk) is a
unit test over a table of chunks; ``AsyncChatCompletionStream`` is the thin shell that feeds it.

The snapshot is updated in place (one string append per delta), not rebuilt per chunk. Fields are marked
as set exactly when the stream sent them, so ``to_dict()`` of the final completion matches the official
SDK's accumulation of the same chunks (``tests/test_chat_stream_state.py`` compares the two).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Generic, cast

from ...._exceptions import ContentFilterFinishReasonError, LengthFinishReasonError
from ...._interop import is_sentinel
from ...._models import parse_obj
from ...._types import NotGiven, Omit
from ....types.chat import (
    ChatCompletionChunk,
    ChatCompletionToolUnionParam,
    ParsedChatCompletion,
    ParsedFunction,
    ParsedFunctionToolCall,
)
from ....types.chat.chat_completion import ChoiceLogprobs, Moderation
from ....types.chat.chat_completion_chunk import Choice as ChoiceChunk
from ....types.chat.chat_completion_chunk import ChoiceDelta
from ....types.chat.completion_create_params import ResponseFormat as ResponseFormatParam
from ..._parsing import (
    ResponseFormatT,
    get_input_tool_by_name,
    has_parseable_input,
    has_rich_response_format,
    maybe_parse_content,
    parse_chat_completion,
    parse_function_tool_arguments,
)
from ..._tools import PydanticFunctionTool
from ._deltas import mark_sent, merge_delta, partial_json, set_sent
from ._events import (
    ChatCompletionStreamEvent,
    ChunkEvent,
    ContentDeltaEvent,
    ContentDoneEvent,
    FunctionToolCallArgumentsDeltaEvent,
    FunctionToolCallArgumentsDoneEvent,
    LogprobsContentDeltaEvent,
    LogprobsContentDoneEvent,
    LogprobsRefusalDeltaEvent,
    LogprobsRefusalDoneEvent,
    ParsedChatCompletionMessageSnapshot,
    ParsedChatCompletionSnapshot,
    ParsedChoiceSnapshot,
    RefusalDeltaEvent,
    RefusalDoneEvent,
)

__all__ = ["ChatCompletionStreamState"]

class ChatCompletionStreamState(Generic[ResponseFormatT]):
    """Accumulates ``ChatCompletionChunk``s into a ``ParsedChatCompletion``. Usable on its own::

        state = ChatCompletionStreamState()
        async for chunk in await client.chat.completions.create(..., stream=True):
            for event in state.handle_chunk(chunk):
                ...
        completion = state.get_final_completion()

    With a response-format class or strict tools (what ``parse()`` accepts), content and tool arguments
    are decoded as partial JSON while they stream and parsed fully when done; a choice ending for
    ``length`` or ``content_filter`` then raises ``LengthFinishReasonError`` /
    ``ContentFilterFinishReasonError`` at once, as no complete document will come.
    """

    def __init__(
        self,
        *,
        input_tools: Iterable[ChatCompletionToolUnionParam] | NotGiven | Omit | None = None,
        response_format: type[ResponseFormatT] | ResponseFormatParam | NotGiven | Omit | None = None,
    ) -> None:
        if is_sentinel(input_tools):
            input_tools = None
        if is_sentinel(response_format):
            response_format = None
        self._input_tools: list[Mapping[str, Any]] = list(cast("Iterable[Mapping[str, Any]]", input_tools or ()))
        self._response_format: object = response_format
        self._rich = has_rich_response_format(response_format)
        # Parametrised with the response-format class, so `parsed` serialises as that model (dumping the
        # bare generic warns that it expected None).
        done_type: Any = ContentDoneEvent
        self._content_done_type: Any = done_type[response_format] if self._rich else done_type
        self._parseable = has_parseable_input(response_format=response_format, input_tools=self._input_tools)
        self._snapshot: ParsedChatCompletionSnapshot | None = None
        self._choices: dict[int, _ChoiceState] = {}

    @property
    def current_completion_snapshot(self) -> ParsedChatCompletionSnapshot:
        """The completion accumulated so far (updated in place by every chunk)."""
        if self._snapshot is None:
            raise RuntimeError("no chunk has been handled yet")
        return self._snapshot

    def get_final_completion(self) -> ParsedChatCompletion[ResponseFormatT]:
        """The accumulated completion, parsed. Call it once the stream has ended: it does not check."""
        return parse_chat_completion(
            chat_completion=self.current_completion_snapshot,
            response_format=self._response_format if self._rich else None,
            input_tools=self._input_tools,
        )

    def handle_chunk(self, chunk: ChatCompletionChunk) -> list[ChatCompletionStreamEvent[ResponseFormatT]]:
        """Merge ``chunk`` into the snapshot; the events it gives rise to, in order."""
        snapshot = self._accumulate(chunk)
        events: list[ChatCompletionStreamEvent[ResponseFormatT]] = [
            ChunkEvent.model_construct(type="chunk", chunk=chunk, snapshot=snapshot)
        ]
        for choice in chunk.choices:
            self._choices[choice.index].add_events(choice, events)
        return events

    # -- accumulation -------------------------------------------------------------------------------

    def _accumulate(self, chunk: ChatCompletionChunk) -> ParsedChatCompletionSnapshot:
        snapshot = self._snapshot
        if snapshot is None:
            snapshot = self._snapshot = _first_snapshot(chunk)
        else:
            if chunk.usage is not None or "usage" not in snapshot.model_fields_set:
                snapshot.usage = chunk.usage
            snapshot.system_fingerprint = chunk.system_fingerprint
            if chunk.moderation is not None:
                snapshot.moderation = _completion_moderation(chunk)
        new_choice = False
        for choice in chunk.choices:
            state = self._choices.get(choice.index)
            if state is None:
                state = self._choices[choice.index] = _ChoiceState(self, choice)
                new_choice = True
            state.accumulate(choice)
        if new_choice:
            snapshot.choices = [self._choices[i].snapshot for i in sorted(self._choices)]
        return snapshot

    def _tool(self, name: str) -> Mapping[str, Any] | None:
        return get_input_tool_by_name(input_tools=self._input_tools, name=name) if self._input_tools else None


def _completion_moderation(chunk: ChatCompletionChunk) -> Moderation:
    # A chunk's moderation is a class of its own (chat_completion_chunk.Moderation, as in the official SDK):
    # the snapshot is a completion, so it holds the completion's class.
    assert chunk.moderation is not None
    return parse_obj(Moderation, chunk.moderation.to_dict())


def _first_snapshot(chunk: ChatCompletionChunk) -> ParsedChatCompletionSnapshot:
    values: dict[str, Any] = {name: getattr(chunk, name) for name in chunk.model_fields_set}
    values.pop("obfuscation", None)
    values.pop("choices", None)
    values.setdefault("system_fingerprint", None)
    values["object"] = "chat.completion"
    if chunk.moderation is not None:
        values["moderation"] = _completion_moderation(chunk)
    snapshot = ParsedChatCompletionSnapshot.model_construct(
        _fields_set={*values, "choices"}, choices=[], **values
    )
    return snapshot


class _ChoiceState:
    """One choice: its snapshot, its open tool call, and which parts have had their ``done`` event."""

    __slots__ = (
        "_content_done",
        "_current_tool",
        "_done_tools",
        "_following",
        "_logprobs_content_done",
        "_logprobs_refusal_done",
        "_owner",
        "_refusal_done",
        "snapshot",
    )

    def __init__(self, owner: ChatCompletionStreamState[Any], choice: ChoiceChunk) -> None:
        self._owner = owner
        message = ParsedChatCompletionMessageSnapshot.model_construct(_fields_set=set(), role="assistant")
        fields = {name: getattr(choice, name) for name in choice.model_fields_set if name != "delta"}
        fields.setdefault("finish_reason", None)
        fields.pop("logprobs", None)  # merged by accumulate()
        self.snapshot: ParsedChoiceSnapshot = ParsedChoiceSnapshot.model_construct(
            _fields_set={*fields, "message"}, message=message, **fields
        )
        if "logprobs" in choice.model_fields_set and choice.logprobs is None:
            set_sent(self.snapshot, "logprobs", None)
        self._content_done = False
        self._refusal_done = False
        self._logprobs_content_done = False
        self._logprobs_refusal_done = False
        self._done_tools: set[int] = set()
        self._current_tool: int | None = None
        self._following = False

    def accumulate(self, choice: ChoiceChunk) -> None:
        owner = self._owner
        snapshot = self.snapshot
        message = snapshot.message
        if self._following:
            mark_sent(message)
        self._following = True
        merge_delta(message, choice.delta)
        if choice.delta.tool_calls:
            self._merge_tool_calls(choice.delta)
        if choice.logprobs is not None:
            logprobs = snapshot.logprobs
            if logprobs is None:
                set_sent(snapshot, "logprobs", ChoiceLogprobs.model_construct(
                    content=None if choice.logprobs.content is None else list(choice.logprobs.content),
                    refusal=None if choice.logprobs.refusal is None else list(choice.logprobs.refusal),
                ))
            else:
                if choice.logprobs.content:
                    logprobs.content = [*(logprobs.content or ()), *choice.logprobs.content]
                if choice.logprobs.refusal:
                    logprobs.refusal = [*(logprobs.refusal or ()), *choice.logprobs.refusal]
        if choice.finish_reason:
            set_sent(snapshot, "finish_reason", choice.finish_reason)
            if owner._parseable:
                completion = owner.current_completion_snapshot
                if choice.finish_reason == "length":
                    raise LengthFinishReasonError(completion=completion)
                if choice.finish_reason == "content_filter":
                    raise ContentFilterFinishReasonError(completion=completion)
        content = message.content
        if owner._rich and content and not message.refusal and not content.isspace():
            message.parsed = partial_json(content)
        for delta in choice.delta.tool_calls or ():
            call = message.tool_calls[delta.index] if message.tool_calls else None
            if call is None or not call.function.arguments:
                continue
            tool = owner._tool(call.function.name)
            definition = tool.get("function") if tool is not None else None
            if isinstance(definition, PydanticFunctionTool) or (
                isinstance(definition, Mapping) and definition.get("strict")
            ):
                call.function.parsed_arguments = partial_json(call.function.arguments)

    def _merge_tool_calls(self, delta: ChoiceDelta) -> None:
        message = self.snapshot.message
        calls = message.tool_calls
        if calls is None:
            calls = []
            set_sent(message, "tool_calls", calls)
        for fragment in delta.tool_calls or ():
            while len(calls) <= fragment.index:
                # A call is opened by its first fragment, which carries its id, type and name whole.
                # Placeholders (id, type, name) are not marked as sent; `index` is kept as the official
                # SDK keeps it.
                calls.append(ParsedFunctionToolCall.model_construct(
                    _fields_set={"index"},
                    id="",
                    type="function",
                    function=ParsedFunction.model_construct(_fields_set=set(), name="", arguments=""),
                    index=len(calls),
                ))
            call = calls[fragment.index]
            if fragment.id and "id" not in call.model_fields_set:
                set_sent(call, "id", fragment.id)
            if fragment.type and "type" not in call.model_fields_set:
                set_sent(call, "type", fragment.type)
            function = fragment.function
            if function is not None:
                target = call.function
                if "function" not in call.model_fields_set:
                    set_sent(call, "function", target)
                if function.name and "name" not in target.model_fields_set:
                    set_sent(target, "name", function.name)
                if function.arguments is not None:
                    set_sent(target, "arguments", target.arguments + function.arguments)

    # -- events -------------------------------------------------------------------------------------

    def add_events(self, choice: ChoiceChunk, events: list[Any]) -> None:
        owner = self._owner
        snapshot = self.snapshot
        message = snapshot.message
        delta = choice.delta
        if delta.content is not None and message.content is not None:
            events.append(ContentDeltaEvent.model_construct(
                type="content.delta", delta=delta.content, snapshot=message.content, parsed=message.parsed
            ))
        if delta.refusal is not None and message.refusal is not None:
            events.append(RefusalDeltaEvent.model_construct(
                type="refusal.delta", delta=delta.refusal, snapshot=message.refusal
            ))
        for fragment in delta.tool_calls or ():
            call = (message.tool_calls or [])[fragment.index]
            if call.type == "function":
                events.append(FunctionToolCallArgumentsDeltaEvent.model_construct(
                    type="tool_calls.function.arguments.delta",
                    name=call.function.name,
                    index=fragment.index,
                    arguments=call.function.arguments,
                    parsed_arguments=call.function.parsed_arguments,
                    arguments_delta=(fragment.function.arguments if fragment.function else None) or "",
                ))
        logprobs, chunk_logprobs = snapshot.logprobs, choice.logprobs
        if chunk_logprobs is not None and logprobs is not None:
            if chunk_logprobs.content and logprobs.content:
                events.append(LogprobsContentDeltaEvent.model_construct(
                    type="logprobs.content.delta", content=chunk_logprobs.content, snapshot=logprobs.content
                ))
            if chunk_logprobs.refusal and logprobs.refusal:
                events.append(LogprobsRefusalDeltaEvent.model_construct(
                    type="logprobs.refusal.delta", refusal=chunk_logprobs.refusal, snapshot=logprobs.refusal
                ))

        # Done events: a part is complete when the choice finishes, and content (or the previous tool
        # call) is complete when the next tool call starts.
        if snapshot.finish_reason:
            self._content_done_events(events, owner)
            if self._current_tool is not None:
                self._tool_done_event(events, owner, self._current_tool)
        for fragment in delta.tool_calls or ():
            if fragment.index != self._current_tool:
                self._content_done_events(events, owner)
                if self._current_tool is not None:
                    self._tool_done_event(events, owner, self._current_tool)
            self._current_tool = fragment.index

    def _content_done_events(self, events: list[Any], owner: ChatCompletionStreamState[Any]) -> None:
        snapshot = self.snapshot
        message = snapshot.message
        if message.content and not self._content_done:
            self._content_done = True
            parsed = maybe_parse_content(response_format=owner._response_format, message=message)
            message.parsed = parsed  # the response-format instance replaces the partial JSON
            events.append(owner._content_done_type.model_construct(
                type="content.done", content=message.content, parsed=parsed
            ))
        if message.refusal is not None and not self._refusal_done:
            self._refusal_done = True
            events.append(RefusalDoneEvent.model_construct(type="refusal.done", refusal=message.refusal))
        logprobs = snapshot.logprobs
        if logprobs is not None:
            if logprobs.content is not None and not self._logprobs_content_done:
                self._logprobs_content_done = True
                events.append(LogprobsContentDoneEvent.model_construct(
                    type="logprobs.content.done", content=logprobs.content
                ))
            if logprobs.refusal is not None and not self._logprobs_refusal_done:
                self._logprobs_refusal_done = True
                events.append(LogprobsRefusalDoneEvent.model_construct(
                    type="logprobs.refusal.done", refusal=logprobs.refusal
                ))

    def _tool_done_event(self, events: list[Any], owner: ChatCompletionStreamState[Any], index: int) -> None:
        if index in self._done_tools:
            return
        self._done_tools.add(index)
        call = (self.snapshot.message.tool_calls or [])[index]
        if call.type != "function":
            return
        parsed = parse_function_tool_arguments(input_tools=owner._input_tools, function=call.function)
        call.function.parsed_arguments = parsed
        events.append(FunctionToolCallArgumentsDoneEvent.model_construct(
            type="tool_calls.function.arguments.done",
            name=call.function.name,
            index=index,
            arguments=call.function.arguments,
            parsed_arguments=parsed,
        ))
