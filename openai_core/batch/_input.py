"""The input: Batch-API JSONL, one ``{"custom_id", "method", "url", "body"}`` a line, read as a stream.

:func:`scan_input` reads the whole file once before anything is sent: every line must parse and name a
supported endpoint, and every custom_id must be unique; otherwise :class:`BatchInputError` lists the
offending lines and nothing goes out. It keeps only counts and the ids' digests (8 bytes a line), never the
lines, so a file of any size scans in bounded memory. :func:`iter_requests` then reads it again, yielding
the requests not already answered in the output.

A scan that passed is remembered in a plan file beside the output (``OUTPUT.plan``: the input's identity,
its counts and every line's id digest in file order). A rerun on the same, unchanged input (same path,
size, inode, modification and change times: ``st_ctime`` moves on any write and cannot be set back)
loads it instead of parsing every line again, and skips the lines already answered by their digest,
without parsing them: a resume costs what reading 8 bytes a line costs, not a JSON parse a line.
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import json
import os
import sys
from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .._exceptions import OpenAIError
from ._idset import IdSet, id_digest

__all__ = ["ENDPOINTS", "BatchInputError", "BatchRequest", "InputPlan", "iter_requests", "scan_input"]

# The Batch API's URLs, and the path each is below the client's base URL (which ends in /v1).
ENDPOINTS = {
    "/v1/chat/completions": "/chat/completions",
    "/v1/responses": "/responses",
    "/v1/embeddings": "/embeddings",
    "/v1/completions": "/completions",
    "/v1/moderations": "/moderations",
}
# Enough to fix a file in one go without flooding the terminal.
_MAX_PROBLEMS = 20
# The plan file: a JSON header padded to this size, then one little-endian 8-byte digest a line.
_PLAN_MAGIC = "openai-core-batch-plan/1"
_PLAN_HEADER = 4096
_DIGESTS_PER_READ = 8192
# Answered ids held as a set to skip their lines at C speed, up to this many (~63 bytes an id: ~25 MB).
_SET_LIMIT = 400_000


class BatchInputError(OpenAIError, ValueError):
    """The input file has malformed or duplicate lines; ``problems`` names each (``"line 7: ..."``).
    Raised before any request is sent."""

    def __init__(self, path: Path, problems: list[str], more: int = 0) -> None:
        self.path = path
        self.problems = problems
        listed = "\n".join(f"  {p}" for p in problems)
        tail = f"\n  ... and {more} more" if more else ""
        super().__init__(f"{path}: {len(problems) + more} bad line(s), nothing was sent:\n{listed}{tail}")


@dataclass(slots=True)
class BatchRequest:
    line: int
    custom_id: str
    url: str
    body: dict[str, Any]
    raw: bytes
    digest: int = 0
    """``id_digest(custom_id)``, computed once."""

    @property
    def path(self) -> str:
        return ENDPOINTS[self.url]


@dataclass(slots=True)
class InputPlan:
    path: Path
    total: int
    ids: IdSet
    urls: Counter[str]
    size: int
    order: Path | None = None
    """The plan file holding every line's digest in file order (None: not written)."""
    cached: bool = False
    """Loaded from the plan file instead of scanned."""


def _parse(raw: bytes) -> tuple[dict[str, Any] | None, str | None]:
    """(line object, None) or (None, why it is refused)."""
    try:
        obj = json.loads(raw)
    except ValueError as exc:
        return None, f"not valid JSON ({exc})"
    if not isinstance(obj, dict):
        return None, "not a JSON object"
    custom_id = obj.get("custom_id")
    if not isinstance(custom_id, str) or not custom_id:
        return None, "'custom_id' must be a non-empty string"
    if obj.get("method") != "POST":
        return None, f"'method' must be \"POST\", got {obj.get('method')!r}"
    url = obj.get("url")
    if url not in ENDPOINTS:
        return None, f"'url' {url!r} is not one of {', '.join(ENDPOINTS)}"
    body = obj.get("body")
    if not isinstance(body, dict):
        return None, "'body' must be a JSON object"
    if body.get("stream") is True:
        return None, "'body' asks for a stream; a batch answer is one JSON body"
    return obj, None


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    with path.open("rb") as f:
        for number, raw in enumerate(f, 1):
            if raw.strip():
                yield number, raw


def _identity(path: Path) -> list[object]:
    st = path.stat()
    return [str(path.resolve()), st.st_size, st.st_ino, st.st_dev, st.st_mtime_ns, st.st_ctime_ns]


