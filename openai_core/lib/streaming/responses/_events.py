"""The events of ``responses.stream()``: the API's events, four of them enriched with what the stream has
accumulated (``snapshot``: the text or arguments so far; ``parsed``: a finished text part parsed into the
``text_format`` class; the completed ``response`` parsed as ``responses.parse()`` parses it)."""

from __future__ import annotations

from typing import Generic, TypeAlias

from typing_extensions import TypeVar

from ....types.responses import ResponseCompletedEvent as RawResponseCompletedEvent
from ....types.responses import (
    ResponseContentPartAddedEvent,
    ResponseContentPartDoneEvent,
    ResponseCreatedEvent,
    ResponseErrorEvent,
    ResponseFailedEvent,
    ResponseFunctionCallArgumentsDoneEvent,
    ResponseIncompleteEvent,
    ResponseInProgressEvent,
    ResponseOutputItemAddedEvent,
    ResponseOutputItemDoneEvent,
    ResponseOutputTextAnnotationAddedEvent,
    ResponseQueuedEvent,
    ResponseReasoningSummaryTextDeltaEvent,
    ResponseReasoningSummaryTextDoneEvent,
    ResponseRefusalDeltaEvent,
    ResponseRefusalDoneEvent,
)
from ....types.responses import ResponseFunctionCallArgumentsDeltaEvent as RawFunctionCallArgumentsDeltaEvent
from ....types.responses import ResponseTextDeltaEvent as RawResponseTextDeltaEvent
from ....types.responses import ResponseTextDoneEvent as RawResponseTextDoneEvent
from ....types.responses.parsed_response import ParsedResponse

__all__ = [
    "ResponseCompletedEvent",
    "ResponseFunctionCallArgumentsDeltaEvent",
    "ResponseStreamEvent",
    "ResponseTextDeltaEvent",
    "ResponseTextDoneEvent",
    "TextFormatT",
]

# What `parsed` holds; None when no text_format class was given (PEP 696 default).
TextFormatT = TypeVar("TextFormatT", default=None)


class ResponseTextDeltaEvent(RawResponseTextDeltaEvent):
    snapshot: str
    """The part's text so far, this delta included."""


class ResponseTextDoneEvent(RawResponseTextDoneEvent, Generic[TextFormatT]):
    parsed: TextFormatT | None = None
    """``text`` parsed into the ``text_format`` class (None without one)."""


class ResponseFunctionCallArgumentsDeltaEvent(RawFunctionCallArgumentsDeltaEvent):
    snapshot: str
    """The call's arguments so far (JSON text, complete only at the end)."""


class ResponseCompletedEvent(RawResponseCompletedEvent, Generic[TextFormatT]):
    response: ParsedResponse[TextFormatT]


ResponseStreamEvent: TypeAlias = (
    ResponseTextDeltaEvent
    | ResponseTextDoneEvent[TextFormatT]
    | ResponseFunctionCallArgumentsDeltaEvent
    | ResponseCompletedEvent[TextFormatT]
    | ResponseCreatedEvent
    | ResponseInProgressEvent
    | ResponseQueuedEvent
    | ResponseFailedEvent
    | ResponseIncompleteEvent
    | ResponseErrorEvent
    | ResponseOutputItemAddedEvent
    | ResponseOutputItemDoneEvent
    | ResponseContentPartAddedEvent
    | ResponseContentPartDoneEvent
    | ResponseOutputTextAnnotationAddedEvent
    | ResponseFunctionCallArgumentsDoneEvent
    | ResponseRefusalDeltaEvent
    | ResponseRefusalDoneEvent
    | ResponseReasoningSummaryTextDeltaEvent
    | ResponseReasoningSummaryTextDoneEvent
)
