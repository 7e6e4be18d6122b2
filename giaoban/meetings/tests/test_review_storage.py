"""What keeps the review section fast with the cache empty: each unit's data version kept by
the database's triggers, and a held briefing's review rendered once and stored."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from giaoban.core.cache import clear_process_memos
from giaoban.meetings import services
from giaoban.meetings.models import Part, ReviewRendering, UnitDataVersion
from giaoban.meetings.review_section import RENDER_VERSION
from giaoban.meetings.tests.conftest import TZ, make_briefing
from giaoban.meetings.tests.test_review_page import _finish_item_1, _review_never_computed
from giaoban.periods import Period
from giaoban.tasks.models import Assignment

pytestmark = pytest.mark.usefixtures("frozen")


def _v(unit) -> int:
    return UnitDataVersion.objects.filter(unit_id=unit.pk).values_list("n", flat=True).first() or 0


def test_every_write_of_an_assignment_counts_in_its_units_version(cast):
    """Services, bulk updates and SQL alike: the database counts the write, in its transaction."""
    from giaoban.org.models import Unit

    asg = Assignment.objects.get(task=cast.task_a, unit=cast.board_a)
    elsewhere = Unit.objects.exclude(assignments__task=cast.task_a).order_by("pk").first()
    before, other = _v(cast.board_a), _v(elsewhere)
    _finish_item_1_free(asg)
    assert _v(cast.board_a) > before
    n = _v(cast.board_a)
    Assignment.objects.filter(pk=asg.pk).update(progress_percent=10)  # no signal, no audit
    assert _v(cast.board_a) == n + 1
    with connection.cursor() as cursor:
        cursor.execute("UPDATE tasks_assignment SET progress_percent = 20 WHERE id = %s", [asg.pk])
    assert _v(cast.board_a) == n + 2
    # moved to another unit: both units' versions move; deleted: its unit's
    Assignment.objects.filter(pk=asg.pk).update(unit=elsewhere)
    assert (_v(cast.board_a), _v(elsewhere)) == (n + 3, other + 1)
    Assignment.objects.filter(pk=asg.pk).delete()
    assert _v(elsewhere) == other + 2
    # a write rolled back leaves no trace
    with pytest.raises(RuntimeError), transaction.atomic():
        Assignment.objects.filter(unit=cast.board_a).update(progress_percent=30)
        raise RuntimeError
    assert _v(cast.board_a) == n + 3


def _finish_item_1_free(asg) -> None:
    Assignment.objects.filter(pk=asg.pk).update(state="done", completed_on=date(2026, 3, 10))


def test_one_statement_over_many_units_counts_once_per_unit(cast):
    units = list(Assignment.objects.values_list("unit_id", flat=True).distinct())
    before = {u: _v(type("U", (), {"pk": u})) for u in units}
    Assignment.objects.all().update(progress_percent=40)
    after = dict(UnitDataVersion.objects.filter(unit_id__in=units).values_list("unit_id", "n"))
    assert after == {u: before[u] + 1 for u in units}


def _held_with_board_a(cast):
    _, notice = make_briefing(cast)
    held = services.create_meeting(
        committee=cast.committee_a,
        user=cast.office_a,
        title="Hội nghị giao ban quý I/2026",
        starts_at=datetime(2026, 3, 16, 8, 0, tzinfo=TZ),
        period=Period.of_quarter(2026, 1),
        participants=[services.ParticipantSpec(part=Part.REPORTS, unit=cast.board_a)],
    )
    services.mark_held(meeting=held, user=cast.office_a)
    return held, notice


def _section(html: str) -> str:
    found = re.search(r'<section id="review".*?</section>', html, re.S)
    assert found
    return found.group(0)


def _units_table(html: str) -> str:
    found = re.search(r'id="review-units".*?</table>', html, re.S)
    return found.group(0) if found else ""


def test_held_review_is_rendered_when_frozen_and_read_from_the_database(
    cast, login, caching, monkeypatch
):
    held, notice = _held_with_board_a(cast)
    stored = dict(
        ReviewRendering.objects.filter(snapshot__meeting=held).values_list("language", "version")
    )
    assert stored == {"vi": RENDER_VERSION, "en": RENDER_VERSION}
    client = login(cast.office_a)
    url = f"/meetings/{held.pk}/"
    first = client.get(url).content.decode()
    _review_never_computed(monkeypatch)
    _finish_item_1(cast, notice)
    cache.clear()  # a restart of the cache, an eviction: the stored rendering is read
    with CaptureQueriesContext(connection) as ctx:
        html = client.get(url).content.decode()
    sql = [q["sql"] for q in ctx.captured_queries]
    assert not [q for q in sql if '"meetings_reviewsnapshot"."data"' in q]
    assert len([q for q in sql if '"meetings_reviewrendering"' in q]) == 1
    on_assignments = [q for q in sql if '"tasks_assignment"' in q]
    # the state of "since the briefing" is in the database too: the changed unit is read again
    assert len(on_assignments) == 1 and "COUNT(" not in on_assignments[0].upper()
    # the same figures and rows, and the change since counted beside them
    assert _units_table(html) == _units_table(first) and "Ban Tuyên giáo" in _units_table(html)
    assert re.search(r'data-testid="since-done">[^<]*\b1\b', html)
    assert "0/6 đã hoàn thành" in html
    with CaptureQueriesContext(connection) as again:  # and it is in the cache again
        client.get(url)
    assert not [q for q in again.captured_queries if "reviewrendering" in q["sql"]]


def test_a_rendering_of_an_older_renderer_is_made_again(cast, login, caching):
    held, _ = _held_with_board_a(cast)
    ReviewRendering.objects.filter(snapshot__meeting=held).update(version=0, html="<p>old</p>")
    html = login(cast.office_a).get(f"/meetings/{held.pk}/").content.decode()
    assert "<p>old</p>" not in html and "0/6 đã hoàn thành" in html
    row = ReviewRendering.objects.get(snapshot__meeting=held, language="vi")
    assert row.version == RENDER_VERSION and "0/6" in row.html
    assert ReviewRendering.objects.get(snapshot__meeting=held, language="en").version == 0


def test_a_unit_user_sees_only_its_units_rows_of_a_held_review(cast, login, caching):
    """The stored rendering is the office's view: a unit user never reads it."""
    held, _ = _held_with_board_a(cast)
    office_html = login(cast.office_a).get(f"/meetings/{held.pk}/").content.decode()
    assert "Ban Tuyên giáo" in _units_table(office_html)
    for clear in (False, True):
        if clear:
            cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            html = login(cast.unit_a).get(f"/meetings/{held.pk}/").content.decode()
        table = _units_table(html)
        assert "Ban Tổ chức" in table and "Ban Tuyên giáo" not in table, clear
        assert not [q for q in ctx.captured_queries if "reviewrendering" in q["sql"]]


