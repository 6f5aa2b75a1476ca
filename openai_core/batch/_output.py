"""The output: Batch-API output JSONL, appended one whole line per answered custom_id, and its journal.

Exactly once across crashes rests on three facts:

- a line is appended with one ``os.write`` on an ``O_APPEND`` descriptor as soon as its answer is in:
  a ``kill -9`` loses nothing the kernel has accepted, so every line written is there at the rerun;
- at start-up the file's tail is checked: bytes after the last newline are a line torn by the crash
  and are cut off (that request is sent again); the complete lines are read back and their custom_ids
  skipped, so none is written twice;
- an exclusive ``flock`` on the output refuses a second run writing the same file at the same time.

The journal (``OUTPUT.sent``) gets a request's 8-byte id digest just before it is sent. At a rerun, an id
in the journal without a line in the output was in flight when the last run stopped: it is sent again,
and the summary counts it. The journal is removed once every custom_id has its line.

Reading back what is done goes through the done journal (``OUTPUT.done``, see ``_done``): a record a
line, so a rerun reads a fixed 25 bytes a finished row; only lines it does not cover (the last few
before a kill, or an output without one) are parsed.
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import json
import os
import secrets
import struct
import sys
from array import array
from dataclasses import dataclass, field
from json.encoder import encode_basestring_ascii
from pathlib import Path
from typing import Any

from .._exceptions import OpenAIError
from ._done import DoneJournal, StaleJournal
from ._idset import IdSet, id_digest

__all__ = ["Outcome", "OutputFile", "ResumeState", "answer_line", "error_line", "response_line", "usage_of"]

_q = encode_basestring_ascii
_DIGEST = struct.Struct("<Q")

Outcome = tuple[int, bool, int, int]
"""What the done journal records of a line: (id digest, succeeded, prompt tokens, completion tokens)."""


class BatchOutputError(OpenAIError):
    """The output file cannot be used for this input (another run holds it, or it is not this job's)."""


def usage_of(body: object) -> tuple[int, int]:
    """(prompt, completion) tokens of an answer body: chat/completions/embeddings say ``prompt_tokens`` /
    ``completion_tokens``, Responses ``input_tokens`` / ``output_tokens``."""
    usage = body.get("usage") if isinstance(body, dict) else None
    if not isinstance(usage, dict):
        return 0, 0
    prompt = usage.get("prompt_tokens", usage.get("input_tokens", 0))
    completion = usage.get("completion_tokens", usage.get("output_tokens", 0))
    return (prompt if isinstance(prompt, int) else 0), (completion if isinstance(completion, int) else 0)


# Line ids as the Batch API shapes them (batch_req_<hex>): a random per-run prefix and a counter.
_ID_PREFIX = f"batch_req_{secrets.token_hex(6)}"
_ids = itertools.count(1)


def response_line(custom_id: str, status: int, request_id: str | None, body: bytes) -> bytes:
    """An answered request. ``body`` is the server's JSON as received (re-encoded only when it spans
    lines); a body that is not JSON is kept as a string."""
    return answer_line(custom_id, status, request_id, body)[0]


def answer_line(custom_id: str, status: int, request_id: str | None, body: bytes) -> tuple[bytes, tuple[int, int]]:
    """:func:`response_line` and the body's (prompt, completion) usage, the body parsed at most once: a
    one-line body (what servers send compactly) is passed through as bytes and its usage read by
    position, as :func:`read_back_line` reads it back, so the done journal and a rerun agree."""
    usage = (0, 0)
    # Passed through only when it looks like one JSON object (a text or torn body is parsed, and kept
    # as a string when it is not JSON), so every output line stays JSON.
    if b"\n" in body or b"\r" in body or not (body.startswith(b"{") and body.endswith(b"}")):
        try:
            parsed = json.loads(body) if body else None
            usage = usage_of(parsed)
            body = json.dumps(parsed, separators=(",", ":")).encode() if body else b"null"
        except ValueError:
            body = _q(body.decode("utf-8", "replace")).encode()
    else:
        at = body.rfind(b'"usage":')
        if at > 0:
            try:
                usage = usage_of({"usage": _decoder.raw_decode(body[at + 8:].decode())[0]})
            except (ValueError, UnicodeDecodeError):
                with contextlib.suppress(ValueError, RecursionError):
                    usage = usage_of(json.loads(body))
    rid = b"null" if request_id is None else _q(request_id).encode()
    return b"".join((
        b'{"id":"', f"{_ID_PREFIX}{next(_ids):x}".encode(), b'","custom_id":', _q(custom_id).encode(),
        b',"response":{"status_code":', str(status).encode(), b',"request_id":', rid, b',"body":', body,
        b'},"error":null}\n',
    )), usage


def error_line(custom_id: str, code: str, message: str) -> bytes:
    """A request that got no HTTP answer (connection failures past every retry)."""
    return (
        f'{{"id":"{_ID_PREFIX}{next(_ids):x}","custom_id":{_q(custom_id)},"response":null,'
        f'"error":{{"code":{_q(code)},"message":{_q(message)}}}}}\n'
    ).encode()


@dataclass(slots=True)
class ResumeState:
    """What the output already holds when a run starts."""

    done: IdSet = field(default_factory=IdSet)
    rows: int = 0
    failed: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    torn_bytes: int = 0
    in_flight: IdSet = field(default_factory=IdSet)
    """Ids the journal says were sent, whether answered or not (answered ones are in ``done``)."""


_decoder = json.JSONDecoder()
_scanstring = json.decoder.scanstring  # type: ignore[attr-defined]
_CUSTOM_ID = '","custom_id":"'
_STATUS = ',"response":{"status_code":'


def read_back_line(raw: bytes) -> tuple[str, bool, tuple[int, int]]:
    """(custom_id, succeeded, usage) of an output line. Lines this runner wrote (and the embedded
    server's) are read by position: the custom_id after ``"id"``, the status, the last ``"usage"`` object
    (a JSON string cannot hold an unescaped ``"usage":``, so only a key matches). Any other shape is
    parsed whole. Reading back 100,000 rows is then a few tenths of a second, not several seconds."""
    text = raw.decode()
    cut = text.find(_CUSTOM_ID, 6, 120) if text.startswith('{"id":"') else -1
    if cut > 0:
        try:
            custom_id, end = _scanstring(text, cut + len(_CUSTOM_ID))
            if text.startswith(_STATUS, end):
                start = end + len(_STATUS)
                status = int(text[start:text.index(",", start)])
                ok = status < 400 and text.rstrip().endswith(',"error":null}')
                usage = (0, 0)
                at = text.rfind('"usage":') if ok else -1
                if at > 0:
                    usage = usage_of({"usage": _decoder.raw_decode(text, at + 8)[0]})
                return custom_id, ok, usage
            if text.startswith(',"response":null', end):
                return custom_id, False, (0, 0)
        except ValueError:
            pass
    obj = json.loads(text)
    if not isinstance(obj, dict) or not isinstance(obj.get("custom_id"), str):
        raise ValueError("not an output line")
    ok, usage = line_outcome(obj)
    return obj["custom_id"], ok, usage


def line_outcome(obj: dict[str, Any]) -> tuple[bool, tuple[int, int]]:
    """(succeeded, usage) of one output line object."""
    response = obj.get("response")
    if obj.get("error") is not None or not isinstance(response, dict):
        return False, (0, 0)
    status = response.get("status_code")
    ok = isinstance(status, int) and status < 400
    return ok, usage_of(response.get("body"))


class OutputFile:
    """The output under an exclusive lock for the whole run; see the module docstring."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.journal_path = self.path.with_name(self.path.name + ".sent")
        self.plan_path = self.path.with_name(self.path.name + ".plan")
        """Where the input's plan is kept (``_input.scan_input``); removed with the journals."""
        self._fd: int | None = None
        self._journal_fd: int | None = None
        self._done: DoneJournal | None = None
        self._size = 0

    def open(self, input_ids: IdSet) -> ResumeState:
        """Lock, repair the tail, read back what is there (every id must belong to ``input_ids``)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise BatchOutputError(f"{self.path} is being written by another run (it holds the lock)") from None
        self._fd = fd
        try:
            state = ResumeState(torn_bytes=self._repair_tail(fd))
            self._size = os.fstat(fd).st_size
            self._done = DoneJournal(self.path.with_name(self.path.name + ".done"))
            try:
                state = self._read_back(state, input_ids)
            except StaleJournal:
                self._done.reset()
                self._done.close()
                self._done = DoneJournal(self._done.path)
                state = self._read_back(ResumeState(torn_bytes=state.torn_bytes), input_ids)
            state.in_flight = self._read_journal()
        except BaseException:
            self.close()
            raise
        self._journal_fd = os.open(self.journal_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        return state

    @staticmethod
    def _repair_tail(fd: int) -> int:
        size = os.fstat(fd).st_size
        if size == 0:
            return 0
        # Walk back from the end in blocks until a newline: only the last line can be torn.
        end = size
        block = 64 * 1024
        while end > 0:
            start = max(0, end - block)
            chunk = os.pread(fd, end - start, start)
            cut = chunk.rfind(b"\n")
            if cut >= 0:
                keep = start + cut + 1
                break
            end = start
        else:
            keep = 0
        if keep < size:
            os.ftruncate(fd, keep)
            os.fsync(fd)
        return size - keep

    def _read_back(self, state: ResumeState, input_ids: IdSet) -> ResumeState:
        """The journaled rows from their records, the rest of the output line by line (journaled now)."""
        assert self._fd is not None and self._done is not None
        covered, count = self._done.open(self._fd, self._size)
        digests, state.prompt_tokens, state.completion_tokens, state.failed = self._done.load(count)
        state.rows = count
        done = state.done = IdSet(digests)
        del digests
        contains = input_ids.contains
        with self.path.open("rb") as f:
            f.seek(covered)
            end = covered
            for number, raw in enumerate(f, count + 1):
                end += len(raw)
                try:
                    custom_id, ok, (prompt, completion) = read_back_line(raw)
                except (ValueError, KeyError, TypeError):
                    raise BatchOutputError(
                        f"{self.path} line {number} is not an output line; is this the output of another tool?"
                    ) from None
                digest = id_digest(custom_id)
                if not contains(digest):
                    raise BatchOutputError(
                        f"{self.path} line {number} answers custom_id {custom_id!r}, which is not in the "
                        "input: this output belongs to another job"
                    )
                self._done.append(digest, end, prompt, completion, ok)
                done.add(digest)
                state.rows += 1
                state.failed += not ok
                state.prompt_tokens += prompt
                state.completion_tokens += completion
        self._done.flush()
        done.freeze()
        if count and not input_ids.covers(done):
            raise BatchOutputError(
                f"{self.path} answers a custom_id which is not in the input (line {self._first_foreign(input_ids)}): "
                "this output belongs to another job"
            )
        duplicates = done.duplicates()
        if duplicates:
            raise BatchOutputError(f"{self.path} holds {len(duplicates)} custom_id(s) more than once")
        return state

    def _first_foreign(self, input_ids: IdSet) -> int:
        """The number of the first line whose custom_id is not in the input (an error message's detail)."""
        with self.path.open("rb") as f:
            for number, raw in enumerate(f, 1):
                try:
                    if not input_ids.contains(id_digest(read_back_line(raw)[0])):
                        return number
                except (ValueError, KeyError, TypeError):
                    return number
        return 0

    def _read_journal(self) -> IdSet:
        try:
            data = self.journal_path.read_bytes()
        except FileNotFoundError:
            return IdSet()
        digests: array[int] = array("Q")
        digests.frombytes(data[: len(data) - len(data) % 8])  # a torn last entry is dropped
        if sys.byteorder != "little":
            digests.byteswap()
        return IdSet(digests).freeze()

    def mark_sent(self, digest: int) -> None:
        """Journal one request (by its id digest) about to be sent."""
        assert self._journal_fd is not None
        os.write(self._journal_fd, _DIGEST.pack(digest))

    def write(self, line: bytes, outcome: Outcome | None = None) -> None:
        """Append one whole line; ``outcome`` (digest, succeeded, prompt, completion tokens) when the
        caller knows it, else it is read from the line, for the done journal."""
        assert self._fd is not None
        os.write(self._fd, line)
        self._size += len(line)
        done = self._done
        if done is None:
            return
        if outcome is None:
            try:
                custom_id, ok, (prompt, completion) = read_back_line(line)
            except (ValueError, KeyError, TypeError):
                # Not a line the journal can describe: stop journaling (a rerun reads the output itself).
                done.reset()
                done.close()
                self._done = None
                return
            outcome = (id_digest(custom_id), ok, prompt, completion)
        digest, ok, prompt, completion = outcome
        done.append(digest, self._size, prompt, completion, ok)

    def close(self, *, complete: bool = False) -> None:
        """Flush to disk and unlock; ``complete`` (every id answered) also removes the journal."""
        if self._done is not None:
            self._done.close(remove=complete)
            self._done = None
        if self._journal_fd is not None:
            os.close(self._journal_fd)
            self._journal_fd = None
            if complete:
                for path in (self.journal_path, self.plan_path):
                    with contextlib.suppress(FileNotFoundError):
                        path.unlink()
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.fsync(self._fd)
            os.close(self._fd)  # closing drops the flock
            self._fd = None
