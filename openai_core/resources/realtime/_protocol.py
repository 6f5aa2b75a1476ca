"""The realtime names of the WebSocket protocol (``resources/_websocket_protocol.py``), where the
realtime work first put them."""

from .._websocket_protocol import *  # noqa: F403
from .._websocket_protocol import __all__ as __all__
