"""The paper register ("sổ theo dõi thực hiện nhiệm vụ"): one row per task, the columns the
office keeps on paper, built from the same scoped, filtered task list as the task page."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from giaoban.tasks.models import Assignment, AssignmentRole, Task, lead_first
from giaoban.tasks.permissions import assignments_for
from giaoban.tasks.queries import Filters, task_list
from giaoban.tasks.status import StatusClass, status_case

#: the register's columns, in the paper order (Vietnamese titles are the layout's own: the
#: import recognises a file by them, so they are not translated)
COLUMNS = [
    ("stt", "STT", 6),
    ("source", "Số và ngày văn bản", 20),
    ("text", "Trích yếu nội dung nhiệm vụ", 60),
    ("lead", "Đơn vị chủ trì", 26),
    ("coordinating", "Đơn vị phối hợp", 26),
    ("deadline", "Thời hạn", 13),
    ("result", "Kết quả thực hiện", 40),
    ("note", "Ghi chú", 26),
]
TITLE = "SỔ THEO DÕI THỰC HIỆN NHIỆM VỤ"
STANDING = "Thường xuyên"
ALL_UNITS = "Các đơn vị"
PAGE_TITLE = gettext_lazy("Task register")


@dataclass(frozen=True)
class RegisterRow:
    stt: int
    task_id: int
    source: str
    text: str
    lead: list[str]
    coordinating: list[str]
    deadline: date | None
    result: str
    note: str


def source_text(task: Task) -> str:
    item = f", mục {task.item_number}" if task.item_number else ""
    return f"{task.doc_number} ngày {task.doc_date:%d/%m/%Y}{item}"


def registered_tasks(user: Any, filters: Filters, ref: date) -> QuerySet:
    """The task list's query, oldest document first (a register is kept in order of entry),
    with the visible assignments and their status class prefetched (one query per chunk)."""
    today = timezone.localdate()
    visible = (
        assignments_for(user)
        .select_related("unit")
        .annotate(status=status_case(ref, today=today))
        .order_by(lead_first(), "unit__sort_order", "unit__name", "id")
    )
    return (
        task_list(user, filters, ref, today=today)
        .order_by("doc_date", "doc_number", "item_number", "id")
        .prefetch_related(Prefetch("assignments", queryset=visible, to_attr="visible"))
    )


def _result(assignments: list[Assignment]) -> str:
    live = [a for a in assignments if a.status != StatusClass.CANCELLED]
    if not live:
        return str(StatusClass.CANCELLED.label) if assignments else ""
    if len(live) == 1:
        a = live[0]
        text = str(StatusClass(a.status).label)
        if a.completed_on and a.status in (StatusClass.DONE_ON_TIME, StatusClass.DONE_LATE):
            text += f" ({a.completed_on:%d/%m/%Y})"
        return text
    done = sum(a.status in (StatusClass.DONE_ON_TIME, StatusClass.DONE_LATE) for a in live)
    overdue = [a.unit.display_name for a in live if a.status == StatusClass.OPEN_OVERDUE]
    text = _("%(done)s/%(n)s units done") % {"done": done, "n": len(live)}
    if overdue:
        text += "; " + _("overdue: %(units)s") % {"units": ", ".join(overdue[:10])}
        if len(overdue) > 10:
            text += " …"
    return text


def _note(task: Task, assignments: list[Assignment]) -> str:
    parts = []
    if task.deadline is None:
        parts.append(STANDING)
    extended = sorted({a.deadline for a in assignments if a.extension_count and a.deadline})
    if extended:
        parts.append("Gia hạn đến " + ", ".join(f"{d:%d/%m/%Y}" for d in extended[:3]))
    cancelled = [a for a in assignments if a.cancel_reason]
    if cancelled:
        parts.append("Điều chỉnh: " + "; ".join(a.cancel_reason for a in cancelled[:3]))
    if task.directed_by_name:
        parts.append("Chỉ đạo: " + task.directed_by_name)
    return ". ".join(parts)


def row_of(stt: int, task: Task) -> RegisterRow:
    assignments: list[Assignment] = getattr(task, "visible", [])
    return RegisterRow(
        stt=stt,
        task_id=task.pk,
        source=source_text(task),
        text=task.text,
        lead=[a.unit.name for a in assignments if a.role == AssignmentRole.LEAD],
        coordinating=[a.unit.name for a in assignments if a.role == AssignmentRole.COORDINATING],
        deadline=task.deadline,
        result=_result(assignments),
        note=_note(task, assignments),
    )


def rows(qs: QuerySet, *, start: int = 1, chunk: int = 2000) -> Iterator[RegisterRow]:
    """Every row of a ``registered_tasks`` query, read in chunks (for a page or a small list;
    the export of a whole register uses ``export_rows``)."""
    stt = start
    for task in qs.iterator(chunk_size=chunk):
        yield row_of(stt, task)
        stt += 1


@dataclass(frozen=True, slots=True)
class _UnitName:
    name: str
    display_name: str


@dataclass(frozen=True, slots=True)
class _Line:
    """What a register row reads of one assignment: a plain row, not a model instance (a
    province's 90,000 tasks have hundreds of thousands of assignments)."""

    unit: _UnitName
    role: str
    status: str
    completed_on: date | None
    deadline: date | None
    extension_count: int
    cancel_reason: str


EXPORT_CHUNK = 1000


def export_rows(user: Any, filters: Filters, ref: date) -> Iterator[RegisterRow]:
    """Every row of the register, as ``registered_tasks`` gives them, for the XLSX export:
    tasks read in chunks of EXPORT_CHUNK, their visible assignments as plain tuples (one query
    per chunk), so memory holds one chunk whatever the size of the register."""
    today = timezone.localdate()
    tasks = (
        task_list(user, filters, ref, today=today)
        .order_by("doc_date", "doc_number", "item_number", "id")
        .only(
            "pk",
            "doc_number",
            "doc_date",
            "item_number",
            "text",
            "deadline",
            "directed_by_name",
            "committee__name",
        )
    )
    units: dict[int, _UnitName] = {}
    stt = 1
    chunk: list[Task] = []
    for task in tasks.iterator(chunk_size=EXPORT_CHUNK):
        chunk.append(task)
        if len(chunk) >= EXPORT_CHUNK:
            yield from _export_chunk(user, chunk, ref, today, units, stt)
            stt += len(chunk)
            chunk = []
    if chunk:
        yield from _export_chunk(user, chunk, ref, today, units, stt)


def _export_chunk(user, chunk, ref, today, units, stt) -> Iterator[RegisterRow]:
    lines: dict[int, list[_Line]] = {t.pk: [] for t in chunk}
    qs = (
        assignments_for(user)
        .filter(task_id__in=list(lines))
        .annotate(status=status_case(ref, today=today))
        .order_by("task_id", lead_first(), "unit__sort_order", "unit__name", "id")
        .values_list(
            "task_id",
            "unit_id",
            "unit__name",
            "unit__short_name",
            "role",
            "status",
            "completed_on",
            "deadline",
            "extension_count",
            "cancel_reason",
        )
    )
    for task_id, unit_id, name, short, role, status, done, deadline, ext, reason in qs:
        unit = units.get(unit_id)
        if unit is None:
            unit = units[unit_id] = _UnitName(name, short or name)
        lines[task_id].append(_Line(unit, role, status, done, deadline, ext, reason))
    for i, task in enumerate(chunk):
        task.visible = lines[task.pk]
        yield row_of(stt + i, task)