def _load_plan(path: Path, plan_file: Path) -> InputPlan | None:
    """The plan a passed scan of this very file left, or None (absent, stale, unreadable)."""
    try:
        with plan_file.open("rb") as f:
            header = json.loads(f.read(_PLAN_HEADER))
            if header.get("magic") != _PLAN_MAGIC or header.get("input") != _identity(path):
                return None
            total, runs = header.get("total"), header.get("runs")
            if not isinstance(total, int) or not isinstance(runs, list) or sum(runs) != total:
                return None
            f.seek(_PLAN_HEADER + 8 * total)  # past the digests in file order: the sorted runs
            sorted_runs: list[array[int]] = []
            for length in runs:
                run: array[int] = array("Q")
                run.frombytes(f.read(8 * length))
                if len(run) != length:
                    return None
                if sys.byteorder != "little":
                    run.byteswap()
                sorted_runs.append(run)
    except (OSError, ValueError, AttributeError, TypeError):
        return None
    return InputPlan(path, total, IdSet.from_runs(sorted_runs), Counter(header.get("urls", {})),
                     path.stat().st_size, order=plan_file, cached=True)


def scan_input(path: str | Path, plan_file: Path | None = None) -> InputPlan:
    """Validate the whole file (see the module docstring); the plan holds the ids' digests. With
    ``plan_file``, a plan a passed scan left there for this unchanged file is loaded instead, and a
    passing scan leaves one."""
    path = Path(path)
    if not path.is_file():
        raise BatchInputError(path, ["the input file does not exist"])
    if plan_file is not None:
        cached = _load_plan(path, plan_file)
        if cached is not None:
            return cached
    identity = _identity(path)
    problems: list[str] = []
    more = 0
    ids = IdSet()
    urls: Counter[str] = Counter()
    total = 0
    order = _PlanWriter(plan_file)
    last_line = 0
    try:
        for number, raw in _lines(path):
            last_line = number
            obj, why = _parse(raw)
            if obj is None:
                if len(problems) < _MAX_PROBLEMS:
                    problems.append(f"line {number}: {why}")
                else:
                    more += 1
                continue
            total += 1
            digest = id_digest(obj["custom_id"])
            ids.add(digest)
            order.add(digest)
            urls[obj["url"]] += 1
    except BaseException:
        order.discard()
        raise
    ids.freeze()
    if not problems:
        duplicates = ids.duplicates()
        if duplicates:
            problems, more = _name_duplicates(path, duplicates)
    if problems or total == 0:
        order.discard()
    if problems:
        raise BatchInputError(path, problems, more)
    if total == 0:
        raise BatchInputError(path, ["the input has no requests"])
    # Changed while being read: no plan (the next run scans again).
    header = {"magic": _PLAN_MAGIC, "input": identity, "total": total, "last_line": last_line, "urls": dict(urls),
              "runs": [len(run) for run in ids.runs()]}
    written = order.commit(header, ids) if _identity(path) == identity else order.discard()
    return InputPlan(path, total, ids, urls, path.stat().st_size, order=plan_file if written else None)


class _PlanWriter:
    """Streams the digests to a temporary file (never all in memory), renamed into place once the scan
    passed; a plan that cannot be written is simply not there (the next run scans again)."""

    def __init__(self, plan_file: Path | None) -> None:
        self._target = plan_file
        self._file: BinaryIO | None = None
        self._buffer: array[int] = array("Q")
        if plan_file is not None:
            with contextlib.suppress(OSError):
                plan_file.parent.mkdir(parents=True, exist_ok=True)
                self._tmp = plan_file.with_name(f"{plan_file.name}.{os.getpid()}.tmp")
                self._file = self._tmp.open("wb")
                self._file.write(b" " * _PLAN_HEADER)

    def add(self, digest: int) -> None:
        if self._file is not None:
            self._buffer.append(digest)
            if len(self._buffer) >= _DIGESTS_PER_READ:
                self._flush()

    def _flush(self) -> None:
        assert self._file is not None
        if sys.byteorder != "little":
            self._buffer.byteswap()
        try:
            self._file.write(self._buffer.tobytes())
        except OSError:
            self.discard()
        self._buffer = array("Q")

    def commit(self, header: dict[str, object], ids: IdSet) -> bool:
        if self._file is None or self._target is None:
            return False
        self._flush()
        for run in ids.runs():
            self._buffer = array("Q", run)
            self._flush()
        encoded = json.dumps(header).encode()
        if self._file is None or len(encoded) > _PLAN_HEADER:
            return self.discard()
        try:
            self._file.seek(0)
            self._file.write(encoded)
            self._file.close()
            os.replace(self._tmp, self._target)
        except OSError:
            return self.discard()
        self._file = None
        return True

    def discard(self) -> bool:
        if self._file is not None:
            with contextlib.suppress(OSError):
                self._file.close()
            with contextlib.suppress(OSError):
                self._tmp.unlink()
            self._file = None
        return False


