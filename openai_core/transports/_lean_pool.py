"""The lean backend's keep-alive pool: idle connections per origin in a stack, one cap over all origins.

Taking an idle connection is a dict lookup and a pop (no await, no scan), so a request costs the same
at 1 or 1,000 connections. Past the cap a request waits (bounded by the pool timeout) for a connection
to be released or closed; an idle connection to another origin is closed to make room.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable

from ._lean_conn import LeanConnection, arm_timeout
from .base import TransportTimeoutError

__all__ = ["LeanPool"]


class LeanPool:
    __slots__ = ("_all", "_idle", "_keepalive", "_limit", "_opening", "_waiters", "closed")

    def __init__(self, *, limit: int, keepalive_expiry: float) -> None:
        self._limit = limit
        self._keepalive = keepalive_expiry
        self._idle: dict[tuple[object, ...], list[LeanConnection]] = {}
        self._all: set[LeanConnection] = set()
        self._opening = 0  # connects under way: they count against the cap
        self._waiters: deque[asyncio.Future[None]] = deque()
        self.closed = False

    def _take_idle(self, key: tuple[object, ...], now: float) -> LeanConnection | None:
        stack = self._idle.get(key)
        while stack:
            connection = stack.pop()
            if connection.lost or not connection.reusable or now - connection.idle_since > self._keepalive:
                self._drop(connection)
                continue
            return connection
        return None

    def _evict_other_idle(self) -> bool:
        for stack in self._idle.values():
            if stack:
                self._drop(stack.pop(0))  # the longest idle
                return True
        return False

    async def acquire(
        self,
        loop: asyncio.AbstractEventLoop,
        key: tuple[object, ...],
        connect: Callable[[], Awaitable[LeanConnection]],
        pool_timeout: float | None,
    ) -> LeanConnection:
        now = loop.time()
        connection = self._take_idle(key, now)
        if connection is not None:
            return connection
        deadline = None if pool_timeout is None else now + pool_timeout
        while len(self._all) + self._opening >= self._limit and not self._evict_other_idle():
            waiter: asyncio.Future[None] = loop.create_future()
            self._waiters.append(waiter)
            left = None if deadline is None else max(0.0, deadline - loop.time())
            handle = arm_timeout(loop, waiter, left, "waiting for a pooled connection")
            try:
                await waiter
            except TransportTimeoutError:
                raise TransportTimeoutError("PoolTimeout: no connection became free in time") from None
            except BaseException:
                if waiter.done() and not waiter.cancelled() and waiter.exception() is None:
                    self._wake_one()  # the slot this waiter was given goes to the next one
                raise
            finally:
                if handle is not None:
                    handle.cancel()
                if waiter in self._waiters:
                    self._waiters.remove(waiter)
            connection = self._take_idle(key, loop.time())
            if connection is not None:
                return connection
        self._opening += 1
        try:
            connection = await connect()
        finally:
            self._opening -= 1
        if self.closed:
            connection.close()
            raise RuntimeError("Cannot send a request, as the client has been closed.")
        self._all.add(connection)
        return connection

    def release(self, connection: LeanConnection, loop: asyncio.AbstractEventLoop) -> None:
        """The request on ``connection`` is over: pool it if it can carry another, else close it."""
        if connection.finish() and not self.closed:
            connection.idle_since = loop.time()
            self._idle.setdefault(connection.key, []).append(connection)
        else:
            self._drop(connection)
        self._wake_one()

    def _drop(self, connection: LeanConnection) -> None:
        connection.close()
        self._all.discard(connection)

    def _wake_one(self) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return

    def close(self) -> None:
        """Close every connection; reads under way fail at once (connection_lost)."""
        self.closed = True
        for connection in list(self._all):
            connection.close()
        self._all.clear()
        self._idle.clear()
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
