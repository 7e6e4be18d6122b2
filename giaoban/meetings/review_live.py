"""The live review of a briefing, kept up to date unit by unit, in the database.

Recomputing the review reads every assignment of every notice in force (about 90,000 for a
province): far more than a page may spend. But the review is a sum over the committee's units,
and the database counts every write of a unit's assignments (``UnitDataVersion``, kept by
triggers in the writing transaction: migration 0004). So a ``ReviewState`` row keeps, per
meeting, date and mode (the date past or not when counted: the status rule differs):

- the counts (per item, per notice, in total, per unit) and each unit's data version when its
  assignments were read;
- per unit (``ReviewStateUnit``), the status class of each of its reviewed assignments, as text
  ("task:code,…"), read only when that unit changed.

A read compares the units' versions with the state's (one query each): for the units that
changed it reads their assignments again (by the unit index), takes the old classes out of the
counts and puts the new ones in. The list of notices in force is read on every request (their
items and tasks, the frame, are kept by that list: ``_frame``): when the frame differs from the one counted (a notice issued or taken out of
review), or the tree has a unit the state does not know, everything is counted again (``full``:
one statement, so the counts and the units' classes come from one snapshot).

It lives in the database, not the cache: a cache clear, an eviction or a restart loses nothing,
and the state needs no time limit (what keeps it right is the versions, which count every write,
whoever makes it). The versions are read before the assignments, so a state is never labelled
newer than the data it holds; writers take the state's row lock first (one at a time per state),
so the counts and the units' classes are always written together. The counts are one flat table
of integers (review_table.py), stored as bytes (writing a province's ~100 kB of counts as jsonb
cost PostgreSQL ~17 ms) and moved in place (as dicts per item they cost ~8 ms each way), with a
revision raised by every write, so the read under the lock reuses the counts read just before
it unless someone wrote them in between.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from array import array
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import CharField, F
from django.db.models.functions import Cast
from django.utils import timezone

from giaoban.core.cache import process_memo
from giaoban.meetings.models import Meeting, ReviewState, ReviewStateUnit, UnitDataVersion
from giaoban.meetings.review import (
    OPEN_OVERDUE,
    UNFINISHED,
    Frame,
    _add,
    _compute_review,
    _item_tasks,
    _zero,
    assemble,
    frame,
    grouped,
    new_unit_counts,
    reviewed_notices,
)
from giaoban.meetings.review_table import CODES, CountTable, ids_of
from giaoban.org.models import subtree_ids
from giaoban.tasks.models import Assignment
from giaoban.tasks.status import status_case

#: counters for tests and the bench: how the last reads were answered
STATS = {"full": 0, "patched": 0, "unchanged": 0, "units_read": 0}
#: a class as one character in the units' texts
CODE_OF = {c: str(i) for i, c in enumerate(CODES)}
#: states kept per meeting (its date and a few more dates asked through the API)
KEEP_STATES = 4
#: frames read in this process, by the hash of their notices (see ``_frame``): a province's is
#: ~1.2 MB with its index, and up to ~1.5 MB more of item tables (review_section.MAX_TABLES)
_FRAMES: dict[str, tuple] = process_memo()
MAX_FRAMES = 16


def _key(meeting: Meeting, as_of: date) -> str:
    mode = "past" if as_of < timezone.localdate() else "now"
    return f"{meeting.date.isoformat()}:{as_of.isoformat()}:{mode}"


def _cache_key(meeting: Meeting, as_of: date) -> str:
    return f"giaoban:review-live:{meeting.pk}:{_key(meeting, as_of)}"


def _digest(f: Frame) -> str:
    """The notices and tasks counted (kept with the frame in the process: ~3 ms a province)."""
    memo = f.memo if f.memo is not None else {}
    found = memo.get("digest")
    if found is None:
        numbers = array("q", sorted(n[0] for n in f.notices))
        numbers.append(-1)  # between the notices and the (task, item) pairs
        for pair in sorted(f.task_item.items()):
            numbers.extend(pair)
        found = memo["digest"] = hashlib.sha1(numbers.tobytes()).hexdigest()
    return found


def unit_versions(unit_ids: list[int]) -> dict[int, int]:
    """{unit id: data version} (no row: 0), one query."""
    found = dict(UnitDataVersion.objects.filter(unit_id__in=unit_ids).values_list("unit_id", "n"))
    return {u: found.get(u, 0) for u in unit_ids}


def _encode(classes: dict[int, str]) -> str:
    return ",".join(f"{t}:{CODE_OF[c]}" for t, c in classes.items())


def _decode(text: str) -> dict[int, str]:
    if not text:
        return {}
    out: dict[int, str] = {}
    for part in text.split(","):
        task, code = part.split(":")
        out[int(task)] = CODES[int(code)]
    return out


def _classes(f: Frame, as_of: date, unit_ids: list[int]) -> dict[int, dict[int, str]]:
    """{unit id: {task id: status class}} of the reviewed assignments of a few units."""
    rows = (
        f.of_units(unit_ids)
        .annotate(sclass=status_case(as_of, today=timezone.localdate()))
        .values_list("unit_id", "task_id", "sclass")
        .order_by()
    )
    out: dict[int, dict[int, str]] = defaultdict(dict)
    for unit_id, task_id, sclass in rows if f.task_item else []:
        if task_id in f.task_item:  # of_units reads every assignment of the units
            out[unit_id][task_id] = sclass
    return out


def _counted_with_units(f: Frame, as_of: date) -> tuple[dict, dict, dict[int, str]]:
    """(counts per item, per unit, {unit: classes as text}) in one statement (one snapshot):
    the rows are grouped by task and class for the counts, and by unit for the units' texts."""
    if not f.task_item:
        return defaultdict(_zero), new_unit_counts(), {}
    inner = (
        Assignment.objects.filter(task_id__in=f.task_ids)
        .annotate(sclass=status_case(as_of, today=timezone.localdate()))
        .values("task_id", "unit_id", "sclass")
        .order_by()
    )
    sql, params = inner.query.sql_with_params()
    concat = "string_agg" if connection.vendor == "postgresql" else "group_concat"
    code = "CASE r.sclass " + " ".join(f"WHEN '{c}' THEN '{i}'" for i, c in enumerate(CODES))
    unfinished = ", ".join(f"'{c}'" for c in UNFINISHED)
    query = (
        f"WITH r AS ({sql}) "
        f"SELECT 0, r.unit_id, {concat}(CAST(r.task_id AS TEXT) || ':' || ({code} END), ','), "
        f"SUM(CASE WHEN r.sclass IN ({unfinished}) THEN 1 ELSE 0 END), "
        f"SUM(CASE WHEN r.sclass = '{OPEN_OVERDUE}' THEN 1 ELSE 0 END) FROM r GROUP BY r.unit_id "
        "UNION ALL SELECT 1, r.task_id, r.sclass, COUNT(*), 0 FROM r GROUP BY r.task_id, r.sclass"
    )
    by_item: dict[int, dict[str, int]] = defaultdict(_zero)
    unit_counts = new_unit_counts()
    texts: dict[int, str] = {}
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        for kind, key, value, n, overdue in cursor.fetchall():
            if kind == 0:
                texts[key] = value
                unit_counts[key] = {"unfinished": int(n), "overdue": int(overdue)}
            else:
                _add(by_item[f.task_item[key]], value, n)
    return by_item, unit_counts, texts


