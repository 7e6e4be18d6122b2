"""The one search also finds meetings, notices, reports and recommendations, each through its
own scope helper: a unit user never finds another unit's report; the page's query count does
not grow with the data."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.meetings.tests.conftest import make_briefing
from giaoban.recommendations import services as rec_services
from giaoban.reports import services as report_services
from giaoban.reports.content import RawContent
from giaoban.reports.tests.conftest import indicator, period  # noqa: F401

pytestmark = pytest.mark.usefixtures("frozen")


def hits(client, q, **extra):
    response = client.get("/search/", {"search": q, **extra})
    assert response.status_code == 200
    return [(h.kind, h.title) for h in response.context["page"]]


def kinds_found(client, q) -> set[str]:
    return {kind for kind, _ in hits(client, q)}


def send_report(period, unit, user, number):  # noqa: F811
    report = report_services.start_report(period=period, unit=unit, user=user)
    report_services.save_draft(
        report=report,
        user=user,
        raw=RawContent(
            sections={"results": "Hoàn thành"},
            next_tasks=[],
            recommendations=[],
            indicators={"DV01": "5"},
            plan_progress={},
        ),
    )
    return report_services.submit_report(
        report=report, user=user, doc_number=number, doc_date=date(2026, 3, 16)
    )


@pytest.fixture
def records(cast, period):  # noqa: F811
    meeting, notice = make_briefing(cast)
    rec = rec_services.raise_recommendation(
        unit=cast.board_a, user=cast.unit_a, text="Cấp kinh phí mua máy tính cho các xã"
    )
    report = send_report(period, cast.board_a, cast.unit_a, "335-BC/BTC")
    other = send_report(period, cast.board_a2, cast.unit_a2, "41-BC/BTG")
    return meeting, notice, rec, report, other


def test_each_kind_is_found_without_accents(cast, login, records):
    meeting, notice, rec, report, other = records
    client = login(cast.office_a)
    found = hits(client, "hoi nghi giao ban")
    assert ("meeting", "Hội nghị giao ban quý IV/2025") in found
    assert (
        "notice",
        "12-TB/TU — kết luận của Thường trực Tỉnh ủy tại hội nghị giao ban quý IV/2025",
    ) in found
    assert hits(client, "12-tb/tu")[0][0] == "notice"
    (found_rec,) = hits(client, "KINH PHÍ máy tính")
    assert found_rec[0] == "recommendation" and found_rec[1].startswith("Kiến nghị của Ban Tổ chức")
    reports = [t for k, t in hits(client, "ban to chuc quy i/2026") if k == "report"]
    assert reports == ["Báo cáo Quý I/2026 — Ban Tổ chức Tỉnh ủy Alpha"]
    assert [k for k, _ in hits(client, "335-bc")] == ["report"]
    assert kinds_found(client, "kinh phi") == {"recommendation"}
    # the kind filter
    assert {k for k, _ in hits(client, "giao ban", kind="meeting")} == {"meeting"}


def test_a_unit_user_never_finds_another_units_report(cast, login, records):
    client = login(cast.unit_a2)  # Ban Tuyên giáo A
    assert [k for k, _ in hits(client, "ban to chuc")] == [
        k for k, _ in hits(client, "ban to chuc") if k not in ("report", "recommendation")
    ]
    assert hits(client, "335-bc") == []
    assert not [k for k, _ in hits(client, "kinh phi may tinh")]
    assert [t for k, t in hits(client, "41-bc")] == [
        "Báo cáo Quý I/2026 — Ban Tuyên giáo Tỉnh ủy Alpha"
    ]
    own = login(cast.unit_a)
    assert [k for k, _ in hits(own, "335-bc")] == ["report"]
    assert "recommendation" in kinds_found(own, "kinh phi may tinh")
    # Beta finds nothing of Alpha's briefing, notices, reports or recommendations
    beta = login(cast.unit_b)
    for q in ("giao ban", "12-tb/tu", "kinh phi", "335-bc", "quy i/2026"):
        assert not kinds_found(beta, q) & {"meeting", "notice", "report", "recommendation"}, q
    beta_office = login(cast.office_b)
    assert not kinds_found(beta_office, "giao ban quy iv") & {"meeting", "notice"}


def count_queries(client, q) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/search/", {"search": q}).status_code == 200
    return len(ctx.captured_queries)


#: session, user, the scope (memberships, the reach's subtree), then one query per kind: tasks,
#: units, meetings, notices, recommendations, and two for reports (the periods' labels, the
#: reports); pinned so a query per row shows
SEARCH_QUERIES = 11


def test_query_count_is_pinned(cast, login, records, period):  # noqa: F811
    client = login(cast.office_a)
    first = count_queries(client, "ban")
    for i in range(12):
        rec_services.raise_recommendation(
            unit=cast.board_a2, user=cast.unit_a2, text=f"Kiến nghị ban số {i}"
        )
        make_briefing(cast, number=f"{30 + i}-TB/TU")
    assert count_queries(client, "ban") == first == SEARCH_QUERIES
