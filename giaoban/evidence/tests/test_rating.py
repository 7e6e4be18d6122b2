"""Rating evidence of a unit: live while the period runs, frozen after it, page/DOCX/XLSX."""

from __future__ import annotations

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from docx import Document
from openpyxl import load_workbook

from giaoban.core.models import AuditEntry
from giaoban.evidence.models import EvidenceSnapshot
from giaoban.evidence.tests.test_desk import finish, give
from giaoban.test import make_cast

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def at(d: date):
    return time_machine.travel(datetime(d.year, d.month, d.day, 9, tzinfo=TZ), tick=False)


@pytest.fixture
def quarter(db):
    with at(date(2026, 3, 16)):
        cast = make_cast(today=date(2026, 3, 16))
        t1 = give(
            cast,
            "11-TB/TU",
            deadline=date(2026, 2, 27),
            units=[cast.board_a],
            doc_date=date(2026, 1, 15),
        )
        give(
            cast,
            "12-TB/TU",
            deadline=date(2026, 3, 20),
            units=[cast.board_a],
            doc_date=date(2026, 1, 15),
        )
        finish(cast, t1, cast.board_a, cast.unit_a, date(2026, 2, 20))
    return cast


def test_live_then_frozen_at_the_end_of_the_quarter(quarter, client):
    cast = quarter
    client.force_login(cast.office_a)
    url = f"/desk/units/{cast.board_a.pk}/?period=2026-Q1"
    with at(date(2026, 3, 16)):
        body = client.get(url).content.decode()
    assert 'data-testid="provisional"' in body and not EvidenceSnapshot.objects.exists()
    assert "xuất sắc" in body  # the QĐ 366 levels, for reference
    with at(date(2026, 4, 2)):
        body = client.get(url).content.decode()
    snap = EvidenceSnapshot.objects.get()
    assert 'data-testid="frozen"' in body
    # due in Q1: 11-TB/TU (on time) and 12-TB/TU (open past 20/03 at 31/03) -> 1/2, 1 overdue
    assert (snap.data["due"], snap.data["on_time"], snap.data["overdue_at_end"]) == (2, 1, 1)
    assert snap.data["every_task_on_time"] is False and snap.ref_date == date(2026, 3, 31)
    assert AuditEntry.objects.filter(action="evidence.snapshot.frozen").count() == 1
    # the office confirms the overdue one afterwards, dated within the quarter: the frozen
    # evidence does not change
    with at(date(2026, 4, 3)):
        t2 = cast.board_a.assignments.get(task__doc_number="12-TB/TU").task
        finish(cast, t2, cast.board_a, cast.unit_a, date(2026, 3, 30))
        client.get(url)
    snap.refresh_from_db()
    assert snap.data["on_time"] == 1 and EvidenceSnapshot.objects.count() == 1


def test_docx_and_xlsx(quarter, client):
    cast = quarter
    client.force_login(cast.office_a)
    with at(date(2026, 4, 2)):
        docx = client.get(f"/desk/units/{cast.board_a.pk}/evidence.docx?period=2026-Q1")
        xlsx = client.get(f"/desk/units/{cast.board_a.pk}/evidence.xlsx?period=2026-Q1")
    doc = Document(io.BytesIO(docx.content))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Ban Tổ chức Tỉnh ủy Alpha — Quý I/2026" in text
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "Tỷ lệ hoàn thành đúng hạn" in cells and "50,0%" in cells  # the comma
    assert "Hoàn thành tốt nhiệm vụ" in cells
    ws = load_workbook(io.BytesIO(xlsx.content)).active
    values = {
        ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value
        for r in range(5, ws.max_row + 1)
    }
    assert values["Nhiệm vụ đến hạn trong kỳ"] == "2"
    assert values["Mọi nhiệm vụ hoàn thành đúng hạn"] == "Không"


def test_scope_and_bad_period(quarter, client):
    cast = quarter
    client.force_login(cast.unit_b)
    assert client.get(f"/desk/units/{cast.board_a.pk}/").status_code == 404
    client.force_login(cast.unit_a)
    assert client.get(f"/desk/units/{cast.board_a.pk}/").status_code == 200  # its own evidence
    assert client.get(f"/desk/units/{cast.board_a.pk}/?period=2026-M03").status_code == 404


def test_the_daily_run_freezes_the_quarter_just_ended(quarter):
    from io import StringIO

    from django.core.management import call_command

    cast = quarter
    out = StringIO()
    with at(date(2026, 4, 1)):
        call_command("remind", "--no-mail", stdout=out)
    snaps = {s.unit_id: s for s in EvidenceSnapshot.objects.filter(period_code="2026-Q1")}
    assert set(snaps) >= {cast.board_a.pk, cast.board_a2.pk}
    assert snaps[cast.board_a.pk].data["due"] == 2
    assert "rating evidence frozen" in out.getvalue()
    with at(date(2026, 4, 2)):
        call_command("remind", "--no-mail", stdout=StringIO())
    assert EvidenceSnapshot.objects.filter(period_code="2026-Q1").count() == len(snaps)
