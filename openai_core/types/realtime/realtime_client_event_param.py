from typing import TypeAlias

from .conversation_item_create_event_param import ConversationItemCreateEventParam
from .conversation_item_delete_event_param import ConversationItemDeleteEventParam
from .conversation_item_retrieve_event_param import ConversationItemRetrieveEventParam
from .conversation_item_truncate_event_param import ConversationItemTruncateEventParam
from .input_audio_buffer_append_event_param import InputAudioBufferAppendEventParam
from .input_audio_buffer_clear_event_param import InputAudioBufferClearEventParam
from .input_audio_buffer_commit_event_param import InputAudioBufferCommitEventParam
from .output_audio_buffer_clear_event_param import OutputAudioBufferClearEventParam
from .response_cancel_event_param import ResponseCancelEventParam
from .response_create_event_param import ResponseCreateEventParam
from .session_update_event_param import SessionUpdateEventParam

__all__ = ["RealtimeClientEventParam"]

RealtimeClientEventParam: TypeAlias = (
    ConversationItemCreateEventParam
    | ConversationItemDeleteEventParam
    | ConversationItemRetrieveEventParam
    | ConversationItemTruncateEventParam
    | InputAudioBufferAppendEventParam
    | InputAudioBufferClearEventParam
    | OutputAudioBufferClearEventParam
    | InputAudioBufferCommitEventParam
    | ResponseCancelEventParam
    | ResponseCreateEventParam
    | SessionUpdateEventParam
)
