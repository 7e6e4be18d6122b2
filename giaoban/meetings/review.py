"""The review at a briefing: what became of the earlier notices' tasks, as of the meeting date.

``build_review`` reads every issued notice of the committee still in force and dated before
the meeting, item by item, with the status classes of their assignments at ``as_of``, and the
unfinished assignments grouped by unit. Its result is plain JSON: the snapshot stores it as is,
so the page of a held meeting shows exactly what the meeting was told.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from giaoban.meetings.models import ItemTask, Meeting, Notice, NoticeItem, NoticeState
from giaoban.org.models import Unit
from giaoban.tasks.models import Assignment, AssignmentState
from giaoban.tasks.status import StatusClass, status_case

DONE = (StatusClass.DONE_ON_TIME.value, StatusClass.DONE_LATE.value)
UNFINISHED = (
    StatusClass.OPEN_IN_TIME.value,
    StatusClass.OPEN_OVERDUE.value,
    StatusClass.STANDING.value,
)


CANCELLED = StatusClass.CANCELLED.value
OPEN_OVERDUE = StatusClass.OPEN_OVERDUE.value
#: the counts of an item, a notice or the whole review: one per class, "total" (not cancelled)
#: and "done"; copied rather than built (an enum's .value is slow, and a province reviews
#: thousands of items)
ZERO: dict[str, int] = {**{cls.value: 0 for cls in StatusClass}, "total": 0, "done": 0}
COUNT_KEYS = tuple(ZERO)


def _zero() -> dict[str, int]:
    return ZERO.copy()


def _add(counts: dict[str, int], status: str, n: int = 1) -> None:
    counts[status] += n
    if status != CANCELLED:
        counts["total"] += n
    if status in DONE:
        counts["done"] += n


def reviewed_notices(meeting: Meeting) -> QuerySet:
    """Issued notices of the meeting's committee, in force, dated before the meeting."""
    return (
        Notice.objects.filter(
            committee_id=meeting.committee_id,
            state=NoticeState.ISSUED,
            in_force=True,
            doc_date__lt=meeting.date,
        )
        .exclude(meeting=meeting)
        .order_by("doc_date", "id")
    )


#: the unfinished rows kept per review (by unit); the counts always cover every assignment
MAX_ROWS = 500


def _item_tasks(notice_ids: Any, as_of: date) -> QuerySet:
    """The links of the notices' tasks given by ``as_of`` (``notice_ids``: ids or a query).
    From today on every task was given by then (no task is entered with a future date), so
    the tasks table is not read (as ``tasks.status.existed_q``)."""
    qs = ItemTask.objects.filter(item__notice_id__in=notice_ids, task__isnull=False)
    if as_of < timezone.localdate():
        qs = qs.filter(task__created_on__lte=as_of)
    return qs


def _task_items(notice_ids: Any, as_of: date) -> dict[int, int]:
    """{task id: item id} of the notices' tasks given by ``as_of``."""
    return dict(_item_tasks(notice_ids, as_of).values_list("task_id", "item_id"))


def _reviewed_assignments(notice_ids: list[int], as_of: date) -> QuerySet:
    # by task id (the (task, unit) index) rather than joining four tables for every row
    return Assignment.objects.filter(task_id__in=_item_tasks(notice_ids, as_of).values("task_id"))


def build_review(meeting: Meeting, *, as_of: date | None = None) -> dict[str, Any]:
    """Figures and rows of the review, kept up to date unit by unit (see review_live.py)."""
    from giaoban.meetings.review_live import live_review

    return live_review(meeting, as_of or meeting.date)


