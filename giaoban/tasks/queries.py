"""Read side of tasks: scoped, filtered querysets shared by pages and the API."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from giaoban.core import dates
from giaoban.org.models import Unit
from giaoban.tasks import search
from giaoban.tasks.models import Assignment
from giaoban.tasks.ordering import order_tasks
from giaoban.tasks.permissions import assignments_for, tasks_for
from giaoban.tasks.status import (
    StatusClass,
    current_status_q,
    done_q,
    live_q,
    status_case,
    status_q,
    with_status,
)


def active_units_of(committee: Unit, *, on: date | None = None) -> list[Unit]:
    """'All units': the committee's active units directly below it (not itself)."""
    return list(Unit.objects.active(on).filter(parent=committee).order_by("sort_order", "name"))


@dataclass(frozen=True)
class Filters:
    q: str = ""
    unit_id: int | None = None
    status: str = ""
    source: str = ""
    deadline_from: date | None = None
    deadline_to: date | None = None
    #: the leader (a user) who directed the task
    leader_id: int | None = None
    #: a key of ordering.ASSIGNMENT_ORDERINGS / TASK_ORDERINGS, "-" first for descending
    ordering: str = ""

    @classmethod
    def from_cleaned(cls, data: dict[str, Any]) -> Filters:
        unit, leader = data.get("unit"), data.get("leader")
        return cls(
            q=(data.get("q") or "").strip(),
            unit_id=unit.pk if unit is not None else None,
            status=data.get("status") or "",
            source=(data.get("source") or "").strip(),
            deadline_from=data.get("deadline_from"),
            deadline_to=data.get("deadline_to"),
            leader_id=leader.pk if leader is not None else None,
            ordering=data.get("ordering") or "",
        )


def assignment_list(
    user: Any, filters: Filters, ref: date, *, today: date | None = None
) -> QuerySet:
    """Scoped assignments as they stood at ``ref``, with their status class, filtered in the
    database (``today`` defaults to the local date)."""
    today = today or dates.today()
    qs = with_status(assignments_for(user).select_related("task", "unit"), ref, today=today)
    if filters.unit_id:
        qs = qs.filter(unit_id=filters.unit_id)
    if filters.status:
        qs = qs.filter(status_q(filters.status, ref, today=today))
    if filters.source:
        qs = qs.filter(task__doc_number__icontains=filters.source)
    if filters.leader_id:
        qs = qs.filter(task__directed_by_id=filters.leader_id)
    if filters.deadline_from:
        qs = qs.filter(deadline__gte=filters.deadline_from)
    if filters.deadline_to:
        qs = qs.filter(deadline__lte=filters.deadline_to)
    if filters.q:
        qs = search.search_assignments(qs, filters.q)
    return qs


def task_list(user: Any, filters: Filters, ref: date, *, today: date | None = None) -> QuerySet:
    """Scoped tasks entered by ``ref`` with their roll-up at ``ref``."""
    today = today or dates.today()
    qs = tasks_existing_at(tasks_for(user).select_related("committee"), ref, today=today)
    visible = assignments_for(user, Assignment.objects.filter(task=OuterRef("pk")))
    if filters.unit_id or filters.status:
        match = visible
        if filters.unit_id:
            match = match.filter(unit_id=filters.unit_id)
        if filters.status:
            match = match.filter(status_q(filters.status, ref, today=today))
        qs = qs.filter(Exists(match))
    if filters.source:
        qs = qs.filter(doc_number__icontains=filters.source)
    if filters.leader_id:
        qs = qs.filter(directed_by_id=filters.leader_id)
    if filters.deadline_from:
        qs = qs.filter(deadline__gte=filters.deadline_from)
    if filters.deadline_to:
        qs = qs.filter(deadline__lte=filters.deadline_to)
    if filters.q:
        qs = search.search_tasks(qs, filters.q, user)
    return order_tasks(with_rollup(qs, ref, today=today), filters.ordering, filters.q)


def tasks_existing_at(qs: QuerySet, ref: date, *, today: date) -> QuerySet:
    """``qs`` (tasks) without those entered after ``ref``."""
    return qs if ref >= today else qs.filter(created_on__lte=ref)


def _count_of_task(condition: Q) -> Coalesce:
    rows = (
        Assignment.objects.filter(task=OuterRef("pk"))
        .filter(condition)
        .order_by()
        .values("task")
        .annotate(n=Count("id"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def with_rollup(qs: QuerySet, ref: date, *, today: date | None = None) -> QuerySet:
    """Each task's roll-up at ``ref``, from the status predicates (so the roll-up and the class
    counts of the same assignments always agree): ``n_units`` not cancelled by then, ``n_done``
    done by then (on time or late), ``n_overdue`` open and overdue then.

    From today on, one GROUP BY over the tasks' assignments with the fast-path predicates; at a
    past date one correlated count per figure with the full rule (evaluated for the rows fetched
    only, a page)."""
    today = today or dates.today()
    if ref >= today:
        on = "assignments__"
        return qs.annotate(
            n_units=Count("assignments", filter=~Q(assignments__state="cancelled")),
            n_done=Count(
                "assignments",
                filter=current_status_q(StatusClass.DONE_ON_TIME, ref, on)
                | current_status_q(StatusClass.DONE_LATE, ref, on),
            ),
            n_overdue=Count(
                "assignments", filter=current_status_q(StatusClass.OPEN_OVERDUE, ref, on)
            ),
        )
    return qs.annotate(
        n_units=_count_of_task(live_q(ref, today=today)),
        n_done=_count_of_task(done_q(ref, today=today)),
        n_overdue=_count_of_task(status_q(StatusClass.OPEN_OVERDUE, ref, today=today)),
    )


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


def mark_rollup_visible(
    user: Any, tasks: Iterable, ref: date | None = None, *, today: date | None = None
) -> None:
    """Set ``show_rollup`` on each task of a page (tasks of several committees may mix). Where
    the roll-up is not the user's to see (a unit's staff), ``own`` holds the user's own
    assignments of the task, with their status class at ``ref`` (``status``): one query for
    the page, only when such rows are on it."""
    tasks = list(tasks)
    hidden = []
    for task in tasks:
        task.show_rollup = rollup_visible(user, task.committee_id)
        task.own = []
        if not task.show_rollup:
            hidden.append(task)
    if not hidden or ref is None:
        return
    from giaoban.core.permissions import scope_for

    today = today or dates.today()
    by_task = {t.pk: t for t in hidden}
    own = (
        assignments_for(user)
        .filter(task_id__in=by_task, unit_id__in=scope_for(user).own_unit_ids)
        .select_related("unit")
        .annotate(status=status_case(ref, today=today))
        .order_by("unit__sort_order", "unit__name", "pk")
    )
    for assignment in own:
        by_task[assignment.task_id].own.append(assignment)
