"""``chat.completions.stream()``: typed events and the accumulated completion.

The events and ``ChatCompletionStreamState`` (the sans-IO accumulator) are shared with the sync client;
the stream and manager classes have generated sync twins (``ChatCompletionStream``, ...).
"""

from ._completions import AsyncChatCompletionStream as AsyncChatCompletionStream
from ._completions import AsyncChatCompletionStreamManager as AsyncChatCompletionStreamManager
from ._events import ChatCompletionStreamEvent as ChatCompletionStreamEvent
from ._events import ChunkEvent as ChunkEvent
from ._events import ContentDeltaEvent as ContentDeltaEvent
from ._events import ContentDoneEvent as ContentDoneEvent
from ._events import FunctionToolCallArgumentsDeltaEvent as FunctionToolCallArgumentsDeltaEvent
from ._events import FunctionToolCallArgumentsDoneEvent as FunctionToolCallArgumentsDoneEvent
from ._events import LogprobsContentDeltaEvent as LogprobsContentDeltaEvent
from ._events import LogprobsContentDoneEvent as LogprobsContentDoneEvent
from ._events import LogprobsRefusalDeltaEvent as LogprobsRefusalDeltaEvent
from ._events import LogprobsRefusalDoneEvent as LogprobsRefusalDoneEvent
from ._events import ParsedChatCompletionMessageSnapshot as ParsedChatCompletionMessageSnapshot
from ._events import ParsedChatCompletionSnapshot as ParsedChatCompletionSnapshot
from ._events import ParsedChoiceSnapshot as ParsedChoiceSnapshot
from ._events import RefusalDeltaEvent as RefusalDeltaEvent
from ._events import RefusalDoneEvent as RefusalDoneEvent
from ._state import ChatCompletionStreamState as ChatCompletionStreamState
