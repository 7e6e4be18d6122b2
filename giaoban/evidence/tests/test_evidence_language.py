"""The evidence page in the interface's language (labels, levels, period names), numbers
with the language's decimal separator, and nothing-to-count said in words instead of "0/0"
or "— =" (findings of the walk: an English page entirely Vietnamese; "0/0" for a quarter
whose report is not due yet)."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import load_workbook

from giaoban.evidence.stats import RankRow, UnitFigures
from giaoban.evidence.tests.test_rating import at, quarter  # noqa: F401


def page(client, cast, lang, period="2026-Q1"):
    url = f"/desk/units/{cast.board_a.pk}/?period={period}"
    client.cookies["django_language"] = lang
    return client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()


def test_the_english_page_is_english(quarter, client):  # noqa: F811
    cast = quarter
    client.force_login(cast.office_a)
    with at(date(2026, 3, 16)):
        body = page(client, cast, "en")
    for english in (
        "Tasks received in the period",
        "of which: done on time",
        "Share done on time",
        "Reports on time / due",
        "Every task done on time",
        "Completed the tasks excellently",
        "Q1 2026",
        "50,0%",  # the project's number format, English pages too (giaoban/formats/en)
    ):
        assert english in body, english
    for vietnamese in ("Nhiệm vụ nhận trong kỳ", "trong đó", "Quý I/2026", "Năm 2026", "xuất sắc"):
        assert vietnamese not in body, vietnamese
    with at(date(2026, 3, 16)):
        body = page(client, cast, "vi")
    assert "Nhiệm vụ nhận trong kỳ" in body and "Quý I/2026" in body and "50,0%" in body
    assert "Q1 2026" not in body and "50.0%" not in body


def test_nothing_to_count_is_said_in_words(quarter, client):  # noqa: F811
    cast = quarter
    client.force_login(cast.office_a)
    # the quarter runs and no report of it is due yet: said so, not "0/0"
    with at(date(2026, 3, 16)):
        body = page(client, cast, "vi")
    row = body[body.index("Báo cáo đúng hạn / phải nộp") :][:200]
    assert "chưa đến hạn nộp báo cáo" in row and "0/0" not in body
    assert "không có kiến nghị" in body
    with at(date(2026, 3, 16)):
        xlsx = client.get(f"/desk/units/{cast.board_a.pk}/evidence.xlsx?period=2026-Q1")
    ws = load_workbook(io.BytesIO(xlsx.content)).active
    values = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(5, ws.max_row + 1)}
    assert values["Báo cáo đúng hạn / phải nộp"] == "chưa đến hạn nộp báo cáo"
    assert values["Tỷ lệ hoàn thành đúng hạn"] == "50,0%"
    # a quarter with nothing due: no percentage, words instead
    with at(date(2026, 3, 16)):
        body = page(client, cast, "vi", "2025-Q1")
    assert "không có nhiệm vụ đến hạn" in body


def test_no_arrow_when_there_is_nothing_to_compare():
    none = UnitFigures(1)
    sent = UnitFigures(1, reports_due=1, reports_on_time=1)
    assert RankRow(1, 1, "A", none, sent).reports_arrow == ""  # was "=" (— against 100 %)
    assert RankRow(1, 1, "A", sent, sent).reports_arrow == "="
    assert RankRow(1, 1, "A", sent, UnitFigures(1, reports_due=1)).reports_arrow == "▲"
