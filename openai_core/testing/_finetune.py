"""Fine-tuning jobs: the per-server store and the ``/v1/fine_tuning/jobs`` handlers."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ._common import ApiError, dumps
from ._data import cancel_event, generated_job, make_checkpoints, make_events, make_job

if TYPE_CHECKING:
    from ._state import ServerState

__all__ = [
    "FineTuningStore",
    "cancel_job",
    "create_job",
    "get_job",
    "list_checkpoints",
    "list_events",
    "list_jobs",
    "paginate",
]


class FineTuningStore:
    """Jobs newest first (``ftjob-00000`` is the newest of the generated ones)."""

    def __init__(self, num_jobs: int) -> None:
        self.jobs: list[dict[str, Any]] = [generated_job(i) for i in range(num_jobs)]
        self.by_id: dict[str, dict[str, Any]] = {j["id"]: j for j in self.jobs}
        self.events: dict[str, list[dict[str, Any]]] = {j["id"]: make_events(j) for j in self.jobs}
        self.checkpoints: dict[str, list[dict[str, Any]]] = {j["id"]: make_checkpoints(j) for j in self.jobs}
        self._next = num_jobs

    def get(self, job_id: str) -> dict[str, Any]:
        job = self.by_id.get(job_id)
        if job is None:
            raise ApiError(404, f"Could not find fine-tuning job: {job_id}", param="fine_tuning_job_id",
                           code="fine_tuning_job_not_found")
        return job

    def create(self, body: Mapping[str, Any]) -> dict[str, Any]:
        job_id = f"ftjob-{self._next:05d}"
        self._next += 1
        newest = self.jobs[0]["created_at"] if self.jobs else 0
        hp = body.get("hyperparameters")
        method = body.get("method")
        if hp is None and isinstance(method, dict):
            inner = method.get(method.get("type", "supervised"))
            if isinstance(inner, dict) and isinstance(inner.get("hyperparameters"), dict):
                hp = inner["hyperparameters"]
        seed = body.get("seed")
        job = make_job(
            job_id,
            created_at=max(int(time.time()), newest + 1),
            model=body["model"],
            training_file=body["training_file"],
            validation_file=body.get("validation_file"),
            hyperparameters=dict(hp) if isinstance(hp, dict) else None,
            seed=seed if isinstance(seed, int) else 42,
            suffix=body.get("suffix"),
            metadata=body.get("metadata"),
            integrations=body.get("integrations"),
        )
        self.jobs.insert(0, job)
        self.by_id[job_id] = job
        self.events[job_id] = make_events(job)
        self.checkpoints[job_id] = []
        return job

    def set_paused(self, job_id: str, paused: bool) -> dict[str, Any]:
        """Pause a job that is still working, or resume a paused one; anything else is a 400."""
        job = self.get(job_id)
        allowed = ("paused",) if not paused else ("validating_files", "queued", "running")
        if job["status"] not in allowed:
            verb = "paused" if paused else "resumed"
            raise ApiError(400, f"Job {job_id} is {job['status']} and cannot be {verb}.",
                           param="fine_tuning_job_id", code="invalid_job_status")
        job["status"] = "paused" if paused else "running"
        return job

    def cancel(self, job_id: str) -> dict[str, Any]:
        job = self.get(job_id)
        job["status"] = "cancelled"
        events = self.events[job_id]
        events.insert(0, cancel_event(job, events, max(int(time.time()), job["created_at"])))
        return job


# ------------------------------------------------------------------------------------------ paging


def _query(request: web.BaseRequest, name: str) -> str | None:
    """A query parameter; when repeated, the last value wins (as in the request log)."""
    values = request.query.getall(name, None)
    return values[-1] if values else None


def _limit(request: web.BaseRequest, default: int) -> int:
    raw = _query(request, "limit")
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if not 1 <= value <= 100:
        raise ApiError(400, f"Invalid limit {raw!r}: must be an integer between 1 and 100.",
                       param="limit", code="invalid_value")
    return value


def paginate(request: web.BaseRequest, items: Sequence[dict[str, Any]], default_limit: int = 20) -> bytes:
    """A cursor page: the items after the one whose id is ``?after=`` (all from the start without it)."""
    return dumps(cursor_page(request, items, default_limit))


def cursor_page(request: web.BaseRequest, items: Sequence[dict[str, Any]], default_limit: int = 20) -> dict[str, Any]:
    """:func:`paginate`'s page as a dict, for lists that add fields to it."""
    limit = _limit(request, default_limit)
    after = _query(request, "after")
    start = 0
    if after is not None:
        for i, item in enumerate(items):
            if item["id"] == after:
                start = i + 1
                break
        else:
            raise ApiError(400, f"Invalid after: no item with id {after!r}.", param="after",
                           code="invalid_value")
    data = items[start:start + limit]
    return {"object": "list", "data": list(data), "has_more": start + limit < len(items)}


# ---------------------------------------------------------------------------------------- handlers


def _require_str(body: Mapping[str, Any], name: str) -> None:
    if not isinstance(body.get(name), str) or not body[name]:
        raise ApiError(400, f"Missing required parameter: '{name}'.", param=name, code="missing_required_parameter")


def list_jobs(state: ServerState, request: web.Request, body: Any) -> bytes:
    return paginate(request, state.fine_tuning.jobs)


def create_job(state: ServerState, request: web.Request, body: Any) -> bytes:
    _require_str(body, "model")
    _require_str(body, "training_file")
    return dumps(state.fine_tuning.create(body))


def get_job(state: ServerState, request: web.Request, body: Any) -> bytes:
    return dumps(state.fine_tuning.get(request.match_info["job_id"]))


def cancel_job(state: ServerState, request: web.Request, body: Any) -> bytes:
    return dumps(state.fine_tuning.cancel(request.match_info["job_id"]))


def pause_job(state: ServerState, request: web.Request, body: Any) -> bytes:
    return dumps(state.fine_tuning.set_paused(request.match_info["job_id"], True))


def resume_job(state: ServerState, request: web.Request, body: Any) -> bytes:
    return dumps(state.fine_tuning.set_paused(request.match_info["job_id"], False))


def list_events(state: ServerState, request: web.Request, body: Any) -> bytes:
    job = state.fine_tuning.get(request.match_info["job_id"])
    return paginate(request, state.fine_tuning.events[job["id"]])


def list_checkpoints(state: ServerState, request: web.Request, body: Any) -> bytes:
    job = state.fine_tuning.get(request.match_info["job_id"])
    return paginate(request, state.fine_tuning.checkpoints[job["id"]], default_limit=10)
