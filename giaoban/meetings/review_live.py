"""The live review of a briefing, kept up to date unit by unit.

Recomputing the review reads every assignment of every notice in force (about 90,000 for a
province): far more than a page may spend. But the review is a sum over the committee's units,
and every change to an assignment is audited with the assignment's unit, which bumps that unit's
data version (core/cache.py). So the cache keeps, per meeting and date:

- the counts (per item, per unit) and the data version of every unit of the committee when they
  were counted;
- per unit, the status class of each of its reviewed assignments ({task id: class}).

A read compares the units' versions (one ``get_many``): for the units that changed it reads their
assignments again (a few hundred rows by the unit index), takes the old classes out of the counts
and puts the new ones in. The frame (the notices in force, their items and tasks) is read on
every request: when it differs from the one counted (a notice issued or taken out of review), or
a cached part is missing, everything is counted again (``full``). The unfinished rows are always
read anew (the first units only): task texts and unit names are never stale.

The versions are read before the assignments, and a change bumps its unit's version when it is
made and again when its transaction commits, so counts read from a not yet committed state are
never kept under the final version (the rule of ``core.cache.cached``).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from giaoban.core.cache import _version, _version_key
from giaoban.meetings.models import Meeting
from giaoban.meetings.review import (
    Frame,
    _add,
    _compute_review,
    _item_tasks,
    _zero,
    add_to_unit,
    assemble,
    frame,
    grouped,
    new_unit_counts,
    notice_sums,
    reviewed_notices,
)
from giaoban.org.models import subtree_ids
from giaoban.tasks.models import Assignment
from giaoban.tasks.status import status_case

#: counters for tests and the bench: how the last reads were answered
STATS = {"full": 0, "patched": 0, "unchanged": 0, "units_read": 0}


def _key(meeting: Meeting, as_of: date) -> str:
    return f"giaoban:review-live:{meeting.pk}:{meeting.date.isoformat()}:{as_of.isoformat()}"


def _digest(f: Frame) -> str:
    text = repr((sorted(n[0] for n in f.notices), sorted(f.task_item.items())))
    return hashlib.sha1(text.encode()).hexdigest()


def _versions(unit_ids: list[int]) -> dict[int, int]:
    keys = {_version_key(u): u for u in unit_ids}
    found = cache.get_many(list(keys))
    out = {keys[k]: int(v) for k, v in found.items()}
    for u in unit_ids:
        if u not in out:
            out[u] = _version(u)  # a missing version starts above any cached entry
    return out


def _classes(f: Frame, as_of: date, unit_ids: list[int] | None) -> dict[int, dict[int, str]]:
    """{unit id: {task id: status class}} of the reviewed assignments (of ``unit_ids`` only)."""
    if unit_ids is None:
        qs = Assignment.objects.filter(task_id__in=f.task_ids)
    else:
        qs = f.of_units(unit_ids)
    rows = (
        qs.annotate(sclass=status_case(as_of, today=timezone.localdate()))
        .values_list("unit_id", "task_id", "sclass")
        .order_by()
    )
    out: dict[int, dict[int, str]] = defaultdict(dict)
    for unit_id, task_id, sclass in rows.iterator(chunk_size=5000) if f.task_item else []:
        if task_id in f.task_item:  # of_units reads every assignment of the units
            out[unit_id][task_id] = sclass
    return out


def _full(
    meeting: Meeting, as_of: date, f: Frame, key: str, units: list[int], counts_only: bool = False
) -> Any:
    STATS["full"] += 1
    versions = _versions(units)
    classes = _classes(f, as_of, None)
    extra = sorted(set(classes) - set(units))  # assignments of units outside the tree, if any
    if extra:
        units = units + extra
        versions.update(_versions(extra))
    by_item: dict[int, dict[str, int]] = defaultdict(_zero)
    unit_counts = new_unit_counts()
    for unit_id, tasks in classes.items():
        counts = unit_counts[unit_id]
        for task_id, sclass in tasks.items():
            _add(by_item[f.task_item[task_id]], sclass)
            add_to_unit(counts, sclass)
    timeout = settings.GIAOBAN_AGGREGATE_CACHE_SECONDS
    cache.set_many({f"{key}:u{u}": classes.get(u, {}) for u in units}, timeout=timeout)
    by_notice, totals = notice_sums(f, by_item)
    state = {
        "digest": _digest(f),
        "versions": versions,
        "by_item": dict(by_item),
        "by_notice": by_notice,
        "totals": totals,
        "units": dict(unit_counts),
    }
    cache.set(key, state, timeout=timeout)
    if counts_only:
        return Counts(f, by_item, by_notice, totals, unit_counts)
    data = assemble(f, by_item, unit_counts, as_of, (by_notice, totals))
    cache.set(f"{key}:data", (state["versions"], data), timeout=timeout)
    return data


def _counted(meeting: Meeting, as_of: date) -> Counts:
    """``Counts`` counted from scratch (one grouped pass, as ``review._compute_review``)."""
    f = frame(meeting, as_of)
    by_item, unit_counts = grouped(f, as_of)
    return Counts(f, by_item, *notice_sums(f, by_item), unit_counts)


def _frame(meeting: Meeting, as_of: date, key: str) -> Frame:
    """The frame, cached by the list of reviewed notices (one query): an issued notice is
    locked, so its items and tasks do not change while it stays in the list."""
    reviewed = reviewed_notices(meeting)
    notices = list(reviewed.values_list("id", "number", "doc_date", "title"))
    fkey = f"{key}:frame:" + hashlib.sha1(repr(notices).encode()).hexdigest()
    cached = cache.get(fkey)
    if cached is None:
        f = frame(meeting, as_of)
        cache.set(fkey, (f.items, f.task_item), timeout=settings.GIAOBAN_AGGREGATE_CACHE_SECONDS)
        return f
    notice_ids = reviewed.values("id")
    return Frame(
        notices=notices,
        items=cached[0],
        task_item=cached[1],
        task_ids=_item_tasks(notice_ids, as_of).values("task_id"),
        notice_ids=notice_ids,
        as_of=as_of,
    )


@dataclass
class Counts:
    """The counted review before its JSON is built: the page renders it directly."""

    frame: Frame
    by_item: dict[int, dict[str, int]]
    by_notice: dict[int, dict[str, int]]
    totals: dict[str, int]
    units: dict[int, dict[str, int]]


def live_counts(meeting: Meeting, as_of: date) -> Counts:
    """The review's counts at ``as_of``, kept up to date as ``live_review`` keeps its JSON."""
    return live_review(meeting, as_of, counts_only=True)


