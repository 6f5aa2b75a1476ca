"""Batches: the per-server store and the ``/v1/batches`` handlers.

A batch is ``validating`` when created; ``cancel`` makes it ``cancelling`` and the next read finds it
``cancelled`` (the API takes a while to stop the requests in flight; here one step stands for that)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ._common import ApiError, dumps
from ._finetune import paginate

if TYPE_CHECKING:
    from ._state import ServerState

__all__ = ["BatchStore", "cancel_batch", "create_batch", "get_batch", "list_batches"]

ENDPOINTS = frozenset({
    "/v1/responses", "/v1/chat/completions", "/v1/embeddings", "/v1/completions", "/v1/moderations",
    "/v1/images/generations", "/v1/images/edits", "/v1/videos",
})


class BatchStore:
    """Batches, newest first."""

    def __init__(self) -> None:
        self.batches: list[dict[str, Any]] = []
        self.by_id: dict[str, dict[str, Any]] = {}
        self._next = 1

    def create(self, body: dict[str, Any], input_lines: int) -> dict[str, Any]:
        batch_id = f"batch_{self._next:06d}"
        self._next += 1
        now = int(time.time())
        batch = {
            "id": batch_id, "object": "batch", "endpoint": body["endpoint"], "errors": None,
            "input_file_id": body["input_file_id"], "completion_window": body["completion_window"],
            "status": "validating", "output_file_id": None, "error_file_id": None, "created_at": now,
            "in_progress_at": None, "expires_at": now + 24 * 3600, "finalizing_at": None, "completed_at": None,
            "failed_at": None, "expired_at": None, "cancelling_at": None, "cancelled_at": None,
            "request_counts": {"total": input_lines, "completed": 0, "failed": 0},
            "metadata": body.get("metadata"),
        }
        self.batches.insert(0, batch)
        self.by_id[batch_id] = batch
        return batch

    def get(self, batch_id: str) -> dict[str, Any]:
        batch = self.by_id.get(batch_id)
        if batch is None:
            raise ApiError(404, f"No batch found with id '{batch_id}'.", param="batch_id", code="batch_not_found")
        if batch["status"] == "cancelling":
            batch["status"] = "cancelled"
            batch["cancelled_at"] = max(int(time.time()), batch["cancelling_at"])
        return batch


def create_batch(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    for name in ("input_file_id", "endpoint", "completion_window"):
        if not isinstance(body.get(name), str):
            raise ApiError(400, f"Missing required parameter: '{name}'.", param=name,
                           code="missing_required_parameter")
    if body["endpoint"] not in ENDPOINTS:
        raise ApiError(400, f"Invalid endpoint: {body['endpoint']!r}.", param="endpoint", code="invalid_value")
    if body["completion_window"] != "24h":
        raise ApiError(400, "completion_window must be '24h'.", param="completion_window", code="invalid_value")
    file_id = body["input_file_id"]
    if file_id not in state.files.by_id:
        raise ApiError(404, f"No such File object: {file_id}", param="input_file_id")
    lines = [line for line in state.files.contents[file_id].splitlines() if line.strip()]
    return dumps(state.batches.create(body, len(lines)))


def get_batch(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    return dumps(state.batches.get(request.match_info["batch_id"]))


def list_batches(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    return paginate(request, state.batches.batches)


def cancel_batch(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    batch = state.batches.get(request.match_info["batch_id"])
    if batch["status"] in ("validating", "in_progress", "finalizing"):
        batch["status"] = "cancelling"
        batch["cancelling_at"] = int(time.time())
    return dumps(batch)
