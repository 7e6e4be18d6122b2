"""The office's synthesis reads each unit's last SENT version. A report returned for correction
and being re-edited by its unit does not change it (text, indicator figures) until the unit sends
it again; the document says which version (and date) of each unit's report it used."""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from giaoban.reports.models import IndicatorValue, SynthesisReport

SENT = {
    "section_results": "Kết nạp 12 đảng viên mới (bản đã gửi)",
    "indicator_DV01": "12",
    "next_task": ["Sơ kết 6 tháng"],
}
EDITED = {
    "section_results": "Kết nạp 30 đảng viên mới (đang sửa)",
    "indicator_DV01": "30",
    "next_task": ["Tổng kết năm"],
}


def _synthesis_text(office, period) -> tuple[str, list[str]]:
    """Draft a new synthesis from the period page's button and open the DOCX it kept."""
    from docx import Document

    assert office.post(f"/reports/periods/{period.pk}/synthesis/").status_code == 302
    number = SynthesisReport.objects.filter(period=period).order_by("-number").first().number
    response = office.get(f"/reports/periods/{period.pk}/synthesis/{number}/")
    assert response.status_code == 200
    doc = Document(io.BytesIO(b"".join(response.streaming_content)))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return text, cells


def _indicator_actual(cells: list[str]) -> str:
    i = cells.index("DV01")
    return cells[i + 3]  # Mã, Chỉ tiêu, Kế hoạch năm, Thực hiện


def test_returned_report_being_edited_does_not_change_the_synthesis(cast, report):
    from django.test import Client

    unit, office = Client(), Client()
    unit.force_login(cast.unit_a)
    office.force_login(cast.office_a)
    period = report.period
    unit.post(f"/reports/r/{report.pk}/save/", SENT, HTTP_HX_REQUEST="true")
    sent = unit.post(  # the cast's day: 16/03/2026
        f"/reports/r/{report.pk}/submit/",
        {**SENT, "doc_number": "5-BC/BTCTU", "doc_date": "16/03/2026"},
    )
    assert sent.status_code == 302
    text, cells = _synthesis_text(office, period)
    assert "bản đã gửi" in text and _indicator_actual(cells) == "12"

    assert (
        office.post(f"/reports/r/{report.pk}/return/", {"reason": "Sửa số liệu"}).status_code == 302
    )
    saved = unit.post(f"/reports/r/{report.pk}/save/", EDITED, HTTP_HX_REQUEST="true")
    assert saved.status_code == 200
    report.refresh_from_db()
    assert report.content["sections"]["results"].endswith("(đang sửa)"), "the draft is saved"
    text, cells = _synthesis_text(office, period)
    assert "bản đã gửi" in text and "đang sửa)" not in text and "Sơ kết 6 tháng" in text
    assert "Tổng kết năm" not in text
    assert _indicator_actual(cells) == "12", "the sent figure, not the draft's 30"
    doc = next(c for c in cells if c.startswith("Báo cáo số 5-BC/BTCTU"))
    assert "bản gửi lần 1 ngày 16/03/2026" in doc and "đang sửa" in doc
    assert "theo bản gửi gần nhất" in text
    # the office's indicator pages read the sent figures as well
    assert IndicatorValue.objects.get(report=report).value == 12
    page = office.get(f"/reports/indicators/?period={period.pk}").content.decode()
    assert ">12<" in page and ">30<" not in page

    with time_machine.travel(
        datetime(2026, 3, 18, 10, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")), tick=False
    ):
        again = unit.post(
            f"/reports/r/{report.pk}/submit/",
            {**EDITED, "doc_number": "6-BC/BTCTU", "doc_date": "18/03/2026"},
        )
    assert again.status_code == 302
    text, cells = _synthesis_text(office, period)
    assert "đang sửa)" in text and "bản đã gửi" not in text and "Tổng kết năm" in text
    assert _indicator_actual(cells) == "30"
    doc = next(c for c in cells if c.startswith("Báo cáo số 6-BC/BTCTU"))
    assert "bản gửi lần 2 ngày 18/03/2026" in doc and "đang sửa" not in doc


def test_the_migration_gives_returned_reports_their_sent_figures_back(cast, report):
    """Rows written by the autosaves of a corrected draft before this change (the old
    behaviour, made by hand here) are rewritten from the last sent version."""
    import importlib
    from datetime import date
    from decimal import Decimal

    from django.apps import apps

    from giaoban.reports import services
    from giaoban.reports.content import RawContent

    services.save_draft(
        report=report,
        user=cast.unit_a,
        raw=RawContent({"results": "Bản gửi"}, [], [], {"DV01": "1.234,5"}, {}),
    )
    services.submit_report(
        report=report, user=cast.unit_a, doc_number="5-BC/BTCTU", doc_date=date(2026, 3, 16)
    )
    services.return_report(report=report, user=cast.office_a, reason="Sửa số liệu")
    IndicatorValue.objects.filter(report=report).update(value=Decimal(30))  # a draft's figure
    migration = importlib.import_module("giaoban.reports.migrations.0004_rows_follow_sent_versions")
    migration.resync(apps, None)
    assert IndicatorValue.objects.get(report=report).value == Decimal("1234.50")
