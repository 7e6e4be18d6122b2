"""Completeness and timeliness of a period's reports, counted as DHIS2 counts them.

- expected: the units stored as expected in the period (ExpectedReport);
- submitted: expected units whose report was sent at least once;
- on time: first sent on or before the due date (and before closing); late: after;
- missing: expected units with no report sent (a draft does not count);
- returned: sent, then returned by the office and not yet sent again;
- accepted: accepted by the office.
Rates are shares of the expected units: completeness = submitted / expected,
timeliness = on time / expected. A report from a unit no longer expected is
not counted (it cannot be created: the service refuses it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Count, OuterRef
from django.utils.translation import gettext_lazy as _

from giaoban.org.models import Unit
from giaoban.reports.models import (
    ExpectedReport,
    PeriodState,
    ReportingPeriod,
    ReportState,
    UnitReport,
)

#: the report fields the table needs, read as plain values (no model instances: a national
#: period page reads ~120 rows, and building models was a third of its time)
REPORT_VALUES = (
    "id",
    "unit_id",
    "state",
    "first_submitted_at",
    "submitted_at",
    "late",
    "version_count",
    "doc_number",
    "doc_date",
    "returned_count",
)
STATE_LABELS = dict(ReportState.choices)

STATUS_LABELS = {
    "on_time": _("On time"),
    "late": _("Late"),
    "missing": _("Missing"),
}
STATUS_COLOURS = {"on_time": "success", "late": "warning", "missing": "danger"}


@dataclass(frozen=True, slots=True)
class UnitRef:
    """The unit of a row: its id and name."""

    pk: int
    name: str


class ReportRef:
    """The report of a row, as the values the table and the exports read (not a model)."""

    __slots__ = REPORT_VALUES

    def __init__(self, *values: Any) -> None:
        for name, value in zip(REPORT_VALUES, values, strict=True):
            setattr(self, name, value)

    @property
    def pk(self) -> int:
        return self.id  # type: ignore[attr-defined]

    def get_state_display(self) -> str:
        return str(STATE_LABELS.get(self.state, self.state))  # type: ignore[attr-defined]

    doc_label = UnitReport.doc_label


@dataclass
class UnitRow:
    unit: UnitRef | Unit
    report: ReportRef | UnitReport | None

    @property
    def submitted(self) -> bool:
        return self.report is not None and self.report.first_submitted_at is not None

    @property
    def status(self) -> str:
        if not self.submitted:
            return "missing"
        return "late" if self.report.late else "on_time"  # type: ignore[union-attr]

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def colour(self) -> str:
        return STATUS_COLOURS[self.status]

    @property
    def state(self) -> str:
        return self.report.state if self.report is not None else ""

    @property
    def first_submitted_at(self) -> datetime | None:
        return self.report.first_submitted_at if self.report is not None else None


@dataclass
class Completeness:
    period: ReportingPeriod
    rows: list[UnitRow] = field(default_factory=list)

    def _count(self, pred) -> int:
        return sum(1 for r in self.rows if pred(r))

    @property
    def expected(self) -> int:
        return len(self.rows)

    @property
    def submitted(self) -> int:
        return self._count(lambda r: r.submitted)

    @property
    def on_time(self) -> int:
        return self._count(lambda r: r.status == "on_time")

    @property
    def late(self) -> int:
        return self._count(lambda r: r.status == "late")

    @property
    def missing(self) -> int:
        return self._count(lambda r: r.status == "missing")

    @property
    def returned(self) -> int:
        return self._count(lambda r: r.state == ReportState.RETURNED)

    @property
    def accepted(self) -> int:
        return self._count(lambda r: r.state == ReportState.ACCEPTED)

    def rate(self, n: int) -> float:
        return round(100.0 * n / self.expected, 1) if self.expected else 0.0

    @property
    def completeness_rate(self) -> float:
        return self.rate(self.submitted)

    @property
    def timeliness_rate(self) -> float:
        return self.rate(self.on_time)

    def totals(self) -> dict[str, Any]:
        return {
            "expected": self.expected,
            "submitted": self.submitted,
            "on_time": self.on_time,
            "late": self.late,
            "missing": self.missing,
            "returned": self.returned,
            "accepted": self.accepted,
            "completeness_rate": self.completeness_rate,
            "timeliness_rate": self.timeliness_rate,
        }


def completeness(
    period: ReportingPeriod, *, unit_ids: set[int] | frozenset[int] | None = None
) -> Completeness:
    """Two queries (the expected units, the reports of the period), read as plain values:
    rows carry a ``UnitRef`` and a ``ReportRef`` (or None), not model instances."""
    expected = (
        ExpectedReport.objects.filter(period=period)
        .order_by("unit__sort_order", "unit__name")
        .values_list("unit_id", "unit__name")
    )
    reports_qs = UnitReport.objects.filter(period=period).order_by().values_list(*REPORT_VALUES)
    if unit_ids is not None:
        expected = expected.filter(unit_id__in=unit_ids)
        reports_qs = reports_qs.filter(unit_id__in=unit_ids)
    reports = {values[1]: ReportRef(*values) for values in reports_qs}
    return Completeness(
        period, [UnitRow(UnitRef(uid, name), reports.get(uid)) for uid, name in expected]
    )


@dataclass
class HistoryRow:
    period: ReportingPeriod
    report: UnitReport | None

    @property
    def row(self) -> UnitRow:
        return UnitRow(self.report.unit if self.report else None, self.report)  # type: ignore[arg-type]


def unit_history(unit: Unit) -> list[HistoryRow]:
    """A unit's timeliness across the periods it was expected in, newest first (two queries)."""
    periods = [
        e.period
        for e in ExpectedReport.objects.filter(unit=unit)
        .exclude(period__state="planned")
        .select_related("period")
        .order_by("-period__cutoff_end", "-period__id")
    ]
    reports = {
        r.period_id: r
        for r in UnitReport.objects.filter(unit=unit, period__in=[p.pk for p in periods])
    }
    return [HistoryRow(p, reports.get(p.pk)) for p in periods]


