"""What the polling helpers (``create_and_poll``, ``poll``, ``upload_and_poll``) share: the interval
the server asks for, and the deadline. Pure functions: the helpers do the I/O."""

from __future__ import annotations

import math
import time
from collections.abc import Mapping

__all__ = ["check_max_wait", "poll_interval_seconds", "remaining"]

DEFAULT_INTERVAL_MS = 1000


def poll_interval_seconds(poll_interval_ms: int | None, headers: Mapping[str, str]) -> float:
    """The caller's interval if given, else the server's ``openai-poll-after-ms`` hint, else a second (the
    official SDK's rule)."""
    if poll_interval_ms is not None:
        return poll_interval_ms / 1000
    hint = headers.get("openai-poll-after-ms")
    try:
        return int(hint) / 1000 if hint is not None else DEFAULT_INTERVAL_MS / 1000
    except ValueError:
        return DEFAULT_INTERVAL_MS / 1000


def check_max_wait(max_wait_seconds: float | None) -> float | None:
    """The deadline (monotonic clock) for ``max_wait_seconds``, checked before anything is sent."""
    if max_wait_seconds is None:
        return None
    if not math.isfinite(max_wait_seconds) or max_wait_seconds < 0:
        raise ValueError("Expected a finite, non-negative value for `max_wait_seconds`")
    return time.monotonic() + max_wait_seconds


def remaining(deadline: float | None, what: str) -> float:
    """Seconds left before ``deadline``; ``TimeoutError`` once it passed (processing goes on server-side)."""
    if deadline is None:
        return math.inf
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError(f"Timed out waiting for {what} to finish processing")
    return left
