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


#: the register file's words (the paper register's Vietnamese, whatever the interface)
FILE_WORDS = {
    "standing": STANDING,
    "all": "Tất cả các đơn vị (%(n)s)",
    "all_other": "Tất cả các đơn vị khác (%(n)s)",
    "extended": "Gia hạn đến %(dates)s",
    "adjusted": "Điều chỉnh: %(reasons)s",
    "units": "%(n)s đơn vị",
    "directed": "Chỉ đạo: %(name)s",
}


def page_words() -> dict[str, str]:
    """The same words in the interface's language, for the register page."""
    return {
        "standing": _("Standing"),
        "all": _("All units (%(n)s)"),
        "all_other": _("All other units (%(n)s)"),
        "extended": _("Extended to %(dates)s"),
        "adjusted": _("Adjusted: %(reasons)s"),
        "units": _("%(n)s units"),
        "directed": _("Directed by: %(name)s"),
    }


def _clause(text: str) -> str:
    """A part of the note without its own closing punctuation (the note adds it once)."""
    return " ".join(text.split()).rstrip(" .;,:")


def _note(deadline: date | None, directed_by: str, assignments: list[Any], words: dict) -> str:
    """One clean sentence per distinct fact: a reason given for several units is written once
    with their number, not once per unit."""
    parts = []
    if deadline is None:
        parts.append(words["standing"])
    extended = sorted({a.deadline for a in assignments if a.extension_count and a.deadline})
    if extended:
        days = ", ".join(f"{d:%d/%m/%Y}" for d in extended[:3])
        parts.append(words["extended"] % {"dates": days + (" …" if len(extended) > 3 else "")})
    reasons: dict[str, int] = {}
    for a in assignments:
        reason = _clause(a.cancel_reason or "")
        if reason:
            reasons[reason] = reasons.get(reason, 0) + 1
    if reasons:
        said = []
        for reason, n in list(reasons.items())[:3]:
            said.append(f"{reason} ({words['units'] % {'n': n}})" if n > 1 else reason)
        adjusted = words["adjusted"].split("%(reasons)s")[0].strip(" :").lower()
        text = "; ".join(said)
        # "Điều chỉnh: Điều chỉnh theo …" says the word twice: the reason says it already
        parts.append(
            text if text.lower().startswith(adjusted) else words["adjusted"] % {"reasons": text}
        )
    if directed_by:
        parts.append(words["directed"] % {"name": _clause(directed_by)})
    parts = [_clause(p) for p in parts if _clause(p)]
    return ". ".join(parts) + "." if parts else ""


def everyone_of(committee_ids: set[int], known: dict[int, frozenset[int]]) -> None:
    """Add to ``known`` the active units directly below each committee not yet in it ("all
    units", as a task gives them): one query for the lot."""
    from giaoban.org.models import Unit

    missing = committee_ids - known.keys()
    if not missing:
        return
    found: dict[int, set[int]] = {pk: set() for pk in missing}
    for parent, pk in (
        Unit.objects.active().filter(parent_id__in=missing).values_list("parent_id", "pk")
    ):
        found[parent].add(pk)
    known.update({pk: frozenset(ids) for pk, ids in found.items()})


def _lead_cell(
    lead: list[Any], coordinating: list[Any], everyone: frozenset[int], words
) -> list[str]:
    """The lead units' names, or "Tất cả các đơn vị (95)" for a task given to all the
    committee's units (a paper register does not write 95 names)."""
    given = {a.unit_id for a in lead} | {a.unit_id for a in coordinating}
    if len(everyone) >= 3 and len(lead) >= 3 and everyone <= given:
        return [words["all_other" if coordinating else "all"] % {"n": len(lead)}]
    return [a.unit.name for a in lead]


