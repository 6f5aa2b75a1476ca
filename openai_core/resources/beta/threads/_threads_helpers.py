"""``client.beta.threads`` helpers that are more than one API call: create a thread and run it, then wait
for the run to stop. Bound as methods of ``AsyncThreads`` (``threads.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from typing_extensions import Unpack

from ...._resource import RequestOptionsParams
from ....types.beta.thread_create_and_run_params import ThreadCreateAndRunParamsBase
from ....types.beta.threads.run import Run
from .runs._runs_helpers import _request_options, poll

if TYPE_CHECKING:
    from .threads import AsyncThreads

__all__ = ["create_and_run_poll"]


class CreateAndRunPollParams(ThreadCreateAndRunParamsBase, RequestOptionsParams, total=False):
    pass


async def create_and_run_poll(
    self: AsyncThreads, *, poll_interval_ms: int | None = None, **params: Unpack[CreateAndRunPollParams]
) -> Run:
    """Create a thread and a run on it (not streamed), and wait for the run to reach a terminal status."""
    run = await self.create_and_run(**params, stream=False)
    return await poll(self.runs, run.id, run.thread_id, poll_interval_ms=poll_interval_ms,
                      **_request_options(params))  # type: ignore[arg-type]
