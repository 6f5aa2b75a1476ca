"""``client.beta.threads.runs`` helpers that are more than one API call: wait for a run to stop, after
creating it or after handing it tool outputs. Bound as methods of ``AsyncRuns`` (``runs.py``)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import anyio
from typing_extensions import Unpack

from ....._resource import RequestOptionsParams
from .....types.beta.threads.run import Run
from .....types.beta.threads.run_create_params import RunCreateParamsBase
from .....types.beta.threads.run_submit_tool_outputs_params import RunSubmitToolOutputsParamsBase
from ...._poll import poll_interval_seconds

if TYPE_CHECKING:
    from .runs import AsyncRuns

__all__ = ["TERMINAL_STATUSES", "create_and_poll", "poll", "submit_tool_outputs_and_poll"]

# Where a run stops until someone acts (`requires_action`: tool outputs are due) or for good.
TERMINAL_STATUSES = frozenset({"requires_action", "cancelled", "completed", "failed", "expired", "incomplete"})


_ = time  # the sync twin sleeps with time.sleep (scripts/unasync.py rewrites anyio.sleep)


class CreateAndPollParams(RunCreateParamsBase, RequestOptionsParams, total=False):
    pass


class SubmitToolOutputsAndPollParams(RunSubmitToolOutputsParamsBase, RequestOptionsParams, total=False):
    pass


async def poll(
    self: AsyncRuns,
    run_id: str,
    thread_id: str,
    *,
    poll_interval_ms: int | None = None,
    **request_options: Unpack[RequestOptionsParams],
) -> Run:
    """Retrieve the run until it reaches a terminal status (``TERMINAL_STATUSES``). The interval is
    ``poll_interval_ms``, else what the server asks for (``openai-poll-after-ms``), else a second."""
    while True:
        response = await self.with_raw_response.retrieve(run_id, thread_id=thread_id, **request_options)
        run = response.parse()
        if run.status in TERMINAL_STATUSES:
            return run
        await anyio.sleep(poll_interval_seconds(poll_interval_ms, response.headers))


async def create_and_poll(
    self: AsyncRuns, *, thread_id: str, poll_interval_ms: int | None = None, **params: Unpack[CreateAndPollParams]
) -> Run:
    """Create a run (not streamed) and wait for it to reach a terminal status. The request options
    (``extra_headers``...) go with every request, as in the official SDK."""
    run = await self.create(thread_id, **params, stream=False)
    return await poll(self, run.id, thread_id, poll_interval_ms=poll_interval_ms, **_request_options(params))


async def submit_tool_outputs_and_poll(
    self: AsyncRuns,
    *,
    run_id: str,
    thread_id: str,
    poll_interval_ms: int | None = None,
    **params: Unpack[SubmitToolOutputsAndPollParams],
) -> Run:
    """Hand a run its tool outputs (not streamed) and wait for it to reach a terminal status again."""
    run = await self.submit_tool_outputs(run_id, thread_id=thread_id, **params, stream=False)
    return await poll(self, run.id, thread_id, poll_interval_ms=poll_interval_ms, **_request_options(params))


def _request_options(params: CreateAndPollParams | SubmitToolOutputsAndPollParams) -> RequestOptionsParams:
    options: RequestOptionsParams = {}
    for key in RequestOptionsParams.__annotations__:
        if key in params:
            options[key] = params[key]  # type: ignore[literal-required]
    return options
