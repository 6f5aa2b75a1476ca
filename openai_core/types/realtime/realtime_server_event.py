"""``RealtimeServerEvent``: every event the server sends on a realtime connection, told apart by ``type``.

The union is built into one validator at first use (``_models.json_parser``), so each frame is parsed
from its text in one pass. An event of a type not listed here arrives as ``RealtimeUnknownServerEvent``
with every field kept, instead of failing the connection.
"""

from typing import TYPE_CHECKING, Literal, TypeAlias

from ..._models import BaseModel
from ..._unions import open_union
from .conversation_created_event import ConversationCreatedEvent
from .conversation_item import ConversationItem
from .conversation_item_added import ConversationItemAdded
from .conversation_item_created_event import ConversationItemCreatedEvent
from .conversation_item_deleted_event import ConversationItemDeletedEvent
from .conversation_item_done import ConversationItemDone
from .conversation_item_input_audio_transcription_completed_event import (
    ConversationItemInputAudioTranscriptionCompletedEvent,
)
from .conversation_item_input_audio_transcription_delta_event import (
    ConversationItemInputAudioTranscriptionDeltaEvent,
)
from .conversation_item_input_audio_transcription_failed_event import (
    ConversationItemInputAudioTranscriptionFailedEvent,
)
from .conversation_item_input_audio_transcription_segment import (
    ConversationItemInputAudioTranscriptionSegment,
)
from .conversation_item_truncated_event import ConversationItemTruncatedEvent
from .input_audio_buffer_cleared_event import InputAudioBufferClearedEvent
from .input_audio_buffer_committed_event import InputAudioBufferCommittedEvent
from .input_audio_buffer_dtmf_event_received_event import InputAudioBufferDtmfEventReceivedEvent
from .input_audio_buffer_speech_started_event import InputAudioBufferSpeechStartedEvent
from .input_audio_buffer_speech_stopped_event import InputAudioBufferSpeechStoppedEvent
from .input_audio_buffer_timeout_triggered import InputAudioBufferTimeoutTriggered
from .mcp_list_tools_completed import McpListToolsCompleted
from .mcp_list_tools_failed import McpListToolsFailed
from .mcp_list_tools_in_progress import McpListToolsInProgress
from .rate_limits_updated_event import RateLimitsUpdatedEvent
from .realtime_error_event import RealtimeErrorEvent
from .realtime_unknown_server_event import RealtimeUnknownServerEvent
from .response_audio_delta_event import ResponseAudioDeltaEvent
from .response_audio_done_event import ResponseAudioDoneEvent
from .response_audio_transcript_delta_event import ResponseAudioTranscriptDeltaEvent
from .response_audio_transcript_done_event import ResponseAudioTranscriptDoneEvent
from .response_content_part_added_event import ResponseContentPartAddedEvent
from .response_content_part_done_event import ResponseContentPartDoneEvent
from .response_created_event import ResponseCreatedEvent
from .response_done_event import ResponseDoneEvent
from .response_function_call_arguments_delta_event import ResponseFunctionCallArgumentsDeltaEvent
from .response_function_call_arguments_done_event import ResponseFunctionCallArgumentsDoneEvent
from .response_mcp_call_arguments_delta import ResponseMcpCallArgumentsDelta
from .response_mcp_call_arguments_done import ResponseMcpCallArgumentsDone
from .response_mcp_call_completed import ResponseMcpCallCompleted
from .response_mcp_call_failed import ResponseMcpCallFailed
from .response_mcp_call_in_progress import ResponseMcpCallInProgress
from .response_output_item_added_event import ResponseOutputItemAddedEvent
from .response_output_item_done_event import ResponseOutputItemDoneEvent
from .response_text_delta_event import ResponseTextDeltaEvent
from .response_text_done_event import ResponseTextDoneEvent
from .session_created_event import SessionCreatedEvent
from .session_updated_event import SessionUpdatedEvent

__all__ = [
    "ConversationItemRetrieved",
    "OutputAudioBufferCleared",
    "OutputAudioBufferStarted",
    "OutputAudioBufferStopped",
    "RealtimeServerEvent",
]


class ConversationItemRetrieved(BaseModel):
    """The answer to ``conversation.item.retrieve``: the item as the server holds it."""

    event_id: str
    item: ConversationItem
    type: Literal["conversation.item.retrieved"]


class OutputAudioBufferStarted(BaseModel):
    """WebRTC and SIP only: the server started playing a response's audio."""

    event_id: str
    response_id: str
    type: Literal["output_audio_buffer.started"]


class OutputAudioBufferStopped(BaseModel):
    event_id: str
    response_id: str
    type: Literal["output_audio_buffer.stopped"]


class OutputAudioBufferCleared(BaseModel):
    event_id: str
    response_id: str
    type: Literal["output_audio_buffer.cleared"]


RealtimeServerEvent: TypeAlias = (
    ConversationCreatedEvent
    | ConversationItemCreatedEvent
    | ConversationItemDeletedEvent
    | ConversationItemInputAudioTranscriptionCompletedEvent
    | ConversationItemInputAudioTranscriptionDeltaEvent
    | ConversationItemInputAudioTranscriptionFailedEvent
    | ConversationItemRetrieved
    | ConversationItemTruncatedEvent
    | RealtimeErrorEvent
    | InputAudioBufferClearedEvent
    | InputAudioBufferCommittedEvent
    | InputAudioBufferDtmfEventReceivedEvent
    | InputAudioBufferSpeechStartedEvent
    | InputAudioBufferSpeechStoppedEvent
    | RateLimitsUpdatedEvent
    | ResponseAudioDeltaEvent
    | ResponseAudioDoneEvent
    | ResponseAudioTranscriptDeltaEvent
    | ResponseAudioTranscriptDoneEvent
    | ResponseContentPartAddedEvent
    | ResponseContentPartDoneEvent
    | ResponseCreatedEvent
    | ResponseDoneEvent
    | ResponseFunctionCallArgumentsDeltaEvent
    | ResponseFunctionCallArgumentsDoneEvent
    | ResponseOutputItemAddedEvent
    | ResponseOutputItemDoneEvent
    | ResponseTextDeltaEvent
    | ResponseTextDoneEvent
    | SessionCreatedEvent
    | SessionUpdatedEvent
    | OutputAudioBufferStarted
    | OutputAudioBufferStopped
    | OutputAudioBufferCleared
    | ConversationItemAdded
    | ConversationItemDone
    | InputAudioBufferTimeoutTriggered
    | ConversationItemInputAudioTranscriptionSegment
    | McpListToolsInProgress
    | McpListToolsCompleted
    | McpListToolsFailed
    | ResponseMcpCallArgumentsDelta
    | ResponseMcpCallArgumentsDone
    | ResponseMcpCallInProgress
    | ResponseMcpCallCompleted
    | ResponseMcpCallFailed
)
if not TYPE_CHECKING:
    RealtimeServerEvent = open_union(RealtimeServerEvent, RealtimeUnknownServerEvent)
