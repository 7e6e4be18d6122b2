"""Indicators (achievement, pro-rata flag, targets) and work plans (items, approval, plan vs done)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from giaoban.periods import Period
from giaoban.reports import services, services_plans
from giaoban.reports.content import RawContent
from giaoban.reports.indicators import Achievement, elapsed_share, indicator_table
from giaoban.reports.models import Accumulation, Direction, Indicator, PlanState
from giaoban.reports.plans import plan_progress

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def test_achievement_rules():
    higher = Achievement(
        Decimal(100), Decimal(70), Decimal(75), Direction.HIGHER, Accumulation.PER_PERIOD
    )
    assert (
        higher.pro_rata_target == Decimal("75.00")
        and higher.share == Decimal("70.0")
        and higher.lagging
    )
    on_track = Achievement(
        Decimal(100), Decimal(80), Decimal(75), Direction.HIGHER, Accumulation.PER_PERIOD
    )
    assert not on_track.lagging
    lower = Achievement(
        Decimal(8), Decimal(7), Decimal(75), Direction.LOWER, Accumulation.CUMULATIVE
    )
    assert lower.pro_rata_target == Decimal("6.00") and lower.lagging
    no_value = Achievement(
        Decimal(10), None, Decimal(50), Direction.HIGHER, Accumulation.PER_PERIOD
    )
    assert no_value.lagging and no_value.share is None


def _send(cast, period, unit, user, values, when):
    report = services.start_report(period=period, unit=unit, user=user)
    with time_machine.travel(when, tick=False):
        services.save_draft(
            report=report, user=user, raw=RawContent({"results": "x"}, [], [], values, {})
        )
        services.submit_report(report=report, user=user, doc_number="1-BC", doc_date=when.date())
    return report


def test_per_period_values_add_up_and_nine_months_flag(frozen, cast, indicator):
    """Q1..Q3 of a per-period indicator add up; at Q3 (75 % of the year) 70 of 100 is behind."""
    periods = []
    for q in (1, 2, 3):
        p = services.create_period(
            committee=cast.committee_a, period=Period.of_quarter(2026, q), user=cast.office_a
        )
        p.form.indicators.add(indicator)
        periods.append(services.open_period(period=p, user=cast.office_a))
    assert elapsed_share(periods[2]) == Decimal("75.00")
    for p, v in zip(periods, ("20", "25", "25")):
        _send(cast, p, cast.board_a, cast.unit_a, {"DV01": v}, datetime(2026, 3, 16, 9, tzinfo=TZ))
    units, table = indicator_table(periods[2])
    row = table[0]
    mine = row.units[cast.board_a.pk]
    assert mine.actual == Decimal(70) and mine.target == Decimal(100) and mine.lagging
    assert row.total.target == Decimal(400), "the committee's own target wins over the sum"
    _units, table_q2 = indicator_table(periods[1])
    assert table_q2[0].units[cast.board_a.pk].actual == Decimal(45)
    assert table_q2[0].units[cast.board_a.pk].lagging, "45 of 100 at six months (due 50) is behind"
    assert table_q2[0].units[cast.board_a.pk].pro_rata_target == Decimal("50.00")


def test_zero_target_for_a_ratio_is_refused(frozen, cast):
    rate = Indicator.objects.create(
        committee=cast.committee_a,
        code="TL01",
        name="Tỷ lệ",
        measure="%",
        accumulation=Accumulation.RATIO,
        max_value=100,
    )
    with pytest.raises(ValidationError, match="bằng 0"):
        services_plans.set_target(
            indicator=rate, user=cast.office_a, year=2026, unit=None, target=Decimal(0)
        )
    with pytest.raises(ValidationError):
        services_plans.set_target(
            indicator=rate, user=cast.office_a, year=2026, unit=None, target=Decimal(101)
        )
    with pytest.raises(ValidationError):
        services_plans.set_target(
            indicator=rate, user=cast.office_a, year=2026, unit=cast.board_b, target=Decimal(90)
        )
    with pytest.raises(PermissionDenied):
        services_plans.set_target(
            indicator=rate, user=cast.leader_a, year=2026, unit=None, target=Decimal(90)
        )
    assert not rate.targets.exists()
    services_plans.set_target(
        indicator=rate, user=cast.office_a, year=2026, unit=None, target=Decimal(95)
    )
    assert rate.targets.get().target == Decimal(95)


def test_plan_cycle_and_weighted_share(frozen, cast, period):
    plan = services_plans.create_plan(unit=cast.board_a, year=2026, user=cast.unit_a)
    a = services_plans.add_item(plan=plan, user=cast.unit_a, text="Đề án 1", quarter=1, weight=3)
    b = services_plans.add_item(plan=plan, user=cast.unit_a, text="Đề án 2", quarter=1, weight=1)
    c = services_plans.add_item(
        plan=plan, user=cast.unit_a, text="Đột phá", quarter=1, weight=5, breakthrough=True
    )
    services_plans.submit_plan(plan=plan, user=cast.unit_a)
    with pytest.raises(ValidationError):
        services_plans.add_item(plan=plan, user=cast.unit_a, text="Muộn")
    with pytest.raises(PermissionDenied):
        services_plans.decide_plan(plan=plan, user=cast.unit_a, approve=True)
    with pytest.raises(ValidationError):
        services_plans.decide_plan(plan=plan, user=cast.office_a, approve=False, reason="")
    services_plans.decide_plan(plan=plan, user=cast.office_a, approve=True)
    plan.refresh_from_db()
    assert plan.state == PlanState.APPROVED
    deadlines = services_plans.plan_deadlines(plan)
    assert (deadlines["due"], deadlines["approve_by"]) == (date(2025, 11, 30), date(2025, 12, 25))
    report = services.start_report(period=period, unit=cast.board_a, user=cast.unit_a)
    assert [i.pk for i in services.plan_items_for(report)] == [a.pk, b.pk, c.pk]
    raw = RawContent(
        {"results": "x"}, [], [], {}, {str(a.pk): "100", str(b.pk): "40", str(c.pk): "0"}
    )
    bad = RawContent({"results": "y"}, [], [], {}, {str(a.pk): "150"})
    with pytest.raises(ValidationError) as exc:
        services.save_draft(report=report, user=cast.unit_a, raw=bad)
    assert f"plan_{a.pk}" in exc.value.message_dict
    services.save_draft(report=report, user=cast.unit_a, raw=raw)
    services.submit_report(
        report=report, user=cast.unit_a, doc_number="1-BC", doc_date=date(2026, 3, 16)
    )
    progress = plan_progress(plan)
    assert progress.share == 85.0, "(3×100 + 1×40) / 4; the breakthrough item is left out"


def test_indicator_and_plan_pages(login, cast, period, report):
    office = login(cast.office_a)
    assert office.get("/reports/indicators/").status_code == 200
    ind = Indicator.objects.get()
    assert (
        office.post(
            f"/reports/indicators/{ind.pk}/targets/", {"year": 2026, "target": "-1"}
        ).status_code
        == 400
    )
    assert (
        office.post(
            f"/reports/indicators/{ind.pk}/targets/",
            {"year": 2026, "unit": cast.board_a2.pk, "target": "50"},
        ).status_code
        == 302
    )
    assert ind.targets.filter(unit=cast.board_a2).get().target == 50
    unit = login(cast.unit_a)
    assert unit.get(f"/reports/indicators/units/{cast.board_a.pk}/").status_code == 200
    assert (
        unit.post("/reports/plans/new/", {"unit": cast.board_a.pk, "year": 2027}).status_code == 302
    )
    assert (
        login(cast.unit_b).get(f"/reports/indicators/units/{cast.board_a.pk}/").status_code == 404
    )
