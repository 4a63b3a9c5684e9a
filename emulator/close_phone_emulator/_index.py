"""An ordered set of sequence numbers that finds the k-th one in O(log n).

Each list filter of the store keeps one of these. A page at any depth, from either
end, is a position look-up plus a slice; adding and removing cost O(log n) plus a
shift inside one block of at most 2 * LOAD entries.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

# Entries per block: small enough that shifting one block is cheap, large enough that
# there are few blocks (100,000 entries make about 200).
LOAD = 512


class OrderedSeqs:
    """Sorted distinct ints in blocks, with a Fenwick tree over the block sizes."""

    __slots__ = ("_blocks", "_len", "_maxes", "_tree")

    def __init__(self, sorted_seqs: Iterable[int] = ()) -> None:
        items = list(sorted_seqs)
        self._blocks = [items[i : i + LOAD] for i in range(0, len(items), LOAD)]
        self._maxes = [block[-1] for block in self._blocks]
        self._len = len(items)
        self._tree: list[int] = []
        self._rebuild()

    def __len__(self) -> int:
        return self._len

    def __contains__(self, seq: int) -> bool:
        i = bisect.bisect_left(self._maxes, seq)
        if i == len(self._maxes):
            return False
        block = self._blocks[i]
        j = bisect.bisect_left(block, seq)
        return block[j] == seq

    def add(self, seq: int) -> None:
        """Add `seq`; adding one that is there already does nothing."""
        if not self._blocks:
            self._blocks.append([seq])
            self._maxes.append(seq)
            self._len = 1
            self._rebuild()
            return
        i = bisect.bisect_left(self._maxes, seq)
        if i == len(self._maxes):
            i -= 1  # beyond every entry: the last block takes it (the common case)
            self._blocks[i].append(seq)
            self._maxes[i] = seq
        else:
            block = self._blocks[i]
            j = bisect.bisect_left(block, seq)
            if block[j] == seq:
                return
            block.insert(j, seq)
        self._len += 1
        block = self._blocks[i]
        if len(block) > 2 * LOAD:
            self._blocks[i : i + 1] = [block[:LOAD], block[LOAD:]]
            self._maxes[i : i + 1] = [block[LOAD - 1], block[-1]]
            self._rebuild()
        else:
            self._grow(i, 1)

    def discard(self, seq: int) -> None:
        """Remove `seq` if it is there."""
        i = bisect.bisect_left(self._maxes, seq)
        if i == len(self._maxes):
            return
        block = self._blocks[i]
        j = bisect.bisect_left(block, seq)
        if block[j] != seq:
            return
        del block[j]
        self._len -= 1
        if not block:
            del self._blocks[i]
            del self._maxes[i]
            self._rebuild()
            return
        self._maxes[i] = block[-1]
        self._grow(i, -1)

    def ascending(self, start: int, count: int) -> list[int]:
        """Up to `count` entries from position `start` (0: the smallest), ascending."""
        if count <= 0 or start >= self._len:
            return []
        start = max(start, 0)
        i, offset = self._locate(start)
        found: list[int] = []
        while i < len(self._blocks) and len(found) < count:
            found.extend(self._blocks[i][offset : offset + count - len(found)])
            i, offset = i + 1, 0
        return found

    def at(self, position: int) -> int:
        """The entry at `position` (0: the smallest), which must exist."""
        i, offset = self._locate(position)
        return self._blocks[i][offset]

    def descending(self, skip: int, count: int) -> list[int]:
        """Up to `count` entries after skipping the `skip` largest, largest first."""
        end = self._len - skip
        start = max(0, end - count)
        page = self.ascending(start, end - start)
        page.reverse()
        return page

    # -- the Fenwick tree over block sizes ----------------------------------------------

    def _rebuild(self) -> None:
        tree = [0] * (len(self._blocks) + 1)
        for i, block in enumerate(self._blocks, 1):
            tree[i] += len(block)
            parent = i + (i & -i)
            if parent < len(tree):
                tree[parent] += tree[i]
        self._tree = tree

    def _grow(self, block: int, by: int) -> None:
        i = block + 1
        tree = self._tree
        while i < len(tree):
            tree[i] += by
            i += i & -i

    def _locate(self, position: int) -> tuple[int, int]:
        """(block, offset in it) of the entry at `position`, which must exist."""
        tree = self._tree
        i, step = 0, 1 << (len(tree) - 1).bit_length()
        while step:
            nxt = i + step
            if nxt < len(tree) and tree[nxt] <= position:
                i = nxt
                position -= tree[nxt]
            step >>= 1
        return i, position