def _name_duplicates(path: Path, digests: set[int]) -> tuple[list[str], int]:
    """A second pass over the lines whose digest repeats, comparing the real strings."""
    first: dict[int, tuple[str, int]] = {}
    problems: list[str] = []
    more = 0
    for number, raw in _lines(path):
        custom_id = json.loads(raw)["custom_id"]
        digest = id_digest(custom_id)
        if digest not in digests:
            continue
        seen = first.setdefault(digest, (custom_id, number))
        if seen[1] == number:
            continue
        if seen[0] == custom_id:
            why = f"line {number}: duplicate custom_id {custom_id!r} (first on line {seen[1]})"
        else:  # two different ids with one 64-bit digest: astronomically rare, but never silently merged
            why = f"line {number}: custom_id {custom_id!r} collides with {seen[0]!r} (line {seen[1]}); rename one"
        if len(problems) < _MAX_PROBLEMS:
            problems.append(why)
        else:
            more += 1
    return problems, more


def _order_blocks(plan_file: Path) -> Iterator[array[int]]:
    """The plan's digests in file order, in blocks."""
    with plan_file.open("rb") as f:
        left = 8 * json.loads(f.read(_PLAN_HEADER))["total"]
        while left > 0 and (block := f.read(min(left, 8 * _DIGESTS_PER_READ))):
            left -= len(block)
            digests: array[int] = array("Q")
            digests.frombytes(block)
            if sys.byteorder != "little":
                digests.byteswap()
            yield digests


def _order(plan_file: Path) -> Iterator[int]:
    return itertools.chain.from_iterable(_order_blocks(plan_file))


def _dense(plan_file: Path) -> bool:
    """Whether the input's n-th line is its n-th request (no blank line before the last one), as the plan
    recorded it: then a line is matched to its digest by position alone."""
    with contextlib.suppress(OSError, ValueError, KeyError):
        with plan_file.open("rb") as f:
            header = json.loads(f.read(_PLAN_HEADER))
        return bool(header.get("last_line") == header["total"])
    return False


def _changed(path: Path, number: int | None) -> OpenAIError:
    where = "its length" if number is None else f"line {number}"
    return OpenAIError(f"{path} changed while the batch ran ({where}); rerun to validate it again")


def _planned(path: Path, number: int, raw: bytes, expected: int) -> BatchRequest:
    """The request on line ``number``, which the plan says has the id digest ``expected``."""
    obj = json.loads(raw)
    custom_id = obj["custom_id"]
    digest = id_digest(custom_id)
    if digest != expected:
        raise _changed(path, number)
    return BatchRequest(number, custom_id, obj["url"], obj["body"], raw, digest)


def _pending_dense(path: Path, done: IdSet, order: Path) -> Iterator[BatchRequest]:
    """``iter_requests`` for a dense input with few enough lines answered to hold their digests in a set:
    the answered lines are dropped by C-level iterators (``compress`` over the lines, by a selector made a
    block of digests at a time), so only the lines still to send reach Python code."""
    answered = set(itertools.chain.from_iterable(done.runs()))
    # One read of the plan for both: `compress` takes a selector per line, so the two stay within a block.
    for_keep, for_digests = itertools.tee(_order_blocks(order))
    keep = itertools.chain.from_iterable([digest not in answered for digest in block] for block in for_keep)
    digests = itertools.chain.from_iterable(for_digests)
    with path.open("rb") as f:
        # The digests first: when they run out, `zip` stops without reading a line past them.
        pairs = zip(digests, enumerate(f, 1), strict=False)
        for expected, (number, raw) in itertools.compress(pairs, keep):
            yield _planned(path, number, raw, expected)
        if next(digests, None) is not None or f.read().strip():  # shorter or longer than it was
            raise _changed(path, None)


def iter_requests(path: Path, done: IdSet | None = None, order: Path | None = None) -> Iterator[BatchRequest]:
    """The requests whose custom_id is not in ``done``, in file order (the file was validated). With the
    plan file (``order``), a line answered already is skipped by its recorded digest, unparsed (this loop
    is what a resume spends before its first request: kept to C calls per line)."""
    skip = done.membership() if done is not None and len(done) else None
    if order is None or skip is None:
        for number, raw in _lines(path):
            obj = json.loads(raw)
            custom_id = obj["custom_id"]
            digest = id_digest(custom_id)
            if skip is not None and skip(digest):
                continue
            yield BatchRequest(number, custom_id, obj["url"], obj["body"], raw, digest)
        return
    if done is not None and len(done) <= _SET_LIMIT and _dense(order):
        yield from _pending_dense(path, done, order)
        return
    runs = done.runs() if done is not None else []
    run = runs[0] if len(runs) == 1 else None
    size = len(run) if run is not None else 0
    find = bisect.bisect_left
    digests = _order(order)
    with path.open("rb") as f:
        for number, raw in enumerate(f, 1):
            if raw.isspace():
                continue
            expected = next(digests, None)
            if expected is None:
                raise _changed(path, number)
            if run is not None:
                i = find(run, expected)
                if i < size and run[i] == expected:
                    continue
            elif skip(expected):
                continue
            yield _planned(path, number, raw, expected)
