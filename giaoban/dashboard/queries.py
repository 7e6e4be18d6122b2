"""Read-only queries for the dashboards (no models here)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db.models import Count, F, Q

from giaoban.core.permissions import assignments_for
from giaoban.tasks.status import StatusClass, count_by_status, status_case, status_q


def status_counts(user: Any, ref: date, unit_ids: set[int] | frozenset[int] | None = None) -> dict[str, int]:
    qs = assignments_for(user)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    return count_by_status(qs, ref)


def overdue(user: Any, ref: date, limit: int = 10, unit_ids=None):
    qs = assignments_for(user).filter(status_q(StatusClass.OPEN_OVERDUE, ref))
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    return qs.select_related("task", "unit").order_by("deadline", "id")[:limit]


def due_soon(user: Any, ref: date, days: int = 7, limit: int = 10, unit_ids=None):
    qs = assignments_for(user).filter(status_q(StatusClass.OPEN_IN_TIME, ref),
                                      deadline__lte=ref + timedelta(days=days))
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    return qs.select_related("task", "unit").annotate(status=status_case(ref)).order_by("deadline", "id")[:limit]


def per_unit(user: Any, ref: date) -> list[dict[str, Any]]:
    """One row per unit with its count in every status class (one GROUP BY query).

    Grouped by (unit, CASE status class), one evaluation per row instead of one
    FILTER per class, then folded into one row per unit here.
    """
    rows = (assignments_for(user).order_by().annotate(status_class_=status_case(ref))
            .values("unit_id", "status_class_", name=F("unit__name"), order=F("unit__sort_order"))
            .annotate(n=Count("id")))
    units: dict[int, dict[str, Any]] = {}
    for row in rows:
        unit = units.get(row["unit_id"])
        if unit is None:
            unit = units[row["unit_id"]] = {"unit_id": row["unit_id"], "name": row["name"], "order": row["order"],
                                            "total": 0, **{cls.value: 0 for cls in StatusClass}}
        unit[row["status_class_"]] += row["n"]
        unit["total"] += row["n"]
    return sorted(units.values(), key=lambda u: (u["order"], u["name"]))


def awaiting_decision(user: Any, limit: int = 10):
    """Office: claims and extension requests in its reach that wait for its decision."""
    from django.db.models import Exists, OuterRef

    from giaoban.core.permissions import scope_for
    from giaoban.tasks.models import Decision, ExtensionRequest

    scope = scope_for(user)
    pending_ext = ExtensionRequest.objects.filter(assignment=OuterRef("pk"), decision=Decision.PENDING)
    qs = (assignments_for(user).filter(unit_id__in=scope.office_unit_ids)
          .annotate(has_pending_ext=Exists(pending_ext))
          .filter(Q(state="claimed") | Q(has_pending_ext=True)))
    return qs.select_related("task", "unit").order_by("deadline", "id")[:limit]
