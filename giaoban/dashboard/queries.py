"""Read-only queries for the dashboards (no models here)."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import Any

from django.db.models import F, Q
from django.db.models.lookups import LessThanOrEqual

from giaoban.core import dates
from giaoban.core.cache import cached
from giaoban.core.permissions import scope_for
from giaoban.tasks.models import Assignment
from giaoban.tasks.permissions import assignments_for
from giaoban.tasks.status import (
    StatusClass,
    count_by_status,
    count_columns,
    deadline_in_force,
    existing_at,
    status_case,
    status_q,
    with_status,
)

DueIn = tuple[date, date] | None


def _due_in(qs, due_in: DueIn):
    """``qs`` narrowed to the assignments whose deadline falls in ``due_in`` (first, last day):
    the same rule as the lists' deadline range, so a card and the list it links to agree."""
    if due_in is None:
        return qs
    return qs.filter(deadline__gte=due_in[0], deadline__lte=due_in[1])


def status_counts(
    user: Any,
    ref: date,
    unit_ids: set[int] | frozenset[int] | None = None,
    *,
    today: date | None = None,
    due_in: DueIn = None,
) -> dict[str, int]:
    qs = _due_in(assignments_for(user), due_in)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    return count_by_status(qs, ref, today=today or dates.today())


def overdue(
    user: Any,
    ref: date,
    limit: int = 10,
    unit_ids=None,
    *,
    today: date | None = None,
    due_in: DueIn = None,
):
    today = today or dates.today()
    qs = _due_in(assignments_for(user), due_in).filter(
        status_q(StatusClass.OPEN_OVERDUE, ref, today=today)
    )
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    return qs.select_related("task", "unit").order_by("deadline", "id")[:limit]


def due_soon(
    user: Any,
    ref: date,
    days: int = 7,
    limit: int = 10,
    unit_ids=None,
    *,
    today: date | None = None,
    due_in: DueIn = None,
):
    today = today or dates.today()
    qs = _due_in(assignments_for(user), due_in).filter(
        status_q(StatusClass.OPEN_IN_TIME, ref, today=today),
        LessThanOrEqual(deadline_in_force(ref, today=today), ref + timedelta(days=days)),
    )
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    return with_status(qs.select_related("task", "unit"), ref, today=today).order_by(
        "deadline", "id"
    )[:limit]


def per_unit(
    user: Any, ref: date, *, today: date | None = None, due_in: DueIn = None
) -> list[dict[str, Any]]:
    """One row per unit with its count in every status class, plus 'extended' and
    'met_original' (one GROUP BY query; cached until the next change, see core.cache).

    Grouped by (unit, CASE status class), one evaluation per row instead of one
    FILTER per class, then folded into one row per unit here.
    """
    window = f"{due_in[0].isoformat()}..{due_in[1].isoformat()}" if due_in else ""
    key, roots = cache_key(user, f"per_unit:{ref.isoformat()}:{window}")
    today = today or dates.today()
    return cached(key, lambda: _per_unit(user, ref, today, due_in), roots=roots)


def cache_key(user: Any, name: str) -> tuple[str, frozenset[int] | None]:
    """A cache key for an aggregate of the user's scope, and the committees it depends on."""
    scope = scope_for(user)
    scope_key = hashlib.sha1(
        ",".join(map(str, sorted(assignments_scope_ids(user)))).encode()
    ).hexdigest()
    roots = None if scope.is_admin or scope.own_unit_ids else scope.reach_root_ids
    return f"{name}:{scope_key}", roots


def assignments_scope_ids(user: Any) -> frozenset[int]:
    scope = scope_for(user)
    return frozenset({-1}) if scope.is_admin else scope.readable_unit_ids


def _per_unit(user: Any, ref: date, today: date, due_in: DueIn = None) -> list[dict[str, Any]]:
    rows = (
        existing_at(_due_in(assignments_for(user), due_in), ref, today=today)
        .order_by()
        .annotate(status_class_=status_case(ref, today=today))
        .values("unit_id", "status_class_", name=F("unit__name"), order=F("unit__sort_order"))
        .annotate(**count_columns(ref, today=today))
    )
    units: dict[int, dict[str, Any]] = {}
    for row in rows:
        unit = units.get(row["unit_id"])
        if unit is None:
            unit = units[row["unit_id"]] = {
                "unit_id": row["unit_id"],
                "name": row["name"],
                "order": row["order"],
                "total": 0,
                "extended": 0,
                "met_original": 0,
                **{cls.value: 0 for cls in StatusClass},
            }
        unit[row["status_class_"]] += row["n"]
        unit["total"] += row["n"]
        unit["extended"] += row["extended"]
        unit["met_original"] += row["met_original"]
    return sorted(units.values(), key=lambda u: (u["order"], u["name"]))


def totals(rows: list[dict[str, Any]]) -> dict[str, int]:
    """The committee's counts, summed from the per-unit rows (no second pass over the table)."""
    keys = [cls.value for cls in StatusClass] + ["total", "extended", "met_original"]
    return {key: sum(row[key] for row in rows) for key in keys}


def awaiting_decision(user: Any, limit: int = 10) -> list:
    """Office: claims and extension requests in its reach that wait for its decision.

    Served by the partial index tasks_asg_awaiting_idx (claimed, or an extension
    pending), which holds only the few assignments waiting for the office.
    """
    scope = scope_for(user)
    waiting = (
        assignments_for(user)
        .filter(unit_id__in=scope.office_unit_ids)
        .filter(Q(state="claimed") | Q(extension_pending=True))
    )
    # ids first (the partial index alone), then the page with its joins: joining every
    # waiting row before the sort and limit cost 30 ms for a province with thousands waiting
    ids = list(waiting.order_by("deadline", "id").values_list("id", flat=True)[:limit])
    if not ids:
        return []
    # with the request itself (what was done and its evidence, the deadline asked and why)
    from giaoban.tasks.awaiting import pending_requests

    return list(
        Assignment.objects.filter(pk__in=ids)
        .select_related("task", "unit")
        .prefetch_related(*pending_requests())
        .order_by("deadline", "id")
    )
