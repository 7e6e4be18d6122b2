"""The leader's desk: three lists and the ranking of units (read-only queries)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, F, Min, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from giaoban.core.permissions import scope_for
from giaoban.org.models import Unit
from giaoban.tasks.models import AssignmentState
from giaoban.tasks.permissions import assignments_for, tasks_for
from giaoban.tasks.queries import with_rollup
from giaoban.tasks.status import StatusClass, status_case, status_q

LIST_LIMIT = 15
#: the overdue list names this many units of a task, then "and N other units"
UNITS_SHOWN = 3


@dataclass(frozen=True)
class Decision:
    """One thing waiting for this person's decision, from any app."""

    kind: str
    label: str
    url: str
    when: date | None = None
    unit: str = ""


DecisionProvider = Callable[[Any], list[Decision]]
_DECISIONS: list[DecisionProvider] = []


def decision_provider(fn: DecisionProvider) -> DecisionProvider:
    """Other apps add their own (notices to approve, recommendations to answer)."""
    _DECISIONS.append(fn)
    return fn


def overdue(user: Any, today: date) -> QuerySet:
    return (
        assignments_for(user)
        .filter(status_q(StatusClass.OPEN_OVERDUE, today, today=today))
        .select_related("task", "unit")
        .annotate(status=status_case(today, today=today))
        .order_by("deadline", "id")
    )


@dataclass
class OverdueTask:
    """One overdue task of the desk's list: a leader acts per task, not per unit."""

    task: Any
    deadline: date  # the earliest deadline passed among its overdue units
    unit_count: int
    units: list[Any]  # the first UNITS_SHOWN overdue assignments (with .unit)

    @property
    def more(self) -> int:
        return self.unit_count - len(self.units)


def overdue_tasks(user: Any, today: date, limit: int = LIST_LIMIT) -> list[OverdueTask]:
    """The overdue list, once per task with its overdue units (count, first names), the task
    overdue longest first. One query: window functions count each task's overdue units and
    number them; only the first UNITS_SHOWN rows of each task are read, and since a task gives
    at most that many rows, the first ``limit * UNITS_SHOWN`` rows hold the first ``limit``
    tasks whole."""
    by_task = [F("task_id")]
    rows = (
        overdue(user, today)
        .annotate(
            unit_count=Window(Count("id"), partition_by=by_task),
            first_deadline=Window(Min("deadline"), partition_by=by_task),
            unit_rank=Window(
                RowNumber(),
                partition_by=by_task,
                order_by=[F("unit__sort_order").asc(), F("unit__name").asc(), F("id").asc()],
            ),
        )
        .filter(unit_rank__lte=UNITS_SHOWN)
        .order_by("first_deadline", "task_id", "unit_rank")[: limit * UNITS_SHOWN]
    )
    found: dict[int, OverdueTask] = {}
    for a in rows:
        item = found.get(a.task_id)
        if item is None:
            if len(found) == limit:
                break
            item = found[a.task_id] = OverdueTask(a.task, a.first_deadline, a.unit_count, [])
        item.units.append(a)
    return list(found.values())


def awaiting_tasks(user: Any) -> QuerySet:
    """Claims and extension requests this person may decide (the office of their units)."""
    scope = scope_for(user)
    return (
        assignments_for(user)
        .filter(unit_id__in=scope.office_unit_ids)
        .filter(Q(state=AssignmentState.CLAIMED) | Q(extension_pending=True))
        .select_related("task", "unit")
        .order_by("deadline", "id")
    )


def decisions(user: Any) -> list[Decision]:
    found: list[Decision] = []
    for provider in _DECISIONS:
        found.extend(provider(user))
    return found


def work_i_gave(user: Any, today: date) -> QuerySet:
    qs = tasks_for(user).filter(Q(directed_by=user) | Q(created_by=user))
    return with_rollup(qs, today, today=today).order_by("-doc_date", "-id")


def ranked_units(user: Any) -> list[tuple[int, str]]:
    """The units a ranking compares: the active units right below the person's committees."""
    scope = scope_for(user)
    qs = Unit.objects.active()
    if scope.is_admin and not scope.reach_root_ids:
        qs = qs.filter(parent__parent__isnull=True, parent__isnull=False)
    else:
        qs = qs.filter(parent_id__in=scope.reach_root_ids)
    return list(qs.order_by("sort_order", "name").values_list("pk", "name"))
