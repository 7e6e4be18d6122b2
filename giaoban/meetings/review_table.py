"""The live review's counts as one flat table of integers.

A province's review has some 3,400 items in 420 notices. Kept as a dict of counts per item, the
counts cost ~8 ms to build from the stored JSON and as much to write back, on every read after
a change. Here they are one ``array`` of six class counts per row (the items in the frame's
order, then the notices in theirs, then the total): stored as its bytes (compressed), read back
in well under a millisecond, and moved in place when a unit's assignments change class.

The stored table carries the ids of its items and notices: it is used only for a frame with the
same items and notices in the same order, so a table can never be read against another frame.
"""

from __future__ import annotations

import sys
import zlib
from array import array
from dataclasses import dataclass
from typing import Any

from giaoban.tasks.status import StatusClass

#: the class of each column, in order
CODES = [c.value for c in StatusClass]
WIDTH = len(CODES)
COLUMN = {c: i for i, c in enumerate(CODES)}
CANCELLED = COLUMN[StatusClass.CANCELLED.value]
DONE = (COLUMN[StatusClass.DONE_ON_TIME.value], COLUMN[StatusClass.DONE_LATE.value])
UNFINISHED = (
    COLUMN[StatusClass.OPEN_IN_TIME.value],
    COLUMN[StatusClass.OPEN_OVERDUE.value],
    COLUMN[StatusClass.STANDING.value],
)
OVERDUE = COLUMN[StatusClass.OPEN_OVERDUE.value]
#: the stored form: this mark, then four-byte integers in this machine's byte order
MAGIC = b"GBT1" + sys.byteorder[0].encode()
TYPECODE = "i"


def counts_of(values) -> dict[str, int]:
    """An item's, a notice's or the total counts (as ``review.ZERO``) from its six columns."""
    counts = dict(zip(CODES, values))
    counts["total"] = sum(values) - values[CANCELLED]
    counts["done"] = values[DONE[0]] + values[DONE[1]]
    return counts


def ids_of(rows) -> array:
    return array(TYPECODE, [r[0] for r in rows])


@dataclass
class CountTable:
    """The counts of a frame's items, notices and total, and each unit's unfinished and
    overdue assignments (``units``: {unit id: [unfinished, overdue]})."""

    item_ids: array
    notice_ids: array
    cells: array
    units: dict[int, list[int]]

    # -- reading -------------------------------------------------------------------------

    def values(self, row: int) -> array:
        """The six columns of a row (an item's index, ``notice_row(i)`` or ``total_row``)."""
        return self.cells[row * WIDTH : row * WIDTH + WIDTH]

    def figures(self, row: int) -> tuple[int, ...]:
        """A row's seven figures as the item tables show them: the five classes shown, done,
        and total (not cancelled)."""
        v = self.values(row)
        return (*v[:5], v[DONE[0]] + v[DONE[1]], sum(v) - v[CANCELLED])

    def rows_key(self, first: int, end: int) -> bytes:
        """The figures of rows ``first`` to ``end`` as bytes (a key that moves with them)."""
        return self.cells[first * WIDTH : end * WIDTH].tobytes()

    def notice_row(self, index: int) -> int:
        return len(self.item_ids) + index

    @property
    def total_row(self) -> int:
        return len(self.item_ids) + len(self.notice_ids)

    @property
    def totals(self) -> dict[str, int]:
        return counts_of(self.values(self.total_row))

    @property
    def by_item(self) -> dict[int, dict[str, int]]:
        return {pk: counts_of(self.values(i)) for i, pk in enumerate(self.item_ids)}

    @property
    def by_notice(self) -> dict[int, dict[str, int]]:
        first = len(self.item_ids)
        return {pk: counts_of(self.values(first + i)) for i, pk in enumerate(self.notice_ids)}

    def unit_counts(self) -> dict[int, dict[str, int]]:
        return {u: {"unfinished": a, "overdue": b} for u, (a, b) in self.units.items()}

    # -- building and moving -------------------------------------------------------------

    @classmethod
    def of_frame(cls, items: list[tuple], notices: list[tuple]) -> CountTable:
        """An empty table for the frame's items and notices."""
        rows = len(items) + len(notices) + 1
        return cls(ids_of(items), ids_of(notices), array(TYPECODE, bytes(4 * WIDTH * rows)), {})

    @classmethod
    def from_dicts(
        cls,
        items: list[tuple],
        notices: list[tuple],
        by_item: dict[int, dict[str, int]],
        unit_counts: dict[int, dict[str, int]],
    ) -> CountTable:
        """The table of counts per item (as ``review.grouped`` gives them): the notices' and
        the total rows are summed here."""
        table = cls.of_frame(items, notices)
        notice_index = {pk: i for i, pk in enumerate(table.notice_ids)}
        cells, total = table.cells, table.total_row * WIDTH
        for i, (pk, notice_id, *_) in enumerate(items):
            counts = by_item.get(pk)
            if counts is None:
                continue
            notice = table.notice_row(notice_index[notice_id]) * WIDTH
            for col, code in enumerate(CODES):
                n = counts[code]
                if n:
                    cells[i * WIDTH + col] += n
                    cells[notice + col] += n
                    cells[total + col] += n
        table.units = {
            u: [c["unfinished"], c["overdue"]]
            for u, c in unit_counts.items()
            if c["unfinished"] or c["overdue"]
        }
        return table

    def move(self, item: int, notice: int, sclass: str, n: int) -> None:
        """Add ``n`` (1 or -1) assignments of class ``sclass`` to the item at index ``item``,
        its notice at index ``notice``, and the total."""
        col = COLUMN[sclass]
        cells = self.cells
        cells[item * WIDTH + col] += n
        cells[self.notice_row(notice) * WIDTH + col] += n
        cells[self.total_row * WIDTH + col] += n

    def move_unit(self, unit_id: int, sclass: str, n: int) -> None:
        col = COLUMN[sclass]
        if col not in UNFINISHED:
            return
        counts = self.units.setdefault(unit_id, [0, 0])
        counts[0] += n
        if col == OVERDUE:
            counts[1] += n

    # -- storing -------------------------------------------------------------------------

    def pack(self) -> bytes:
        units = array(TYPECODE)
        for u, (a, b) in self.units.items():
            units.extend((u, a, b))
        head = array(TYPECODE, [len(self.item_ids), len(self.notice_ids), len(self.units)])
        body = b"".join(
            x.tobytes() for x in (head, self.item_ids, self.notice_ids, self.cells, units)
        )
        return MAGIC + zlib.compress(body, 1)

    @classmethod
    def unpack(cls, blob: Any, items: array, notices: array) -> CountTable | None:
        """The stored table, if it is one of a frame with these item and notice ids (else
        None: counted again). Counts stored in an older form are never read."""
        blob = bytes(blob or b"")
        if not blob.startswith(MAGIC):
            return None
        try:
            values = array(TYPECODE, zlib.decompress(blob[len(MAGIC) :]))
        except (zlib.error, ValueError):
            return None
        if len(values) < 3:
            return None
        n_items, n_notices, n_units = values[0], values[1], values[2]
        a = 3
        b = a + n_items
        c = b + n_notices
        d = c + WIDTH * (n_items + n_notices + 1)
        if len(values) != d + 3 * n_units:
            return None
        if values[a:b] != items or values[b:c] != notices:
            return None
        flat = values[d:]
        units = {flat[i]: [flat[i + 1], flat[i + 2]] for i in range(0, len(flat), 3)}
        return cls(values[a:b], values[b:c], values[c:d], units)
