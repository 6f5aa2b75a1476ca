"""Counters of a run, the live progress display and the final summary.

On a terminal the display is one line redrawn in place (done/total, req/s, tokens/s, 429s, errors, ETA);
otherwise (a log file, CI) a plain line every ``interval`` seconds, so logs stay readable.
"""

from __future__ import annotations

import sys
import time
from dataclasses import asdict, dataclass, field
from typing import Any, TextIO

__all__ = ["BatchSummary", "Counters", "ProgressDisplay"]


@dataclass(slots=True)
class Counters:
    """Everything counted while a run goes; one instance per run (per worker on Ray, then summed)."""

    succeeded: int = 0
    failed: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    attempts: int = 0
    rate_limited: int = 0
    server_errors: int = 0

    def add(self, other: Counters) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def written(self) -> int:
        return self.succeeded + self.failed


@dataclass
class BatchSummary:
    """What a run did. Token totals cover the whole output file (earlier runs included), so they equal
    the sum of ``usage`` over its lines; ``*_this_run`` fields cover this run only."""

    input_path: str
    output_path: str
    total: int
    """custom_ids in the input."""
    answered: int
    """custom_ids with a line in the output now."""
    answered_before: int
    """... of which were there when this run started."""
    succeeded: int
    failed: int
    """Lines whose request failed for good (status >= 400 after retries, or no answer): the whole output."""
    prompt_tokens: int
    completion_tokens: int
    sent_this_run: int
    attempts_this_run: int
    rate_limited_this_run: int
    """429 answers seen (each was retried)."""
    server_errors_this_run: int
    sent_again: int
    """Requests in flight when the previous run stopped, sent again by this one."""
    torn_bytes_repaired: int
    elapsed: float
    interrupted: bool = False
    engine: str = "local"
    via: str = "live"
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return self.answered == self.total

    @property
    def requests_per_second(self) -> float:
        return self.sent_this_run / self.elapsed if self.elapsed > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "complete": self.complete, "requests_per_second": self.requests_per_second}

    def render(self) -> str:
        state = "complete" if self.complete else ("interrupted" if self.interrupted else "incomplete")
        lines = [
            f"batch {state}: {self.answered:,} of {self.total:,} custom_ids answered in {self.output_path} "
            f"({self.answered - self.answered_before:,} this run, {self.answered_before:,} before)",
            f"  succeeded {self.succeeded:,}, failed for good {self.failed:,}",
            f"  tokens (whole output): prompt {self.prompt_tokens:,}, completion {self.completion_tokens:,}",
            f"  this run: {self.sent_this_run:,} requests in {self.elapsed:.1f} s "
            f"({self.requests_per_second:,.1f} req/s), {max(0, self.attempts_this_run - self.sent_this_run):,} retries, "
            f"{self.rate_limited_this_run:,} answered 429, {self.server_errors_this_run:,} answered 5xx",
            f"  sent again (in flight when the last run stopped): {self.sent_again:,}"
            + (f"; torn last line repaired ({self.torn_bytes_repaired} bytes)" if self.torn_bytes_repaired else ""),
        ]
        if self.interrupted and not self.complete:
            lines.append("  rerun the same command to continue where this run stopped")
        return "\n".join(lines)


class ProgressDisplay:
    """``update(counters)`` whenever convenient; it draws at most every ``interval`` seconds."""

    def __init__(self, total: int, done_before: int, *, stream: TextIO | None = None,
                 enabled: bool = True, interval: float | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.tty = enabled and bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval = interval if interval is not None else (0.25 if self.tty else 10.0)
        self.total = total
        self.done_before = done_before
        self.started = time.monotonic()
        self._last_draw = self.started
        self._drawn = False

    def update(self, counters: Counters, *, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last_draw < self.interval:
            return
        self._last_draw = now
        elapsed = max(now - self.started, 1e-9)
        done = self.done_before + counters.written
        rate = counters.written / elapsed
        tokens = (counters.prompt_tokens + counters.completion_tokens) / elapsed
        left = self.total - done
        eta = f"{left / rate:,.0f}s" if rate > 0 else "?"
        stats = (f"{done:,}/{self.total:,} {rate:,.1f} req/s {tokens:,.0f} tok/s "
                 f"429s {counters.rate_limited:,} errors {counters.failed:,} ETA {eta}")
        if self.tty:
            width = 24
            filled = int(width * done / self.total) if self.total else width
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {stats}\x1b[K")
            self._drawn = True
        else:
            self.stream.write(f"batch: {stats}\n")
        self.stream.flush()

    def finish(self, counters: Counters) -> None:
        if not self.enabled:
            return
        self.update(counters, force=True)
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
