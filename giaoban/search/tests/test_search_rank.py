"""The search's ranking, orders checked by hand: the unit whose name holds the phrase first,
then the records holding the phrase, then the records that only hold every word somewhere
("tuyen" in "trực tuyến", "giao" in "giao ban"), said to be partial matches on the page."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.meetings import services as meeting_services
from giaoban.recommendations import services as rec_services
from giaoban.tasks import services

pytestmark = pytest.mark.usefixtures("frozen")
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def ranked(client, q, **extra):
    response = client.get("/search/", {"search": q, **extra})
    assert response.status_code == 200
    return [(h.kind, h.title, h.partial) for h in response.context["page"]], response


@pytest.fixture
def loose(cast):
    """Records holding "tuyen" and "giao" apart, one holding the phrase only via its unit."""
    rec = rec_services.raise_recommendation(
        unit=cast.board_a2, user=cast.unit_a2, text="Đề nghị cấp kinh phí in tài liệu"
    )
    meeting = meeting_services.create_meeting(
        committee=cast.committee_a,
        user=cast.office_a,
        title="Hội nghị giao ban trực tuyến quý I/2026",
        starts_at=datetime(2026, 3, 20, 8, 0, tzinfo=TZ),
        participants=[
            meeting_services.ParticipantSpec(part="reports", unit=cast.board_a),
        ],
    )
    task = services.create_task(
        committee=cast.committee_a,
        doc_number="300-TB/TU",
        doc_date=date(2026, 2, 1),
        text="Tuyên truyền kết quả hội nghị và bàn giao hồ sơ",
        created_by=cast.office_a,
        lead_units=[cast.board_a],
    )
    return rec, meeting, task


def test_the_unit_first_then_phrase_hits_then_partial_ones(cast, login, loose):
    found, response = ranked(login(cast.office_a), "tuyen giao")
    assert found == [
        ("unit", "Ban Tuyên giáo Tỉnh ủy Alpha", False),  # the phrase in its own name
        # the phrase in the text (the recommendation's through its unit: 3+3+5 over 1+1)
        ("recommendation", "Kiến nghị của Ban Tuyên giáo A", False),
        ("task", "90-TB/TU, mục 1", False),  # "… công tác tuyên giáo năm"
        # every word, not the phrase, the newest first
        ("meeting", "Hội nghị giao ban trực tuyến quý I/2026", True),
        ("task", "300-TB/TU", True),
    ]
    page = response.content.decode()
    assert page.count('data-partial="1"') == 2 and page.count("khớp một phần") == 2
    # the heading stands right before the first partial hit
    heading = page.index('data-testid="partial-heading"')
    assert page.index("Kiến nghị của Ban Tuyên giáo A") < heading
    assert heading < page.index("Hội nghị giao ban trực tuyến quý I/2026")
    assert "Khớp một phần: có đủ các từ nhưng không liền nhau thành cụm:" in page


def test_a_unit_user_sees_its_own_hits_ranked_the_same_way(cast, login, loose):
    found, _ = ranked(login(cast.unit_a), "tuyen giao")
    assert found == [
        ("task", "90-TB/TU, mục 1", False),
        ("meeting", "Hội nghị giao ban trực tuyến quý I/2026", True),
        ("task", "300-TB/TU", True),
    ]


def test_only_partial_hits_are_said_so(cast, login):
    services.create_task(
        committee=cast.committee_b,
        doc_number="31-TB/TU",
        doc_date=date(2026, 2, 1),
        text="Tuyên truyền và bàn giao tài liệu",
        created_by=cast.office_b,
        lead_units=[cast.board_b],
    )
    found, response = ranked(login(cast.office_b), "tuyen giao")
    assert found == [("task", "31-TB/TU", True)]
    assert "Không có kết quả nào chứa cả cụm “tuyen giao”; các kết quả dưới đây có đủ các từ:" in (
        response.content.decode()
    )
    # the phrase found: nothing is said
    found, response = ranked(login(cast.office_b), "ban giao")
    assert found == [("task", "31-TB/TU", False)]
    assert 'data-testid="partial-heading"' not in response.content.decode()


def test_a_document_number_is_a_phrase_at_a_word_start(cast, login):
    for number in ("1-TB/TU", "11-TB/TU"):
        services.create_task(
            committee=cast.committee_a,
            doc_number=number,
            doc_date=date(2026, 2, 1),
            text="Kiểm tra công tác",
            created_by=cast.office_a,
            lead_units=[cast.board_a],
        )
    client = login(cast.office_a)
    # "1-tb/tu" is inside "11-tb/tu" too: that one is found, but after the exact number
    assert ranked(client, "1-TB/TU")[0][:2] == [
        ("task", "1-TB/TU", False),
        ("task", "11-TB/TU", True),
    ]
    assert ranked(client, "1 TB TU")[0][0] == ("task", "1-TB/TU", False)


def test_reports_by_period_and_unit_are_phrase_hits(cast, login):
    from giaoban.search.searchers import query_of
    from giaoban.search.sources import _label_matches, _report_phrase

    labels = {7: "quy i/2026", 8: "nam 2026"}
    q = query_of("ban to chuc quy i/2026")
    assert _label_matches(q, labels) == ((), ((3, False, (7,)),))
    cond = str(_report_phrase(q, *_label_matches(q, labels)))
    assert "'period_id__in', (7,)" in cond and "8" not in cond
    q = query_of("quy i/2026 ban to chuc")
    assert _label_matches(q, labels) == ((), ((3, True, (7,)),))
    assert _label_matches(query_of("quy i/2026"), labels) == ((7,), ())


def test_more_than_the_cap_is_said_and_pages_stop(cast, login, monkeypatch):
    from giaoban.search import searchers

    monkeypatch.setattr(searchers, "CAP", 40)
    for i in range(45):
        services.create_task(
            committee=cast.committee_a,
            doc_number=f"{400 + i}-TB/TU",
            doc_date=date(2026, 2, 1),
            text=f"Kiểm tra công tác dân vận đợt {i}",
            created_by=cast.office_a,
            lead_units=[cast.board_a],
        )
    client = login(cast.office_a)
    found, response = ranked(client, "dan van", page=3)
    page = response.context["page"]
    assert page.number == 2 and page.paginator.num_pages == 2 and len(found) == 20
    assert response.context["total"] == 45 and response.context["more"]
    assert 'data-testid="more"' in response.content.decode()
