"""Read-only queries other apps call (the reminders of the notifications app, the dashboards).

Unscoped on purpose: the caller decides who is told; nothing here is shown to a user as is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef

from giaoban.org.models import Unit
from giaoban.reports.models import (
    ExpectedReport,
    PeriodState,
    ReportingPeriod,
    ReportState,
    UnitReport,
)


@dataclass(frozen=True)
class MissingReport:
    period: ReportingPeriod
    unit: Unit

    @property
    def overdue_on(self) -> date:
        return self.period.due_date


def missing_reports(*, on: date, due_within_days: int = 3) -> list[MissingReport]:
    """Expected reports not sent yet in open periods due within ``due_within_days`` of ``on``
    (or already past due): one entry per (period, unit), oldest due first. A draft is missing."""
    from datetime import timedelta

    sent = UnitReport.objects.filter(
        period=OuterRef("period"), unit=OuterRef("unit"), first_submitted_at__isnull=False
    )
    rows = (
        ExpectedReport.objects.filter(
            period__state=PeriodState.OPEN,
            period__due_date__lte=on + timedelta(days=due_within_days),
        )
        .exclude(Exists(sent))
        .select_related("period__committee", "unit")
        .order_by("period__due_date", "period_id", "unit__sort_order", "unit_id")
    )
    return [MissingReport(r.period, r.unit) for r in rows]


def returned_reports() -> list[UnitReport]:
    """Reports the office returned and the unit has not sent again (for a reminder to the unit)."""
    return list(
        UnitReport.objects.filter(state=ReportState.RETURNED).select_related(
            "period__committee", "unit", "decided_by"
        )
    )
