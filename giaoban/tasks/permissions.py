"""Who may see and do what with tasks and assignments: the scoped querysets, the choices offered
when a task is given, and the action table (registered in TasksConfig.ready()).

=======================  =====================================================================
action                   who
=======================  =====================================================================
progress, claim,         staff of the assignment's unit (unit role)
request_extension
confirm, return,         the office of a committee above the assignment's unit; never on the
approve_extension,       person's own request (giaoban.core.decisions)
reject_extension
cancel                   the office of a committee above the assignment's unit
edit_task (and any       the office of the task's committee
office act on a task)
=======================  =====================================================================
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from giaoban.accounts.models import Role, User
from giaoban.core.decisions import Decision, may_decide
from giaoban.core.permissions import ActionTable, Scope, scope_for
from giaoban.org.models import Unit, subtree_ids
from giaoban.tasks.models import Assignment, Task, restrict_assignments, restrict_tasks

UNIT_ACTIONS = frozenset({"progress", "claim", "request_extension"})
CLAIM_DECISIONS = frozenset({"confirm", "return"})
EXTENSION_DECISIONS = frozenset({"approve_extension", "reject_extension"})
OFFICE_ACTIONS = CLAIM_DECISIONS | EXTENSION_DECISIONS | {"cancel", "edit_task"}


def assignments_for(user: Any, qs: QuerySet | None = None) -> QuerySet:
    """The assignments ``user`` may read (``qs``: a narrower queryset of assignments)."""
    return restrict_assignments(Assignment.objects.all() if qs is None else qs, scope_for(user))


def tasks_for(user: Any, qs: QuerySet | None = None) -> QuerySet:
    """Tasks hosted in the user's reach, or given to one of the user's units."""
    return restrict_tasks(Task.objects.all() if qs is None else qs, scope_for(user))


@dataclass(frozen=True)
class TaskChoices:
    """What an office user may choose when giving a task, the same for the form and the API:
    unknown ids and ids outside these read the same ("Unknown unit: 12, 9999"), and no name of
    a unit outside the user's reach is ever shown."""

    committees: QuerySet
    units: QuerySet
    leaders: QuerySet


def task_choices(user: Any) -> TaskChoices:
    scope = scope_for(user)
    committees = Unit.objects.filter(pk__in=scope.office_committee_ids)
    units = (
        Unit.objects.active()
        .filter(pk__in=scope.office_unit_ids - scope.office_committee_ids)
        .order_by("sort_order", "name")
    )
    leaders = User.objects.filter(
        memberships__role=Role.LEADER, memberships__unit_id__in=scope.office_committee_ids
    ).distinct()
    return TaskChoices(committees, units, leaders)


def task_unit_choices(task: Any) -> QuerySet:
    """The units a task may be given to after the fan-out: the active units below its committee.
    The page's form and the API both use it, so an id outside it reads as unknown, whoever it
    belongs to (never named)."""
    ids = subtree_ids([task.committee_id], include_roots=False)
    return Unit.objects.active().filter(pk__in=ids).order_by("sort_order", "name")


# -- the action table --------------------------------------------------------------------------


def _unit_side(scope: Scope, obj: Any) -> bool:
    unit_id = getattr(obj, "unit_id", None)
    return unit_id is not None and scope.can_act_for_unit(unit_id)


def _office_side(scope: Scope, obj: Any) -> bool:
    unit_id = getattr(obj, "unit_id", None)
    return unit_id is not None and scope.can_decide_for_unit(unit_id)


def _office_of_committee(scope: Scope, obj: Any) -> bool:
    committee_id = getattr(obj, "committee_id", None)
    return (
        committee_id is not None
        and committee_id in scope.office_committee_ids | scope.office_unit_ids
    )


def _available_on_assignment(user: Any, assignment: Assignment) -> set[str]:
    """What the assignment's state offers now (two queries: its pending claim and request)."""
    if assignment.is_closed:
        return set()
    offered = {*UNIT_ACTIONS, "cancel"}
    claim = assignment.claims.filter(decision=Decision.PENDING).first()
    if may_decide(user, claim):
        offered.update(CLAIM_DECISIONS)
    request = assignment.extensions.filter(decision=Decision.PENDING).first()
    if may_decide(user, request):
        offered.update(EXTENSION_DECISIONS)
    return offered


ASSIGNMENT_ACTIONS = ActionTable(
    rules={
        **{action: _unit_side for action in UNIT_ACTIONS},
        **{action: _office_side for action in OFFICE_ACTIONS},
    },
    available=_available_on_assignment,
)
TASK_ACTIONS = ActionTable(rules={action: _office_of_committee for action in OFFICE_ACTIONS})
