""" "Since the briefing: N more done" kept unit by unit (review_since.py)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from giaoban.meetings import review_since
from giaoban.meetings.models import ReviewRendering, ReviewSnapshot, ReviewState
from giaoban.meetings.review import done_since
from giaoban.meetings.tests.test_review_page import _finish_item_1
from giaoban.meetings.tests.test_review_storage import _held_with_board_a
from giaoban.tasks.models import Assignment

pytestmark = pytest.mark.usefixtures("frozen")


def _stats():
    review_since.STATS.update(counted=0, patched=0, unchanged=0, units_read=0)
    return review_since.STATS


def _summary(held):
    return ReviewRendering.objects.filter(snapshot__meeting=held, language="vi").get().summary


def test_the_count_since_moves_with_each_changed_unit_only(cast, caching):
    held, notice = _held_with_board_a(cast)
    summary = _summary(held)
    snap = ReviewSnapshot.objects.get(meeting=held).pk
    stats = _stats()
    assert review_since.since_done(held, snap, summary) == done_since(summary) == 0
    assert stats["counted"] == 1
    _finish_item_1(cast, notice)  # Ban Tổ chức A: one more done
    assert review_since.since_done(held, snap, summary) == done_since(summary) == 1
    assert stats["patched"] == 1 and stats["units_read"] == 1
    # written around the services (SQL, no audit): counted too, and a done one undone
    asg = Assignment.objects.filter(task__notice_link__item__notice=notice, state="open").first()
    Assignment.objects.filter(pk=asg.pk).update(state="done", completed_on=date(2026, 3, 16))
    assert review_since.since_done(held, snap, summary) == done_since(summary) == 2
    Assignment.objects.filter(pk=asg.pk).update(state="open", completed_on=None)
    assert review_since.since_done(held, snap, summary) == done_since(summary) == 1
    assert stats["counted"] == 1 and stats["patched"] == 3
    # nothing changed: the state only, no assignment read
    with CaptureQueriesContext(connection) as ctx:
        assert review_since.since_done(held, snap, summary) == 1
    assert stats["unchanged"] == 1
    assert not [q for q in ctx.captured_queries if '"tasks_assignment"' in q["sql"]]
    # the state is kept for the snapshot's reviewed tasks: other tasks count it again
    other = {**summary, "task_ids": summary["task_ids"][:1]}
    assert review_since.since_done(held, snap, other) == done_since(other)
    assert stats["counted"] == 2


def test_the_page_keeps_the_count_across_a_cache_clear(cast, login, caching):
    held, notice = _held_with_board_a(cast)
    client = login(cast.office_a)
    url = f"/meetings/{held.pk}/"
    stats = _stats()
    client.get(url)
    assert stats["counted"] == 1
    assert ReviewState.objects.filter(meeting=held, key__startswith="since:").count() == 1
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        html = client.get(url).content.decode()
    assert 'data-testid="since-done">' in html and stats == {**stats, "counted": 1, "unchanged": 1}
    # the aggregate over every reviewed assignment is not made again
    assert not [q for q in ctx.captured_queries if '"tasks_assignment"' in q["sql"]]


def test_the_api_gives_the_page_s_count_and_the_presentation_does_not_count_it(
    cast, login, caching
):
    from giaoban.api.tests.support import api

    held, notice = _held_with_board_a(cast)
    _finish_item_1(cast, notice)  # one more done since the briefing
    stats = _stats()
    page = login(cast.office_a).get(f"/meetings/{held.pk}/").content.decode()
    assert 'data-testid="since-done">' in page
    assert stats["counted"] == 1
    url = f"/api/meetings/{held.pk}/review"
    assert api(cast, "office_a").get(url).json()["since_done"] == 1
    cache.clear()  # the count is kept in the state, not made again from every assignment
    with CaptureQueriesContext(connection) as ctx:
        assert api(cast, "office_a").get(url).json()["since_done"] == 1
    assert stats["counted"] == 1 and stats["unchanged"] == 1
    assert not [q for q in ctx.captured_queries if "COUNT(" in q["sql"].upper()]
    # a unit user of the reviewed unit: the same count
    assert api(cast, "unit_a").get(url).json()["since_done"] == 1
    # the presentation shows what the meeting was told: no count since
    before = dict(stats)
    cache.clear()
    client = login(cast.office_a)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(f"/meetings/{held.pk}/present/")
    assert response.status_code == 200
    assert stats == before
    assert not [q for q in ctx.captured_queries if '"tasks_assignment"' in q["sql"]]