def _grouped_counts(task_ids: QuerySet, as_of: date) -> list[tuple[str, int, str, int]]:
    """[(key kind "task" | "unit", id, status class, n)] over the assignments of the tasks
    ``task_ids`` (a query: the ids stay in the database rather than travelling as parameters).

    The status class is ``tasks.status.status_case`` at ``as_of`` (the rule every count of the
    project uses), compiled by Django; only the grouping is written here. PostgreSQL reads the
    rows once (GROUPING SETS: by task and by unit in one scan of the covering index of migration
    0002); SQLite, which has no grouping sets, groups the same compiled rows twice.
    """
    inner = (
        Assignment.objects.filter(task_id__in=task_ids)
        .annotate(sclass=status_case(as_of, today=timezone.localdate()))
        .values("task_id", "unit_id", "sclass")
        .order_by()
    )
    sql, params = inner.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT GROUPING(r.task_id), COALESCE(r.task_id, r.unit_id), r.sclass, COUNT(*) "
                f"FROM ({sql}) r GROUP BY GROUPING SETS ((r.task_id, r.sclass), (r.unit_id, r.sclass))",
                params,
            )
            return [("unit" if g else "task", key, cls, n) for g, key, cls, n in cursor.fetchall()]
        out: list[tuple[str, int, str, int]] = []
        for kind, column in (("task", "task_id"), ("unit", "unit_id")):
            cursor.execute(
                f"SELECT r.{column}, r.sclass, COUNT(*) FROM ({sql}) r GROUP BY r.{column}, r.sclass",
                params,
            )
            out += [(kind, key, cls, n) for key, cls, n in cursor.fetchall()]
        return out


def _first_units(units: dict[int, dict[str, Any]], limit: int) -> list[int]:
    """The units whose unfinished rows come first in the listing order (unit order, name),
    enough of them to hold ``limit`` rows (with every unit tied with the last one)."""
    order = sorted(units.values(), key=lambda u: (u["sort_order"], u["unit"]))
    chosen: list[int] = []
    total = 0
    last: tuple[int, str] | None = None
    for u in order:
        key = (u["sort_order"], u["unit"])
        if total >= limit and key != last:
            break
        chosen.append(u["unit_id"])
        total += u["unfinished"]
        last = key
    return chosen


@dataclass
class Frame:
    """What a review reads besides the assignments: the notices, their items, and the tasks."""

    notices: list[tuple]
    items: list[tuple]
    task_item: dict[int, int]
    task_ids: QuerySet  # the tasks' ids, as a subquery
    notice_ids: Any = None  # the reviewed notices' ids, as a subquery
    as_of: date | None = None
    #: what the live review keeps of this frame in the process (review_live._index)
    memo: dict | None = None

    def of_units(self, unit_ids: list[int]) -> QuerySet:
        """Every assignment of a few units, read by the unit index (a unit has a few thousand
        at most): the caller keeps those of the reviewed tasks (``task_item``). Joining the
        reviewed tasks in SQL instead makes the database build the whole list of them."""
        return Assignment.objects.filter(unit_id__in=unit_ids)


def frame(meeting: Meeting, as_of: date) -> Frame:
    """Three queries: the reviewed notices, their items, the links of their tasks."""
    reviewed = reviewed_notices(meeting)
    notice_ids = reviewed.values("id")
    return Frame(
        notices=list(reviewed.values_list("id", "number", "doc_date", "title")),
        items=list(
            NoticeItem.objects.filter(notice_id__in=notice_ids)
            .order_by("notice_id", "number")
            .values_list("id", "notice_id", "number", "heading", "text", "no_task")
        ),
        task_item=_task_items(notice_ids, as_of),
        task_ids=_item_tasks(notice_ids, as_of).values("task_id"),
        notice_ids=notice_ids,
        as_of=as_of,
    )


def new_unit_counts() -> dict[int, dict[str, int]]:
    return defaultdict(lambda: {"unfinished": 0, "overdue": 0})


def add_to_unit(counts: dict[str, int], sclass: str, n: int = 1) -> None:
    if sclass in UNFINISHED:
        counts["unfinished"] += n
        if sclass == StatusClass.OPEN_OVERDUE.value:
            counts["overdue"] += n