def _row(
    stt: int,
    task: tuple,
    assignments: list[Any],
    labels: dict[str, Any],
    everyone: frozenset[int] = frozenset(),
    words: dict[str, str] = FILE_WORDS,
) -> RegisterRow:
    """``task``: (pk, doc_number, doc_date, item_number, text, deadline, directed_by_name)."""
    pk, doc_number, doc_date, item_number, text, deadline, directed_by = task
    lead = [a for a in assignments if a.role == AssignmentRole.LEAD]
    coordinating = [a for a in assignments if a.role == AssignmentRole.COORDINATING]
    return RegisterRow(
        stt=stt,
        task_id=pk,
        source=_source(doc_number, doc_date, item_number),
        text=text,
        lead=_lead_cell(lead, coordinating, everyone, words),
        coordinating=[a.unit.name for a in coordinating],
        deadline=deadline,
        result=_result(assignments, labels),
        note=_note(deadline, directed_by, assignments, words),
    )


def row_of(
    stt: int,
    task: Task,
    labels: dict[str, Any] | None = None,
    *,
    everyone: dict[int, frozenset[int]] | None = None,
    words: dict[str, str] = FILE_WORDS,
) -> RegisterRow:
    t = task
    fields = (t.pk, t.doc_number, t.doc_date, t.item_number, t.text, t.deadline)
    if everyone is None:
        everyone = {}
        everyone_of({t.committee_id}, everyone)
    return _row(
        stt,
        (*fields, t.directed_by_name),
        getattr(t, "visible", []),
        labels or _labels(),
        everyone.get(t.committee_id, frozenset()),
        words,
    )


def rows(qs: QuerySet, *, start: int = 1, chunk: int = 2000) -> Iterator[RegisterRow]:
    """Every row of a ``registered_tasks`` query, read in chunks (for a page or a small list;
    the export of a whole register uses ``export_rows``)."""
    stt = start
    everyone: dict[int, frozenset[int]] = {}
    labels = _labels()
    for task in qs.iterator(chunk_size=chunk):
        everyone_of({task.committee_id}, everyone)
        yield row_of(stt, task, labels, everyone=everyone)
        stt += 1


@dataclass(frozen=True, slots=True)
class _UnitName:
    name: str
    display_name: str


class _Line(NamedTuple):
    """What a register row reads of one assignment: a plain row, not a model instance (a
    province's 90,000 tasks have hundreds of thousands of assignments)."""

    unit_id: int
    unit: _UnitName
    role: str
    status: str
    completed_on: date | None
    deadline: date | None
    extension_count: int
    cancel_reason: str


EXPORT_CHUNK = 1000
_TASK_FIELDS = ("pk", "doc_number", "doc_date", "item_number", "text", "deadline")
_COMMITTEE = 7  # the task tuple's committee_id, after the fields and the leader's name


def export_rows(user: Any, filters: Filters, ref: date) -> Iterator[RegisterRow]:
    """Every row of the register, as ``registered_tasks`` gives them, for the XLSX export:
    tasks read as plain tuples in chunks of EXPORT_CHUNK, their visible assignments as plain
    tuples (one query per chunk), the column words translated once; memory holds one chunk
    whatever the size of the register."""
    today = timezone.localdate()
    tasks = (
        task_list(user, filters, ref, today=today)
        .order_by("doc_date", "doc_number", "item_number", "id")
        .values_list(*_TASK_FIELDS, "directed_by_name", "committee_id")
    )
    units: dict[int, _UnitName] = {}
    everyone: dict[int, frozenset[int]] = {}
    labels = _labels()
    stt = 1
    chunk: list[tuple] = []
    for task in tasks.iterator(chunk_size=EXPORT_CHUNK):
        chunk.append(task)
        if len(chunk) >= EXPORT_CHUNK:
            yield from _export_chunk(user, chunk, ref, today, units, stt, labels, everyone)
            stt += len(chunk)
            chunk = []
    if chunk:
        yield from _export_chunk(user, chunk, ref, today, units, stt, labels, everyone)


def _export_chunk(user, chunk, ref, today, units, stt, labels, everyone) -> Iterator[RegisterRow]:
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
        lines[task_id].append(_Line(unit_id, unit, role, status, done, deadline, ext, reason))
    everyone_of({t[_COMMITTEE] for t in chunk}, everyone)  # a query only for a new committee
    for i, task in enumerate(chunk):
        fields = task[:_COMMITTEE]
        yield _row(stt + i, fields, lines[task[0]], labels, everyone[task[_COMMITTEE]])
