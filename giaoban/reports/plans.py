"""Plan against done: each item's latest progress as the unit's sent reports state it, and the
weighted completion share of the plan (breakthrough items are left out of the share)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from giaoban.reports.models import PlanItem, PlanItemProgress, ReportingPeriod, WorkPlan


@dataclass
class ItemProgress:
    item: PlanItem
    percent: int | None


@dataclass
class PlanProgress:
    plan: WorkPlan
    items: list[ItemProgress]

    @property
    def share(self) -> float | None:
        """Weighted completion (percent) of the items that count (not breakthrough)."""
        counted = [i for i in self.items if not i.item.breakthrough]
        weight = sum(i.item.weight for i in counted)
        if not weight:
            return None
        done = sum(i.item.weight * (i.percent or 0) for i in counted)
        return round(done / weight, 1)


def plan_progress(plan: WorkPlan, *, until: ReportingPeriod | None = None) -> PlanProgress:
    """Two queries: the items, and the progress rows of the unit's sent reports of the year."""
    items = list(plan.items.order_by("quarter", "sort_order", "id"))
    rows = PlanItemProgress.objects.filter(
        item__plan=plan, report__first_submitted_at__isnull=False
    ).values_list("item_id", "percent", "report__period__cutoff_end")
    if until is not None:
        rows = rows.filter(report__period__cutoff_end__lte=until.cutoff_end)
    latest: dict[int, tuple] = {}
    for item_id, percent, cutoff in rows:
        if item_id not in latest or cutoff >= latest[item_id][1]:
            latest[item_id] = (percent, cutoff)
    return PlanProgress(plan, [ItemProgress(i, latest.get(i.pk, (None,))[0]) for i in items])


def plan_items_for(report: Any) -> list[PlanItem]:
    """The plan items of the report's year that fall in its period (or the whole year)."""
    if not report.period.form.asks_plan_progress:
        return []
    p = report.period.period
    quarters = {q for q in range(1, 5) if p.first_month <= 3 * q and 3 * q - 2 <= p.last_month}
    return list(
        PlanItem.objects.filter(plan__unit_id=report.unit_id, plan__year=p.year)
        .filter(Q(quarter__isnull=True) | Q(quarter__in=sorted(quarters)))
        .order_by("quarter", "sort_order", "id")
    )
