"""Reporting at national scale, by bulk insert (``giaoban demo --scale national``).

For every province of the national data: the quarter report form with four indicators and the
communes' yearly targets, six quarters of reporting periods (Quý III/2025 to the current one,
cut-off and due dates from the Nghị định 09/2019 defaults), every unit below the committee
expected, and the units' reports with their first version and indicator values: in the closed
quarters most on time, some late, a few missing, a few returned and sent again; in the open
quarter half sent and waiting, some drafts (the first commune's, ``xaNN``, always: the autosave
bench types into it). Rows go straight into the tables (``giaoban.core.bulk.copy_rows``: COPY on
PostgreSQL): no services, no audit entries, no model ``save()``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.db.models import Max, Model
from django.utils import timezone

from giaoban.accounts.models import Membership, Role
from giaoban.core.bulk import copy_rows, reset_sequences
from giaoban.org.models import Unit, UnitKind
from giaoban.periods import Period
from giaoban.reports.demo import _quarters
from giaoban.reports.demo_texts import DIFFICULTIES, NEXT, RESULTS, SHORTCOMINGS
from giaoban.reports.models import (
    Accumulation,
    Direction,
    ExpectedReport,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    PeriodState,
    ReportForm,
    ReportingPeriod,
    ReportingRules,
    ReportState,
    ReportVersion,
    UnitReport,
)
from giaoban.reports.symbols import report_number

INDICATORS = [
    ("DV01", "Kết nạp đảng viên mới", "người", Direction.HIGHER, Accumulation.PER_PERIOD, None),
    ("KT01", "Cuộc kiểm tra, giám sát", "cuộc", Direction.HIGHER, Accumulation.PER_PERIOD, None),
    ("TG01", "Tỷ lệ đảng viên học tập nghị quyết", "%", Direction.HIGHER, Accumulation.RATIO, 100),
    ("DT01", "Đơn thư tồn đọng", "đơn", Direction.LOWER, Accumulation.CUMULATIVE, None),
]


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 20), tzinfo=timezone.get_default_timezone())


def _rows(model: type[Model], objs: Iterable[Model]) -> tuple[list[str], Iterable[tuple]]:
    """The table's columns and each object's values as the database takes them."""
    fields = list(model._meta.concrete_fields)
    columns = [f.column for f in fields]
    values = (
        tuple(f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields)
        for obj in objs
    )
    return columns, values


def _copy(model: type[Model], objs: list[Model]) -> int:
    columns, values = _rows(model, objs)
    return copy_rows(model._meta.db_table, columns, values)


def _next_id(model: type[Model]) -> int:
    return (model.objects.aggregate(n=Max("id"))["n"] or 0) + 1


def build_national_reports(
    *, today: date, seed: int = 2026, progress: Callable[[str], object] = print
) -> str:
    """Reporting data for every province committee below the national root; a summary line."""
    rng = random.Random(seed)
    committees = list(
        Unit.objects.filter(kind=UnitKind.COMMITTEE, parent__kind=UnitKind.NATIONAL).order_by(
            "sort_order"
        )
    )
    offices = {
        m.unit.parent_id: m.user_id
        for m in Membership.objects.filter(role=Role.OFFICE).select_related("unit")
    }
    staff = {m.unit_id: m.user_id for m in Membership.objects.filter(role=Role.UNIT)}
    quarters = _quarters(today)
    rules = ReportingRules().as_rules()  # the Nghị định 09/2019 defaults
    windows = {q: (*rules.cutoff_window(q), rules.due_date(q)) for q in quarters}
    counts = {"periods": 0, "reports": 0, "values": 0}
    for committee in committees:
        office = offices.get(committee.pk)
        if office is None:
            continue
        with transaction.atomic():
            n = _province(rng, committee, office, staff, quarters, windows, today)
        for key in counts:
            counts[key] += n[key]
    reset_sequences([UnitReport, ReportVersion, IndicatorValue, IndicatorTarget, ExpectedReport])
    progress(
        f"  reporting: {counts['periods']} periods, {counts['reports']:,} reports, "
        f"{counts['values']:,} indicator values"
    )
    return (
        f"{counts['periods']} reporting periods, {counts['reports']:,} unit reports, "
        f"{counts['values']:,} indicator values"
    )


def _setup(committee: Unit, communes: list[Unit], years: set[int]) -> tuple[ReportForm, dict]:
    form = ReportForm.objects.create(
        committee=committee, period_type="quarter", name=f"Báo cáo quý — {committee.name}"
    )
    indicators = Indicator.objects.bulk_create(
        [
            Indicator(
                committee=committee,
                code=code,
                name=name,
                measure=measure,
                direction=direction,
                accumulation=acc,
                min_value=Decimal(0),
                max_value=None if top is None else Decimal(top),
                sort_order=order,
            )
            for order, (code, name, measure, direction, acc, top) in enumerate(INDICATORS, 1)
        ]
    )
    if any(i.pk is None for i in indicators):
        indicators = list(Indicator.objects.filter(committee=committee).order_by("sort_order"))
    form.indicators.set(indicators)
    by_code = {i.code: i for i in indicators}
    next_id = _next_id(IndicatorTarget)
    targets = []
    for year in sorted(years):
        for unit in communes:
            for code, target in (("DV01", 12), ("TG01", 95)):
                targets.append(
                    IndicatorTarget(
                        id=next_id,
                        indicator=by_code[code],
                        year=year,
                        unit=unit,
                        target=Decimal(target),
                    )
                )
                next_id += 1
    _copy(IndicatorTarget, targets)
    return form, by_code


def _province(rng, committee, office, staff, quarters, windows, today) -> dict[str, int]:
    units = list(Unit.objects.filter(parent=committee).order_by("sort_order", "pk"))
    communes = [u for u in units if u.kind == UnitKind.COMMUNE_COMMITTEE]
    form, indicators = _setup(committee, communes, {q.year for q in quarters})
    now = timezone.now()
    periods = []
    for index, q in enumerate(quarters):
        start, end, due = windows[q]
        current = index == len(quarters) - 1
        periods.append(
            ReportingPeriod(
                committee=committee,
                period_type=q.type.value,
                year=q.year,
                number=q.number,
                form=form,
                cutoff_start=start,
                cutoff_end=end,
                due_date=due,
                state=PeriodState.OPEN if current else PeriodState.CLOSED,
                opened_at=_at(end - timedelta(days=10), 8),
                closed_at=None if current else _at(due + timedelta(days=12), 17),
                created_by_id=office,
            )
        )
    ReportingPeriod.objects.bulk_create(periods)
    if any(p.pk is None for p in periods):
        periods = list(ReportingPeriod.objects.filter(committee=committee).order_by("cutoff_end"))
    eid = _next_id(ExpectedReport)
    _copy(
        ExpectedReport,
        [
            ExpectedReport(id=eid + i, period=p, unit=u)
            for i, (p, u) in enumerate((p, u) for p in periods for u in units)
        ],
    )
    first_commune = communes[0].pk if communes else None
    fallback = next((staff[u.pk] for u in units if u.pk in staff), office)
    reports, versions, values = [], [], []
    rid, vid, xid = _next_id(UnitReport), _next_id(ReportVersion), _next_id(IndicatorValue)
    for period, q in zip(periods, quarters, strict=True):
        current = period.state == PeriodState.OPEN
        for unit in units:
            spec = _fate(rng, unit.pk == first_commune, current)
            if spec is None:
                continue
            state, late, returned = spec
            # the national data has four users per province: a unit without its own clerk
            # sends through the province's unit clerk (never the office, which decides)
            author = staff.get(unit.pk, fallback)
            content = _content(rng, unit, q, indicators)
            sent_day = period.due_date + timedelta(
                days=rng.randint(1, 9) if late else -rng.randint(0, 5)
            )
            sent = _at(min(sent_day, today), 8 + unit.pk % 9) if state != "draft" else None
            report = UnitReport(
                id=rid,
                period=period,
                unit=unit,
                state=state,
                content=content,
                doc_number=report_number(rng.randint(10, 399), unit.name, committee.name)
                if sent
                else "",
                doc_date=sent.date() if sent else None,
                first_submitted_at=sent,
                submitted_at=sent + timedelta(days=3) if sent and returned else sent,
                late=late,
                version_count=(2 if returned else 1) if sent else 0,
                return_reason="",
                returned_count=1 if returned else 0,
                decided_by_id=office if state == ReportState.ACCEPTED else None,
                decided_at=sent + timedelta(days=5)
                if sent and state == ReportState.ACCEPTED
                else None,
                created_by_id=author,
                created_at=sent or now,
                saved_at=sent or now,
            )
            reports.append(report)
            for number in range(1, report.version_count + 1):
                last = number == report.version_count
                decision = (
                    "rejected"
                    if not last
                    else {"accepted": "approved", "submitted": "pending"}.get(state, "pending")
                )
                at = sent if number == 1 else report.submitted_at
                versions.append(
                    ReportVersion(
                        id=vid,
                        report=report,
                        number=number,
                        content=content,
                        doc_number=report.doc_number,
                        doc_date=report.doc_date,
                        submitted_at=at,
                        submitted_by_id=author,
                        decision=decision,
                        decided_by_id=None if decision == "pending" else office,
                        decided_at=None if decision == "pending" else at + timedelta(days=2),
                        decision_reason="Bổ sung số liệu chỉ tiêu."
                        if decision == "rejected"
                        else "",
                    )
                )
                vid += 1
            for code, value in content["indicators"].items():
                values.append(
                    IndicatorValue(
                        id=xid, report=report, indicator=indicators[code], value=Decimal(value)
                    )
                )
                xid += 1
            rid += 1
    _copy(UnitReport, reports)
    _copy(ReportVersion, versions)
    _copy(IndicatorValue, values)
    return {"periods": len(periods), "reports": len(reports), "values": len(values)}


def _fate(rng: random.Random, bench_draft: bool, current: bool) -> tuple[str, bool, bool] | None:
    """(state, late, returned once) of a unit's report, or None when it has none."""
    roll = rng.random()
    if current:
        if bench_draft or 0.5 <= roll < 0.7:
            return ReportState.DRAFT, False, False
        if roll >= 0.7:
            return None
        return ReportState.SUBMITTED, False, roll < 0.03
    if roll >= 0.94:
        return None  # missing
    late = roll >= 0.86
    if roll < 0.03:
        return ReportState.ACCEPTED, late, True  # returned, corrected, accepted
    if roll < 0.05:
        return ReportState.SUBMITTED, late, False
    return ReportState.ACCEPTED, late, False


def _content(rng: random.Random, unit: Unit, q: Period, indicators: dict) -> dict[str, Any]:
    if unit.kind == UnitKind.COMMUNE_COMMITTEE:
        lag = unit.sort_order % 7 == 0
        vals = {
            "DV01": str(rng.randint(0, 2) if lag else rng.randint(3, 5)),
            "TG01": str(rng.randint(80, 90) if lag else rng.randint(93, 100)),
        }
    elif unit.kind == UnitKind.BOARD:
        vals = {"KT01": str(rng.randint(4, 9)), "DT01": str(rng.randint(0, 6))}
    else:
        vals = {}
    return {
        "sections": {
            "results": "\n".join(r.format(n=rng.randint(2, 9)) for r in rng.sample(RESULTS, 2))
            + f" ({q.label})",
            "shortcomings": rng.choice(SHORTCOMINGS),
            "difficulties": rng.choice(DIFFICULTIES),
        },
        "next_tasks": rng.sample(NEXT, 2),
        "recommendations": [],
        "indicators": {k: v for k, v in vals.items() if k in indicators},
        "plan_progress": {},
    }
