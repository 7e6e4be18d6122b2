"""Read-only queries on the register: the filter shared by the page and the API, and the
lists other apps call (the next briefing's agenda, the reminders)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from giaoban.core.text import fold
from giaoban.recommendations.models import Recommendation, RecState
from giaoban.recommendations.permissions import recommendations_for

OPEN_STATES = (RecState.NEW, RecState.FORWARDED)


@dataclass(frozen=True)
class Filters:
    q: str = ""
    state: str = ""
    unit_id: int | None = None
    overdue: bool = False
    raised_from: date | None = None
    raised_to: date | None = None


def overdue_q(on: date) -> Q:
    return Q(state__in=OPEN_STATES, response_deadline__lt=on)


def register(user: Any, filters: Filters, on: date) -> QuerySet:
    qs = recommendations_for(user).select_related("unit", "forwarded_to", "committee")
    if filters.q:
        for word in fold(filters.q).split():
            qs = qs.filter(search_folded__contains=word)
    if filters.state:
        qs = qs.filter(state=filters.state)
    if filters.unit_id:
        qs = qs.filter(unit_id=filters.unit_id)
    if filters.overdue:
        qs = qs.filter(overdue_q(on))
    if filters.raised_from:
        qs = qs.filter(raised_on__gte=filters.raised_from)
    if filters.raised_to:
        qs = qs.filter(raised_on__lte=filters.raised_to)
    return qs.order_by("-raised_on", "-id")


def for_briefing(committee_id: int, *, since: date | None, until: date) -> list[Recommendation]:
    """What the next briefing's agenda shows: recommendations raised to the committee since the
    last briefing (``since`` exclusive; all open ones if None) up to ``until``, with their answers.
    Unscoped: the caller (the meetings app) has already loaded the committee through its scope."""
    qs = Recommendation.objects.filter(committee_id=committee_id, raised_on__lte=until)
    if since is not None:
        qs = qs.filter(Q(raised_on__gt=since) | Q(state__in=OPEN_STATES))
    return list(
        qs.select_related("unit", "forwarded_to", "answered_by").order_by("raised_on", "id")
    )


def awaiting_answer(on: date) -> QuerySet:
    """Open recommendations with a deadline, for reminders: overdue ones carry ``response_deadline < on``."""
    return (
        Recommendation.objects.filter(state__in=OPEN_STATES, response_deadline__isnull=False)
        .select_related("unit", "forwarded_to", "committee")
        .order_by("response_deadline", "id")
    )


def counts(user: Any, on: date) -> dict[str, int]:
    from django.db.models import Count

    qs = recommendations_for(user)
    out = {s.value: 0 for s in RecState}
    for row in qs.order_by().values("state").annotate(n=Count("id")):
        out[row["state"]] = row["n"]
    out["overdue"] = qs.filter(overdue_q(on)).count()
    return out
