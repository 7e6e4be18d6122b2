"""The review's one-pass aggregate against the computation it replaced (per item, per unit and
the sorted listing, each a separate query over every reviewed assignment), on data with every
status class, extensions granted before and after the as-of date, completions confirmed after
it, cancellations, several notices and a listing cut at MAX_ROWS between two units with the
same order and name. Run on SQLite and on PostgreSQL (the suite runs on both)."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django.db.models import Count, F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from giaoban.meetings import review
from giaoban.meetings.models import ItemTask, Meeting, NoticeItem
from giaoban.meetings.review import (
    _add,
    _task_items,
    _zero,
    reviewed_notices,
    status_in_unfinished,
)
from giaoban.meetings.tests.conftest import TZ, make_briefing
from giaoban.org.models import Unit, UnitKind
from giaoban.tasks.models import Assignment, AssignmentState, ExtensionRequest
from giaoban.tasks.status import StatusClass, status_case

pytestmark = pytest.mark.usefixtures("frozen")


def reference_review(meeting: Meeting, as_of: date, max_rows: int) -> dict[str, Any]:
    """The previous implementation, kept verbatim in substance: three full queries."""
    notices = list(reviewed_notices(meeting).values("id", "number", "doc_date", "title"))
    notice_ids = [n["id"] for n in notices]
    items = list(
        NoticeItem.objects.filter(notice_id__in=notice_ids)
        .order_by("notice_id", "number")
        .values("id", "notice_id", "number", "heading", "text", "no_task")
    )
    task_item = _task_items(notice_ids, as_of)
    base = Assignment.objects.filter(task_id__in=list(task_item)).annotate(
        sclass=status_case(as_of, today=timezone.localdate())
    )
    by_item: dict[int, dict[str, int]] = defaultdict(_zero)
    for r in base.values("task_id", "sclass").annotate(n=Count("id")).order_by():
        _add(by_item[task_item[r["task_id"]]], r["sclass"], r["n"])
    item_notice = {i["id"]: i["notice_id"] for i in items}
    by_notice: dict[int, dict[str, int]] = defaultdict(_zero)
    totals = _zero()
    for item_id, counts in by_item.items():
        for key in counts:
            by_notice[item_notice.get(item_id, 0)][key] += counts[key]
            totals[key] += counts[key]
    units: dict[int, dict[str, Any]] = {}
    for r in (
        base.filter(status_in_unfinished())
        .values("unit_id", "unit__name", "sclass")
        .annotate(n=Count("id"))
        .order_by("unit__sort_order", "unit__name")
    ):
        entry = units.setdefault(
            r["unit_id"],
            {"unit_id": r["unit_id"], "unit": r["unit__name"], "unfinished": 0, "overdue": 0},
        )
        entry["rows"] = []
        entry["unfinished"] += r["n"]
        if r["sclass"] == StatusClass.OPEN_OVERDUE.value:
            entry["overdue"] += r["n"]
    rows = (
        base.filter(status_in_unfinished())
        .annotate(
            task_text=F("task__text"),
            task_item=F("task__item_number"),
            task_doc=F("task__doc_number"),
        )
        .values(
            "id",
            "unit_id",
            "unit__name",
            "sclass",
            "deadline",
            "task_text",
            "task_item",
            "task_doc",
        )
        .order_by("unit__sort_order", "unit__name", "deadline", "id")[:max_rows]
    )
    overdue, listed = [], 0
    for r in rows:
        row = {
            "assignment_id": r["id"],
            "source": f"{r['task_doc']}, mục {r['task_item']}",
            "text": r["task_text"],
            "deadline": r["deadline"].isoformat() if r["deadline"] else None,
            "status": r["sclass"],
        }
        units[r["unit_id"]]["rows"].append(row)
        listed += 1
        if r["sclass"] == StatusClass.OPEN_OVERDUE.value:
            overdue.append({**row, "unit": r["unit__name"]})
    return {
        "as_of": as_of.isoformat(),
        "notices": [
            {
                "id": n["id"],
                "number": n["number"],
                "doc_date": n["doc_date"].isoformat(),
                "title": n["title"],
                "items": [
                    {
                        "id": i["id"],
                        "number": i["number"],
                        "heading": i["heading"],
                        "text": i["text"],
                        "no_task": i["no_task"],
                        "counts": by_item[i["id"]] if i["id"] in by_item else _zero(),
                    }
                    for i in items
                    if i["notice_id"] == n["id"]
                ],
                "counts": by_notice[n["id"]] if n["id"] in by_notice else _zero(),
            }
            for n in notices
        ],
        "totals": totals,
        "by_unit": sorted(units.values(), key=lambda u: (-u["unfinished"], u["unit"])),
        "overdue": overdue,
        "rows_listed": listed,
        "rows_truncated": listed < sum(u["unfinished"] for u in units.values()),
    }


def _varied(cast) -> Meeting:
    """Three issued notices over 14 units (the first two in the listing order with the same
    order and name: "A Lưới"), every
    status class at 10/03/2026 and at 16/03/2026 (today), and extensions on both sides."""
    twins = [
        Unit.objects.create(
            kind=UnitKind.COMMUNE_COMMITTEE,
            name="A Lưới",
            parent=cast.committee_a,
            sort_order=0,
        )
        for _ in range(2)
    ]
    more = [
        Unit.objects.create(
            kind=UnitKind.COMMUNE_COMMITTEE,
            name=f"Đảng ủy xã {i:02d}",
            parent=cast.committee_a,
            sort_order=20 + i,
        )
        for i in range(6)
    ]
    del twins, more
    for n in range(3):
        make_briefing(cast, number=f"{20 + n}-TB/TU")
    rng = random.Random(9)
    granted = datetime(2026, 3, 5, 9, tzinfo=TZ)
    late_grant = datetime(2026, 3, 12, 9, tzinfo=TZ)
    asgs = list(Assignment.objects.filter(task__notice_link__isnull=False).order_by("id"))
    assert len(asgs) > 30
    for a in asgs:
        kind = rng.randrange(8)
        a.deadline = a.original_deadline = rng.choice(
            [None, date(2026, 3, 1), date(2026, 3, 12), date(2026, 4, 30)]
        )
        if kind == 0:  # done on time, confirmed before 10/03
            a.state, a.completed_on = AssignmentState.DONE, date(2026, 2, 20)
            a.confirmed_at = datetime(2026, 2, 21, 10, tzinfo=TZ)
        elif kind == 1:  # completed 08/03, confirmed after 10/03: open at 10/03, done at 16/03
            a.state, a.completed_on = AssignmentState.DONE, date(2026, 3, 8)
            a.confirmed_at = datetime(2026, 3, 11, 10, tzinfo=TZ)
        elif kind == 2:  # done late
            a.state, a.completed_on = AssignmentState.DONE, date(2026, 3, 9)
            a.confirmed_at = datetime(2026, 3, 9, 16, tzinfo=TZ)
        elif kind == 3:  # cancelled on 11/03
            a.state, a.cancelled_on = AssignmentState.CANCELLED, date(2026, 3, 11)
        elif kind == 4:  # claimed
            a.state = AssignmentState.CLAIMED
        a.save()
        if kind in (5, 6) and a.deadline is not None:  # extended: granted before / after 10/03
            new = a.deadline + timedelta(days=30)
            ext = ExtensionRequest.objects.create(
                assignment=a,
                requested_by=cast.unit_a,
                old_deadline=a.deadline,
                new_deadline=new,
                reason="Cần thêm thời gian",
                decision="approved",
                decided_by=cast.office_a,
                decided_at=granted if kind == 5 else late_grant,
            )
            del ext
            Assignment.objects.filter(pk=a.pk).update(deadline=new, extension_count=1)
    return Meeting.objects.create(
        committee=cast.committee_a,
        title="Giao ban quý I/2026",
        starts_at=datetime(2026, 3, 16, 8, tzinfo=TZ),
        created_by=cast.office_a,
    )


@pytest.mark.parametrize("max_rows", [500, 7, 3, 1])
def test_new_review_equals_the_previous_computation_at_two_dates(cast, monkeypatch, max_rows):
    meeting = _varied(cast)
    monkeypatch.setattr(review, "MAX_ROWS", max_rows)
    seen = set()
    for as_of in (date(2026, 3, 10), date(2026, 3, 16)):  # the past (history) and today
        new = review._compute_review(meeting, as_of)
        old = reference_review(meeting, as_of, max_rows)
        assert new == old, as_of
        seen |= {c for c in StatusClass if new["totals"][c.value]}
    # the data exercises every class, and the cut lands inside the listing
    assert seen == set(StatusClass)
    if max_rows < 500:
        assert new["rows_listed"] == max_rows and new["rows_truncated"]


def test_review_reads_a_fixed_number_of_queries(cast, django_assert_num_queries):
    from django.db import connection

    meeting = _varied(cast)
    grouped = 1 if connection.vendor == "postgresql" else 2
    # notices, items, task links, grouped counts, units, rows
    with django_assert_num_queries(5 + grouped):
        review._compute_review(meeting, date(2026, 3, 10))


# -- the live review: kept up to date unit by unit -------------------------------------------


def _fresh(meeting, as_of):
    return review._compute_review(meeting, as_of)


@pytest.fixture
def cached_reviews(settings):
    settings.GIAOBAN_AGGREGATE_CACHE_SECONDS = 3600
    from giaoban.meetings import review_live

    review_live.STATS.update(full=0, patched=0, unchanged=0, units_read=0)
    return review_live.STATS


@pytest.mark.parametrize("as_of", [date(2026, 3, 10), date(2026, 3, 16)])
def test_a_change_in_one_unit_rereads_that_unit_only(cast, cached_reviews, as_of):
    from giaoban.tasks import services as task_services

    meeting = _varied(cast)
    first = review.build_review(meeting, as_of=as_of)
    assert first == _fresh(meeting, as_of) and cached_reviews["full"] == 1
    with CaptureQueriesContext(connection) as ctx:
        assert review.build_review(meeting, as_of=as_of) == first
    # nothing changed: the list of notices in review, the unit tree, the state's row and the
    # units' data versions (the state lives in the database: a cache clear loses nothing)
    assert cached_reviews["unchanged"] == 1 and len(ctx.captured_queries) == 4
    # Ban Tổ chức A finishes an open task of notice 20-TB/TU (confirmed today)
    asg = (
        Assignment.objects.filter(
            unit=cast.board_a, state=AssignmentState.OPEN, task__notice_link__isnull=False
        )
        .order_by("id")
        .first()
    )
    task_services.claim_completion(
        assignment=asg, user=cast.unit_a, completed_on=date(2026, 3, 9), evidence_number="7-BC/BTC"
    )
    task_services.confirm_completion(assignment=asg, user=cast.office_a)
    after = review.build_review(meeting, as_of=as_of)
    assert after == _fresh(meeting, as_of)
    assert cached_reviews["full"] == 1 and cached_reviews["patched"] == 1
    # the unit only: the database counts the writes of each unit's own assignments
    assert cached_reviews["units_read"] == 1
    if as_of == date(2026, 3, 16):  # done by today; at 10/03 it was confirmed too late
        assert after["totals"]["done"] == first["totals"]["done"] + 1
    else:
        assert after["totals"]["done"] == first["totals"]["done"]


def test_deadline_corrections_cancellations_and_units_added_are_followed(cast, cached_reviews):
    from giaoban.tasks import editing
    from giaoban.tasks import services as task_services

    meeting = _varied(cast)
    as_of = date(2026, 3, 16)
    review.build_review(meeting, as_of=as_of)
    task = ItemTask.objects.filter(item__notice__number="21-TB/TU").order_by("id").first().task
    editing.edit_task(
        task=task,
        user=cast.office_a,
        doc_number=task.doc_number,
        doc_date=task.doc_date,
        item_number=task.item_number,
        text=task.text + " (sửa)",
        deadline=date(2026, 3, 2),
        directed_by=None,
        directed_by_name="",
        reason="Đính chính thời hạn",
    )
    assert review.build_review(meeting, as_of=as_of) == _fresh(meeting, as_of)
    open_one = Assignment.objects.filter(
        task__notice_link__isnull=False, state=AssignmentState.OPEN, unit=cast.board_a2
    ).last()
    task_services.cancel_assignment(assignment=open_one, user=cast.office_a, reason="Điều chỉnh")
    assert review.build_review(meeting, as_of=as_of) == _fresh(meeting, as_of)
    new_unit = Unit.objects.create(
        kind=UnitKind.COMMUNE_COMMITTEE, name="Đảng ủy xã Mới", parent=cast.committee_a
    )
    editing.add_units(task=task, user=cast.office_a, coordinating_units=[new_unit])
    assert review.build_review(meeting, as_of=as_of) == _fresh(meeting, as_of)
    assert cached_reviews["full"] >= 2  # a new unit in the tree: counted again


def test_a_notice_taken_out_of_review_counts_everything_again(cast, cached_reviews):
    from giaoban.meetings import notice_services as ns
    from giaoban.meetings.models import Notice

    meeting = _varied(cast)
    as_of = date(2026, 3, 16)
    review.build_review(meeting, as_of=as_of)
    notice = Notice.objects.get(number="22-TB/TU")
    ns.set_in_force(notice=notice, user=cast.office_a, in_force=False)
    data = review.build_review(meeting, as_of=as_of)
    assert data == _fresh(meeting, as_of) and cached_reviews["full"] == 2
    assert "22-TB/TU" not in [n["number"] for n in data["notices"]]