def _counted(meeting: Meeting, as_of: date) -> Counts:
    """``Counts`` counted from scratch (one grouped pass, as ``review._compute_review``)."""
    f = frame(meeting, as_of)
    by_item, unit_counts = grouped(f, as_of)
    return Counts(f, CountTable.from_dicts(f.items, f.notices, by_item, unit_counts))


def _frame(meeting: Meeting, as_of: date) -> Frame:
    """The frame, kept by the list of reviewed notices and their last change (one query): an
    issued notice is locked (its tasks are given when it is issued), so its items and tasks do
    not change while it stays in the list. Kept in the process, and in the state's row (written
    with the counts) so that a new process does not read the items and tasks again (a province:
    ~3,400 items and tasks; their ~50 kB read and unpacked in ~5 ms, where a copy in the cache
    cost ~4 ms to write and as much to read)."""
    reviewed = reviewed_notices(meeting)
    # the last change as text: it is only hashed, and parsing 400 timestamps costs ~3 ms
    stamp = Cast("updated_at", output_field=CharField())
    rows = list(reviewed.values_list("id", "number", "doc_date", "title", stamp))
    notices = [r[:4] for r in rows]
    fhash = hashlib.sha1(repr(rows).encode()).hexdigest()  # the notices and their last change
    fkey = f"{_cache_key(meeting, as_of)}:frame:{fhash}"
    cached = _FRAMES.get(fkey)
    if cached is None:
        key = _key(meeting, as_of)
        blob = (
            ReviewState.objects.filter(meeting=meeting, key=key, frame_key=fhash)
            .values_list("frame", flat=True)
            .first()
        )
        if not blob:
            f = frame(meeting, as_of)
            # a state counted before stores it now (a new state stores it with its counts)
            ReviewState.objects.filter(meeting=meeting, key=key).update(
                frame_key=fhash, frame=_packed_frame(f)
            )
            f.memo = _remember(fkey, (f.items, f.task_item))[2]
            f.memo["fhash"] = fhash
            return f
        packed = _unpack(blob)
        cached = _remember(fkey, ([tuple(i) for i in packed["items"]], dict(packed["task_item"])))
        cached[2]["fhash"] = fhash
    notice_ids = reviewed.values("id")
    return Frame(
        notices=notices,
        items=cached[0],
        task_item=cached[1],
        task_ids=_item_tasks(notice_ids, as_of).values("task_id"),
        notice_ids=notice_ids,
        as_of=as_of,
        memo=cached[2],
    )


