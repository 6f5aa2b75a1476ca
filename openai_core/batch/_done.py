"""The done journal (``OUTPUT.done``): a fixed-size record per output line, so a rerun reads 40 bytes a
finished row instead of parsing the row (and sums them with C-level slices, not a loop per row).

A record is five little-endian 8-byte words (id digest, the offset where its line ends in the output,
prompt tokens, completion tokens, 1 if it failed for good), appended after its line, in line order, so the records describe a prefix of the output.
The output stays the truth: records are buffered and written in groups (a ``kill -9`` loses the last
few, and those lines are read back the slow way and journaled again); a record past the output's end
(a torn line cut off) is dropped; a journal whose header names another file than the output (its
device and inode), whose offsets do not rise, or whose last record does not match the line it points
at is thrown away and rebuilt from the output.
"""

from __future__ import annotations

import contextlib
import itertools
import operator
import os
import struct
import sys
from array import array
from pathlib import Path

__all__ = ["DoneJournal", "StaleJournal"]

_HEADER = struct.Struct("<8sQQ")
_MAGIC = b"ocbdone1"
_RECORD = struct.Struct("<QQQQQ")
_WORDS = 5
_FLUSH_EVERY = 64
_RECORDS_PER_READ = 4096


class StaleJournal(Exception):
    """The journal does not describe this output: rebuild it."""


class DoneJournal:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._pending: list[bytes] = []
        self._count = 0

    def open(self, output_fd: int, size: int) -> tuple[int, int]:
        """Open (or start) the journal of the output ``output_fd`` holding ``size`` bytes; returns
        (bytes of the output its records cover, how many records). Records past ``size`` are cut off."""
        st = os.fstat(output_fd)
        header = _HEADER.pack(_MAGIC, st.st_dev, st.st_ino)
        fd = self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if os.pread(fd, _HEADER.size, 0) != header:
            return self.reset(header)
        records = (os.fstat(fd).st_size - _HEADER.size) // _RECORD.size
        # The records whose line ends within the output (their offsets rise: bisect on them).
        low, high = 0, records
        while low < high:
            mid = (low + high) // 2
            if self._record(mid)[1] <= size:
                low = mid + 1
            else:
                high = mid
        count = low
        covered = self._record(count - 1)[1] if count else 0
        if count:
            start = self._record(count - 2)[1] if count > 1 else 0
            if not self._matches(output_fd, start, covered, self._record(count - 1)[0]):
                return self.reset(header)
        os.ftruncate(fd, _HEADER.size + count * _RECORD.size)
        self._count = count
        return covered, count

    def reset(self, header: bytes | None = None) -> tuple[int, int]:
        assert self._fd is not None
        os.ftruncate(self._fd, 0)
        if header is not None:
            os.pwrite(self._fd, header, 0)
        self._count = 0
        return 0, 0

    def _record(self, index: int) -> tuple[int, ...]:
        assert self._fd is not None
        raw = os.pread(self._fd, _RECORD.size, _HEADER.size + index * _RECORD.size)
        return _RECORD.unpack(raw)

    @staticmethod
    def _matches(output_fd: int, start: int, end: int, digest: int) -> bool:
        from ._idset import id_digest
        from ._output import read_back_line

        if not 0 <= start < end or end - start > 1 << 26:
            return False
        line = os.pread(output_fd, end - start, start)
        if not line.endswith(b"\n") or b"\n" in line[:-1]:
            return False
        try:
            return id_digest(read_back_line(line)[0]) == digest
        except (ValueError, KeyError, TypeError):
            return False

    def load(self, count: int) -> tuple[array[int], int, int, int]:
        """(digests, prompt tokens, completion tokens, failed rows) of the first ``count`` records;
        StaleJournal when their offsets do not rise."""
        assert self._fd is not None
        digests: array[int] = array("Q")
        prompt = completion = failed = 0
        previous = 0
        offset = _HEADER.size
        left = count
        while left:
            take = min(left, _RECORDS_PER_READ)
            words: array[int] = array("Q")
            words.frombytes(os.pread(self._fd, take * _RECORD.size, offset))
            if len(words) != take * _WORDS:
                raise StaleJournal
            if sys.byteorder != "little":
                words.byteswap()
            ends = words[1::_WORDS]
            # Rising offsets, checked by `map` over C comparisons (no Python frame per record).
            if ends[0] <= previous or not all(map(operator.lt, ends, itertools.islice(ends, 1, None))):
                raise StaleJournal
            previous = ends[-1]
            digests.extend(words[0::_WORDS])
            prompt += sum(words[2::_WORDS])
            completion += sum(words[3::_WORDS])
            failed += sum(words[4::_WORDS])
            offset += take * _RECORD.size
            left -= take
        return digests, prompt, completion, failed

    def append(self, digest: int, end: int, prompt: int, completion: int, ok: bool) -> None:
        self._pending.append(_RECORD.pack(digest, end, max(0, prompt), max(0, completion), 0 if ok else 1))
        if len(self._pending) >= _FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        if self._pending and self._fd is not None:
            data = b"".join(self._pending)
            self._pending = []
            os.lseek(self._fd, 0, os.SEEK_END)
            os.write(self._fd, data)

    def close(self, *, remove: bool = False) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            self.flush()
        os.close(self._fd)
        self._fd = None
        if remove:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