# -- the live review's state in the database ---------------------------------------------------


def _stats():
    from giaoban.meetings import review_live

    review_live.STATS.update(full=0, patched=0, unchanged=0, units_read=0)
    return review_live.STATS


def _coming(cast, day=date(2026, 3, 20)):
    _, notice = make_briefing(cast)
    coming = services.create_meeting(
        committee=cast.committee_a,
        user=cast.office_a,
        title="Hội nghị giao ban quý I/2026",
        starts_at=datetime(day.year, day.month, day.day, 8, 0, tzinfo=TZ),
        period=Period.of_quarter(2026, 1),
    )
    return coming, notice


def test_a_cache_clear_keeps_the_live_state_and_later_changes_are_counted(cast, caching):
    from giaoban.meetings.review import _compute_review, build_review

    coming, notice = _coming(cast)
    stats = _stats()
    first = build_review(coming)
    assert first == _compute_review(coming, coming.date) and stats["full"] == 1
    cache.clear()
    assert build_review(coming) == first and stats["full"] == 1 and stats["unchanged"] == 1
    # a change after the cold read: that unit is read again, the rest is kept
    _finish_item_1(cast, notice)
    cache.clear()
    after = build_review(coming)
    assert after == _compute_review(coming, coming.date)
    assert after["totals"]["done"] == first["totals"]["done"] + 1
    assert stats["full"] == 1 and stats["patched"] == 1 and stats["units_read"] == 1
    # a write made around the services (no audit, no cache version bumped) is counted too
    asg = Assignment.objects.filter(task__notice_link__item__notice=notice, state="open").first()
    Assignment.objects.filter(pk=asg.pk).update(state="cancelled", cancelled_on=date(2026, 3, 16))
    again = build_review(coming)
    assert again == _compute_review(coming, coming.date) and stats["patched"] == 2
    assert again["totals"]["cancelled"] == after["totals"]["cancelled"] + 1


