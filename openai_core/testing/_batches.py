"""Batches: the per-server store and the ``/v1/batches`` handlers. Batches run.

A batch is ``validating`` when created. Each read moves it on one step, as the API does over minutes:
the first read validates the input file (a bad line: ``failed``, with ``errors`` naming it) and starts
executing it (``in_progress``): every line goes through the same handler its URL reaches over HTTP, in
the background, a few dozen lines per event-loop turn, ``request_counts`` counting. The first read after
the last line finds it ``finalizing`` (the output and error files are written then, purpose
``batch_output``), the next ``completed``. ``cancel`` makes it ``cancelling`` and the next read finds it
``cancelled``, its files holding what had run. Metadata ``{"mock_expire_after": "N"}`` stops it after N
lines: ``expired``, the rest in the error file with ``batch_expired``, as the API reports requests it did
not reach within the completion window."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ._common import ApiError, SSEReply, dumps
from ._finetune import paginate

if TYPE_CHECKING:
    from ._state import ServerState

__all__ = ["ENDPOINTS", "BatchStore", "cancel_batch", "create_batch", "get_batch", "list_batches"]

ENDPOINTS = frozenset({
    "/v1/responses", "/v1/chat/completions", "/v1/embeddings", "/v1/completions", "/v1/moderations",
    "/v1/images/generations", "/v1/images/edits", "/v1/videos",
})


# What a batch line's URL runs: the same handlers as the HTTP routes (imported late: they import us).
def _handlers() -> dict[str, Callable[..., Any]]:
    from . import _handlers as h
    from ._moderations import create_moderation
    from ._responses import create_response

    return {
        "/v1/chat/completions": h.chat_completions, "/v1/completions": h.completions,
        "/v1/embeddings": h.embeddings, "/v1/moderations": create_moderation, "/v1/responses": create_response,
    }


_LINES_PER_TURN = 64


class _Run:
    """One batch's execution: the lines, what they answered, the task doing it."""

    def __init__(self, lines: list[dict[str, Any]], expire_after: int | None) -> None:
        self.lines = lines
        self.expire_after = expire_after
        self.output: list[bytes] = []
        self.errors: list[bytes] = []
        self.done = 0
        self.task: asyncio.Task[None] | None = None


class BatchStore:
    """Batches, newest first."""

    def __init__(self) -> None:
        self.batches: list[dict[str, Any]] = []
        self.by_id: dict[str, dict[str, Any]] = {}
        self.runs: dict[str, _Run] = {}
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

    def find(self, batch_id: str) -> dict[str, Any]:
        batch = self.by_id.get(batch_id)
        if batch is None:
            raise ApiError(404, f"No batch found with id '{batch_id}'.", param="batch_id", code="batch_not_found")
        return batch

    def get(self, batch_id: str, state: ServerState | None = None) -> dict[str, Any]:
        """The batch, moved on one step (see the module docstring)."""
        batch = self.find(batch_id)
        status, now = batch["status"], int(time.time())
        run = self.runs.get(batch_id)
        if status == "cancelling":
            if run is not None and run.task is not None:
                run.task.cancel()
            batch["status"] = "cancelled"
            batch["cancelled_at"] = max(now, batch["cancelling_at"])
            if state is not None and run is not None:
                self._write_files(state, batch, run)
        elif status == "validating" and state is not None:
            self._start(state, batch, now)
        elif status == "in_progress" and run is not None and run.task is not None and run.task.done():
            expired = run.expire_after is not None and run.done < len(run.lines)
            batch["status"] = "finalizing"
            batch["finalizing_at"] = now
            batch["_final"] = "expired" if expired else "completed"
            if state is not None:
                self._write_files(state, batch, run)
        elif status == "finalizing":
            final = batch.pop("_final", "completed")
            batch["status"] = final
            batch[f"{final}_at"] = now
        return batch

    def _start(self, state: ServerState, batch: dict[str, Any], now: int) -> None:
        content = state.files.contents.get(batch["input_file_id"], b"")
        lines: list[dict[str, Any]] = []
        errors: list[dict[str, Any]] = []
        for number, raw in enumerate(content.splitlines(), 1):
            if not raw.strip():
                continue
            why = _line_problem(raw, batch["endpoint"])
            if isinstance(why, str):
                errors.append({"code": "invalid_request", "message": why, "param": None, "line": number})
            else:
                lines.append(why)
        if errors or not lines:
            batch["status"] = "failed"
            batch["failed_at"] = now
            batch["errors"] = {"object": "list", "data": errors or [
                {"code": "empty_file", "message": "The input file has no requests.", "param": None, "line": None}]}
            return
        metadata = batch.get("metadata") or {}
        expire = metadata.get("mock_expire_after")
        run = _Run(lines, int(expire) if isinstance(expire, str) and expire.isdigit() else None)
        self.runs[batch["id"]] = run
        batch["status"] = "in_progress"
        batch["in_progress_at"] = now
        run.task = asyncio.get_running_loop().create_task(_execute(state, batch, run))

    @staticmethod
    def _write_files(state: ServerState, batch: dict[str, Any], run: _Run) -> None:
        if batch["output_file_id"] is not None or batch["error_file_id"] is not None:
            return
        errors = list(run.errors)
        if batch.get("_final") == "expired":
            for line in run.lines[run.done:]:
                errors.append(_line(state, line["custom_id"], None, error={
                    "code": "batch_expired",
                    "message": "This request could not be executed before the completion window expired."}))
        if run.output:
            name = f"{batch['id']}_output.jsonl"
            batch["output_file_id"] = state.files.add(name, "batch_output", b"".join(run.output))["id"]
        if errors:
            name = f"{batch['id']}_error.jsonl"
            batch["error_file_id"] = state.files.add(name, "batch_output", b"".join(errors))["id"]


