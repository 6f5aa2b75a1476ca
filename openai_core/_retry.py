"""Retry decisions as pure functions of their inputs: what to retry and how long to wait."""

from __future__ import annotations

import email.utils
import random
import re
import time
from collections.abc import Callable, Mapping

__all__ = [
    "INITIAL_RETRY_DELAY",
    "MAX_RETRY_AFTER",
    "MAX_RETRY_DELAY",
    "estimate_tokens",
    "parse_reset",
    "parse_retry_after",
    "retry_delay",
    "should_retry_status",
]

INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
# A server asking for more than this is ignored in favour of our own backoff: a minute-long sleep inside
# a request is worse for the caller than a quick retry that may fail again.
MAX_RETRY_AFTER = 60.0

_RETRYABLE_STATUSES = frozenset({408, 409, 429})


def should_retry_status(status_code: int, headers: Mapping[str, str]) -> bool:
    """Whether a failed status is worth another attempt. ``x-should-retry: true|false`` from the server
    overrides the status table (408, 409, 429 and 5xx retry)."""
    override = headers.get("x-should-retry")
    if override == "true":
        return True
    if override == "false":
        return False
    return status_code in _RETRYABLE_STATUSES or status_code >= 500


def parse_retry_after(headers: Mapping[str, str], *, now: Callable[[], float] = time.time) -> float | None:
    """Seconds the server asked us to wait, from ``retry-after-ms``, ``retry-after`` in seconds, or an
    HTTP-date; None when absent, unparsable, negative or not finite."""
    value = headers.get("retry-after-ms")
    if value is not None:
        try:
            seconds = float(value) / 1000.0
        except ValueError:
            seconds = -1.0
        if 0 <= seconds < float("inf"):
            return seconds
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        parsed = email.utils.parsedate_tz(value)
        if parsed is None:
            return None
        seconds = email.utils.mktime_tz(parsed) - now()
    if not (0 <= seconds < float("inf")):
        return None
    return seconds


def retry_delay(
    retries_taken: int,
    headers: Mapping[str, str] | None = None,
    *,
    rand: Callable[[], float] = random.random,
    now: Callable[[], float] = time.time,
) -> float:
    """How long to sleep before attempt ``retries_taken + 1``.

    A server's ``retry-after(-ms)`` between 0 and 60 s is obeyed as is. Otherwise exponential backoff
    from 0.5 s doubling to at most 8 s, minus up to 25 % jitter so that clients that failed together do
    not retry together.
    """
    if headers is not None:
        asked = parse_retry_after(headers, now=now)
        if asked is not None and asked <= MAX_RETRY_AFTER:
            return asked
    delay = min(INITIAL_RETRY_DELAY * (2.0 ** min(retries_taken, 16)), MAX_RETRY_DELAY)
    return delay * (1.0 - 0.25 * rand())


_DURATION = re.compile(r"(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+(?:\.\d+)?)ms)?")


def parse_reset(value: str | None) -> float | None:
    """Seconds from an ``x-ratelimit-reset-*`` value (``"1s"``, ``"6m0s"``, ``"20ms"``, ``"0.5"``)."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    match = _DURATION.fullmatch(value.strip())
    if match is None or not any(match.groups()):
        return None
    h, m, s, ms = (float(g) if g else 0.0 for g in match.groups())
    return h * 3600 + m * 60 + s + ms / 1000


def estimate_tokens(body: Mapping[str, object] | None) -> float:
    """A cheap upper-ish estimate of a request's tokens: ~4 characters a token of its JSON, plus the
    completion budget it asks for."""
    if not body:
        return 0.0
    text = sum(len(str(v)) for v in body.values())
    completion = body.get("max_completion_tokens") or body.get("max_tokens") or 0
    # Only a sane count: a NaN, infinite or negative one would poison or stall the shared token bucket.
    if not isinstance(completion, int | float) or not 0 <= completion < float("inf"):
        completion = 0
    return text / 4.0 + float(completion)