def grouped(f: Frame, as_of: date) -> tuple[dict[int, dict[str, int]], dict[int, dict[str, int]]]:
    """(counts per item, unfinished and overdue per unit) from one grouped pass in SQL."""
    by_item: dict[int, dict[str, int]] = defaultdict(_zero)
    unit_counts = new_unit_counts()
    for kind, key, sclass, n in _grouped_counts(f.task_ids, as_of) if f.task_item else []:
        if kind == "task":
            _add(by_item[f.task_item[key]], sclass, n)
        else:
            add_to_unit(unit_counts[key], sclass, n)
    return by_item, unit_counts


def _compute_review(meeting: Meeting, as_of: date) -> dict[str, Any]:
    """Counts grouped in SQL in one pass over the reviewed assignments (two on SQLite); the
    unfinished rows listed up to MAX_ROWS, read from the first units only. Six queries (seven
    on SQLite) whatever the number of notices and assignments."""
    f = frame(meeting, as_of)
    by_item, unit_counts = grouped(f, as_of)
    return assemble(f, by_item, unit_counts, as_of)


def notice_sums(
    f: Frame, by_item: dict[int, dict[str, int]]
) -> tuple[dict[int, dict[str, int]], dict[str, int]]:
    """The counts per notice and in total, summed from the items' (one pass over the items);
    the live review keeps them and moves them with the items' counts instead."""
    by_notice: dict[int, dict[str, int]] = {}
    totals = _zero()
    keys = COUNT_KEYS
    for pk, notice_id, *_ in f.items:
        counts = by_item.get(pk)
        if counts is None:
            continue
        per_notice = by_notice.get(notice_id)
        if per_notice is None:
            per_notice = by_notice[notice_id] = ZERO.copy()
        for key in keys:
            value = counts[key]
            if value:
                per_notice[key] += value
                totals[key] += value
    return by_notice, totals


def assemble(
    f: Frame,
    by_item: dict[int, dict[str, int]],
    unit_counts: dict[int, dict[str, int]],
    as_of: date,
    sums: tuple[dict[int, dict[str, int]], dict[str, int]] | None = None,
) -> dict[str, Any]:
    """The review's JSON from the counts: per notice and in total (``sums``, else summed here),
    the units with unfinished work (one query for their names), and the first MAX_ROWS
    unfinished rows (one query)."""
    notices, items = f.notices, f.items
    by_notice, totals = sums if sums is not None else notice_sums(f, by_item)
    items_of: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for pk, notice_id, number, heading, text, no_task in items:
        counts = by_item.get(pk)
        items_of[notice_id].append(
            {
                "id": pk,
                "number": number,
                "heading": heading,
                "text": text,
                "no_task": no_task,
                "counts": counts if counts is not None else ZERO.copy(),
            }
        )
    out_notices = [
        {
            "id": pk,
            "number": number,
            "doc_date": doc_date.isoformat(),
            "title": title,
            "items": items_of.get(pk, []),
            "counts": by_notice[pk] if pk in by_notice else _zero(),
        }
        for pk, number, doc_date, title in notices
    ]
    return {
        "as_of": as_of.isoformat(),
        "notices": out_notices,
        "totals": totals,
        **units_and_rows(f, unit_counts, as_of),
    }


