"""One request of a batch: sent through the client's pipeline (its retries, backoff and rate limiter),
answered as one output line. Shared by the local engine and the Ray workers."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import TYPE_CHECKING

from .._exceptions import APIConnectionError, APIStatusError, APITimeoutError, RateLimitError
from .._pipeline import RequestOptions
from ._idset import id_digest
from ._input import BatchRequest
from ._output import Outcome, answer_line, error_line, response_line
from ._progress import Counters

if TYPE_CHECKING:
    from .._client import AsyncOpenAI

__all__ = ["ON_FIRST_RELEASE", "RequestSender"]

# Called by the batch limiter when it first releases the current task's request: the moment its bytes are
# about to go out (before, it only waited), so the journal counts as "in flight" only what really was.
ON_FIRST_RELEASE: ContextVar[Callable[[], None] | None] = ContextVar("openai_core_batch_on_release", default=None)


def _once(callback: Callable[[], None]) -> Callable[[], None]:
    called = False

    def call() -> None:
        nonlocal called
        if not called:
            called = True
            callback()

    return call


def _permanent_429(exc: RateLimitError) -> bool:
    # A spent quota answers 429 too, but waiting does not refill it.
    return exc.code == "insufficient_quota" or exc.response.headers.get("x-should-retry") == "false"


class RequestSender:
    """``await send(request)`` -> the output line and its :data:`Outcome` (for the done journal, so
    the line is not parsed again to journal it). The pipeline retries transient failures
    (``max_retries``); a 429 that outlives those retries is sent again, after the pause the limiter took,
    until ``rate_limit_patience`` seconds have passed since that request's first 429: being rate limited
    never makes a request fail for good unless the server keeps refusing it that long."""

    def __init__(self, client: AsyncOpenAI, counters: Counters, *, rate_limit_patience: float = 600.0,
                 job_key: str = "") -> None:
        self._pipeline = client._pipeline
        self.counters = counters
        self.rate_limit_patience = rate_limit_patience
        self.job_key = job_key

    async def send(self, request: BatchRequest,
                   on_first_release: Callable[[], None] | None = None) -> tuple[bytes, Outcome]:
        digest = request.digest or id_digest(request.custom_id)
        # One Idempotency-Key per custom_id of this job, the same in every attempt and every rerun: a
        # server that honours the header answers a request sent again after a crash from its cache.
        key = f"openai-core-batch-{self.job_key}-{digest:016x}"
        options = RequestOptions("POST", request.path, body=request.body, extra_headers={"Idempotency-Key": key})
        if on_first_release is not None:
            ON_FIRST_RELEASE.set(_once(on_first_release))
        first_429: float | None = None
        while True:
            try:
                response = await self._pipeline.send(options, read_body=True)
            except RateLimitError as exc:
                now = time.monotonic()
                first_429 = first_429 if first_429 is not None else now
                if not _permanent_429(exc) and now - first_429 < self.rate_limit_patience:
                    continue
                return self._status_failure(request, exc), (digest, False, 0, 0)
            except APIStatusError as exc:
                return self._status_failure(request, exc), (digest, False, 0, 0)
            except APIConnectionError as exc:
                self.counters.failed += 1
                code = "timeout" if isinstance(exc, APITimeoutError) else "connection_error"
                return error_line(request.custom_id, code, f"{exc.message} (after every retry)"), (digest, False, 0, 0)
            status = response.status_code
            line, (prompt, completion) = answer_line(request.custom_id, status, response.headers.get("x-request-id"),
                                                     response.content)
            counters = self.counters
            counters.succeeded += 1
            counters.prompt_tokens += prompt
            counters.completion_tokens += completion
            return line, (digest, status < 400, prompt, completion)

    def _status_failure(self, request: BatchRequest, exc: APIStatusError) -> bytes:
        self.counters.failed += 1
        try:
            # The body as the server sent it (the error keeps the transport's response, which has it).
            content = getattr(exc.response, "content", b"")
        except RuntimeError:  # the error body could not be read
            content = b""
        if not isinstance(content, bytes):
            content = b""
        if not content:
            content = json.dumps({"error": exc.body}).encode() if exc.body is not None else b""
        return response_line(request.custom_id, exc.status_code, exc.request_id, content)
