"""Issue 10's bad input through the pages and the API: a closed period, a unit not expected, a
zero target for a ratio. A clear Vietnamese message, 400/422 on the API, never a 500, nothing
half-saved, and the draft the unit typed kept."""

from __future__ import annotations

import json
from decimal import Decimal

from giaoban.periods import Period
from giaoban.reports import services
from giaoban.reports.models import (
    Accumulation,
    Indicator,
    IndicatorTarget,
    ReportState,
    ReportVersion,
    UnitReport,
)
from giaoban.reports.tests.test_api import call


def test_sending_to_a_closed_period_keeps_the_typed_draft(login, cast, period, report, client):
    services.close_period(period=period, user=cast.office_a)
    unit = login(cast.unit_a)
    page = unit.post(
        f"/reports/r/{report.pk}/submit/",
        {
            "section_results": "Kết quả gõ sau khi đóng kỳ",
            "doc_number": "1-BC/BTCTU",
            "doc_date": "16/03/2026",
        },
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    text = page.content.decode()
    assert page.status_code == 400 and "đã đóng" in text
    assert "Kết quả gõ sau khi đóng kỳ" in text, "what the unit typed is still on the page"
    assert not ReportVersion.objects.exists()
    assert UnitReport.objects.get(pk=report.pk).state == ReportState.DRAFT
    api = call(
        client,
        cast.unit_a,
        "post",
        f"/api/reporting/reports/{report.pk}/submit",
        {"doc_number": "1-BC/BTCTU", "doc_date": "2026-03-16"},
    )
    assert api.status_code in (400, 422) and "đã đóng" in json.dumps(api.json(), ensure_ascii=False)
    assert not ReportVersion.objects.exists()


def test_a_unit_not_expected_cannot_start_a_report(login, cast, frozen, client):
    p = services.create_period(
        committee=cast.committee_a,
        period=Period.of_quarter(2026, 2),
        user=cast.office_a,
        expected_units=[cast.board_a],
    )
    services.open_period(period=p, user=cast.office_a)
    page = login(cast.unit_a2).post(f"/reports/periods/{p.pk}/start/", HTTP_ACCEPT_LANGUAGE="vi")
    assert page.status_code in (302, 400, 404) and page.status_code != 500
    api = call(client, cast.unit_a2, "post", f"/api/reporting/periods/{p.pk}/reports")
    assert api.status_code in (400, 404, 422), api.content
    assert not UnitReport.objects.filter(period=p).exists()


def test_a_zero_target_for_a_ratio_on_the_page(login, cast, frozen):
    rate = Indicator.objects.create(
        committee=cast.committee_a,
        code="TL01",
        name="Tỷ lệ chi bộ đạt chuẩn",
        measure="%",
        accumulation=Accumulation.RATIO,
        max_value=100,
    )
    page = login(cast.office_a).post(
        f"/reports/indicators/{rate.pk}/targets/",
        {"year": 2026, "unit": "", "target": "0"},
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert page.status_code == 400 and "bằng 0" in page.content.decode()
    assert not IndicatorTarget.objects.filter(indicator=rate).exists()
    ok = login(cast.office_a).post(
        f"/reports/indicators/{rate.pk}/targets/", {"year": 2026, "unit": "", "target": "90"}
    )
    assert ok.status_code == 302
    assert IndicatorTarget.objects.get(indicator=rate).target == Decimal(90)
