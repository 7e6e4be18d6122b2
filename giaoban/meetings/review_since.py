""" "Since the briefing: N more done", kept unit by unit in the database.

A held briefing's page says how many more of its reviewed assignments are done now than it was
told. Counting them is one aggregate over every reviewed assignment (~85,000 for a province,
~40 ms of database time), and it was made again after every change in the committee. But the
count is a sum over units, and the database counts every write of a unit's assignments
(``UnitDataVersion``), as for the live review (review_live.py). So a ``ReviewState`` row of the
held meeting (key ``since:…``) keeps each unit's done count and its data version when counted;
a read compares the versions (one query) and counts again only the units that changed, by the
unit index.

No lock is needed: every write stores versions read before the counts it stores, so a state
is never labelled newer than its counts, and whichever of two writers writes last leaves a
state that the next read checks as any other.
"""

from __future__ import annotations

import hashlib
from array import array
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone

from giaoban.meetings.models import Meeting, ReviewState
from giaoban.meetings.review import done_since
from giaoban.meetings.review_live import unit_versions
from giaoban.org.models import subtree_ids
from giaoban.tasks.models import Assignment, AssignmentState

#: how the last reads were answered (tests, bench)
STATS = {"counted": 0, "patched": 0, "unchanged": 0, "units_read": 0}


def _done_by_unit(task_ids: list[int], unit_ids: list[int] | None = None) -> dict[int, int]:
    """{unit id: done assignments of the tasks} of every unit, or of ``unit_ids`` only (read
    by the unit index, the tasks kept here: a unit has a few thousand assignments at most)."""
    if unit_ids is None:
        rows = (
            Assignment.objects.filter(task_id__in=task_ids, state=AssignmentState.DONE)
            .values("unit_id")
            .annotate(n=Count("id"))
            .values_list("unit_id", "n")
            .order_by()
        )
        return dict(rows)
    tasks = set(task_ids)
    out = dict.fromkeys(unit_ids, 0)
    for unit_id, task_id in (
        Assignment.objects.filter(unit_id__in=unit_ids, state=AssignmentState.DONE)
        .values_list("unit_id", "task_id")
        .order_by()
    ):
        if task_id in tasks:
            out[unit_id] += 1
    return out


def _pack(done: dict[int, int]) -> bytes:
    flat = array("q")
    for unit_id, n in sorted(done.items()):
        flat.extend((unit_id, n))
    return flat.tobytes()


def _unpack(blob: Any) -> dict[int, int]:
    flat = array("q")
    flat.frombytes(bytes(blob or b""))
    return {flat[i]: flat[i + 1] for i in range(0, len(flat) - 1, 2)}


def since_done(meeting: Meeting, snapshot_pk: int, summary: dict[str, Any]) -> int:
    """``review.done_since(summary)``, kept up to date unit by unit (equal to it: tests)."""
    task_ids = summary.get("task_ids")
    if not summary["notice_ids"] or task_ids is None:
        return done_since(summary)
    key = f"since:{snapshot_pk}"
    digest = hashlib.sha1(array("q", task_ids).tobytes()).hexdigest()
    units = subtree_ids([meeting.committee_id])
    row = (
        ReviewState.objects.filter(meeting=meeting, key=key)
        .values_list("digest", "versions", "counts")
        .first()
    )
    if row is not None and row[0] == digest:
        stored = {int(k): v for k, v in row[1].items()}
        done = _unpack(row[2])
        versions = unit_versions(sorted(units | set(stored)))
        changed = [u for u, n in versions.items() if stored.get(u) != n]
        if not changed:
            STATS["unchanged"] += 1
            return max(0, sum(done.values()) - summary["done"])
        STATS["patched"] += 1
        STATS["units_read"] += len(changed)
        done.update(_done_by_unit(task_ids, changed))
    else:
        STATS["counted"] += 1
        versions = unit_versions(sorted(units))  # before the assignments are read
        done = _done_by_unit(task_ids)
        extra = sorted(set(done) - set(versions))  # units outside the tree, if any
        if extra:
            versions.update(unit_versions(extra))
    done = {u: n for u, n in done.items() if n}
    values = {"digest": digest, "versions": versions, "counts": _pack(done)}
    if row is None:
        try:
            with transaction.atomic():
                ReviewState.objects.create(meeting=meeting, key=key, **values)
        except IntegrityError:  # counted at the same time by another request
            pass
    else:
        ReviewState.objects.filter(meeting=meeting, key=key).update(
            **values, updated_at=timezone.now()
        )
    return max(0, sum(done.values()) - summary["done"])
