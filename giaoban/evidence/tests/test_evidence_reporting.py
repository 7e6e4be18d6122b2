"""The evidence and the desk carry the reporting apps' figures: report timeliness, indicators
achieved and recommendations answered per unit (page, XLSX, DOCX, the ranking's column), and
the notices waiting for a leader's approval."""

from __future__ import annotations

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.evidence.stats import ranking, unit_figures
from giaoban.meetings import notice_services as ns
from giaoban.meetings.tests.conftest import make_briefing
from giaoban.periods.period import Period
from giaoban.recommendations import services as rec_services
from giaoban.reports import services as report_services
from giaoban.reports.content import RawContent
from giaoban.reports.tests.conftest import indicator, period  # noqa: F401

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
Q1 = Period.of_quarter(2026, 1)


def at(d: date, hour: int = 10):
    return time_machine.travel(datetime(d.year, d.month, d.day, hour, tzinfo=TZ), tick=False)


def send(period, unit, user, value: str):  # noqa: F811
    report = report_services.start_report(period=period, unit=unit, user=user)
    report_services.save_draft(
        report=report,
        user=user,
        raw=RawContent(
            sections={"results": "Hoàn thành"},
            next_tasks=[],
            recommendations=[],
            indicators={"DV01": value},
            plan_progress={},
        ),
    )
    return report_services.submit_report(
        report=report,
        user=user,
        doc_number="1-BC",
        doc_date=timezone.localdate(),
    )


@pytest.fixture
def quarter(cast, period):  # noqa: F811
    """Quý I/2026 due 20/03: Ban Tổ chức A sends on 16/03 with 30 of its yearly 100 (on track:
    a quarter's share is 25); Ban Tuyên giáo A sends late on 23/03; the commune and the Office
    never; Ban Tuyên giáo A's 3 of 100 is behind. Ban Tổ chức A raises two recommendations,
    one answered on 18/03."""
    from decimal import Decimal

    from giaoban.reports.models import IndicatorTarget

    IndicatorTarget.objects.create(
        indicator=period.form.indicators.get(), year=2026, unit=cast.board_a2, target=Decimal(100)
    )
    send(period, cast.board_a, cast.unit_a, "30")
    r1 = rec_services.raise_recommendation(unit=cast.board_a, user=cast.unit_a, text="Một")
    rec_services.raise_recommendation(unit=cast.board_a, user=cast.unit_a, text="Hai")
    with at(date(2026, 3, 18)):
        rec_services.answer(rec=r1, user=cast.office_a, text="Đồng ý")
    with at(date(2026, 3, 23)):
        send(period, cast.board_a2, cast.unit_a2, "3")
    return cast


def test_figures_of_the_reporting_apps(quarter):
    cast = quarter
    ids = [cast.board_a.pk, cast.board_a2.pk, cast.commune_a.pk]
    with at(date(2026, 3, 31)):
        figs = unit_figures(ids, Q1, today=date(2026, 3, 31))
    a, a2, commune = (figs[pk] for pk in ids)
    assert (a.reports_due, a.reports_on_time, a.reports_pct) == (1, 1, 100.0)
    assert (a2.reports_due, a2.reports_on_time, a2.reports_pct) == (1, 0, 0.0)
    assert (commune.reports_due, commune.reports_on_time) == (1, 0)
    assert (a.indicators, a.indicators_achieved) == (1, 1)
    assert (a2.indicators, a2.indicators_achieved) == (1, 0)  # 3 is under a quarter's 25
    assert (commune.indicators, commune.indicators_achieved) == (0, 0)  # no target set
    assert (a.recommendations, a.recommendations_answered) == (2, 1)
    assert (a2.recommendations, a2.recommendations_answered) == (0, 0)
    # before the due date nothing is due yet; the answer of 18/03 is not counted on 17/03
    early = unit_figures(ids, Q1, today=date(2026, 3, 17))
    assert early[cast.board_a.pk].reports_due == 0
    assert early[cast.board_a.pk].recommendations_answered == 0
    # a quarter without a reporting period has no indicator figures
    assert (
        unit_figures(ids, Period.of_quarter(2025, 4), today=date(2026, 3, 31))[
            cast.board_a.pk
        ].indicators
        == 0
    ), "no reporting period in Q4/2025"


def test_evidence_page_xlsx_and_docx_show_them(quarter, login):
    cast = quarter
    with at(date(2026, 3, 31)):
        client = login(cast.office_a)
        page = client.get(f"/desk/units/{cast.board_a.pk}/?period=2026-Q1")
        assert page.status_code == 200
        lines = dict(page.context["lines"])
        assert lines["Báo cáo đúng hạn / phải nộp"] == "1/1"
        assert lines["Chỉ tiêu đạt / tổng số"] == "1/1"
        assert lines["Kiến nghị đã được trả lời / đã gửi"] == "1/2"
        xlsx = client.get(f"/desk/units/{cast.board_a.pk}/evidence.xlsx?period=2026-Q1")
        ws = load_workbook(io.BytesIO(xlsx.content)).active
        rows = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r and r[0]}
        assert rows["Kiến nghị đã được trả lời / đã gửi"] == "1/2"
        docx = client.get(f"/desk/units/{cast.board_a.pk}/evidence.docx?period=2026-Q1")
        text = "\n".join(
            cell.text
            for t in Document(io.BytesIO(docx.content)).tables
            for c in t.rows
            for cell in c.cells
        )
        assert "Chỉ tiêu đạt / tổng số" in text and "1/1" in text


def test_ranking_column_of_report_timeliness(quarter, login):
    cast = quarter
    with at(date(2026, 3, 31)):
        rows = ranking(
            [(cast.board_a.pk, "A"), (cast.board_a2.pk, "A2")], Q1, today=date(2026, 3, 31)
        )
        assert [(r.unit_id, r.now.reports_pct) for r in rows] == [
            (cast.board_a.pk, 100.0),
            (cast.board_a2.pk, 0.0),
        ]
        client = login(cast.office_a)
        body = client.get("/desk/?period=2026-Q1").content.decode()
        assert "100.0" in body or "100,0" in body
        ws = load_workbook(
            io.BytesIO(client.get("/desk/ranking.xlsx?period=2026-Q1").content)
        ).active
        header = [c.value for c in ws[4]]
        col = header.index("Báo cáo đúng hạn (%)")
        by_unit = {r[1]: r[col] for r in ws.iter_rows(min_row=5, values_only=True)}
        assert by_unit["Ban Tổ chức Tỉnh ủy Alpha"] == 100.0
        assert by_unit["Ban Tuyên giáo Tỉnh ủy Alpha"] == 0.0


def test_notices_to_approve_wait_on_the_leaders_desk(cast, login, frozen):  # noqa: F811
    _, notice = make_briefing(cast, issue=False)
    body = login(cast.leader_a).get("/desk/").content.decode()
    assert "Thông báo cần duyệt" not in body
    ns.submit_notice(notice=notice, user=cast.office_a)
    body = login(cast.leader_a).get("/desk/").content.decode()
    assert "Thông báo cần duyệt: kết luận của Thường trực Tỉnh ủy" in body
    assert f'href="/meetings/notices/{notice.pk}/"' in body
    # the office that submitted it has nothing to decide; once approved it leaves the list
    assert "Thông báo cần duyệt" not in login(cast.office_a).get("/desk/").content.decode()
    ns.approve_notice(notice=notice, user=cast.leader_a)
    assert "Thông báo cần duyệt" not in login(cast.leader_a).get("/desk/").content.decode()
