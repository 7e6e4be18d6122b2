"""The leader's desk: the three lists, the ranking with its arrows, and its exports."""

from __future__ import annotations

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from openpyxl import load_workbook

from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.evidence.stats import ranking, unit_figures
from giaoban.periods.period import Period
from giaoban.tasks import services

pytestmark = pytest.mark.usefixtures("frozen")
Q1 = Period.of_quarter(2026, 1)
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def _at(d: date):
    """Acts happen on their own day: the past is read as it stood then."""
    return time_machine.travel(datetime(d.year, d.month, d.day, 10, tzinfo=TZ), tick=False)


def give(cast, number, *, deadline, units, doc_date=date(2025, 10, 1)):
    with _at(doc_date):
        return _give(cast, number, deadline=deadline, units=units, doc_date=doc_date)


def _give(cast, number, *, deadline, units, doc_date):
    return services.create_task(
        committee=cast.committee_a,
        doc_number=number,
        doc_date=doc_date,
        text=f"Nhiệm vụ {number}",
        deadline=deadline,
        created_by=cast.office_a,
        directed_by=cast.leader_a,
        lead_units=units,
        created_on=doc_date,
    )


def finish(cast, task, unit, user, on):
    with _at(on):
        a = task.assignments.get(unit=unit)
        services.claim_completion(
            assignment=a, user=user, completed_on=on, evidence_number="1-BC/BTC"
        )
        services.confirm_completion(assignment=a, user=cast.office_a)


@pytest.fixture
def history(cast):
    """Ban Tổ chức A: Q4/2025 one of two on time; Q1/2026 both on time (▲).
    Ban Tuyên giáo A: Q4/2025 on time; Q1/2026 one late, one overdue (▼)."""
    ba, ba2 = cast.board_a, cast.board_a2
    t1 = give(cast, "1-TB/TU", deadline=date(2025, 11, 30), units=[ba, ba2])
    t2 = give(cast, "2-TB/TU", deadline=date(2025, 12, 15), units=[ba])
    t3 = give(cast, "3-TB/TU", deadline=date(2026, 2, 10), units=[ba, ba2])
    t4 = give(cast, "4-TB/TU", deadline=date(2026, 3, 10), units=[ba, ba2])
    finish(cast, t1, ba, cast.unit_a, date(2025, 11, 20))
    finish(cast, t1, ba2, cast.unit_a2, date(2025, 11, 25))
    finish(cast, t2, ba, cast.unit_a, date(2026, 1, 5))  # late
    finish(cast, t3, ba, cast.unit_a, date(2026, 2, 1))
    finish(cast, t4, ba, cast.unit_a, date(2026, 3, 9))
    finish(cast, t3, ba2, cast.unit_a2, date(2026, 2, 20))  # late; t4 stays overdue
    return cast


def test_figures_and_ranking_against_the_previous_quarter(history):
    cast = history
    rows = ranking([(cast.board_a.pk, "A"), (cast.board_a2.pk, "A2")], Q1, today=date(2026, 3, 16))
    a, a2 = rows
    assert (a.unit_id, a.now.due, a.now.on_time, a.now.on_time_pct) == (
        cast.board_a.pk,
        2,
        2,
        100.0,
    )
    assert a.before.on_time_pct == 50.0 and a.pct_arrow == "▲"
    assert (a2.now.due, a2.now.on_time, a2.now.late, a2.now.overdue_at_end) == (2, 0, 1, 1)
    assert a2.before.on_time_pct == 100.0 and a2.pct_arrow == "▼" and a2.overdue_arrow == "▼"
    figs = unit_figures([cast.board_a2.pk], Q1, today=date(2026, 3, 16))[cast.board_a2.pk]
    assert figs.received_by_class["open_overdue"] == 0  # the overdue one was given in Q4/2025


def test_desk_lists_and_permissions(history, login):
    cast = history
    services.claim_completion(
        assignment=cast.asg_a,
        user=cast.unit_a,
        completed_on=date(2026, 3, 12),
        evidence_number="9-BC",
    )
    body = login(cast.office_a).get("/desk/").content.decode()
    assert "4-TB/TU" in body  # overdue for Ban Tuyên giáo A
    assert "90-TB/TU" in body  # the claim waiting for the office
    assert 'id="ranking-table"' in body and "▲" in body and "▼" in body
    leader = login(cast.leader_a).get("/desk/").content.decode()
    assert "1-TB/TU" in leader  # work the leader gave (directed_by)
    assert login(cast.unit_a).get("/desk/").status_code == 403
    assert login(cast.office_a).get("/desk/?period=bad").status_code == 404


def test_ranking_exports(history, login):
    client = login(cast_office := history.office_a)  # noqa: F841
    response = client.get("/desk/ranking.xlsx?period=2026-Q1")
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content)).active
    assert "Quý I/2026" in ws["A1"].value
    assert [c.value for c in ws[4]][:2] == ["Hạng", "Đơn vị"]
    names = [ws.cell(row=r, column=2).value for r in range(5, ws.max_row + 1)]
    assert names.index("Ban Tổ chức Tỉnh ủy Alpha") < names.index("Ban Tuyên giáo Tỉnh ủy Alpha")
    assert ws.page_setup.orientation == "landscape"


def test_ranking_pdf_is_made_by_libreoffice(history, login):
    response = login(history.office_a).get("/desk/ranking.pdf?period=2026-Q1")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