def live_review(meeting: Meeting, as_of: date, *, counts_only: bool = False) -> Any:
    """The review at ``as_of``, equal to ``review._compute_review`` (tests check it);
    ``counts_only``: its ``Counts`` rather than its JSON."""
    if settings.GIAOBAN_AGGREGATE_CACHE_SECONDS <= 0:
        if counts_only:
            return _counted(meeting, as_of)
        return _compute_review(meeting, as_of)
    key = _key(meeting, as_of)
    f = _frame(meeting, as_of, key)
    units = subtree_ids([meeting.committee_id])
    state = cache.get(key)
    if (
        state is None
        or "totals" not in state
        or state["digest"] != _digest(f)
        or not units <= set(state["versions"])
    ):
        return _full(meeting, as_of, f, key, sorted(units), counts_only)
    units = sorted(state["versions"])
    versions = _versions(units)
    changed = [u for u in units if versions[u] != state["versions"][u]]
    by_item = defaultdict(_zero, state["by_item"])
    sums = (state["by_notice"], state["totals"])
    unit_counts = new_unit_counts()
    unit_counts.update(state["units"])
    if not changed:
        STATS["unchanged"] += 1
        if counts_only:
            return Counts(f, by_item, *sums, unit_counts)
        done = cache.get(f"{key}:data")
        if done is not None and done[0] == state["versions"]:
            return done[1]
        data = assemble(f, by_item, unit_counts, as_of, sums)
        cache.set(
            f"{key}:data",
            (state["versions"], data),
            timeout=settings.GIAOBAN_AGGREGATE_CACHE_SECONDS,
        )
        return data
    old = cache.get_many([f"{key}:u{u}" for u in changed])
    if len(old) != len(changed):
        return _full(meeting, as_of, f, key, units, counts_only)
    STATS["patched"] += 1
    STATS["units_read"] += len(changed)
    fresh = _classes(f, as_of, changed)
    item_notice = {i[0]: i[1] for i in f.items}
    by_notice, totals = sums
    for u in changed:
        before, after = old[f"{key}:u{u}"], fresh.get(u, {})
        counts = unit_counts[u] = dict(unit_counts.get(u, {"unfinished": 0, "overdue": 0}))
        for task_id in before.keys() | after.keys():
            was, now = before.get(task_id), after.get(task_id)
            if was == now:
                continue
            item_id = f.task_item[task_id]
            notice_id = item_notice[item_id]
            item = by_item[item_id] = dict(by_item[item_id])
            notice = by_notice[notice_id] = dict(by_notice.get(notice_id) or _zero())
            if was is not None:
                for c in (item, notice, totals):
                    _add(c, was, -1)
                add_to_unit(counts, was, -1)
            if now is not None:
                for c in (item, notice, totals):
                    _add(c, now)
                add_to_unit(counts, now)
    timeout = settings.GIAOBAN_AGGREGATE_CACHE_SECONDS
    cache.set_many({f"{key}:u{u}": fresh.get(u, {}) for u in changed}, timeout=timeout)
    state = {
        "digest": state["digest"],
        "versions": {**state["versions"], **{u: versions[u] for u in changed}},
        "by_item": dict(by_item),
        "by_notice": by_notice,
        "totals": totals,
        "units": dict(unit_counts),
    }
    cache.set(key, state, timeout=timeout)
    # the assembled JSON is not stored here: the page keeps its own HTML, and a later read with
    # nothing changed assembles and stores it (a province's review pickles to ~1 MB)
    if counts_only:
        return Counts(f, by_item, by_notice, totals, unit_counts)
    return assemble(f, by_item, unit_counts, as_of, (by_notice, totals))
