"""Calendar feeds carry the meetings a person takes part in and their report due dates, with
stable UIDs and times in Asia/Ho_Chi_Minh; the committee feed carries the committee's."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from icalendar import Calendar

from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.meetings import services as meeting_services
from giaoban.meetings.tests.conftest import make_briefing
from giaoban.notifications import services
from giaoban.reports import services as report_services
from giaoban.reports.content import RawContent
from giaoban.reports.tests.conftest import indicator, period  # noqa: F401

pytestmark = pytest.mark.usefixtures("frozen")
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def feed_events(client, user, committee=None) -> dict[str, object]:
    feed, secret = services.create_feed(user=user, committee=committee)
    response = client.get(f"/notifications/calendar/{feed.pk}/{secret}.ics")
    assert response.status_code == 200
    cal = Calendar.from_ical(response.content)
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def test_meetings_i_take_part_in(cast, client):
    meeting, _ = make_briefing(cast)
    uid = f"giaoban-meeting-{meeting.pk}@giaoban.localhost"
    mine = feed_events(client, cast.unit_a)  # Ban Tổ chức A reports at the briefing
    event = mine[uid]
    assert str(event["summary"]) == "Hội nghị giao ban quý IV/2025"
    assert event["dtstart"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert event["dtstart"].dt == datetime(2026, 1, 20, 8, 0, tzinfo=TZ)
    assert event["dtstart"].dt.utcoffset().total_seconds() == 7 * 3600
    assert str(event["location"]) == "Hội trường Tỉnh ủy"
    assert str(event["url"]).endswith(f"/meetings/{meeting.pk}/")
    assert uid in feed_events(client, cast.office_a) and uid in feed_events(client, cast.leader_a)
    assert uid in feed_events(client, cast.office_a, committee=cast.committee_a)
    # Ban Tuyên giáo A takes no part; Beta's people never see Alpha's meeting
    assert uid not in feed_events(client, cast.unit_a2)
    assert uid not in feed_events(client, cast.unit_b)
    assert uid not in feed_events(client, cast.office_b, committee=cast.committee_b)
    # a change of time: the same UID, a higher SEQUENCE, the new start
    seq = int(event["sequence"])
    with time_machine.travel(datetime(2026, 3, 16, 11, 0, tzinfo=TZ), tick=False):
        meeting_services.update_meeting(
            meeting=meeting,
            user=cast.office_a,
            fields={"starts_at": datetime(2026, 1, 21, 14, 0, tzinfo=TZ)},
        )
    moved = feed_events(client, cast.unit_a)[uid]
    assert moved["dtstart"].dt == datetime(2026, 1, 21, 14, 0, tzinfo=TZ)
    assert int(moved["sequence"]) > seq


def test_report_due_dates(cast, client, period):  # noqa: F811
    uid = f"giaoban-report-{period.pk}-{cast.board_a.pk}@giaoban.localhost"
    mine = feed_events(client, cast.unit_a)
    event = mine[uid]
    assert event["dtstart"].dt == date(2026, 3, 20)
    assert str(event["summary"]).startswith("Hạn gửi báo cáo Quý I/2026")
    assert not [u for u in mine if u.startswith("giaoban-period-")]
    # the office sees the period once, with what is missing
    office = feed_events(client, cast.office_a, committee=cast.committee_a)
    period_uid = f"giaoban-period-{period.pk}@giaoban.localhost"
    assert "Còn 4/4" in str(office[period_uid]["description"])
    assert period_uid in feed_events(client, cast.office_a)
    assert not [u for u in feed_events(client, cast.unit_b) if "report" in u or "period" in u]
    # sent: the same event, ticked
    report = report_services.start_report(period=period, unit=cast.board_a, user=cast.unit_a)
    report_services.save_draft(
        report=report,
        user=cast.unit_a,
        raw=RawContent(
            sections={"results": "Xong"},
            next_tasks=[],
            recommendations=[],
            indicators={"DV01": "3"},
            plan_progress={},
        ),
    )
    report_services.submit_report(
        report=report, user=cast.unit_a, doc_number="1-BC/BTC", doc_date=date(2026, 3, 16)
    )
    assert str(feed_events(client, cast.unit_a)[uid]["summary"]).startswith("✓ Hạn gửi")
    office = feed_events(client, cast.office_a, committee=cast.committee_a)
    assert "Còn 3/4" in str(office[period_uid]["description"])
