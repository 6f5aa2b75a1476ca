"""``responses.stream()``: typed events with snapshots, and the completed response parsed.

The events and ``ResponseStreamState`` (the sans-IO accumulator) are shared with the sync client; the
stream and manager classes have generated sync twins (``ResponseStream``, ...).
"""

from ._events import ResponseCompletedEvent as ResponseCompletedEvent
from ._events import ResponseFunctionCallArgumentsDeltaEvent as ResponseFunctionCallArgumentsDeltaEvent
from ._events import ResponseStreamEvent as ResponseStreamEvent
from ._events import ResponseTextDeltaEvent as ResponseTextDeltaEvent
from ._events import ResponseTextDoneEvent as ResponseTextDoneEvent
from ._responses import AsyncResponseStream as AsyncResponseStream
from ._responses import AsyncResponseStreamManager as AsyncResponseStreamManager
from ._state import ResponseStreamState as ResponseStreamState
