"""``ResponseStreamState``: the sans-IO accumulator behind ``responses.stream()``. Fed the API's events
one at a time, it keeps a snapshot of the response being built and returns the events to hand on (see
``_events``). Shared by the async and sync helpers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Generic

from ....types.responses import Response
from ....types.responses.parsed_response import ParsedResponse
from ..._parsing._completions import _rebuild
from ..._parsing._responses import _parse_text, parse_response
from ._events import (
    ResponseCompletedEvent,
    ResponseFunctionCallArgumentsDeltaEvent,
    ResponseStreamEvent,
    ResponseTextDeltaEvent,
    ResponseTextDoneEvent,
    TextFormatT,
)

__all__ = ["ResponseStreamState"]


class ResponseStreamState(Generic[TextFormatT]):
    def __init__(
        self, *, text_format: type[TextFormatT] | None, input_tools: Iterable[Mapping[str, Any]] | None
    ) -> None:
        self._text_format = text_format
        self._input_tools = list(input_tools or ())
        self._snapshot: Response | None = None
        self._final: ParsedResponse[TextFormatT] | None = None

    @property
    def current_snapshot(self) -> Response | None:
        """The response as accumulated so far (None before ``response.created``)."""
        return self._snapshot

    @property
    def final_response(self) -> ParsedResponse[TextFormatT] | None:
        """The parsed response of the ``response.completed`` event, once it has arrived."""
        return self._final

    def handle_event(self, event: Any) -> list[ResponseStreamEvent[TextFormatT]]:
        kind = getattr(event, "type", None)
        if kind in ("response.created", "response.in_progress", "response.queued"):
            self._snapshot = event.response.model_copy(deep=True)
        elif kind == "response.output_item.added" and self._snapshot is not None:
            self._snapshot.output.append(event.item.model_copy(deep=True))
        elif kind == "response.content_part.added":
            message = self._item(event.output_index)
            if message is not None and message.type == "message":
                message.content.append(event.part.model_copy(deep=True))
        elif kind == "response.output_text.delta":
            part = self._text_part(event.output_index, event.content_index)
            snapshot = event.delta
            if part is not None:
                part.text += event.delta
                snapshot = part.text
            return [_rebuild(event, ResponseTextDeltaEvent, snapshot=snapshot)]
        elif kind == "response.output_text.done":
            return [_rebuild(event, self._typed(ResponseTextDoneEvent), parsed=_parse_text(self._text_format, event.text))]
        elif kind == "response.function_call_arguments.delta":
            call = self._item(event.output_index)
            snapshot = event.delta
            if call is not None and call.type == "function_call":
                call.arguments += event.delta
                snapshot = call.arguments
            return [_rebuild(event, ResponseFunctionCallArgumentsDeltaEvent, snapshot=snapshot)]
        elif kind == "response.completed":
            self._final = parse_response(
                text_format=self._text_format, input_tools=self._input_tools, response=event.response
            )
            self._snapshot = event.response
            return [_rebuild(event, self._typed(ResponseCompletedEvent), response=self._final)]
        return [event]

    def _typed(self, generic: Any) -> Any:
        """``generic`` parametrised with the text format class, so ``parsed`` dumps as that model."""
        return generic[self._text_format] if self._text_format is not None else generic

    def _item(self, index: int) -> Any:
        if self._snapshot is None or not 0 <= index < len(self._snapshot.output):
            return None
        return self._snapshot.output[index]

    def _text_part(self, output_index: int, content_index: int) -> Any:
        message = self._item(output_index)
        if message is None or message.type != "message" or not 0 <= content_index < len(message.content):
            return None
        part = message.content[content_index]
        return part if part.type == "output_text" else None
