"""The input: Batch-API JSONL, one ``{"custom_id", "method", "url", "body"}`` a line, read as a stream.

:func:`scan_input` reads the whole file once before anything is sent: every line must parse and name a
supported endpoint, and every custom_id must be unique; otherwise :class:`BatchInputError` lists the
offending lines and nothing goes out. It keeps only counts and the ids' digests (8 bytes a line), never the
lines, so a file of any size scans in bounded memory. :func:`iter_requests` then reads it again, yielding
the requests not already answered in the output.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


def scan_input(path: str | Path) -> InputPlan:
    """Validate the whole file (see the module docstring); the plan holds the ids' digests."""
    path = Path(path)
    if not path.is_file():
        raise BatchInputError(path, ["the input file does not exist"])
    problems: list[str] = []
    more = 0
    ids = IdSet()
    urls: Counter[str] = Counter()
    total = 0
    for number, raw in _lines(path):
        obj, why = _parse(raw)
        if obj is None:
            if len(problems) < _MAX_PROBLEMS:
                problems.append(f"line {number}: {why}")
            else:
                more += 1
            continue
        total += 1
        ids.add(id_digest(obj["custom_id"]))
        urls[obj["url"]] += 1
    ids.freeze()
    if not problems:
        duplicates = ids.duplicates()
        if duplicates:
            problems, more = _name_duplicates(path, duplicates)
    if problems:
        raise BatchInputError(path, problems, more)
    if total == 0:
        raise BatchInputError(path, ["the input has no requests"])
    return InputPlan(path, total, ids, urls, path.stat().st_size)


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


def iter_requests(path: Path, done: IdSet | None = None) -> Iterator[BatchRequest]:
    """The requests whose custom_id is not in ``done``, in file order (the file was validated)."""
    skip = done if done is not None and len(done) else None
    for number, raw in _lines(path):
        obj = json.loads(raw)
        custom_id = obj["custom_id"]
        digest = id_digest(custom_id)
        if skip is not None and skip.contains(digest):
            continue
        yield BatchRequest(number, custom_id, obj["url"], obj["body"], raw, digest)
