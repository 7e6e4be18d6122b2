"""The review at a briefing: what became of the earlier notices' tasks, as of the meeting date.

``build_review`` reads every issued notice of the committee still in force and dated before
the meeting, item by item, with the status classes of their assignments at ``as_of``, and the
unfinished assignments grouped by unit. Its result is plain JSON: the snapshot stores it as is,
so the page of a held meeting shows exactly what the meeting was told.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from giaoban.meetings.models import ItemTask, Meeting, Notice, NoticeItem, NoticeState
from giaoban.tasks.models import Assignment, AssignmentState
from giaoban.tasks.status import StatusClass, status_case

DONE = (StatusClass.DONE_ON_TIME.value, StatusClass.DONE_LATE.value)
UNFINISHED = (
    StatusClass.OPEN_IN_TIME.value,
    StatusClass.OPEN_OVERDUE.value,
    StatusClass.STANDING.value,
)


def _zero() -> dict[str, int]:
    counts = {cls.value: 0 for cls in StatusClass}
    counts["total"] = 0
    counts["done"] = 0
    return counts


def _add(counts: dict[str, int], status: str, n: int = 1) -> None:
    counts[status] += n
    if status != StatusClass.CANCELLED.value:
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


def _task_items(notice_ids: list[int], as_of: date) -> dict[int, int]:
    """{task id: item id} of the notices' tasks given by ``as_of``."""
    return dict(
        ItemTask.objects.filter(
            item__notice_id__in=notice_ids, task__isnull=False, task__created_on__lte=as_of
        ).values_list("task_id", "item_id")
    )


def _reviewed_assignments(notice_ids: list[int], as_of: date) -> QuerySet:
    # by task id (the (task, unit) index) rather than joining four tables for every row
    return Assignment.objects.filter(task_id__in=list(_task_items(notice_ids, as_of)))


def build_review(meeting: Meeting, *, as_of: date | None = None) -> dict[str, Any]:
    """Figures and rows of the review, cached until anything in the committee changes
    (every audited change bumps the committee's data version, see core/cache.py)."""
    from giaoban.core.cache import cached

    as_of = as_of or meeting.date
    return cached(
        f"giaoban:review:{meeting.pk}:{meeting.date.isoformat()}:{as_of.isoformat()}",
        lambda: _compute_review(meeting, as_of),
        roots=[meeting.committee_id],
    )


def _compute_review(meeting: Meeting, as_of: date) -> dict[str, Any]:
    """Counts grouped in SQL (six queries whatever the number of notices and assignments);
    unfinished rows listed up to MAX_ROWS."""
    from django.db.models import Count

    notices = list(reviewed_notices(meeting).values("id", "number", "doc_date", "title"))
    notice_ids = [n["id"] for n in notices]
    items = list(
        NoticeItem.objects.filter(notice_id__in=notice_ids)
        .order_by("notice_id", "number")
        .values("id", "notice_id", "number", "heading", "text", "no_task")
    )
    task_item = _task_items(notice_ids, as_of)
    base = Assignment.objects.filter(task_id__in=list(task_item)).annotate(
        sclass=status_case(as_of, today=timezone.localdate())
    )
    by_item: dict[int, dict[str, int]] = defaultdict(_zero)
    for r in base.values("task_id", "sclass").annotate(n=Count("id")).order_by():
        _add(by_item[task_item[r["task_id"]]], r["sclass"], r["n"])
    item_notice = {i["id"]: i["notice_id"] for i in items}
    by_notice: dict[int, dict[str, int]] = defaultdict(_zero)
    totals = _zero()
    for item_id, counts in by_item.items():
        for key in counts:
            by_notice[item_notice.get(item_id, 0)][key] += counts[key]
            totals[key] += counts[key]
    units: dict[int, dict[str, Any]] = {}
    for r in (
        base.filter(status_in_unfinished())
        .values("unit_id", "unit__name", "sclass")
        .annotate(n=Count("id"))
        .order_by()
    ):
        entry = units.setdefault(
            r["unit_id"],
            {
                "unit_id": r["unit_id"],
                "unit": r["unit__name"],
                "unfinished": 0,
                "overdue": 0,
                "rows": [],
            },
        )
        entry["unfinished"] += r["n"]
        if r["sclass"] == StatusClass.OPEN_OVERDUE.value:
            entry["overdue"] += r["n"]
    rows = (
        base.filter(status_in_unfinished())
        .annotate(
            task_text=F("task__text"),
            task_item=F("task__item_number"),
            task_doc=F("task__doc_number"),
        )
        .values(
            "id",
            "unit_id",
            "unit__name",
            "sclass",
            "deadline",
            "task_text",
            "task_item",
            "task_doc",
        )
        .order_by("unit__sort_order", "unit__name", "deadline", "id")[:MAX_ROWS]
    )
    overdue: list[dict[str, Any]] = []
    listed = 0
    for r in rows:
        row = {
            "assignment_id": r["id"],
            "source": f"{r['task_doc']}, mục {r['task_item']}",
            "text": r["task_text"],
            "deadline": r["deadline"].isoformat() if r["deadline"] else None,
            "status": r["sclass"],
        }
        units[r["unit_id"]]["rows"].append(row)
        listed += 1
        if r["sclass"] == StatusClass.OPEN_OVERDUE.value:
            overdue.append({**row, "unit": r["unit__name"]})
    out_notices = [
        {
            "id": n["id"],
            "number": n["number"],
            "doc_date": n["doc_date"].isoformat(),
            "title": n["title"],
            "items": [
                {
                    "id": i["id"],
                    "number": i["number"],
                    "heading": i["heading"],
                    "text": i["text"],
                    "no_task": i["no_task"],
                    "counts": by_item[i["id"]] if i["id"] in by_item else _zero(),
                }
                for i in items
                if i["notice_id"] == n["id"]
            ],
            "counts": by_notice[n["id"]] if n["id"] in by_notice else _zero(),
        }
        for n in notices
    ]
    unfinished = sum(u["unfinished"] for u in units.values())
    return {
        "as_of": as_of.isoformat(),
        "notices": out_notices,
        "totals": totals,
        "by_unit": sorted(units.values(), key=lambda u: (-u["unfinished"], u["unit"])),
        "overdue": overdue,
        "rows_listed": listed,
        "rows_truncated": listed < unfinished,
    }


def status_in_unfinished() -> Q:
    return Q(sclass__in=list(UNFINISHED))


def done_since(data: dict[str, Any]) -> int:
    """How many more of the reviewed assignments are done now than the briefing was told."""
    as_of = date.fromisoformat(data["as_of"])
    ids = [n["id"] for n in data.get("notices", [])]
    if not ids:
        return 0
    now_done = _reviewed_assignments(ids, as_of).filter(state=AssignmentState.DONE).count()
    return max(0, now_done - data["totals"]["done"])


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