@dataclass(frozen=True)
class FrameIndex:
    """Where each item and notice of a frame stands in its ``CountTable``."""

    item_ids: Any  # array of the items' ids, in the frame's order
    notice_ids: Any  # the same of the notices
    item_row: dict[int, int]  # item id -> row
    notice_of_row: list[int]  # item row -> its notice's index


def _packed_frame(f: Frame) -> bytes:
    return _pack({"items": f.items, "task_item": list(f.task_item.items())})


def _remember(fkey: str, pair: tuple) -> tuple:
    """(items, task_item) of a frame kept in this process with its index: it is a function of
    the frame's hash (its notices and their last change), which is in the key."""
    while len(_FRAMES) >= MAX_FRAMES:  # the oldest first
        del _FRAMES[next(iter(_FRAMES))]
    items, task_item = pair
    value = _FRAMES[fkey] = (items, task_item, {})
    return value


def _index(f: Frame) -> FrameIndex:
    """The frame's index, made once per frame and process (kept with the frame's items)."""
    memo = f.memo if f.memo is not None else {}
    found = memo.get("index")
    if found is None:
        notice_index = {n[0]: i for i, n in enumerate(f.notices)}
        found = memo["index"] = FrameIndex(
            item_ids=ids_of(f.items),
            notice_ids=ids_of(f.notices),
            item_row={item[0]: i for i, item in enumerate(f.items)},
            notice_of_row=[notice_index.get(item[1], -1) for item in f.items],
        )
    return found


@dataclass
class Counts:
    """The counted review before its JSON is built: the page renders it directly."""

    frame: Frame
    table: CountTable

    @property
    def by_item(self) -> dict[int, dict[str, int]]:
        return defaultdict(_zero, self.table.by_item)

    @property
    def by_notice(self) -> dict[int, dict[str, int]]:
        return self.table.by_notice

    @property
    def totals(self) -> dict[str, int]:
        return self.table.totals

    @property
    def units(self) -> dict[int, dict[str, int]]:
        units = new_unit_counts()
        units.update(self.table.unit_counts())
        return units