def history_totals(rows: list[HistoryRow]) -> dict[str, Any]:
    statuses = [UnitRow(None, h.report).status for h in rows]  # type: ignore[arg-type]
    n = len(statuses)
    on_time = statuses.count("on_time")
    return {
        "expected": n,
        "on_time": on_time,
        "late": statuses.count("late"),
        "missing": statuses.count("missing"),
        "timeliness_rate": round(100.0 * on_time / n, 1) if n else 0.0,
    }


@dataclass
class PeriodRow:
    """One line of the period list: the period, the user's own report (if any), whether the
    user's unit must report in it, and (for the office) how many of the expected have sent."""

    period: ReportingPeriod
    mine: UnitReport | None
    expected_mine: bool
    expected: int
    submitted: int

    @property
    def missing_mine(self) -> bool:
        """Expected, nothing sent, and the period closed without taking late reports."""
        return (
            self.expected_mine
            and self.mine is None
            and self.period.state == PeriodState.CLOSED
            and not self.period.accepts_reports
        )


def submission_counts(periods: list[ReportingPeriod], scope: Any) -> dict[int, tuple[int, int]]:
    """Expected and submitted per period of the committees the user oversees: two grouped
    queries whatever the number of periods (completeness counts a report once it was sent)."""
    ids = [p.pk for p in periods if scope.is_admin or p.committee_id in scope.reach_root_ids]
    if not ids:
        return {}
    expected = dict(
        ExpectedReport.objects.filter(period__in=ids)
        .values("period")
        .annotate(n=Count("id"))
        .values_list("period", "n")
    )
    sent = dict(
        UnitReport.objects.filter(
            period__in=ids,
            first_submitted_at__isnull=False,
            unit_id__in=ExpectedReport.objects.filter(period=OuterRef("period")).values("unit_id"),
        )
        .values("period")
        .annotate(n=Count("id"))
        .values_list("period", "n")
    )
    return {pk: (expected.get(pk, 0), sent.get(pk, 0)) for pk in ids}