def _line_problem(raw: bytes, endpoint: str) -> dict[str, Any] | str:
    """The parsed line, or why the API would refuse the file for it."""
    try:
        line = json.loads(raw)
    except ValueError:
        return "This line is not parseable as valid JSON."
    if not isinstance(line, dict) or not isinstance(line.get("custom_id"), str):
        return "Missing 'custom_id'."
    if line.get("method") != "POST":
        return "The 'method' must be 'POST'."
    if line.get("url") != endpoint:
        return f"The URL provided for this request does not match the batch endpoint {endpoint!r}."
    if not isinstance(line.get("body"), dict):
        return "The 'body' must be an object."
    return line


def _line(state: ServerState, custom_id: str, response: bytes | None, *, error: dict[str, str] | None = None) -> bytes:
    return b"".join((
        b'{"id":', dumps(f"batch_req_{state.request_id()[4:]}"), b',"custom_id":', dumps(custom_id),
        b',"response":', response if response is not None else b"null",
        b',"error":', dumps(error) if error is not None else b"null", b"}\n",
    ))


async def _execute(state: ServerState, batch: dict[str, Any], run: _Run) -> None:
    handlers = _handlers()
    counts = batch["request_counts"]
    limit = len(run.lines) if run.expire_after is None else min(run.expire_after, len(run.lines))
    for index in range(limit):
        if index % _LINES_PER_TURN == 0:
            await asyncio.sleep(0)  # other requests get served meanwhile
        line = run.lines[index]
        status = 200
        handler = handlers.get(line["url"])
        try:
            if handler is None:
                raise ApiError(400, f"The embedded server does not run {line['url']} in batches.", param="url")
            reply = handler(state, None, line["body"])
        except ApiError as exc:
            status, reply = exc.status, exc.body()
        if isinstance(reply, SSEReply):
            status, reply = 400, ApiError(400, "Streaming is not supported in batches.", param="stream").body()
        response = b"".join((b'{"status_code":', str(status).encode(), b',"request_id":',
                             dumps(state.request_id()), b',"body":', reply, b"}"))
        (run.output if status < 400 else run.errors).append(_line(state, line["custom_id"], response))
        counts["completed" if status < 400 else "failed"] += 1
        run.done = index + 1


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
    return dumps(_public(state.batches.get(request.match_info["batch_id"], state)))


def _public(batch: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in batch.items() if not k.startswith("_")}


def list_batches(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    return paginate(request, [_public(b) for b in state.batches.batches])


def cancel_batch(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    batch = state.batches.find(request.match_info["batch_id"])
    if batch["status"] in ("validating", "in_progress", "finalizing"):
        batch["status"] = "cancelling"
        batch["cancelling_at"] = int(time.time())
    return dumps(_public(batch))