def _pack(value: dict[str, Any]) -> bytes:
    """The frame as stored: compact JSON, compressed (zlib's fastest level)."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return zlib.compress(text.encode(), 1)  # UTF-8 rather than ASCII escapes: read twice as fast


def _unpack(blob: bytes | memoryview | None) -> dict[str, Any]:
    """The stored frame ({} for none)."""
    return json.loads(zlib.decompress(blob).decode()) if blob else {}


def _table(blob: Any, f: Frame) -> CountTable | None:
    """The stored counts, if they are a table of this frame's items and notices."""
    index = _index(f)
    return CountTable.unpack(blob, index.item_ids, index.notice_ids)


def live_counts(meeting: Meeting, as_of: date) -> Counts:
    """The review's counts at ``as_of``, kept up to date as ``live_review`` keeps its JSON."""
    return live_review(meeting, as_of, counts_only=True)


def _result(f: Frame, counts: Counts, versions: dict[int, int], key: str, counts_only: bool):
    """The counts, or the JSON (cached for the frame and the versions it was counted at)."""
    if counts_only:
        return counts
    done = cache.get(f"{key}:data")
    label = (_digest(f), sorted(versions.items()))
    if done is not None and done[0] == label:
        return done[1]
    data = assemble(f, counts.by_item, counts.units, f.as_of, (counts.by_notice, counts.totals))
    cache.set(f"{key}:data", (label, data), timeout=settings.GIAOBAN_AGGREGATE_CACHE_SECONDS)
    return data


def live_review(meeting: Meeting, as_of: date, *, counts_only: bool = False) -> Any:
    """The review at ``as_of``, equal to ``review._compute_review`` (tests check it);
    ``counts_only``: its ``Counts`` rather than its JSON."""
    if settings.GIAOBAN_AGGREGATE_CACHE_SECONDS <= 0:
        if counts_only:
            return _counted(meeting, as_of)
        return _compute_review(meeting, as_of)
    key = _key(meeting, as_of)
    f = _frame(meeting, as_of)
    digest = _digest(f)
    units = subtree_ids([meeting.committee_id])
    row = (
        ReviewState.objects.filter(meeting=meeting, key=key)
        .values_list("digest", "versions", "revision", "counts")
        .first()
    )
    versions = None
    read = None  # (revision, counts) read before the lock
    if row is not None and row[0] == digest and row[2] > 0:
        read = (row[2], _table(row[3], f))
        stored = {int(k): v for k, v in row[1].items()}
        if units <= set(stored) and read[1] is not None:
            versions = unit_versions(sorted(stored))
            if versions == stored:
                STATS["unchanged"] += 1
                counts = Counts(f, read[1])
                return _result(f, counts, versions, _cache_key(meeting, as_of), counts_only)
    with transaction.atomic():
        state = _lock(meeting, key, f, read)
        counts, versions = _bring_up_to_date(state, f, digest, sorted(units), as_of, versions)
    return _result(f, counts, versions, _cache_key(meeting, as_of), counts_only)


def _lock(
    meeting: Meeting, key: str, f: Frame, read: tuple[int, CountTable | None] | None = None
) -> ReviewState:
    """The state's row, created if missing, locked until the transaction ends: one upsert
    writes it first (a row lock on PostgreSQL, the write lock on SQLite) and returns it, its
    counts in ``table`` (None: none of this frame). ``read``: (revision, table) read before
    the lock, used again when the revision is still the same (nobody wrote in between), else
    read again."""
    table = ReviewState._meta.db_table
    sql = (
        f"INSERT INTO {table} (meeting_id, key, digest, versions, counts, revision, frame_key,"
        " frame, updated_at) VALUES (%s, %s, '', '{}', %s, 0, '', %s, %s) "
        "ON CONFLICT (meeting_id, key) DO UPDATE SET updated_at = excluded.updated_at "
        "RETURNING id, digest, versions, revision"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [meeting.pk, key, b"", b"", timezone.now()])
        pk, digest, versions, revision = cursor.fetchone()
    if isinstance(versions, str):  # SQLite returns the JSON as text
        versions = json.loads(versions)
    state = ReviewState(pk=pk, meeting=meeting, key=key, digest=digest, versions=versions)
    state.revision = revision
    if revision == 0:
        state.table = None
    elif read is not None and read[0] == revision:
        state.table = read[1]
    else:
        blob = ReviewState.objects.values_list("counts", flat=True).get(pk=pk)
        state.table = _table(blob, f)
    return state


