"""Who may see and do what in reporting: one queryset filter per model and one action table.

- office and leader of a committee read its periods, reports, indicators and plans;
  only the office acts for the committee (opens periods, accepts/returns reports,
  sets targets, approves plans);
- a unit's staff read and edit their own unit's reports and plans only, and see the
  periods their unit is expected in once they are announced (not while prepared);
- the admin reads everything and decides nothing.

Outside the scope an object does not exist (404); inside it without the right, 403.
Nobody decides on their own request: the person who submitted a report or plan (or
works in the unit that did) cannot accept, return or approve it.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.http import Http404

from giaoban.core.permissions import scope_for
from giaoban.reports.models import (
    ExpectedReport,
    Indicator,
    PeriodState,
    ReportingPeriod,
    UnitReport,
    WorkPlan,
)


def periods_for(user: Any, qs: QuerySet | None = None) -> QuerySet:
    scope = scope_for(user)
    qs = ReportingPeriod.objects.all() if qs is None else qs
    if scope.is_admin:
        return qs
    reach = scope.office_unit_ids | scope.leader_unit_ids
    condition = Q(committee_id__in=reach) if reach else Q(pk__in=[])
    if scope.own_unit_ids:
        mine = ExpectedReport.objects.filter(period=OuterRef("pk"), unit_id__in=scope.own_unit_ids)
        condition |= Exists(mine) & ~Q(state=PeriodState.PLANNED)
    return qs.filter(condition)


def reports_for(user: Any, qs: QuerySet | None = None) -> QuerySet:
    scope = scope_for(user)
    qs = UnitReport.objects.all() if qs is None else qs
    if scope.is_admin:
        return qs
    return qs.filter(unit_id__in=scope.readable_unit_ids)


def plans_for(user: Any, qs: QuerySet | None = None) -> QuerySet:
    scope = scope_for(user)
    qs = WorkPlan.objects.all() if qs is None else qs
    if scope.is_admin:
        return qs
    return qs.filter(unit_id__in=scope.readable_unit_ids)


def indicators_for(user: Any, qs: QuerySet | None = None) -> QuerySet:
    """Indicators of the committees the user reaches, or whose periods the user's unit reports in."""
    scope = scope_for(user)
    qs = Indicator.objects.all() if qs is None else qs
    if scope.is_admin:
        return qs
    committees = set(scope.office_unit_ids | scope.leader_unit_ids)
    if scope.own_unit_ids:
        committees |= set(
            ExpectedReport.objects.filter(unit_id__in=scope.own_unit_ids).values_list(
                "period__committee_id", flat=True
            )
        )
    return qs.filter(committee_id__in=committees)


#: acts of the unit that reports, and acts of the committee's office
UNIT_ACTIONS = {"edit_report", "edit_plan"}
OFFICE_ACTIONS = {"manage_period", "decide_report", "manage_indicator", "decide_plan"}


def _committee_of(obj: Model) -> int | None:
    if isinstance(obj, ReportingPeriod | Indicator):
        return obj.committee_id
    if isinstance(obj, UnitReport):
        return obj.period.committee_id
    return None


def check(user: Any, obj: Model, action: str) -> None:
    """Raise PermissionDenied unless ``user`` may do ``action`` on ``obj``."""
    if action == "view":
        return
    scope = scope_for(user)
    if action in UNIT_ACTIONS:
        unit_id = getattr(obj, "unit_id", None)
        if unit_id is not None and scope.can_act_for_unit(unit_id):
            return
    elif action in OFFICE_ACTIONS:
        if isinstance(obj, WorkPlan):
            if scope.can_decide_for_unit(obj.unit_id) and not _own_unit(user, obj.unit_id):
                return
        else:
            committee_id = _committee_of(obj)
            if committee_id is not None and committee_id in scope.office_committee_ids:
                return
    else:
        raise ValueError(f"unknown action {action!r}")
    raise PermissionDenied


def _own_unit(user: Any, unit_id: int) -> bool:
    return unit_id in scope_for(user).own_unit_ids


def get_for_user(user: Any, qs: QuerySet, pk: Any, action: str = "view") -> Model:
    try:
        obj = qs.get(pk=pk)
    except (qs.model.DoesNotExist, ValueError, TypeError):
        raise Http404
    check(user, obj, action)
    return obj
