"""The live review's counts as one table of integers (review_table.py), and the page's item
tables kept per notice by their figures (review_section.LiveNotices)."""

from __future__ import annotations

import json
import re
import zlib
from array import array
from datetime import date

import pytest
from django.core.cache import cache

from giaoban.core.cache import clear_process_memos
from giaoban.meetings.models import ReviewState
from giaoban.meetings.review_table import MAGIC, CountTable, ids_of
from giaoban.meetings.tests.conftest import make_briefing
from giaoban.meetings.tests.test_review_page import _finish_item_1
from giaoban.meetings.tests.test_review_storage import _coming, _section, _stats

pytestmark = pytest.mark.usefixtures("frozen")

ITEMS = [(11, 1, 1, "", "a", False), (12, 1, 2, "", "b", False), (21, 2, 1, "", "c", False)]
NOTICES = [(1, "1-TB/TU", None, "x"), (2, "2-TB/TU", None, "y")]


def _zero(**values):
    counts = dict.fromkeys(
        ["done_on_time", "done_late", "open_in_time", "open_overdue", "standing", "cancelled"], 0
    )
    counts.update(values)
    counts["total"] = sum(counts.values()) - counts["cancelled"]
    counts["done"] = counts["done_on_time"] + counts["done_late"]
    return counts


def test_the_table_sums_notices_and_total_and_moves_in_place():
    by_item = {11: _zero(done_on_time=2, open_overdue=1), 21: _zero(cancelled=1, standing=3)}
    units = {5: {"unfinished": 4, "overdue": 1}, 6: {"unfinished": 0, "overdue": 0}}
    table = CountTable.from_dicts(ITEMS, NOTICES, by_item, units)
    assert table.by_item == {11: by_item[11], 12: _zero(), 21: by_item[21]}
    assert table.by_notice == {1: by_item[11], 2: by_item[21]}
    assert table.totals == _zero(done_on_time=2, open_overdue=1, cancelled=1, standing=3)
    assert table.unit_counts() == {5: {"unfinished": 4, "overdue": 1}}  # units with none left out
    # an overdue assignment of item 11 (row 0, notice 0) is done late
    table.move(0, 0, "open_overdue", -1)
    table.move(0, 0, "done_late", 1)
    table.move_unit(5, "open_overdue", -1)
    table.move_unit(5, "done_late", 1)  # done: not unfinished, the unit's figures do not move
    assert table.by_item[11] == _zero(done_on_time=2, done_late=1)
    assert table.by_notice[1] == _zero(done_on_time=2, done_late=1)
    assert table.totals["done"] == 3 and table.totals["open_overdue"] == 0
    assert table.unit_counts() == {5: {"unfinished": 3, "overdue": 0}}


def test_a_stored_table_is_read_only_for_the_same_items_and_notices():
    table = CountTable.from_dicts(ITEMS, NOTICES, {12: _zero(open_in_time=7)}, {})
    table.move_unit(9, "standing", 1)
    blob = table.pack()
    assert blob.startswith(MAGIC)
    back = CountTable.unpack(memoryview(blob), ids_of(ITEMS), ids_of(NOTICES))
    assert back is not None and back == table
    # another frame (an item more, or the same items in another order) never reads it
    assert (
        CountTable.unpack(blob, ids_of([*ITEMS, (13, 1, 3, "", "d", False)]), ids_of(NOTICES))
        is None
    )
    assert CountTable.unpack(blob, ids_of(ITEMS[::-1]), ids_of(NOTICES)) is None
    assert CountTable.unpack(blob, ids_of(ITEMS), array("i", [2, 1])) is None
    # nothing stored, the older JSON form, or damaged bytes: counted again, never an error
    old = zlib.compress(json.dumps({"items": [], "notices": [], "totals": [0] * 6}).encode(), 1)
    for stored in (b"", None, old, MAGIC + b"broken", blob[:-3]):
        assert CountTable.unpack(stored, ids_of(ITEMS), ids_of(NOTICES)) is None


def test_counts_stored_in_the_older_form_are_counted_again(cast, caching):
    from giaoban.meetings.review import _compute_review, build_review

    coming, notice = _coming(cast)
    stats = _stats()
    first = build_review(coming)
    assert stats["full"] == 1
    state = ReviewState.objects.get(meeting=coming)
    assert bytes(state.counts).startswith(MAGIC)
    # a state written by the release before (compressed JSON counts)
    old = {"items": [], "notices": [], "totals": [0] * 6, "units": []}
    ReviewState.objects.filter(pk=state.pk).update(counts=zlib.compress(json.dumps(old).encode()))
    _finish_item_1(cast, notice)
    cache.clear()
    after = build_review(coming)
    assert after == _compute_review(coming, coming.date)
    assert after["totals"]["done"] == first["totals"]["done"] + 1 and stats["full"] == 2


def test_after_a_change_only_the_moved_notices_table_is_rendered_again(
    cast,
    login,
    caching,
    monkeypatch,
):
    from giaoban.meetings import review_section

    make_briefing(cast, number="13-TB/TU")  # a notice in review, unchanged below
    coming, notice = _coming(cast)  # and 12-TB/TU
    rendered: list[str] = []
    real = review_section.notice_table

    def counting(head, number, title, items):
        rendered.append(number)
        return real(head, number, title, items)

    monkeypatch.setattr(review_section, "notice_table", counting)
    client = login(cast.office_a)
    url = f"/meetings/{coming.pk}/"
    before = client.get(url).content.decode()
    first = sorted(rendered)
    assert len(first) == 2 and "12-TB/TU" in first and "13-TB/TU" in first
    rendered.clear()
    _finish_item_1(cast, notice)  # item 1 of 12-TB/TU: only that notice's figures move
    html = client.get(url).content.decode()
    assert rendered == ["12-TB/TU"]
    done = re.compile(r"(\d+)/(\d+) đã hoàn thành")
    assert int(done.search(html).group(1)) == int(done.search(before).group(1)) + 1
    # the same page as one rendered with nothing kept (a new process, the cache empty)
    cache.clear()
    clear_process_memos()
    rendered.clear()
    assert _section(client.get(url).content.decode()) == _section(html)
    assert len(rendered) == 2


def test_what_the_process_keeps_is_bounded(cast, login, caching, monkeypatch):
    from giaoban.meetings import review_live, review_section

    monkeypatch.setattr(review_section, "MAX_TABLES", 3)
    monkeypatch.setattr(review_live, "MAX_FRAMES", 1)
    make_briefing(cast, number="13-TB/TU")
    coming, notice = _coming(cast)
    client = login(cast.office_a)
    url = f"/meetings/{coming.pk}/"
    client.get(url)
    _finish_item_1(cast, notice)
    client.get(url)
    client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert len(review_live._FRAMES) == 1
    ((_, _, memo),) = review_live._FRAMES.values()
    assert len(memo["tables"]) == 3  # the oldest went first
    # another date of the same meeting (the API's): its frame replaces the one kept
    from giaoban.meetings.review import build_review

    build_review(coming, as_of=date(2026, 3, 17))
    assert len(review_live._FRAMES) == 1 and "2026-03-17" in next(iter(review_live._FRAMES))