def _forget_old_states(meeting: Meeting) -> None:
    """Keep the KEEP_STATES states of the meeting used last (other dates asked by the API)."""
    old = ReviewState.objects.filter(meeting=meeting).order_by("-updated_at", "-id")
    stale = list(old.values_list("pk", flat=True)[KEEP_STATES:])
    if stale:
        ReviewState.objects.filter(pk__in=stale).delete()


def _bring_up_to_date(
    state: ReviewState,
    f: Frame,
    digest: str,
    units: list[int],
    as_of: date,
    versions: dict[int, int] | None,
) -> tuple[Counts, dict[int, int]]:
    """Under the state's lock: count everything, or move the changed units only.
    ``versions``: the units' versions read before the lock (read now if none): a state is
    never labelled newer than what was read after them."""
    stored = {int(k): v for k, v in state.versions.items()}
    table = state.table
    if state.digest != digest or table is None or not set(units) <= set(stored):
        return _full(state, f, digest, units, as_of)
    if versions is None or set(versions) != set(stored):
        versions = unit_versions(sorted(stored))
    changed = [u for u in sorted(stored) if versions[u] != stored[u]]
    if not changed:  # brought up to date by the request that held the lock before
        STATS["unchanged"] += 1
        return Counts(f, table), versions
    old = dict(
        ReviewStateUnit.objects.filter(state=state, unit_id__in=changed).values_list(
            "unit_id", "classes"
        )
    )
    STATS["patched"] += 1
    STATS["units_read"] += len(changed)
    fresh = _classes(f, as_of, changed)
    index = _index(f)
    item_row, notice_of_row = index.item_row, index.notice_of_row
    for u in changed:
        before, after = _decode(old.get(u, "")), fresh.get(u, {})
        for task_id in before.keys() | after.keys():
            was, now = before.get(task_id), after.get(task_id)
            if was == now:
                continue
            row = item_row[f.task_item[task_id]]
            notice = notice_of_row[row]
            if was is not None:
                table.move(row, notice, was, -1)
                table.move_unit(u, was, -1)
            if now is not None:
                table.move(row, notice, now, 1)
                table.move_unit(u, now, 1)
    # the changed units' rows replaced in two statements, however many units changed
    ReviewStateUnit.objects.filter(state=state, unit_id__in=changed).delete()
    ReviewStateUnit.objects.bulk_create(
        ReviewStateUnit(state=state, unit_id=u, classes=_encode(fresh.get(u, {}))) for u in changed
    )
    _save(state, digest, versions, table)
    return Counts(f, table), versions


def _save(
    state: ReviewState,
    digest: str,
    versions: dict[int, int],
    table: CountTable,
    f: Frame | None = None,
) -> None:
    """Write the counts (and, from a count from scratch, the frame they were counted for)."""
    more = {}
    if f is not None and f.memo is not None and "fhash" in f.memo:
        more = {"frame_key": f.memo["fhash"], "frame": _packed_frame(f)}
    ReviewState.objects.filter(pk=state.pk).update(
        **more,
        digest=digest,
        versions=versions,
        counts=table.pack(),
        revision=F("revision") + 1,
        updated_at=timezone.now(),
    )


def _full(
    state: ReviewState, f: Frame, digest: str, units: list[int], as_of: date
) -> tuple[Counts, dict[int, int]]:
    STATS["full"] += 1
    versions = unit_versions(units)  # before the assignments are read
    by_item, unit_counts, texts = _counted_with_units(f, as_of)
    extra = sorted(set(texts) - set(units))  # assignments of units outside the tree, if any
    if extra:
        versions.update(unit_versions(extra))
    table = CountTable.from_dicts(f.items, f.notices, by_item, unit_counts)
    _forget_old_states(state.meeting)
    ReviewStateUnit.objects.filter(state=state).delete()
    ReviewStateUnit.objects.bulk_create(
        ReviewStateUnit(state=state, unit_id=u, classes=t) for u, t in texts.items()
    )
    _save(state, digest, versions, table, f)
    return Counts(f, table), versions
