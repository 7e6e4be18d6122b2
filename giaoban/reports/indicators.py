"""How far each indicator is, as of a reporting period: actual to date, share of the yearly
target, and whether it is behind its pro-rata target.

- per-period indicators add up the values of the year's reports of the same period type
  up to this one; cumulative ones take the latest report's value; rates (ratio) too;
- the pro-rata target is the yearly target times the share of the year elapsed (9 months:
  75 %); a rate is a level and is compared with the full target;
- higher is better: behind when actual < pro-rata target; lower is better: behind when
  actual > pro-rata target;
- the committee as a whole: its own target if set, else the sum of the units' targets;
  actual: the units' sum (a rate: the mean of the units' values).
Only reports that were sent count (drafts do not). Four queries per table.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from giaoban.org.models import Unit
from giaoban.reports.models import (
    Accumulation,
    Direction,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    ReportingPeriod,
)

HUNDRED = Decimal(100)


@dataclass
class Achievement:
    target: Decimal | None
    actual: Decimal | None
    expected_share: Decimal  # percent of the year's target due by now
    direction: str
    accumulation: str

    @property
    def pro_rata_target(self) -> Decimal | None:
        if self.target is None:
            return None
        return (self.target * self.expected_share / HUNDRED).quantize(Decimal("0.01"))

    @property
    def share(self) -> Decimal | None:
        """Percent of the yearly target achieved (lower is better: target / actual)."""
        if self.target is None or self.actual is None:
            return None
        if self.direction == Direction.LOWER:
            if self.actual == 0:
                return HUNDRED
            return (self.target / self.actual * HUNDRED).quantize(Decimal("0.1"))
        if self.target == 0:
            return None
        return (self.actual / self.target * HUNDRED).quantize(Decimal("0.1"))

    @property
    def lagging(self) -> bool:
        due = self.pro_rata_target
        if due is None or self.actual is None:
            return self.target is not None and self.actual is None
        if self.direction == Direction.LOWER:
            return self.actual > due
        return self.actual < due


@dataclass
class IndicatorRow:
    indicator: Indicator
    total: Achievement
    units: dict[int, Achievement] = field(default_factory=dict)


def elapsed_share(period: ReportingPeriod) -> Decimal:
    """Share of the year (percent) covered up to the period's last month: Q3 and 9M → 75."""
    return (Decimal(period.period.last_month) * HUNDRED / Decimal(12)).quantize(Decimal("0.01"))


def _actual(values: list[tuple[object, Decimal]], accumulation: str) -> Decimal | None:
    """values: (cutoff_end, value) of one unit's sent reports up to the period."""
    if not values:
        return None
    if accumulation == Accumulation.PER_PERIOD:
        return sum((v for _, v in values), Decimal(0))
    return max(values, key=lambda pair: pair[0])[1]


def indicator_table(
    period: ReportingPeriod, *, unit_ids: set[int] | None = None
) -> tuple[list[Unit], list[IndicatorRow]]:
    committee_id = period.committee_id
    indicators = list(
        Indicator.objects.filter(committee_id=committee_id).order_by("sort_order", "code")
    )
    targets: dict[tuple[int, int | None], Decimal] = {
        (t.indicator_id, t.unit_id): t.target
        for t in IndicatorTarget.objects.filter(
            indicator__committee_id=committee_id, year=period.year
        )
    }
    rows = IndicatorValue.objects.filter(
        indicator__committee_id=committee_id,
        report__period__committee_id=committee_id,
        report__period__year=period.year,
        report__period__period_type=period.period_type,
        report__period__cutoff_end__lte=period.cutoff_end,
        report__first_submitted_at__isnull=False,
    )
    if unit_ids is not None:
        rows = rows.filter(report__unit_id__in=unit_ids)
    per: dict[tuple[int, int], list[tuple[object, Decimal]]] = defaultdict(list)
    for ind_id, unit_id, cutoff, value in rows.values_list(
        "indicator_id", "report__unit_id", "report__period__cutoff_end", "value"
    ):
        per[(ind_id, unit_id)].append((cutoff, value))
    unit_set = {u for (_, u) in per} | {u for (_, u) in targets if u is not None}
    if unit_ids is not None:
        unit_set &= set(unit_ids)
    units = list(Unit.objects.filter(pk__in=unit_set).order_by("sort_order", "name"))
    share = elapsed_share(period)
    table: list[IndicatorRow] = []
    for ind in indicators:
        expected = HUNDRED if ind.accumulation == Accumulation.RATIO else share
        row = IndicatorRow(ind, Achievement(None, None, expected, ind.direction, ind.accumulation))
        actuals = []
        unit_targets = []
        for unit in units:
            actual = _actual(per.get((ind.pk, unit.pk), []), ind.accumulation)
            target = targets.get((ind.pk, unit.pk))
            if actual is not None or target is not None:
                row.units[unit.pk] = Achievement(
                    target, actual, expected, ind.direction, ind.accumulation
                )
            if actual is not None:
                actuals.append(actual)
            if target is not None:
                unit_targets.append(target)
        total_target = targets.get((ind.pk, None))
        if total_target is None and unit_targets and ind.accumulation != Accumulation.RATIO:
            total_target = sum(unit_targets, Decimal(0))
        if actuals:
            total_actual = sum(actuals, Decimal(0))
            if ind.accumulation == Accumulation.RATIO:
                total_actual = (total_actual / len(actuals)).quantize(Decimal("0.01"))
        else:
            total_actual = None
        row.total = Achievement(
            total_target, total_actual, expected, ind.direction, ind.accumulation
        )
        table.append(row)
    return units, table


@dataclass
class FormHint:
    """What the report form shows under an indicator's box: the unit's yearly target and the
    value it sent for the previous period of the same kind this year."""

    target: Decimal | None = None
    previous: Decimal | None = None
    previous_label: str = ""


def form_hints(report, indicators: list[Indicator]) -> dict[str, FormHint]:
    """{code: FormHint} for the unit's report (two queries; none without indicators)."""
    if not indicators:
        return {}
    period = report.period
    ids = [ind.pk for ind in indicators]
    hints = {ind.code: FormHint() for ind in indicators}
    code_of = {ind.pk: ind.code for ind in indicators}
    for ind_id, target in IndicatorTarget.objects.filter(
        indicator_id__in=ids, year=period.year, unit_id=report.unit_id
    ).values_list("indicator_id", "target"):
        hints[code_of[ind_id]].target = target
    before = (
        IndicatorValue.objects.filter(
            indicator_id__in=ids,
            report__unit_id=report.unit_id,
            report__period__year=period.year,
            report__period__period_type=period.period_type,
            report__period__cutoff_end__lt=period.cutoff_end,
            report__first_submitted_at__isnull=False,
        )
        .order_by("indicator_id", "-report__period__cutoff_end")
        .values_list(
            "indicator_id",
            "value",
            "report__period__year",
            "report__period__period_type",
            "report__period__number",
        )
    )
    from giaoban.core.references import display_period
    from giaoban.periods import Period, PeriodType

    for ind_id, value, year, kind, number in before:
        hint = hints[code_of[ind_id]]
        if hint.previous is None:  # the latest one comes first
            hint.previous = value
            hint.previous_label = display_period(Period(year, PeriodType(kind), number))
    return hints
