"""Sort orders of the task and assignment lists (pages and API ``ordering=``): each key sorts by
its column, then by a stable secondary order (deadline, then id), so pages never shuffle rows
between two requests. ``-key`` reverses the column (the secondary order stays)."""

from __future__ import annotations

from datetime import date

from django.db.models import Case, F, IntegerField, QuerySet, Value, When
from django.db.models.expressions import OrderBy
from django.utils.translation import gettext_lazy as _

from giaoban.tasks import search
from giaoban.tasks.status import StatusClass, deadline_in_force

#: the assignment list's sortable columns: key -> label
ASSIGNMENT_ORDERINGS = {
    "deadline": _("Deadline"),
    "days_overdue": _("Days overdue"),
    "unit": _("Unit"),
    "status": _("Status"),
    "source": _("Source"),
}
#: the task list's sortable columns
TASK_ORDERINGS = {
    "doc_date": _("Document date"),
    "deadline": _("Deadline"),
    "overdue": _("Units overdue"),
    "source": _("Source"),
}


def choices(orderings: dict) -> list[tuple[str, str]]:
    """(value, label) of every key in both directions, for the form's choice field."""
    out: list[tuple[str, str]] = [("", _("Default order"))]
    for key, label in orderings.items():
        out.append((key, f"{label} ↑"))
        out.append((f"-{key}", f"{label} ↓"))
    return out


def _status_rank() -> Case:
    return Case(
        *(When(status=cls.value, then=Value(i)) for i, cls in enumerate(StatusClass)),
        output_field=IntegerField(),
    )


def _direction(expr, descending: bool) -> OrderBy:
    return expr.desc(nulls_last=True) if descending else expr.asc(nulls_last=True)


def order_assignments(qs: QuerySet, ordering: str, q: str, ref: date, *, today: date) -> QuerySet:
    """``qs`` (assignments annotated with ``status``) in the chosen order; without one, the
    default (phrase matches first when searching, then by deadline)."""
    if not ordering:
        return search.ranked(qs, q, "deadline", "id")
    descending, key = ordering.startswith("-"), ordering.lstrip("-")
    secondary = [F("deadline").asc(nulls_last=True), F("id").asc()]
    if key == "deadline":
        return qs.order_by(_direction(F("deadline"), descending), "id")
    if key == "days_overdue":
        # days overdue = ref - deadline in force, for the overdue rows only (the others last):
        # more days is an earlier deadline
        qs = qs.annotate(
            overdue_since=Case(
                When(
                    status=StatusClass.OPEN_OVERDUE.value, then=deadline_in_force(ref, today=today)
                ),
                default=Value(None),
            )
        )
        return qs.order_by(_direction(F("overdue_since"), not descending), *secondary)
    if key == "unit":
        return qs.order_by(
            _direction(F("unit__sort_order"), descending),
            _direction(F("unit__name"), descending),
            *secondary,
        )
    if key == "status":
        return qs.annotate(status_rank=_status_rank()).order_by(
            _direction(F("status_rank"), descending), *secondary
        )
    if key == "source":
        return qs.order_by(
            _direction(F("task__doc_date"), descending),
            _direction(F("task__doc_number"), descending),
            _direction(F("task__item_number"), descending),
            *secondary,
        )
    raise ValueError(ordering)  # the form refuses unknown keys before this


def order_tasks(qs: QuerySet, ordering: str, q: str) -> QuerySet:
    """``qs`` (tasks with their roll-up) in the chosen order; the default: newest document."""
    default = ("-doc_date", "doc_number", "item_number", "id")
    if not ordering:
        return search.ranked(qs, q, *default)
    descending, key = ordering.startswith("-"), ordering.lstrip("-")
    secondary = [F("deadline").asc(nulls_last=True), F("id").asc()]
    column = {
        "doc_date": F("doc_date"),
        "deadline": F("deadline"),
        "overdue": F("n_overdue"),
        "source": F("doc_number"),
    }.get(key)
    if column is None:
        raise ValueError(ordering)
    if key == "deadline":
        return qs.order_by(_direction(column, descending), "id")
    return qs.order_by(_direction(column, descending), *secondary)
