"""Reporting in the national data (bulk insert): six quarters per province, every unit expected,
reports with versions and indicator values; the pages read them like any other data."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db.models import Count

from giaoban.accounts.models import User
from giaoban.core.decisions import self_decided, unsigned_decisions
from giaoban.demo import build_national
from giaoban.org.models import Unit, UnitKind
from giaoban.reports.completeness import completeness
from giaoban.reports.models import (
    ExpectedReport,
    IndicatorValue,
    ReportingPeriod,
    ReportVersion,
    UnitReport,
)

REF = date(2026, 11, 20)


@pytest.fixture
def national(db):
    with time_machine.travel(datetime(2026, 11, 20, 9, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))):
        build_national(provinces=2, min_assignments=2_000, today=REF, progress=lambda m: None)


def test_periods_reports_and_values(national):
    committees = Unit.objects.filter(kind=UnitKind.COMMITTEE)
    assert committees.count() == 2
    per = dict(
        ReportingPeriod.objects.values_list("committee_id").annotate(n=Count("id")).order_by()
    )
    assert sorted(per.values()) == [6, 6], "Quý III/2025 … Quý IV/2026"
    assert ReportingPeriod.objects.filter(state="open").count() == 2
    units = Unit.objects.filter(parent__in=committees).count()
    assert ExpectedReport.objects.count() == 6 * units
    for period in ReportingPeriod.objects.filter(state="closed"):
        stats = completeness(period)
        assert stats.expected == 99 and stats.submitted < stats.expected
        assert stats.late > 0 and stats.on_time > stats.late
    assert ReportVersion.objects.filter(decision="rejected").exists(), "returned and sent again"
    assert IndicatorValue.objects.count() > 1000
    assert self_decided() == {} and unsigned_decisions() == {}
    symbols = {
        (kind, number.split("/", 1)[1])
        for kind, number in UnitReport.objects.exclude(doc_number="").values_list(
            "unit__kind", "doc_number"
        )
    }
    assert {s for k, s in symbols if k == UnitKind.COMMUNE_COMMITTEE} == {"ĐU"}
    assert {s for k, s in symbols if k == UnitKind.OFFICE} == {"VPTU"}
    assert {s for k, s in symbols if k == UnitKind.BOARD} == {"BTCTU", "BTGDVTU", "BNCTU"}


def test_pages_read_the_national_reports(national, client):
    office = User.objects.get(username="vp01")
    period = ReportingPeriod.objects.filter(committee__code="P01", state="closed").first()
    client.force_login(office)
    page = client.get(f"/reports/periods/{period.pk}/")
    assert page.status_code == 200 and page.content.decode().count("<tr data-unit=") == 99
    assert client.get(f"/reports/indicators/?period={period.pk}").status_code == 200
    # the first commune's draft of the open quarter takes an autosave
    draft = UnitReport.objects.get(
        state="draft", period__state="open", unit__memberships__user__username="xa01"
    )
    client.force_login(User.objects.get(username="xa01"))
    saved = client.post(
        f"/reports/r/{draft.pk}/save/",
        {"section_results": "Đã sơ kết", "indicator_DV01": "4"},
        HTTP_HX_REQUEST="true",
    )
    assert saved.status_code == 200, saved.content[:300]
    draft.refresh_from_db()
    assert draft.content["sections"]["results"] == "Đã sơ kết"
    assert IndicatorValue.objects.filter(report=draft, value=4).exists()
