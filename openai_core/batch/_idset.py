"""A compact set of custom_ids: 8 bytes an id, whatever the ids' length.

A ``set[str]`` costs ~90 bytes an entry (the string object plus its slot), so a 10-million-line input
would need ~900 MB just to remember which ids it has seen. Here an id is its 64-bit BLAKE2b digest kept in
sorted ``array('Q')`` runs: 80 MB for 10 million. Runs are sorted in pieces of ``RUN`` ids, so sorting
never builds a list of more than that many Python ints; a lookup bisects every run (one run below
262,144 ids, ~40 for 10 million).

The digest is deterministic (not ``hash()``, which changes per process) because the sent-journal written
by one run is read by the next. Two different ids share a digest with probability ~n²/2^65 (one in a
few hundred thousand runs of 10 million lines); a duplicate found among digests is confirmed against
the real strings before anything is refused (``_input``).
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence

__all__ = ["IdSet", "id_digest"]

RUN = 1 << 18
_BLOCK = 1 << 16


def id_digest(custom_id: str) -> int:
    return int.from_bytes(hashlib.blake2b(custom_id.encode(), digest_size=8).digest(), "little")


class IdSet:
    """Add digests (or ids) freely; :meth:`freeze` sorts; then ``in`` and :meth:`duplicates`."""

    __slots__ = ("_pending", "_runs")

    def __init__(self, digests: Iterable[int] = ()) -> None:
        self._runs: list[array[int]] = []
        self._pending: array[int] = array("Q", digests)

    def add(self, digest: int) -> None:
        self._pending.append(digest)
        if len(self._pending) >= RUN:
            self._seal()

    def add_id(self, custom_id: str) -> None:
        self.add(id_digest(custom_id))

    def _seal(self) -> None:
        pending = self._pending
        if pending:
            # In pieces of RUN: sorting builds a list of Python ints, ~40 bytes each.
            for start in range(0, len(pending), RUN):
                self._runs.append(array("Q", sorted(pending[start:start + RUN])))
            self._pending = array("Q")

    def freeze(self) -> IdSet:
        self._seal()
        return self

    @classmethod
    def from_runs(cls, runs: list[array[int]]) -> IdSet:
        """An IdSet of runs already sorted (as :meth:`runs` gave them), without sorting again."""
        made = cls()
        made._runs = [run for run in runs if run]
        return made

    def runs(self) -> list[array[int]]:
        """The sorted runs (freezes)."""
        self._seal()
        return self._runs

    def membership(self) -> Callable[[int], bool]:
        """``contains`` as one function, quicker per call (one run, the common case, inlined)."""
        self._seal()
        if len(self._runs) != 1:
            return self.contains
        run = self._runs[0]
        size = len(run)
        find = bisect.bisect_left

        def contains(digest: int) -> bool:
            i = find(run, digest)
            return i < size and run[i] == digest

        return contains

    def covers(self, other: IdSet) -> bool:
        """Every digest of ``other`` is in this set. Both are sorted: a block of ``other`` is checked
        against the slice of each run it spans, as C-level set operations, when those slices are small
        (memory stays bounded by the block); otherwise digest by digest."""
        self._seal()
        other_runs = other.runs()
        if len(other_runs) == 1:
            # One sorted run (the common case): its blocks are array slices, no Python loop over the digests.
            run = other_runs[0]
            return all(self._covers_block(run[start:start + _BLOCK]) for start in range(0, len(run), _BLOCK))
        block: list[int] = []
        for digest in other:
            block.append(digest)
            if len(block) >= _BLOCK and not self._covers_block(block):
                return False
            if len(block) >= _BLOCK:
                block = []
        return not block or self._covers_block(block)

    def _covers_block(self, block: Sequence[int]) -> bool:
        low, high = block[0], block[-1]
        spans = [(run, bisect.bisect_left(run, low), bisect.bisect_right(run, high)) for run in self._runs]
        if sum(end - start for _, start, end in spans) > 8 * len(block) + 1024:
            return all(self.contains(digest) for digest in block)
        candidates: set[int] = set()
        for run, start, end in spans:
            candidates.update(run[start:end])
        return candidates.issuperset(block)

    def __len__(self) -> int:
        return sum(len(run) for run in self._runs) + len(self._pending)

    def contains(self, digest: int) -> bool:
        if self._pending:
            self._seal()
        for run in self._runs:
            i = bisect.bisect_left(run, digest)
            if i < len(run) and run[i] == digest:
                return True
        return False

    def __contains__(self, custom_id: object) -> bool:
        return isinstance(custom_id, str) and self.contains(id_digest(custom_id))

    def __iter__(self) -> Iterator[int]:
        """Every digest in sorted order (a streamed merge of the runs)."""
        self._seal()
        if len(self._runs) == 1:
            return iter(self._runs[0])
        return heapq.merge(*self._runs)

    def duplicates(self) -> set[int]:
        """Digests added more than once."""
        self._seal()
        if len(self._runs) == 1 and len(set(self._runs[0])) == len(self._runs[0]):
            return set()  # the common answer, from one C-level pass
        found: set[int] = set()
        previous: int | None = None
        for digest in self:
            if digest == previous:
                found.add(digest)
            previous = digest
        return found

    def nbytes(self) -> int:
        return 8 * len(self)
