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

from django.db.models import F, QuerySet

from giaoban.meetings.models import Meeting, Notice, NoticeItem, NoticeState
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


def _add(counts: dict[str, int], status: str) -> None:
    counts[status] += 1
    if status != StatusClass.CANCELLED.value:
        counts["total"] += 1
    if status in DONE:
        counts["done"] += 1


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


def build_review(meeting: Meeting, *, as_of: date | None = None) -> dict[str, Any]:
    """Figures and rows of the review (three queries whatever the number of notices)."""
    as_of = as_of or meeting.date
    notices = list(reviewed_notices(meeting).values("id", "number", "doc_date", "title"))
    notice_ids = [n["id"] for n in notices]
    items = list(
        NoticeItem.objects.filter(notice_id__in=notice_ids)
        .order_by("notice_id", "number")
        .values("id", "notice_id", "number", "heading", "text", "no_task")
    )
    rows = (
        Assignment.objects.filter(task__notice_link__item__notice_id__in=notice_ids)
        .exclude(task__created_on__gt=as_of)
        .annotate(
            status=status_case(as_of),
            item_id=F("task__notice_link__item_id"),
            unit_name=F("unit__name"),
            unit_order=F("unit__sort_order"),
            task_text=F("task__text"),
            task_item=F("task__item_number"),
            task_doc=F("task__doc_number"),
        )
        .values(
            "id",
            "unit_id",
            "unit_name",
            "unit_order",
            "item_id",
            "status",
            "deadline",
            "task_id",
            "task_text",
            "task_item",
            "task_doc",
        )
        .order_by("unit__sort_order", "unit__name", "deadline", "id")
    )
    by_item: dict[int, dict[str, int]] = defaultdict(_zero)
    totals = _zero()
    units: dict[int, dict[str, Any]] = {}
    overdue: list[dict[str, Any]] = []
    open_ids: list[int] = []
    item_notice = {i["id"]: i["notice_id"] for i in items}
    by_notice: dict[int, dict[str, int]] = defaultdict(_zero)
    for r in rows:
        _add(by_item[r["item_id"]], r["status"])
        _add(by_notice[item_notice.get(r["item_id"], 0)], r["status"])
        _add(totals, r["status"])
        if r["status"] in UNFINISHED:
            open_ids.append(r["id"])
            entry = units.setdefault(
                r["unit_id"],
                {"unit_id": r["unit_id"], "unit": r["unit_name"], "rows": [], "overdue": 0},
            )
            row = {
                "assignment_id": r["id"],
                "source": f"{r['task_doc']}, mục {r['task_item']}",
                "text": r["task_text"],
                "deadline": r["deadline"].isoformat() if r["deadline"] else None,
                "status": r["status"],
            }
            entry["rows"].append(row)
            if r["status"] == StatusClass.OPEN_OVERDUE.value:
                entry["overdue"] += 1
                overdue.append({**row, "unit": r["unit_name"]})
    out_notices = []
    for n in notices:
        out_items = [
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
        ]
        out_notices.append(
            {
                "id": n["id"],
                "number": n["number"],
                "doc_date": n["doc_date"].isoformat(),
                "title": n["title"],
                "items": out_items,
                "counts": by_notice[n["id"]] if n["id"] in by_notice else _zero(),
            }
        )
    return {
        "as_of": as_of.isoformat(),
        "notices": out_notices,
        "totals": totals,
        "by_unit": sorted(units.values(), key=lambda u: (-len(u["rows"]), u["unit"])),
        "overdue": overdue,
        "open_ids": open_ids,
    }


def done_since(data: dict[str, Any]) -> int:
    """How many of the assignments unfinished at the briefing are done now."""
    ids = data.get("open_ids") or []
    if not ids:
        return 0
    return Assignment.objects.filter(pk__in=ids, state=AssignmentState.DONE).count()


def item_rollup(notice_ids: list[int], ref: date) -> dict[int, dict[str, int]]:
    """{item id: counts by status class} for the items of the given notices (one query)."""
    from django.db.models import Count

    rows = (
        Assignment.objects.filter(task__notice_link__item__notice_id__in=notice_ids)
        .annotate(status_=status_case(ref), item_id=F("task__notice_link__item_id"))
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
