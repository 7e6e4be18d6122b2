"""Who sees and acts on recommendations.

A unit's staff see their own unit's recommendations, and those forwarded to
their unit for an answer; office and leader see their committee's subtree.
The unit raises; the office forwards and closes; the office, a leader of the
committee or the unit it was forwarded to answers — never someone of the
unit that raised it (nobody decides on their own request:
core.decisions.ensure_not_own_request, with ``Recommendation.requester_unit_field``).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from giaoban.core.decisions import ensure_not_own_request
from giaoban.core.permissions import scope_for
from giaoban.recommendations.models import Recommendation


def recommendations_for(user: Any, qs: QuerySet | None = None) -> QuerySet:
    scope = scope_for(user)
    qs = Recommendation.objects.all() if qs is None else qs
    if scope.is_admin:
        return qs
    condition = Q(unit_id__in=scope.readable_unit_ids)
    if scope.own_unit_ids:
        condition |= Q(forwarded_to_id__in=scope.own_unit_ids)
    return qs.filter(condition)


ACTIONS = {"forward", "answer", "close"}


def check(user: Any, rec: Recommendation, action: str) -> None:
    if action == "view":
        return
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    scope = scope_for(user)
    office = rec.committee_id in scope.office_committee_ids
    if action in ("forward", "close"):
        if office:
            return
        raise PermissionDenied
    # answer: not by the person who raised it nor anyone of the raising unit (the one rule)
    ensure_not_own_request(user, rec)
    leader = rec.committee_id in scope.leader_unit_ids
    board = rec.forwarded_to_id is not None and rec.forwarded_to_id in scope.own_unit_ids
    if office or leader or board:
        return
    raise PermissionDenied


def may(user: Any, rec: Recommendation, action: str) -> bool:
    try:
        check(user, rec, action)
    except PermissionDenied:
        return False
    return True


def get_for_user(user: Any, pk: Any, action: str = "view") -> Recommendation:
    qs = recommendations_for(user).select_related(
        "unit", "committee", "forwarded_to", "report__period"
    )
    try:
        rec = qs.get(pk=pk)
    except (Recommendation.DoesNotExist, ValueError, TypeError):
        raise Http404
    check(user, rec, action)
    return rec
