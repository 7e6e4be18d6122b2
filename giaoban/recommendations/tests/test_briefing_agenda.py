"""The briefing's agenda on the meeting page lists the recommendations raised since the previous
briefing of the committee, with their answers; a unit sees only its own."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from giaoban.recommendations import services

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def _meeting(cast, title, when, *, kind="giao_ban"):
    from giaoban.meetings import services as ms
    from giaoban.meetings.models import Part

    return ms.create_meeting(
        committee=cast.committee_a,
        user=cast.office_a,
        title=title,
        starts_at=when,
        kind=kind,
        participants=[ms.ParticipantSpec(part=Part.REPORTS, unit=cast.board_a)],
    )


@pytest.fixture
def agenda(cast):
    _meeting(cast, "Giao ban quý IV/2025", datetime(2026, 1, 20, 8, tzinfo=TZ))
    with time_machine.travel(datetime(2026, 1, 10, 9, tzinfo=TZ), tick=False):
        before = services.raise_recommendation(
            unit=cast.board_a, user=cast.unit_a, text="Kiến nghị cũ đã trả lời"
        )
        services.answer(rec=before, user=cast.office_a, text="Đã giải quyết")
    own = services.raise_recommendation(
        unit=cast.board_a, user=cast.unit_a, text="Bổ sung kinh phí mua sắm trang thiết bị"
    )
    services.answer(rec=own, user=cast.leader_a, text="Bố trí trong dự toán quý II")
    other = services.raise_recommendation(
        unit=cast.board_a2, user=cast.unit_a2, text="Tăng biên chế cho Ban"
    )
    nxt = _meeting(cast, "Giao ban quý I/2026", datetime(2026, 4, 20, 8, tzinfo=TZ))
    return nxt, before, own, other


def test_office_sees_recommendations_since_last_briefing_with_answers(login, cast, agenda):
    meeting, before, own, other = agenda
    page = login(cast.office_a).get(f"/meetings/{meeting.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    section = html.split('data-testid="briefing-recommendations"')[1].split("</div>")[0]
    assert "20/01/2026" in section, "since the previous briefing"
    assert own.text in section and "Bố trí trong dự toán quý II" in section
    assert other.text in section
    assert before.text not in section, "raised and answered before the previous briefing"


def test_unit_sees_only_its_own_recommendations(login, cast, agenda):
    meeting, _before, own, other = agenda
    page = login(cast.unit_a).get(f"/meetings/{meeting.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert own.text in html and other.text not in html


def test_working_session_shows_no_recommendation_list(login, cast, agenda):
    session = _meeting(
        cast, "Làm việc với Ban", datetime(2026, 4, 21, 8, tzinfo=TZ), kind="lam_viec"
    )
    html = login(cast.office_a).get(f"/meetings/{session.pk}/").content.decode()
    assert "briefing-recommendations" not in html


def test_query_count_does_not_grow_with_the_list(cast, agenda, django_assert_max_num_queries):
    from giaoban.recommendations.templatetags.briefing_recommendations import (
        agenda_recommendations,
    )

    meeting = agenda[0]
    for n in range(5):
        services.raise_recommendation(unit=cast.board_a2, user=cast.unit_a2, text=f"Thêm {n}")
    with django_assert_max_num_queries(3):
        out = agenda_recommendations(meeting, cast.office_a)
        assert len(out["recs"]) == 7
        [r.unit.name for r in out["recs"]]


def test_older_unanswered_ones_are_listed_apart_from_those_raised_since(login, cast, agenda):
    """The heading 'raised since the last briefing (20/01/2026)' is true of every line under it;
    one raised before and still unanswered comes under its own heading."""
    meeting = agenda[0]
    with time_machine.travel(datetime(2026, 1, 5, 9, tzinfo=TZ), tick=False):
        stale = services.raise_recommendation(
            unit=cast.board_a, user=cast.unit_a, text="Kiến nghị cũ chưa được trả lời"
        )
    html = login(cast.office_a).get(f"/meetings/{meeting.pk}/").content.decode()
    since, older = html.split('id="briefing-recommendations-older"')
    since = since.split('data-testid="briefing-recommendations"')[1]
    assert stale.text not in since and "Bổ sung kinh phí" in since
    assert stale.text in older.split("</ol>")[0]
