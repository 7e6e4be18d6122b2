"""The review section of a briefing's page: a held briefing reads its snapshot (never a
recomputation) and one aggregate for "since the briefing"; a coming briefing reads its figures
only when a unit of the committee changed. Query counts pinned."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from giaoban.meetings import services
from giaoban.meetings.models import ItemTask
from giaoban.meetings.tests.conftest import make_briefing
from giaoban.meetings.tests.test_meeting_services import next_briefing
from giaoban.tasks import services as task_services
from giaoban.tasks.models import Assignment

pytestmark = pytest.mark.usefixtures("frozen")


def _finish_item_1(cast, notice) -> None:
    """Ban Tổ chức A finishes item 1 of the notice (claimed, then confirmed by the office)."""
    task = ItemTask.objects.get(item__notice=notice, item__number=1).task
    asg = Assignment.objects.get(task=task, unit=cast.board_a)
    task_services.claim_completion(
        assignment=asg, user=cast.unit_a, completed_on=date(2026, 3, 16), evidence_number="5-BC/BTC"
    )
    task_services.confirm_completion(assignment=asg, user=cast.office_a)


def _since(html: str) -> str:
    found = re.search(r'data-testid="since-done">([^<]*)<', html)
    assert found, html[:2000]
    return found.group(1)


def _totals(html: str) -> str:
    return re.search(r'<span class="badge text-bg-dark">([^<]*)</span>', html).group(1)


def _review_never_computed(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the review of a held briefing was recomputed")

    for target in (
        "giaoban.meetings.review_section.live_counts",
        "giaoban.meetings.review_live.live_review",
        "giaoban.meetings.review._compute_review",
    ):
        monkeypatch.setattr(target, refuse)


def test_held_page_reads_the_snapshot_and_one_count(cast, login, caching, monkeypatch):
    _, notice = make_briefing(cast)
    held = next_briefing(cast)
    services.mark_held(meeting=held, user=cast.office_a)
    client = login(cast.office_a)
    url = f"/meetings/{held.pk}/"
    _review_never_computed(monkeypatch)
    html = client.get(url).content.decode()
    assert _totals(html) == "0/6 đã hoàn thành" and "0" in _since(html)
    _finish_item_1(cast, notice)
    with CaptureQueriesContext(connection) as ctx:
        html = client.get(url).content.decode()
    # the figures the meeting was told, and the live difference beside them
    assert _totals(html) == "0/6 đã hoàn thành"
    assert re.search(r"\b1\b", _since(html)), _since(html)
    sql = [q["sql"] for q in ctx.captured_queries]
    on_assignments = [q for q in sql if '"tasks_assignment"' in q]
    # "since the briefing": only the changed unit's done assignments are read (review_since.py)
    assert len(on_assignments) == 1 and "COUNT(" not in on_assignments[0].upper()
    assert f'"unit_id" IN ({cast.board_a.pk})' in on_assignments[0]
    # the snapshot's row is read without its data (the frozen HTML is kept)
    snapshot_reads = [q for q in sql if '"meetings_reviewsnapshot"' in q]
    assert len(snapshot_reads) == 1 and '"meetings_reviewsnapshot"."data"' not in snapshot_reads[0]
    # nothing changed since: no assignment is read at all
    with CaptureQueriesContext(connection) as again:
        assert _since(client.get(url).content.decode()) == _since(html)
    assert not [q for q in again.captured_queries if '"tasks_assignment"' in q["sql"]]


def test_held_page_query_counts_are_pinned(cast, login, caching, django_assert_num_queries):
    _, notice = make_briefing(cast)
    held = next_briefing(cast)
    services.mark_held(meeting=held, user=cast.office_a)
    client = login(cast.office_a)
    url = f"/meetings/{held.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as warm:
        client.get(url)
    _finish_item_1(cast, notice)
    with CaptureQueriesContext(connection) as changed:
        client.get(url)
    # after a change, "since the briefing" (review_since.py): its state, the committee's units
    # and their versions, the changed unit's done assignments, the state written
    assert len(changed.captured_queries) == len(warm.captured_queries) + 5
    for n in range(3):  # more notices reviewed: the same queries
        make_briefing(cast, number=f"{40 + n}-TB/TU")
    with CaptureQueriesContext(connection) as more:
        client.get(url)
    assert len(more.captured_queries) == len(changed.captured_queries)
    assert len(warm.captured_queries) == HELD_PAGE_QUERIES


#: the held briefing's page with its section cached: session, user, memberships, scope, the
#: meeting, its participants, agenda, connection points, notices, minutes, files, the snapshot's
#: row (without its data), and the page's other parts (next briefing, recommendations, audit)
HELD_PAGE_QUERIES = 15


def test_coming_page_reads_the_figures_only_after_a_change(cast, login, caching):
    _, notice = make_briefing(cast)
    coming = next_briefing(cast)
    client = login(cast.office_a)
    url = f"/meetings/{coming.pk}/"
    first = client.get(url).content.decode()
    assert _totals(first) == "0/6 đã hoàn thành"
    with CaptureQueriesContext(connection) as warm:
        client.get(url)
    assert not [q for q in warm.captured_queries if '"tasks_assignment"' in q["sql"]]
    assert not [q for q in warm.captured_queries if '"meetings_noticeitem"' in q["sql"]]
    _finish_item_1(cast, notice)
    with CaptureQueriesContext(connection) as changed:
        html = client.get(url).content.decode()
    assert _totals(html) == "1/6 đã hoàn thành"
    assert len(warm.captured_queries) == COMING_PAGE_QUERIES
    assert len(changed.captured_queries) == COMING_PAGE_QUERIES_AFTER_A_CHANGE


#: the coming briefing's page with its section cached: the same fifteen as a held one (its
#: snapshot looked up, none found). After a change in one unit fourteen more: the notices in
#: review, the unit tree, the live state's row and the units' data versions (read unlocked),
#: then under the row's lock (a savepoint here, the request's transaction in production) the
#: row written and read back, the changed unit's stored classes, its assignments, its classes
#: replaced (deleted and inserted: two statements however many units changed), the state
#: written, the savepoint released; then the names of the units with unfinished work and the
#: listing of the first units
COMING_PAGE_QUERIES = 15
COMING_PAGE_QUERIES_AFTER_A_CHANGE = 29


@pytest.mark.parametrize("cache_seconds", [0, 3600])
def test_live_section_shows_what_the_review_json_holds(cast, settings, cache_seconds):
    """The page renders the live review from its counts (no item dicts built): the same HTML
    as rendering the review's JSON, before and after a change, cached or not."""
    from django.utils import translation

    from giaoban.meetings.review import build_review
    from giaoban.meetings.review_section import _body, _live_view

    settings.GIAOBAN_AGGREGATE_CACHE_SECONDS = cache_seconds
    cache.clear()
    _, notice = make_briefing(cast)
    for n in range(2):
        make_briefing(cast, number=f"{40 + n}-TB/TU")
    coming = next_briefing(cast)
    with translation.override("vi"):
        for step in ("before", "after"):
            if step == "after":
                _finish_item_1(cast, notice)
            html = _body(_live_view(coming), cast.office_a)
            assert html == _body(build_review(coming), cast.office_a), step
            assert html.count("review-items") == 3
    assert "1/" in _totals(f"{html}")