def units_and_rows(f: Frame, unit_counts: dict[int, dict[str, int]], as_of: date) -> dict[str, Any]:
    """The units with unfinished work (one query for their names) and the first MAX_ROWS
    unfinished rows, read from the first units in the listing order (one query)."""
    unit_counts = {k: v for k, v in unit_counts.items() if v["unfinished"]}
    units: dict[int, dict[str, Any]] = {}
    for pk, name, sort_order in Unit.objects.filter(pk__in=list(unit_counts)).values_list(
        "pk", "name", "sort_order"
    ):
        units[pk] = {
            "unit_id": pk,
            "unit": name,
            "unfinished": unit_counts[pk]["unfinished"],
            "overdue": unit_counts[pk]["overdue"],
            "rows": [],
            "sort_order": sort_order,
        }
    first = _first_units(units, MAX_ROWS)
    # the units in the listing order (as _first_units chose them: by order and name, units of
    # the same order and name together); within those by deadline and id, as the database
    # orders them (NULLs where each database puts them): a stable sort of its rows
    groups: dict[tuple[int, str], int] = {}
    place = {
        pk: groups.setdefault((units[pk]["sort_order"], units[pk]["unit"]), len(groups))
        for pk in first
    }
    rows = (
        f.of_units(first)
        .annotate(sclass=status_case(as_of, today=timezone.localdate()))
        .filter(status_in_unfinished())
        .values_list(
            "id",
            "unit_id",
            "sclass",
            "deadline",
            "task__text",
            "task__item_number",
            "task__doc_number",
            "task_id",
        )
        .order_by("deadline", "id")
        if first
        else []
    )
    overdue: list[dict[str, Any]] = []
    listed = 0
    task_item = f.task_item
    for pk, unit_id, sclass, deadline, text, item, doc, task_id in sorted(
        rows, key=lambda r: place[r[1]]
    ):
        if task_id not in task_item:
            continue  # another task of the unit
        if listed >= MAX_ROWS:
            break
        row = {
            "assignment_id": pk,
            "source": f"{doc}, mục {item}",
            "text": text,
            "deadline": deadline.isoformat() if deadline else None,
            "status": sclass,
        }
        units[unit_id]["rows"].append(row)
        listed += 1
        if sclass == OPEN_OVERDUE:
            overdue.append({**row, "unit": units[unit_id]["unit"]})
    unfinished = sum(u["unfinished"] for u in units.values())
    for u in units.values():
        del u["sort_order"]
    return {
        "by_unit": sorted(units.values(), key=lambda u: (-u["unfinished"], u["unit"])),
        "overdue": overdue,
        "rows_listed": listed,
        "rows_truncated": listed < unfinished,
    }


def status_in_unfinished() -> Q:
    return Q(sclass__in=list(UNFINISHED))


def frozen_summary(data: dict[str, Any]) -> dict[str, Any]:
    """What "since the briefing" needs of a frozen review: its date, notices and done count."""
    return {
        "as_of": data["as_of"],
        "notice_ids": [n["id"] for n in data.get("notices", [])],
        "done": data["totals"]["done"],
    }


def done_since(data: dict[str, Any]) -> int:
    """How many more of the reviewed assignments are done now than the briefing was told
    (``data``: the frozen review or its ``frozen_summary``, which may hold the reviewed tasks'
    ids as ``task_ids``). One aggregate."""
    summary = data if "notice_ids" in data else frozen_summary(data)
    if not summary["notice_ids"]:
        return 0
    if "task_ids" in summary:
        now = Assignment.objects.filter(task_id__in=summary["task_ids"])
    else:
        now = _reviewed_assignments(summary["notice_ids"], date.fromisoformat(summary["as_of"]))
    now_done = now.filter(state=AssignmentState.DONE).count()
    return max(0, now_done - summary["done"])


def item_rollup(notice_ids: list[int], ref: date) -> dict[int, dict[str, int]]:
    """{item id: counts by status class} for the items of the given notices (one query)."""
    from django.db.models import Count

    rows = (
        Assignment.objects.filter(task__notice_link__item__notice_id__in=notice_ids)
        .annotate(
            status_=status_case(ref, today=timezone.localdate()),
            item_id=F("task__notice_link__item_id"),
        )
        .values("item_id", "status_")
        .annotate(n=Count("id"))
        .order_by()
    )
    out: dict[int, dict[str, int]] = defaultdict(_zero)
    for r in rows:
        counts = out[r["item_id"]]
        counts[r["status_"]] += r["n"]
        if r["status_"] != StatusClass.CANCELLED.value:
            counts["total"] += r["n"]
        if r["status_"] in DONE:
            counts["done"] += r["n"]
    return out


def notice_rollup(items: dict[int, dict[str, int]]) -> dict[str, int]:
    total = _zero()
    for counts in items.values():
        for k, v in counts.items():
            total[k] += v
    return total
