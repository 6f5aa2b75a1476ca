"""``ResponsesServerEvent``: every event the server sends on a ``responses.connect()`` WebSocket, told
apart by ``type``.

Over the WebSocket the Responses API sends the events of ``responses.create(stream=True)``, each with the
``stream_id`` of the ``response.create`` that started it (the official SDK's ``Response...Ws...`` classes,
subclasses of the stream events, so ``isinstance(event, ResponseTextDeltaEvent)`` holds), the steering
events and its own ``error`` event. A stream event openai_core does not model yet (its stream union has
no class for it either) arrives as ``ResponseUnknownEvent`` with every field kept.
"""

from typing import TYPE_CHECKING, Literal, TypeAlias

from ..._models import BaseModel
from ..._unions import open_union
from .response_completed_event import ResponseCompletedEvent
from .response_content_part_added_event import ResponseContentPartAddedEvent
from .response_content_part_done_event import ResponseContentPartDoneEvent
from .response_created_event import ResponseCreatedEvent
from .response_failed_event import ResponseFailedEvent
from .response_function_call_arguments_delta_event import ResponseFunctionCallArgumentsDeltaEvent
from .response_function_call_arguments_done_event import ResponseFunctionCallArgumentsDoneEvent
from .response_in_progress_event import ResponseInProgressEvent
from .response_incomplete_event import ResponseIncompleteEvent
from .response_output_item_added_event import ResponseOutputItemAddedEvent
from .response_output_item_done_event import ResponseOutputItemDoneEvent
from .response_output_text_annotation_added_event import ResponseOutputTextAnnotationAddedEvent
from .response_queued_event import ResponseQueuedEvent
from .response_reasoning_summary_text_delta_event import ResponseReasoningSummaryTextDeltaEvent
from .response_reasoning_summary_text_done_event import ResponseReasoningSummaryTextDoneEvent
from .response_refusal_delta_event import ResponseRefusalDeltaEvent
from .response_refusal_done_event import ResponseRefusalDoneEvent
from .response_steer_accepted_event import ResponseSteerAcceptedEvent
from .response_steer_failed_event import ResponseSteerFailedEvent
from .response_steer_pending_event import ResponseSteerPendingEvent
from .response_text_delta_event import ResponseTextDeltaEvent
from .response_text_done_event import ResponseTextDoneEvent
from .response_unknown_event import ResponseUnknownEvent

__all__ = [
    "ResponseContentPartWsAdded",
    "ResponseContentPartWsDone",
    "ResponseFunctionCallArgumentsWsDelta",
    "ResponseFunctionCallArgumentsWsDone",
    "ResponseInWsProgress",
    "ResponseOutputItemWsAdded",
    "ResponseOutputItemWsDone",
    "ResponseOutputTextAnnotationWsAdded",
    "ResponseReasoningSummaryTextWsDelta",
    "ResponseReasoningSummaryTextWsDone",
    "ResponseRefusalWsDelta",
    "ResponseRefusalWsDone",
    "ResponseTextWsDelta",
    "ResponseTextWsDone",
    "ResponseWsCompleted",
    "ResponseWsCreated",
    "ResponseWsError",
    "ResponseWsErrorError",
    "ResponseWsErrorErrorMisalignment",
    "ResponseWsErrorErrorMisalignmentSteer",
    "ResponseWsFailed",
    "ResponseWsIncomplete",
    "ResponseWsQueued",
    "ResponsesServerEvent",
]


class ResponseWsCompleted(ResponseCompletedEvent):
    stream_id: str | None = None


class ResponseContentPartWsAdded(ResponseContentPartAddedEvent):
    stream_id: str | None = None


class ResponseContentPartWsDone(ResponseContentPartDoneEvent):
    stream_id: str | None = None


class ResponseWsCreated(ResponseCreatedEvent):
    stream_id: str | None = None


class ResponseFunctionCallArgumentsWsDelta(ResponseFunctionCallArgumentsDeltaEvent):
    stream_id: str | None = None


class ResponseFunctionCallArgumentsWsDone(ResponseFunctionCallArgumentsDoneEvent):
    stream_id: str | None = None


class ResponseInWsProgress(ResponseInProgressEvent):
    stream_id: str | None = None


class ResponseWsFailed(ResponseFailedEvent):
    stream_id: str | None = None


class ResponseWsIncomplete(ResponseIncompleteEvent):
    stream_id: str | None = None


class ResponseOutputItemWsAdded(ResponseOutputItemAddedEvent):
    stream_id: str | None = None


class ResponseOutputItemWsDone(ResponseOutputItemDoneEvent):
    stream_id: str | None = None


class ResponseReasoningSummaryTextWsDelta(ResponseReasoningSummaryTextDeltaEvent):
    stream_id: str | None = None


class ResponseReasoningSummaryTextWsDone(ResponseReasoningSummaryTextDoneEvent):
    stream_id: str | None = None


class ResponseRefusalWsDelta(ResponseRefusalDeltaEvent):
    stream_id: str | None = None


class ResponseRefusalWsDone(ResponseRefusalDoneEvent):
    stream_id: str | None = None


class ResponseTextWsDelta(ResponseTextDeltaEvent):
    stream_id: str | None = None


class ResponseTextWsDone(ResponseTextDoneEvent):
    stream_id: str | None = None


class ResponseOutputTextAnnotationWsAdded(ResponseOutputTextAnnotationAddedEvent):
    stream_id: str | None = None


class ResponseWsQueued(ResponseQueuedEvent):
    stream_id: str | None = None


class ResponseWsErrorErrorMisalignmentSteer(BaseModel):
    message: str


class ResponseWsErrorErrorMisalignment(BaseModel):
    detailed_explanation: str | None = None
    error_type: str | None = None  # "potentially_unintended_data_transfer", ...; new values may come
    review_target: str | None = None
    steer: ResponseWsErrorErrorMisalignmentSteer | None = None


class ResponseWsErrorError(BaseModel):
    code: str | None = None
    message: str
    param: str | None = None
    type: str
    headers: dict[str, str] | None = None
    misalignment: ResponseWsErrorErrorMisalignment | None = None


class ResponseWsError(BaseModel):
    """A request on the WebSocket failed (``status``: the HTTP status it would have had). It does not
    close the connection; ``dispatch_events()`` raises on one that no handler takes."""

    error: ResponseWsErrorError
    type: Literal["error"]
    sequence_number: int | None = None
    status: int | None = None
    stream_id: str | None = None


ResponsesServerEvent: TypeAlias = (
    ResponseWsCompleted
    | ResponseContentPartWsAdded
    | ResponseContentPartWsDone
    | ResponseWsCreated
    | ResponseFunctionCallArgumentsWsDelta
    | ResponseFunctionCallArgumentsWsDone
    | ResponseInWsProgress
    | ResponseWsFailed
    | ResponseWsIncomplete
    | ResponseOutputItemWsAdded
    | ResponseOutputItemWsDone
    | ResponseReasoningSummaryTextWsDelta
    | ResponseReasoningSummaryTextWsDone
    | ResponseRefusalWsDelta
    | ResponseRefusalWsDone
    | ResponseTextWsDelta
    | ResponseTextWsDone
    | ResponseOutputTextAnnotationWsAdded
    | ResponseWsQueued
    | ResponseWsError
    | ResponseSteerAcceptedEvent
    | ResponseSteerPendingEvent
    | ResponseSteerFailedEvent
)

if not TYPE_CHECKING:
    ResponsesServerEvent = open_union(ResponsesServerEvent, ResponseUnknownEvent)
