"""One rate limit for a whole cluster, as pure bookkeeping (no Ray here: the actor in ``_ray`` wraps it).

The cluster budget is a timeline per dimension (requests, tokens): ``lease`` books a block of units
right after the last block booked, whoever asked, and answers when the block starts and how fast it runs.
A worker then releases its waiting requests at those instants. Blocks never overlap, so however many
workers lease, the cluster together is paced like one bucket; and a worker asks for all its waiting
requests at once, so a limiter call per block, not per request, is the cost (the actor is never what caps
the cluster's rate).

A worker leases only for requests already waiting: booked instants are used as they come, never hoarded
and spent late in a burst.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ClusterBudget", "Lease"]


@dataclass(frozen=True, slots=True)
class Lease:
    """Instants on the budget's clock (the limiter actor passes wall-clock time: the same on every
    process of a machine, and within NTP's few milliseconds across machines; a relative delay would
    shift each block by its own reply latency and make blocks overlap). Request k of the block may go at
    ``request_start + k * request_spacing`` and not before ``token_start + (tokens before it) / token_rate``.
    A dimension without a budget has spacing / rate 0: no wait."""

    request_start: float = 0.0
    request_spacing: float = 0.0
    token_start: float = 0.0
    token_rate: float = 0.0

    def instants(self, tokens: list[float]) -> list[float]:
        """When each request of the block may go."""
        out = []
        spent = 0.0
        for k, amount in enumerate(tokens):
            at = self.request_start + k * self.request_spacing
            if self.token_rate:
                at = max(at, self.token_start + spent / self.token_rate)
                spent += amount
            out.append(at)
        return out


class _Timeline:
    __slots__ = ("burst", "next", "per_minute")

    def __init__(self, per_minute: float, burst_seconds: float) -> None:
        self.per_minute = per_minute
        self.burst = burst_seconds
        self.next = 0.0  # the first instant not yet booked

    @property
    def rate(self) -> float:
        return self.per_minute / 60.0

    def book(self, units: float, now: float) -> float:
        """Books ``units``; returns the block's start (up to ``burst`` in the past when idle)."""
        start = max(self.next, now - self.burst)
        # One absurd request may not hold the cluster for more than a minute (as the client's bucket).
        self.next = start + min(units, self.per_minute) / self.rate
        return start

    def pause(self, until: float) -> None:
        self.next = max(self.next, until)


class ClusterBudget:
    """The budgets (None: unlimited), adoption of a lower server limit, pauses."""

    def __init__(self, requests_per_minute: float | None, tokens_per_minute: float | None, *,
                 server_share: float, burst_seconds: float) -> None:
        self.server_share = server_share
        self.burst_seconds = burst_seconds
        self.requests = _Timeline(requests_per_minute, burst_seconds) if requests_per_minute else None
        self.tokens = _Timeline(tokens_per_minute, burst_seconds) if tokens_per_minute else None
        self.leases = 0

    @property
    def limited(self) -> bool:
        return self.requests is not None or self.tokens is not None

    def lease(self, tokens: list[float], now: float) -> Lease:
        self.leases += 1
        request_start = request_spacing = token_start = token_rate = 0.0
        if self.requests is not None:
            request_start = self.requests.book(len(tokens), now)
            request_spacing = 1.0 / self.requests.rate
        if self.tokens is not None and any(tokens):
            token_start = self.tokens.book(sum(tokens), now)
            token_rate = self.tokens.rate
        return Lease(request_start, request_spacing, token_start, token_rate)

    def adopt(self, kind: str, limit: float, now: float) -> None:
        """A server's declared per-minute limit: its share becomes the budget when lower than ours. The
        timeline keeps the instants already booked (its ``next``), so nothing is booked twice."""
        target = self.server_share * limit
        if not 0 < target < float("inf"):
            return
        timeline = self.requests if kind == "requests" else self.tokens
        if timeline is None:
            timeline = _Timeline(target, self.burst_seconds)
            timeline.next = now
            if kind == "requests":
                self.requests = timeline
            else:
                self.tokens = timeline
        elif target < timeline.per_minute:
            timeline.per_minute = target

    def pause(self, seconds: float, now: float) -> None:
        for timeline in (self.requests, self.tokens):
            if timeline is not None:
                timeline.pause(now + min(seconds, 60.0))
