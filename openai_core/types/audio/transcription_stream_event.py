"""``TranscriptionStreamEvent``: the events of ``audio.transcriptions.create(stream=True)``, told apart
by ``type``. An event type not listed arrives as ``transcription_unknown_event.TranscriptionUnknownEvent``."""

from typing import TYPE_CHECKING, TypeAlias

from ..._unions import open_union
from .transcription_text_delta_event import TranscriptionTextDeltaEvent
from .transcription_text_done_event import TranscriptionTextDoneEvent
from .transcription_text_segment_event import TranscriptionTextSegmentEvent
from .transcription_unknown_event import TranscriptionUnknownEvent

__all__ = ["TranscriptionStreamEvent"]

TranscriptionStreamEvent: TypeAlias = (
    TranscriptionTextSegmentEvent | TranscriptionTextDeltaEvent | TranscriptionTextDoneEvent
)
if not TYPE_CHECKING:
    TranscriptionStreamEvent = open_union(TranscriptionStreamEvent, TranscriptionUnknownEvent)
