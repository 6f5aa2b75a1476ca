"""``--via batch-api``: the same job through the server-side Batch API (half the price, within 24 h).

The pending requests are split into input files within the API's limits (one endpoint a file, at most
``batch_max_requests`` lines and ``batch_max_bytes`` bytes), each uploaded (``files.create``, purpose
``batch``) and started (``batches.create``); the batches are polled with backoff; a finished batch's output
and error files are streamed down and merged into OUTPUT, one line per custom_id, skipping ids already
there. Requests the API did not reach (``batch_expired``, or a cancelled batch's leftovers) go into the
next round's batches, up to ``_ROUNDS`` rounds.

Resumable: ``OUTPUT.batches/state.json`` records every part's file id and batch id as soon as it is known
(written atomically), and batches carry ``metadata`` naming their job and part, so a rerun after a kill
polls the batches already running instead of paying for them twice, even when the kill came between
``batches.create`` and the state write.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import secrets
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .._client import AsyncOpenAI
from ..types import Batch
from ._idset import IdSet, id_digest
from ._input import BatchRequest
from ._job import Job
from ._output import error_line, line_outcome

__all__ = ["run_batch_api"]

_ROUNDS = 3
_TERMINAL = frozenset({"completed", "failed", "expired", "cancelled"})


@dataclass
class _Part:
    index: int
    url: str
    file: str
    count: int = 0
    sealed: bool = False
    file_id: str | None = None
    batch_id: str | None = None
    merged: bool = False


class _State:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = directory / "state.json"
        self.job = secrets.token_hex(8)
        self.round = 0
        self.parts: list[_Part] = []
        if self.path.exists():
            data = json.loads(self.path.read_text())
            self.job, self.round = data["job"], data["round"]
            self.parts = [_Part(**p) for p in data["parts"]]

    def save(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        with tmp.open("w") as f:
            json.dump({"job": self.job, "round": self.round, "parts": [asdict(p) for p in self.parts]}, f)
            f.flush()
            os.fsync(f.fileno())
        tmp.replace(self.path)

    def live(self) -> list[_Part]:
        return [p for p in self.parts if not p.merged]


def _build_parts(job: Job, state: _State, skip: IdSet) -> None:
    """Split what is neither answered nor in a live batch into new parts (sealed when complete)."""
    o = job.options
    open_parts: dict[str, tuple[_Part, Any, int]] = {}

    def seal(part: _Part, handle: Any) -> None:
        handle.close()
        part.sealed = True

    try:
        for request in job.pending():
            if len(skip) and skip.contains(id_digest(request.custom_id)):
                continue
            raw = request.raw.strip() + b"\n"
            current = open_parts.get(request.url)
            if current is not None and (current[0].count >= o.batch_max_requests or current[2] + len(raw) > o.batch_max_bytes):
                seal(current[0], current[1])
                current = None
            if current is None:
                index = len(state.parts)
                part = _Part(index, request.url, str(state.directory / f"part-{state.round}-{index:05d}.jsonl"))
                state.parts.append(part)
                state.save()
                current = (part, Path(part.file).open("wb"), 0)  # noqa: SIM115 - closed by seal()
            part, handle, size = current
            handle.write(raw)
            part.count += 1
            job.dispatch(request)
            open_parts[request.url] = (part, handle, size + len(raw))
    finally:
        for part, handle, _ in open_parts.values():
            if not handle.closed:
                seal(part, handle)
        state.save()


# Local files are read and removed on the event loop: a part file is at most the API's 200 MB, read
# once, from the page cache it was just written to (see openai_core._files on inline disk reads).
def _part_ids(part: _Part) -> Iterator[str]:
    with Path(part.file).open("rb") as f:
        for raw in f:
            yield json.loads(raw)["custom_id"]


def _remove(path: str | Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        Path(path).unlink()


async def _start(client: AsyncOpenAI, state: _State, part: _Part, extra_metadata: dict[str, str] | None) -> None:
    if part.file_id is None:
        part.file_id = (await client.files.create(file=Path(part.file), purpose="batch")).id
        state.save()
    if part.batch_id is None:
        metadata = {**(extra_metadata or {}), "openai_core_job": state.job, "openai_core_part": str(part.index)}
        async for existing in client.batches.list(limit=100):
            if existing.metadata == metadata:
                part.batch_id = existing.id
                break
        else:
            created = await client.batches.create(input_file_id=part.file_id, endpoint=part.url,  # type: ignore[arg-type]
                                                  completion_window="24h", metadata=metadata)
            part.batch_id = created.id
        state.save()


async def _merge(client: AsyncOpenAI, job: Job, part: _Part, batch: Batch, written: set[int]) -> None:
    done = job.resume.done

    def take(raw: bytes) -> None:
        obj = json.loads(raw)
        custom_id = obj["custom_id"]
        digest = id_digest(custom_id)
        error = obj.get("error")
        if isinstance(error, dict) and error.get("code") == "batch_expired":
            return  # not run: the next round sends it
        if digest in written or done.contains(digest):
            return
        ok, (prompt, completion) = line_outcome(obj)
        c = job.counters
        c.succeeded += ok
        c.failed += not ok
        c.prompt_tokens += prompt
        c.completion_tokens += completion
        written.add(digest)
        job.write(raw.strip() + b"\n")

    for file_id in (batch.output_file_id, batch.error_file_id):
        if file_id:
            async with client.files.with_streaming_response.content(file_id) as response:
                async for line in response.iter_lines():
                    if line.strip():
                        take(line.encode())
    if batch.status == "failed":  # refused as a whole: every line gets the API's reason
        reason = "; ".join(e.message or "" for e in (batch.errors.data or [])) if batch.errors else "batch failed"
        for custom_id in _part_ids(part):
            if id_digest(custom_id) not in written and not done.contains(id_digest(custom_id)):
                take(error_line(custom_id, "batch_failed", reason))


async def _poll(client: AsyncOpenAI, job: Job, state: _State, written: set[int]) -> None:
    """Until every live part is merged (or a stop is asked for)."""
    o = job.options
    delay = o.poll_interval
    seen: dict[str, tuple[str, int]] = {}
    while not job.stopping.is_set():
        live = state.live()
        if not live:
            return
        changed = False
        for part in live:
            assert part.batch_id is not None
            batch = await client.batches.retrieve(part.batch_id)
            counts = batch.request_counts
            progress = (batch.status, (counts.completed + counts.failed) if counts else 0)
            if seen.get(part.batch_id) != progress:
                seen[part.batch_id] = progress
                changed = True
                _say(job, f"batch-api: {part.batch_id} ({part.count:,} requests) {progress[0]}, {progress[1]:,} run")
            if batch.status in _TERMINAL:
                await _merge(client, job, part, batch, written)
                part.merged = True
                state.save()
                _remove(part.file)
        if state.live():
            delay = o.poll_interval if changed else min(delay * 1.5, o.poll_max_interval)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(job.stopping.wait(), delay)


def _say(job: Job, message: str) -> None:
    if job.progress is not None and job.progress.enabled:
        job.progress.stream.write(message + "\n")
        job.progress.stream.flush()


async def run_batch_api(job: Job) -> None:
    state = _State(job.output.path.with_name(job.output.path.name + ".batches"))
    # A part not sealed was being written when the last run stopped: built again from the input.
    for part in [p for p in state.parts if not p.sealed]:
        state.parts.remove(part)
        _remove(part.file)
    written: set[int] = set()
    async with AsyncOpenAI(**job.client_kwargs()) as client:  # type: ignore[arg-type]
        while not job.stopping.is_set():
            if not state.live():
                if job.resume.rows + job.counters.written >= job.plan.total:
                    break
                if state.round >= _ROUNDS:
                    _give_up(job, written)
                    break
                state.round += 1
                _build_parts(job, state, IdSet(written).freeze())
                if not state.live():
                    break
            for part in state.live():
                await _start(client, state, part, job.options.batch_metadata)
            await _poll(client, job, state, written)
    job.extra["batches"] = [p.batch_id for p in state.parts]
    if job.resume.rows + job.counters.written >= job.plan.total and not job.stopping.is_set():
        _remove_state(state)


def _remove_state(state: _State) -> None:
    for leftover in state.directory.glob("*"):
        leftover.unlink()
    state.directory.rmdir()


def _give_up(job: Job, written: set[int]) -> None:
    """After every round: what the API never ran gets an error line, so no custom_id is missing."""
    done = job.resume.done
    request: BatchRequest
    for request in job.pending():
        digest = id_digest(request.custom_id)
        if digest not in written and not done.contains(digest):
            job.counters.failed += 1
            written.add(digest)
            job.write(error_line(request.custom_id, "batch_expired",
                                 f"not run by the Batch API within {_ROUNDS} rounds of batches"))
