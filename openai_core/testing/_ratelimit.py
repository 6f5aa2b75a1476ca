"""Rate limits the embedded server enforces, chosen by the API key: ``sk-rpm-<N>`` (or
``sk-rpm-<N>-<anything>``, a separate budget per key) allows N requests a minute, ``sk-tpm-<M>`` M tokens a
minute, ``sk-rpm-<N>-tpm-<M>`` both. Each is counted over a sliding one-second window (N/60 requests,
M/60 tokens a second) and answered like the real API: 429 with ``retry-after-ms`` when exceeded, and
``x-ratelimit-*`` headers on every answer.

A request's tokens are counted as the API documents its estimate: the characters of its text (every
string in the body but ``model``) over four, plus the completion budget it asks for (``max_tokens`` /
``max_completion_tokens`` / ``max_output_tokens``).
"""

from __future__ import annotations

import re
import time
from collections import Counter, deque
from typing import Any

__all__ = ["RateLimits", "token_cost"]

_KEY = re.compile(r"Bearer (sk-(?:rpm-(\d+))?(?:-?tpm-(\d+))?(?:-[\w-]+)?)")


def _text_chars(value: Any) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return sum(_text_chars(v) for k, v in value.items() if k != "model")
    if isinstance(value, list):
        return sum(_text_chars(v) for v in value)
    return 0


def token_cost(body: Any) -> int:
    if not isinstance(body, dict):
        return 0
    budget = body.get("max_completion_tokens") or body.get("max_tokens") or body.get("max_output_tokens") or 0
    return _text_chars(body) // 4 + (budget if isinstance(budget, int) and budget > 0 else 0)


class _Window:
    """What was admitted in the last second: (time, cost) pairs and their sum."""

    __slots__ = ("entries", "used")

    def __init__(self) -> None:
        self.entries: deque[tuple[float, int]] = deque()
        self.used = 0

    def trim(self, now: float) -> None:
        entries = self.entries
        while entries and now - entries[0][0] >= 1.0:
            self.used -= entries.popleft()[1]

    def reset_ms(self, now: float) -> int:
        return 0 if not self.entries else int((1.0 - (now - self.entries[0][0])) * 1000) + 1


class RateLimits:
    def __init__(self) -> None:
        self._requests: dict[str, _Window] = {}
        self._tokens: dict[str, _Window] = {}
        self.rejected = 0
        self.max_in_window = 0
        #: Per API key: requests admitted, requests answered 429, most admitted in one second.
        self.admitted_by_key: Counter[str] = Counter()
        self.rejected_by_key: Counter[str] = Counter()
        self.peak_by_key: Counter[str] = Counter()
        #: Per API key: tokens admitted, and the most admitted in one second.
        self.tokens_by_key: Counter[str] = Counter()
        self.token_peak_by_key: Counter[str] = Counter()

    def check(self, authorization: str | None, body: Any = None) -> tuple[bool, dict[str, str]]:
        """(allowed, headers to send) for one request carrying ``authorization`` (and ``body``)."""
        match = _KEY.fullmatch(authorization or "")
        if match is None or not (match.group(2) or match.group(3)):
            return True, {}
        key = match.group(1)
        rpm = int(match.group(2)) if match.group(2) else None
        tpm = int(match.group(3)) if match.group(3) else None
        now = time.monotonic()
        headers: dict[str, str] = {}
        allowed = True
        cost = token_cost(body) if tpm else 0
        for kind, limit, amount, windows in (("requests", rpm, 1, self._requests), ("tokens", tpm, cost, self._tokens)):
            if limit is None:
                continue
            per_second = max(1, limit // 60)
            window = windows.setdefault(key, _Window())
            window.trim(now)
            # A request bigger than a second's budget still passes through an empty window (no livelock).
            over = window.used + amount > per_second and window.used > 0
            headers[f"x-ratelimit-limit-{kind}"] = str(limit)
            headers[f"x-ratelimit-remaining-{kind}"] = str(max(0, per_second - window.used - (0 if over else amount)))
            headers[f"x-ratelimit-reset-{kind}"] = f"{window.reset_ms(now)}ms"
            if over:
                allowed = False
                headers["retry-after-ms"] = str(max(int(headers.get("retry-after-ms", "0")), window.reset_ms(now)))
        if not allowed:
            self.rejected += 1
            self.rejected_by_key[key] += 1
            return False, headers
        self.admitted_by_key[key] += 1
        if rpm is not None:
            window = self._requests[key]
            window.entries.append((now, 1))
            window.used += 1
            self.max_in_window = max(self.max_in_window, window.used)
            self.peak_by_key[key] = max(self.peak_by_key[key], window.used)
        if tpm is not None:
            window = self._tokens[key]
            window.entries.append((now, cost))
            window.used += cost
            self.tokens_by_key[key] += cost
            self.token_peak_by_key[key] = max(self.token_peak_by_key[key], window.used)
        return True, headers

    def snapshot(self) -> dict[str, Any]:
        """The counters as JSON (``GET /_mock/rate_limits``)."""
        return {
            "rejected": self.rejected,
            "admitted_by_key": dict(self.admitted_by_key),
            "rejected_by_key": dict(self.rejected_by_key),
            "peak_by_key": dict(self.peak_by_key),
            "tokens_by_key": dict(self.tokens_by_key),
            "token_peak_by_key": dict(self.token_peak_by_key),
        }
