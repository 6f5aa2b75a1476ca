"""Rate limits the embedded server enforces, chosen by the API key: ``sk-rpm-<N>`` (or
``sk-rpm-<N>-<anything>``, a separate budget per key) allows N requests a minute, counted over a sliding
one-second window (N/60 a second), answered like the real API: 429 with ``retry-after-ms`` when exceeded,
and ``x-ratelimit-*`` headers on every answer."""

from __future__ import annotations

import re
import time
from collections import Counter, deque

__all__ = ["RateLimits"]

_KEY = re.compile(r"Bearer (sk-rpm-(\d+)(?:-[\w-]+)?)")


class RateLimits:
    def __init__(self) -> None:
        self._windows: dict[str, deque[float]] = {}
        self.rejected = 0
        self.max_in_window = 0
        #: Per API key: requests admitted, requests answered 429, most admitted in one second.
        self.admitted_by_key: Counter[str] = Counter()
        self.rejected_by_key: Counter[str] = Counter()
        self.peak_by_key: Counter[str] = Counter()

    def check(self, authorization: str | None) -> tuple[bool, dict[str, str]]:
        """(allowed, headers to send) for one request carrying ``authorization``."""
        match = _KEY.fullmatch(authorization or "")
        if match is None:
            return True, {}
        key, rpm = match.group(1), int(match.group(2))
        per_second = max(1, rpm // 60)
        now = time.monotonic()
        window = self._windows.setdefault(key, deque())
        while window and now - window[0] >= 1.0:
            window.popleft()
        reset_ms = 0 if not window else int((1.0 - (now - window[0])) * 1000) + 1
        if len(window) >= per_second:
            self.rejected += 1
            self.rejected_by_key[key] += 1
            return False, {
                "x-ratelimit-limit-requests": str(rpm),
                "x-ratelimit-remaining-requests": "0",
                "x-ratelimit-reset-requests": f"{reset_ms}ms",
                "retry-after-ms": str(reset_ms),
            }
        window.append(now)
        self.admitted_by_key[key] += 1
        self.max_in_window = max(self.max_in_window, len(window))
        self.peak_by_key[key] = max(self.peak_by_key[key], len(window))
        return True, {
            "x-ratelimit-limit-requests": str(rpm),
            "x-ratelimit-remaining-requests": str(per_second - len(window)),
            "x-ratelimit-reset-requests": f"{reset_ms}ms",
        }
