"""A draft keeps every valid field (finding 22): the service's ``keep_valid`` mode, what it does
with each kind of wrong field, and that a report holding a wrong figure cannot be sent (page
and API)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from giaoban.reports import services
from giaoban.reports.content import RawContent
from giaoban.reports.models import SECTION_MAX, ReportState


def raw(**kw):
    base = {
        "sections": {"results": "Kết quả", "difficulties": "Khó khăn"},
        "next_tasks": ["Sơ kết"],
        "recommendations": [],
        "indicators": {"DV01": "12"},
        "plan_progress": {},
    }
    base.update(kw)
    return RawContent(**base)


def test_each_wrong_field_alone_is_held_back(cast, report):
    services.save_draft(report=report, user=cast.unit_a, raw=raw())
    saved = services.save_draft(
        report=report,
        user=cast.unit_a,
        keep_valid=True,
        raw=raw(
            sections={"results": "x" * (SECTION_MAX + 1), "difficulties": "Khó khăn mới"},
            next_tasks=["Tổng kết năm"],
            indicators={"DV01": "150000"},
        ),
    )
    assert set(saved.draft_errors) == {"section_results", "indicator_DV01"}
    assert "10.000" in saved.draft_errors["indicator_DV01"][0], "0 – 10.000, not 1E+4"
    report.refresh_from_db()
    c = report.content
    assert c["sections"]["difficulties"] == "Khó khăn mới" and c["next_tasks"] == ["Tổng kết năm"]
    assert c["sections"]["results"] == "Kết quả", "an over-long text keeps what was saved"
    assert c["indicators"]["DV01"] == "150000", "a wrong figure is kept as typed"


def test_strict_mode_still_saves_nothing(cast, report):
    services.save_draft(report=report, user=cast.unit_a, raw=raw())
    with pytest.raises(ValidationError):
        services.save_draft(
            report=report,
            user=cast.unit_a,
            raw=raw(sections={"results": "Mới"}, indicators={"DV01": "abc"}),
        )
    report.refresh_from_db()
    assert report.content["sections"]["results"] == "Kết quả"


def test_a_draft_holding_a_wrong_figure_is_not_sent(login, cast, report):
    services.save_draft(
        report=report, user=cast.unit_a, keep_valid=True, raw=raw(indicators={"DV01": "abc"})
    )
    with pytest.raises(ValidationError) as exc:
        services.submit_report(
            report=report, user=cast.unit_a, doc_number="5-BC/BTCTU", doc_date=date(2026, 3, 16)
        )
    assert "indicator_DV01" in exc.value.message_dict
    api = login(cast.unit_a).post(
        f"/api/reporting/reports/{report.pk}/submit",
        json.dumps({"doc_number": "5-BC/BTCTU", "doc_date": "2026-03-16"}),
        content_type="application/json",
    )
    assert api.status_code in (400, 422) and "DV01" in api.content.decode()
    report.refresh_from_db()
    assert report.state == ReportState.DRAFT and report.version_count == 0
    page = login(cast.unit_a).post(
        f"/reports/r/{report.pk}/submit/",
        {
            "section_results": "Kết quả",
            "indicator_DV01": "abc",
            "doc_number": "5-BC/BTCTU",
            "doc_date": "16/03/2026",
        },
    )
    assert page.status_code == 400 and "không phải là số" in page.content.decode()
    report.refresh_from_db()
    assert report.state == ReportState.DRAFT


def test_range_messages_as_people_write_numbers(cast, indicator):
    from decimal import Decimal

    from giaoban.reports.content import check_indicator

    indicator.min_value, indicator.max_value = Decimal("0"), Decimal("100")
    assert check_indicator(indicator, "150")[1] == ("DV01: 150 nằm ngoài khoảng cho phép 0 – 100.")
    indicator.max_value = None
    assert "nhỏ hơn giá trị nhỏ nhất cho phép (0)" in check_indicator(indicator, "-1")[1]
    indicator.min_value, indicator.max_value = None, Decimal("1234.5")
    assert "(1.234,5)" in check_indicator(indicator, "2000")[1]
    assert check_indicator(indicator, "1.234,5") == (Decimal("1234.50"), None)
