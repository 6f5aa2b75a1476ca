"""What a WebSocket connection's ``on_reconnecting`` handler is given and may answer (the official SDK's
names): see ``client.realtime.connect(on_reconnecting=...)``."""

from __future__ import annotations

import dataclasses

from typing_extensions import TypedDict

from .._types import Headers, Query

__all__ = ["ReconnectingEvent", "ReconnectingOverrides"]


@dataclasses.dataclass(frozen=True)
class ReconnectingEvent:
    """One reconnection attempt, before its delay."""

    attempt: int  # 1-based
    max_attempts: int
    delay: float  # seconds this attempt waits before the handshake
    close_code: int  # the close that started the reconnection
    extra_query: Query
    extra_headers: Headers


class ReconnectingOverrides(TypedDict, total=False):
    """An ``on_reconnecting`` answer: new ``extra_query``/``extra_headers`` for the next handshake, or
    ``abort`` to stop reconnecting (the close is raised)."""

    extra_query: Query
    extra_headers: Headers
    abort: bool
