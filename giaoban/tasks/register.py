"""The paper register ("sổ theo dõi thực hiện nhiệm vụ"): one row per task, the columns the
office keeps on paper, built from the same scoped, filtered task list as the task page."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from django.db.models import Case, DateField, F, Prefetch, QuerySet, When
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from giaoban.tasks.models import AssignmentRole, Task, lead_first
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
    return _source(task.doc_number, task.doc_date, task.item_number)


def _source(doc_number: str, doc_date: date, item_number: str) -> str:
    item = f", mục {item_number}" if item_number else ""
    return f"{doc_number} ngày {doc_date:%d/%m/%Y}{item}"


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


_DONE = (StatusClass.DONE_ON_TIME, StatusClass.DONE_LATE)


def _labels() -> dict[str, Any]:
    """The words of the result column in the active language, translated once per register
    (not once per row: a province's export has 90,000 rows)."""
    return {
        "status": {s.value: str(s.label) for s in StatusClass},
        "done": _("%(done)s/%(n)s units done"),
        "overdue": _("overdue: %(units)s"),
    }


def _result(assignments: list[Any], labels: dict[str, Any]) -> str:
    live = [a for a in assignments if a.status != StatusClass.CANCELLED]
    if not live:
        return labels["status"][StatusClass.CANCELLED] if assignments else ""
    if len(live) == 1:
        a = live[0]
        text = labels["status"][a.status]
        if a.completed_on and a.status in _DONE:
            text += f" ({a.completed_on:%d/%m/%Y})"
        return text
    done = sum(a.status in _DONE for a in live)
    overdue = [a.unit.display_name for a in live if a.status == StatusClass.OPEN_OVERDUE]
    text = labels["done"] % {"done": done, "n": len(live)}
    if overdue:
        text += "; " + labels["overdue"] % {"units": ", ".join(overdue[:10])}
        if len(overdue) > 10:
            text += " …"
    return text


def _note(deadline: date | None, directed_by: str, assignments: list[Any]) -> str:
    parts = []
    if deadline is None:
        parts.append(STANDING)
    extended = sorted({a.deadline for a in assignments if a.extension_count and a.deadline})
    if extended:
        parts.append("Gia hạn đến " + ", ".join(f"{d:%d/%m/%Y}" for d in extended[:3]))
    cancelled = [a for a in assignments if a.cancel_reason]
    if cancelled:
        parts.append("Điều chỉnh: " + "; ".join(a.cancel_reason for a in cancelled[:3]))
    if directed_by:
        parts.append("Chỉ đạo: " + directed_by)
    return ". ".join(parts)


def _row(stt: int, task: tuple, assignments: list[Any], labels: dict[str, Any]) -> RegisterRow:
    """``task``: (pk, doc_number, doc_date, item_number, text, deadline, directed_by_name)."""
    pk, doc_number, doc_date, item_number, text, deadline, directed_by = task
    lead = [a.unit.name for a in assignments if a.role == AssignmentRole.LEAD]
    coordinating = [a.unit.name for a in assignments if a.role == AssignmentRole.COORDINATING]
    return RegisterRow(
        stt=stt,
        task_id=pk,
        source=_source(doc_number, doc_date, item_number),
        text=text,
        lead=lead,
        coordinating=coordinating,
        deadline=deadline,
        result=_result(assignments, labels),
        note=_note(deadline, directed_by, assignments),
    )


def row_of(stt: int, task: Task, labels: dict[str, Any] | None = None) -> RegisterRow:
    t = task
    fields = (t.pk, t.doc_number, t.doc_date, t.item_number, t.text, t.deadline)
    return _row(stt, (*fields, t.directed_by_name), getattr(t, "visible", []), labels or _labels())


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


class _Line(NamedTuple):
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
_TASK_FIELDS = ("pk", "doc_number", "doc_date", "item_number", "text", "deadline")


def export_rows(user: Any, filters: Filters, ref: date) -> Iterator[RegisterRow]:
    """Every row of the register, as ``registered_tasks`` gives them, for the XLSX export:
    tasks read as plain tuples in chunks of EXPORT_CHUNK, their visible assignments as plain
    tuples (one query per chunk), the column words translated once; memory holds one chunk
    whatever the size of the register."""
    today = timezone.localdate()
    tasks = (
        task_list(user, filters, ref, today=today)
        .order_by("doc_date", "doc_number", "item_number", "id")
        .values_list(*_TASK_FIELDS, "directed_by_name")
    )
    units: dict[int, _UnitName] = {}
    labels = _labels()
    stt = 1
    chunk: list[tuple] = []
    for task in tasks.iterator(chunk_size=EXPORT_CHUNK):
        chunk.append(task)
        if len(chunk) >= EXPORT_CHUNK:
            yield from _export_chunk(user, chunk, ref, today, units, stt, labels)
            stt += len(chunk)
            chunk = []
    if chunk:
        yield from _export_chunk(user, chunk, ref, today, units, stt, labels)


def _export_chunk(user, chunk, ref, today, units, stt, labels) -> Iterator[RegisterRow]:
    lines: dict[int, list[_Line]] = {t[0]: [] for t in chunk}
    qs = (
        assignments_for(user)
        .filter(task_id__in=list(lines))
        .annotate(
            status=status_case(ref, today=today),
            # the note reads an assignment's own deadline only when it was extended: no date to
            # convert for the others (most of a province's half a million assignments)
            extended_to=Case(
                When(extension_count__gt=0, then=F("deadline")), output_field=DateField()
            ),
        )
        .order_by("task_id", lead_first(), "unit__sort_order", "unit__name", "id")
        .values_list(
            "task_id",
            "unit_id",
            "unit__name",
            "unit__short_name",
            "role",
            "status",
            "completed_on",
            "extended_to",
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
        yield _row(stt + i, task, lines[task[0]], labels)
