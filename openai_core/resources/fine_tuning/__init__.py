"""``client.fine_tuning``."""

from __future__ import annotations

from functools import cached_property

from ..._resource import AsyncAPIResource
from .alpha import AsyncAlpha
from .checkpoints import AsyncCheckpoints as AsyncFineTuningCheckpoints
from .jobs import AsyncCheckpoints, AsyncJobs

__all__ = ["AsyncAlpha", "AsyncCheckpoints", "AsyncFineTuning", "AsyncFineTuningCheckpoints", "AsyncJobs"]


class AsyncFineTuning(AsyncAPIResource):
    __slots__ = ("__dict__",)

    @cached_property
    def jobs(self) -> AsyncJobs:
        return AsyncJobs(self._client)

    @cached_property
    def checkpoints(self) -> AsyncFineTuningCheckpoints:
        return AsyncFineTuningCheckpoints(self._client)

    @cached_property
    def alpha(self) -> AsyncAlpha:
        return AsyncAlpha(self._client)
