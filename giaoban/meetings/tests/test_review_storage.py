"""What keeps the review section fast with the cache empty: each unit's data version kept by
the database's triggers, and a held briefing's review rendered once and stored."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

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


def _units_table(html: str) -> str:
    found = re.search(r'id="review-units".*?</table>', html, re.S)
    return found.group(0) if found else ""


@pytest.fixture
def caching(settings):
    settings.GIAOBAN_AGGREGATE_CACHE_SECONDS = 3600
    cache.clear()
    yield
    cache.clear()


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
    assert len(on_assignments) == 1 and "COUNT(" in on_assignments[0].upper()
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
