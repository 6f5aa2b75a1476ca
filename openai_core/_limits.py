"""Bounds a client keeps against a hostile or broken server, and the errors for crossing them. Pure
values and functions, shared by the async and the sync client.

- A body read whole stops at ``max_response_bytes`` (decoded bytes, so a gzip bomb stops too).
- An error body is quoted from its first ``ERROR_BODY_LIMIT`` bytes, however long it is.
- A server-sent event stops at ``max_event_bytes`` (its data lines plus any unfinished line).
- ``Timeout.total`` is a deadline over every attempt, the backoff between them and the body.
"""

from __future__ import annotations

from typing import Final

from ._exceptions import APIResponseValidationError, APITimeoutError
from ._types import Timeout
from .transports._common import HTTPResponse, Request

__all__ = [
    "DEFAULT_MAX_EVENT_BYTES",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "ERROR_BODY_LIMIT",
    "check_limit",
    "clip_to_deadline",
    "deadline_error",
    "too_large_error",
]

# Far above any JSON answer the API gives (the largest are list pages and embeddings batches, a few MB).
DEFAULT_MAX_RESPONSE_BYTES: Final = 64 * 1024 * 1024
# Far above any event the API streams (a Responses `response.completed` repeats the whole output).
DEFAULT_MAX_EVENT_BYTES: Final = 16 * 1024 * 1024
# Enough for any real error, and to quote.
ERROR_BODY_LIMIT: Final = 64 * 1024


def check_limit(name: str, value: object) -> int | None:
    """``value`` if it is a usable byte limit (a positive int, or None for no limit)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"{name} must be a positive int (bytes) or None for no limit, got {value!r}")
    return value


def _mib(limit: int) -> str:
    return f"{limit / 2**20:g} MiB"


def too_large_error(response: HTTPResponse, limit: int) -> APIResponseValidationError:
    message = (
        f"The {response.status_code} response body is longer than max_response_bytes={limit} "
        f"({_mib(limit)}, decoded; request id {response.headers.get('x-request-id')}, content-type "
        f"{response.headers.get('content-type')!r}); reading stopped there. Raise or lift the limit with "
        "max_response_bytes= on the client or with_options() (None: no limit), or stream the body with "
        ".with_streaming_response."
    )
    return APIResponseValidationError(response, None, message=message)


def event_too_large_message(limit: int) -> str:
    return (
        f"A server-sent event is longer than max_event_bytes={limit} ({_mib(limit)}); the stream was "
        "closed. Raise or lift the limit with max_event_bytes= on the client or with_options() (None: no limit)."
    )


def deadline_error(request: Request) -> APITimeoutError:
    return APITimeoutError(
        request, message=f"Request timed out: the total timeout ({request.timeout.total} s) expired."
    )


def clip_to_deadline(phases: Timeout, left: float) -> Timeout:
    """The phase timeouts of the next attempt, none longer than the ``left`` seconds before the deadline
    (the sync client's way to keep it: it has no cancel scope, so each wait is clipped instead)."""

    def clip(value: float | None) -> float:
        return left if value is None else min(value, left)

    return Timeout(
        connect=clip(phases.connect), read=clip(phases.read), write=clip(phases.write), pool=clip(phases.pool),
        total=phases.total,
    )
