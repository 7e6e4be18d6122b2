"""Read side of tasks: scoped, filtered querysets shared by pages and the API."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from giaoban.core.permissions import assignments_for, tasks_for
from giaoban.core.text import fold
from giaoban.tasks.models import Assignment, AssignmentState
from giaoban.tasks.status import StatusClass, status_case, status_q


@dataclass(frozen=True)
class Filters:
    q: str = ""
    unit_id: int | None = None
    status: str = ""
    source: str = ""
    deadline_from: date | None = None
    deadline_to: date | None = None

    @classmethod
    def from_cleaned(cls, data: dict[str, Any]) -> Filters:
        unit = data.get("unit")
        return cls(
            q=(data.get("q") or "").strip(),
            unit_id=unit.pk if unit is not None else None,
            status=data.get("status") or "",
            source=(data.get("source") or "").strip(),
            deadline_from=data.get("deadline_from"),
            deadline_to=data.get("deadline_to"),
        )


def _text_q(q: str, prefix: str = "") -> Q:
    cond = Q()
    for word in fold(q).split():
        cond &= Q(**{prefix + "search_folded__contains": word})
    return cond


def assignment_list(user: Any, filters: Filters, ref: date) -> QuerySet:
    """Scoped assignments with their status class, filtered in the database."""
    qs = assignments_for(user).select_related("task", "unit").annotate(status=status_case(ref))
    if filters.unit_id:
        qs = qs.filter(unit_id=filters.unit_id)
    if filters.status:
        qs = qs.filter(status_q(filters.status, ref))
    if filters.source:
        qs = qs.filter(task__doc_number__icontains=filters.source)
    if filters.deadline_from:
        qs = qs.filter(deadline__gte=filters.deadline_from)
    if filters.deadline_to:
        qs = qs.filter(deadline__lte=filters.deadline_to)
    if filters.q:
        qs = qs.filter(_text_q(filters.q, "task__"))
    return qs


def task_list(user: Any, filters: Filters, ref: date) -> QuerySet:
    """Scoped tasks with their roll-up counts (one query with aggregates)."""
    qs = tasks_for(user).select_related("committee")
    visible = assignments_for(user, Assignment.objects.filter(task=OuterRef("pk")))
    if filters.unit_id or filters.status:
        match = visible
        if filters.unit_id:
            match = match.filter(unit_id=filters.unit_id)
        if filters.status:
            match = match.filter(status_q(filters.status, ref))
        qs = qs.filter(Exists(match))
    if filters.source:
        qs = qs.filter(doc_number__icontains=filters.source)
    if filters.deadline_from:
        qs = qs.filter(deadline__gte=filters.deadline_from)
    if filters.deadline_to:
        qs = qs.filter(deadline__lte=filters.deadline_to)
    if filters.q:
        qs = qs.filter(_text_q(filters.q))
    # explicit: Meta.ordering is dropped from GROUP BY queries, and pages need a stable order
    return with_rollup(qs, ref).order_by("-doc_date", "doc_number", "item_number", "id")


def rollup_visible(user: Any, committee_id: int) -> bool:
    """May ``user`` see the roll-up of a task of ``committee_id`` ("63/89 units done")?

    The counts are the committee's: its office, its leaders and administrators see them. A unit
    user sees its own assignment only, unless the committee publishes the counts to the units
    (GIAOBAN_PUBLISH_ROLLUP, off by default).
    """
    from django.conf import settings

    from giaoban.core.permissions import scope_for

    if settings.GIAOBAN_PUBLISH_ROLLUP:
        return True
    scope = scope_for(user)
    return (
        scope.is_admin
        or committee_id in scope.office_committee_ids
        or committee_id in scope.reach_root_ids
        or committee_id in scope.office_unit_ids
        or committee_id in scope.leader_unit_ids
    )


def mark_rollup_visible(user: Any, tasks: Iterable) -> None:
    """Set ``show_rollup`` on each task of a page (tasks of several committees may mix)."""
    for task in tasks:
        task.show_rollup = rollup_visible(user, task.committee_id)


def with_rollup(qs: QuerySet, ref: date) -> QuerySet:
    live = ~Q(assignments__state=AssignmentState.CANCELLED)
    return qs.annotate(
        n_units=Count("assignments", filter=live),
        n_done=Count(
            "assignments",
            filter=Q(assignments__state=AssignmentState.DONE, assignments__completed_on__lte=ref),
        ),
        n_overdue=Count(
            "assignments", filter=status_q(StatusClass.OPEN_OVERDUE, ref, "assignments__")
        ),
    )