def test_the_cold_page_of_a_coming_briefing_reads_the_stored_state(cast, login, caching):
    coming, notice = _coming(cast)
    client = login(cast.office_a)
    url = f"/meetings/{coming.pk}/"
    stats = _stats()
    first = client.get(url).content.decode()
    assert stats["full"] == 1
    _finish_item_1(cast, notice)
    cache.clear()
    html = client.get(url).content.decode()
    assert stats["full"] == 1 and stats["patched"] == 1
    assert "1/6 đã hoàn thành" in html and "0/6 đã hoàn thành" in first
    cache.clear()
    clear_process_memos()  # as a freshly started process: nothing kept in memory either
    with CaptureQueriesContext(connection) as ctx:
        assert _section(client.get(url).content.decode()) == _section(html)
    assert stats["full"] == 1 and stats["unchanged"] == 1
    # the only read of assignments is the listing of the first units' unfinished rows
    on_assignments = [q["sql"] for q in ctx.captured_queries if '"tasks_assignment"' in q["sql"]]
    assert len(on_assignments) == 1 and "GROUP BY" not in on_assignments[0].upper()
    # and the notices' items and tasks (the frame) come from the state's row, not read again
    sqls = [q["sql"] for q in ctx.captured_queries]
    assert not [q for q in sqls if '"meetings_noticeitem"' in q or '"meetings_itemtask"' in q]


def test_a_stored_frame_is_not_used_once_another_notice_is_in_review(cast, caching):
    """The frame is kept by the list of reviewed notices: a notice issued later is counted."""
    from giaoban.meetings.review import _compute_review, build_review

    coming, notice = _coming(cast)
    build_review(coming)
    cache.clear()
    build_review(coming)  # the frame is stored in the state's row
    cache.clear()
    assert build_review(coming) == _compute_review(coming, coming.date)
    from giaoban.meetings.models import Notice

    Notice.objects.filter(pk=notice.pk).update(in_force=False)  # taken out of the review
    cache.clear()
    after = build_review(coming)
    assert after == _compute_review(coming, coming.date)
    assert notice.pk not in [n["id"] for n in after["notices"]]


def test_a_state_counted_before_the_date_is_not_used_once_it_is_past(cast, caching):
    """The rule at a past date differs from today's fast path: the state is kept per mode."""
    import time_machine

    from giaoban.meetings.review import _compute_review, build_review

    coming, notice = _coming(cast, day=date(2026, 3, 18))
    stats = _stats()
    before = build_review(coming)
    assert stats["full"] == 1
    with time_machine.travel(datetime(2026, 3, 25, 9, 0, tzinfo=TZ), tick=False):
        # finished on 20/03, after the briefing's date: not done as of 18/03
        _finish_late(cast, notice, date(2026, 3, 20))
        past = build_review(coming)
        assert past == _compute_review(coming, coming.date) and stats["full"] == 2
        assert past["totals"]["done"] == before["totals"]["done"]
        assert build_review(coming) == past and stats["unchanged"] == 1


def _finish_late(cast, notice, day) -> None:
    from giaoban.meetings.models import ItemTask
    from giaoban.tasks import services as task_services

    task = ItemTask.objects.get(item__notice=notice, item__number=1).task
    asg = Assignment.objects.get(task=task, unit=cast.board_a)
    task_services.claim_completion(
        assignment=asg, user=cast.unit_a, completed_on=day, evidence_number="9-BC/BTC"
    )
    task_services.confirm_completion(assignment=asg, user=cast.office_a)
