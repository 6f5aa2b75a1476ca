"""``client.fine_tuning.jobs`` and ``client.fine_tuning.jobs.checkpoints``."""

from __future__ import annotations

from functools import cached_property

from typing_extensions import Unpack

from ..._params import ParamSpec
from ..._resource import AsyncAPIResource, RequestOptionsParams, options
from ...pagination import AsyncCursorPage, AsyncPaginator
from ...types.fine_tuning import FineTuningJob, FineTuningJobEvent
from ...types.fine_tuning.job_create_params import JobCreateParams
from ...types.fine_tuning.job_list_events_params import JobListEventsParams
from ...types.fine_tuning.job_list_params import JobListParams
from ...types.fine_tuning.jobs import FineTuningJobCheckpoint
from .._paths import path_param

__all__ = ["AsyncCheckpoints", "AsyncJobs"]


class CreateParams(JobCreateParams, RequestOptionsParams, total=False):
    pass


class ListParams(JobListParams, RequestOptionsParams, total=False):
    pass


class ListEventsParams(JobListEventsParams, RequestOptionsParams, total=False):
    pass


_CREATE = ParamSpec("create", JobCreateParams)
_LIST = ParamSpec("list", JobListParams)
_LIST_EVENTS = ParamSpec("list_events", JobListEventsParams)
# The checkpoints list takes the same cursor parameters as the events list.
_LIST_CHECKPOINTS = ParamSpec("list", JobListEventsParams)


def _job_path(job_id: str, suffix: str = "") -> str:
    return f"/fine_tuning/jobs/{path_param('fine_tuning_job_id', job_id)}{suffix}"


class AsyncJobs(AsyncAPIResource):
    __slots__ = ("__dict__",)

    @cached_property
    def checkpoints(self) -> AsyncCheckpoints:
        return AsyncCheckpoints(self._client)

    async def create(self, **params: Unpack[CreateParams]) -> FineTuningJob:
        """Start a fine-tuning job."""
        body, request_options = _CREATE.split(params)
        return await self._pipeline.request(
            options("POST", "/fine_tuning/jobs", request_options, body=body), FineTuningJob
        )

    async def retrieve(
        self, fine_tuning_job_id: str, **request_options: Unpack[RequestOptionsParams]
    ) -> FineTuningJob:
        return await self._pipeline.request(
            options("GET", _job_path(fine_tuning_job_id), request_options), FineTuningJob
        )

    def list(self, **params: Unpack[ListParams]) -> AsyncPaginator[FineTuningJob, AsyncCursorPage[FineTuningJob]]:
        """Your fine-tuning jobs, newest first, a cursor page at a time."""
        query, request_options = _LIST.split(params)
        call = options("GET", "/fine_tuning/jobs", request_options, query=query)
        return AsyncPaginator(self._pipeline, call, AsyncCursorPage[FineTuningJob])

    async def cancel(
        self, fine_tuning_job_id: str, **request_options: Unpack[RequestOptionsParams]
    ) -> FineTuningJob:
        return await self._pipeline.request(
            options("POST", _job_path(fine_tuning_job_id, "/cancel"), request_options), FineTuningJob
        )

    async def pause(
        self, fine_tuning_job_id: str, **request_options: Unpack[RequestOptionsParams]
    ) -> FineTuningJob:
        """Pause a running job; ``resume`` picks it up where it stopped."""
        return await self._pipeline.request(
            options("POST", _job_path(fine_tuning_job_id, "/pause"), request_options), FineTuningJob
        )

    async def resume(
        self, fine_tuning_job_id: str, **request_options: Unpack[RequestOptionsParams]
    ) -> FineTuningJob:
        return await self._pipeline.request(
            options("POST", _job_path(fine_tuning_job_id, "/resume"), request_options), FineTuningJob
        )

    def list_events(
        self, fine_tuning_job_id: str, **params: Unpack[ListEventsParams]
    ) -> AsyncPaginator[FineTuningJobEvent, AsyncCursorPage[FineTuningJobEvent]]:
        query, request_options = _LIST_EVENTS.split(params)
        call = options("GET", _job_path(fine_tuning_job_id, "/events"), request_options, query=query)
        return AsyncPaginator(self._pipeline, call, AsyncCursorPage[FineTuningJobEvent])


class AsyncCheckpoints(AsyncAPIResource):
    __slots__ = ()

    def list(
        self, fine_tuning_job_id: str, **params: Unpack[ListEventsParams]
    ) -> AsyncPaginator[FineTuningJobCheckpoint, AsyncCursorPage[FineTuningJobCheckpoint]]:
        query, request_options = _LIST_CHECKPOINTS.split(params)
        call = options("GET", _job_path(fine_tuning_job_id, "/checkpoints"), request_options, query=query)
        return AsyncPaginator(self._pipeline, call, AsyncCursorPage[FineTuningJobCheckpoint])


