"""The meeting calendar: a month grid with the meetings on their days, previous/next month,
the list's filters, the user's scope, bad input, and a query count that does not grow."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from giaoban.meetings import services
from giaoban.meetings.tests.conftest import TZ, make_briefing

pytestmark = pytest.mark.usefixtures("frozen")


def _meeting(cast, day: int, hour: int = 8, month: int = 3, title: str = "Giao ban tháng"):
    return services.create_meeting(
        committee=cast.committee_a,
        user=cast.office_a,
        title=title,
        starts_at=datetime(2026, month, day, hour, 0, tzinfo=TZ),
    )


def _cell(html: str, day: str) -> str:
    match = re.search(rf'data-date="{day}">(.*?)</td>', html, re.S)
    assert match, day
    return match.group(1)


def test_grid_shows_meetings_on_their_local_days_with_links(cast, login):
    # 07:00 on 31/03 in Hà Nội is 00:00 UTC: the meeting belongs to the 31st, not the 30th
    early = _meeting(cast, 31, hour=7, title="Giao ban quý I")
    late = _meeting(cast, 16, hour=14, title="Buổi làm việc chiều")
    april = _meeting(cast, 2, month=4, title="Hội nghị tháng tư")
    html = login(cast.office_a).get("/meetings/calendar/").content.decode()
    assert "Tháng 03/2026" in html
    # Monday first: March 2026 starts on a Sunday, so the grid opens on Monday 23/02
    assert re.search(r'<td class="cal-day cal-out" data-date="2026-02-23">', html)
    assert html.count('class="cal-day') == 6 * 7
    assert f'href="/meetings/{early.pk}/"' in _cell(html, "2026-03-31")
    assert "Giao ban quý I" not in _cell(html, "2026-03-30")
    assert f'href="/meetings/{late.pk}/"' in _cell(html, "2026-03-16")
    assert "cal-today" in re.search(r'<td class="([^"]*)" data-date="2026-03-16"', html).group(1)
    # 02/04 is in the grid's last week, shown greyed with its meeting
    assert f'href="/meetings/{april.pk}/"' in _cell(html, "2026-04-02")
    assert "(2 cuộc họp)" in html  # the month's own meetings only


def test_previous_and_next_month_keep_the_filters(cast, login):
    jan, _ = make_briefing(cast)  # 20/01/2026
    client = login(cast.office_a)
    html = client.get("/meetings/calendar/?month=2026-02&kind=giao_ban").content.decode()
    prev = re.search(r'href="([^"]+)" id="prev-month"', html).group(1).replace("&amp;", "&")
    nxt = re.search(r'href="([^"]+)" id="next-month"', html).group(1).replace("&amp;", "&")
    assert "month=2026-01" in prev and "kind=giao_ban" in prev
    assert "month=2026-03" in nxt and "kind=giao_ban" in nxt
    html = client.get("/meetings/calendar/" + prev).content.decode()
    assert f'href="/meetings/{jan.pk}/"' in _cell(html, "2026-01-20")
    # a filter that excludes it empties the day
    html = client.get("/meetings/calendar/?month=2026-01&kind=hoi_nghi").content.decode()
    assert f'href="/meetings/{jan.pk}/"' not in html
    # December to January crosses the year
    html = client.get("/meetings/calendar/?month=2025-12").content.decode()
    assert "month=2026-01" in re.search(r'href="([^"]+)" id="next-month"', html).group(1)
    assert "month=2025-11" in re.search(r'href="([^"]+)" id="prev-month"', html).group(1)


def test_list_links_to_the_calendar_and_back(cast, login):
    client = login(cast.office_a)
    html = client.get("/meetings/?state=planned").content.decode()
    assert 'href="/meetings/calendar/?state=planned" id="calendar-view"' in html
    html = client.get("/meetings/calendar/?state=planned").content.decode()
    assert 'id="list-view"' in html


def test_other_units_meetings_are_not_on_the_grid(cast, login):
    meeting = _meeting(cast, 18)
    html = login(cast.unit_b).get("/meetings/calendar/").content.decode()
    assert f"/meetings/{meeting.pk}/" not in html


@pytest.mark.parametrize("month", ["2026-13", "abc", "1800-01", "2026-3-1"])
def test_bad_month_is_a_400_with_a_message(cast, login, month):
    r = login(cast.office_a).get("/meetings/calendar/", {"month": month})
    assert r.status_code == 400
    assert "Tháng không hợp lệ" in r.content.decode()
    assert 'id="calendar"' in r.content.decode()  # still the current month's grid


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_calendar_queries_are_pinned(cast, login):
    client = login(cast.office_a)
    _meeting(cast, 3)
    one = _count(client, "/meetings/calendar/")
    for day in range(4, 20):
        _meeting(cast, day, title=f"Giao ban {day}")
    assert _count(client, "/meetings/calendar/") == one
    # session, user, scope (memberships), the meetings with their committee; and the same for
    # a unit user
    assert one == 5, one
    assert _count(login(cast.unit_a), "/meetings/calendar/") == 4
