"""``client.fine_tuning``."""

from __future__ import annotations

from functools import cached_property

from ..._resource import AsyncAPIResource
from .jobs import AsyncCheckpoints, AsyncJobs

__all__ = ["AsyncCheckpoints", "AsyncFineTuning", "AsyncJobs"]


class AsyncFineTuning(AsyncAPIResource):
    __slots__ = ("__dict__",)

    @cached_property
    def jobs(self) -> AsyncJobs:
        return AsyncJobs(self._client)
