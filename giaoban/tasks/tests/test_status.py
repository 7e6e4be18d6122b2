"""The status rule: a pure function of (row, reference date, today).

The rule in Python (``status_of``), the SQL CASE (``status_case``) and the SQL predicates
(``status_q``) agree on every combination of state, deadline, extension, completion,
confirmation, cancellation and entry date, at past, present and future reference dates, for two
different "todays" (each test runs at both frozen days: one of them in January, when the old rule
read the clock and failed). The roll-up of each task equals the class counts of its assignments.
"""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import date, datetime, time, timedelta

import pytest
import time_machine
from django.utils import timezone

from giaoban.tasks.models import Assignment, ExtensionRequest, Task
from giaoban.tasks.queries import with_rollup
from giaoban.tasks.status import (
    StatusClass,
    StatusRow,
    count_by_status,
    current_status_q,
    status_case,
    status_of,
    status_q,
    with_status,
)
from giaoban.test import make_cast

D = timedelta(days=1)
TODAYS = [date(2026, 3, 16), date(2026, 1, 5)]


@pytest.fixture(params=TODAYS, ids=lambda d: d.isoformat())
def today(request):
    with time_machine.travel(datetime.combine(request.param, time(9, 30)), tick=False):
        yield request.param


@pytest.fixture
def cast(db, today):
    return make_cast(today)


# -- the rule in Python, by hand ------------------------------------------------------------

R = date(2026, 6, 15)
T = date(2026, 7, 1)  # today, after R: R is a past date


@pytest.mark.parametrize(
    "row,expected",
    [
        (StatusRow("done", R - D, R - D, completed_on=R - 5 * D), StatusClass.DONE_ON_TIME),
        (StatusRow("done", R - D, R - D, completed_on=R - D), StatusClass.DONE_ON_TIME),
        (StatusRow("done", R - 2 * D, R - 2 * D, completed_on=R - D), StatusClass.DONE_LATE),
        (StatusRow("done", None, None, completed_on=R - D), StatusClass.DONE_ON_TIME),
        # done only after R: at R it was still open
        (StatusRow("done", R + 5 * D, R + 5 * D, completed_on=R + D), StatusClass.OPEN_IN_TIME),
        (StatusRow("done", R - D, R - D, completed_on=R + D), StatusClass.OPEN_OVERDUE),
        # completed before R but confirmed by the office only after R: not done at R
        (
            StatusRow("done", R + D, R + D, completed_on=R - D, confirmed_on=R + D),
            StatusClass.OPEN_IN_TIME,
        ),
        (
            StatusRow("done", R - 3 * D, R - 3 * D, completed_on=R - 5 * D, confirmed_on=R + D),
            StatusClass.OPEN_OVERDUE,
        ),
        (StatusRow("open", R, R), StatusClass.OPEN_IN_TIME),
        (StatusRow("open", R - D, R - D), StatusClass.OPEN_OVERDUE),
        (StatusRow("claimed", R - D, R - D), StatusClass.OPEN_OVERDUE),
        (StatusRow("open", None, None), StatusClass.STANDING),
        (StatusRow("cancelled", R - 9 * D, R - 9 * D, cancelled_on=R - D), StatusClass.CANCELLED),
        (
            StatusRow("cancelled", R - 9 * D, R - 9 * D, cancelled_on=R + D),
            StatusClass.OPEN_OVERDUE,
        ),
        # an extension counts from the day it was granted
        (
            StatusRow("open", R + 9 * D, R - D, extensions=((R - 2 * D, R + 9 * D),)),
            StatusClass.OPEN_IN_TIME,
        ),
        (
            StatusRow("open", R + 9 * D, R - D, extensions=((R + D, R + 9 * D),)),
            StatusClass.OPEN_OVERDUE,
        ),
        # a task entered after R did not exist at R
        (StatusRow("open", R + 9 * D, R + 9 * D, created_on=R + D), None),
        (StatusRow("open", R + 9 * D, R + 9 * D, created_on=R), StatusClass.OPEN_IN_TIME),
    ],
)
def test_rule_by_hand(row, expected):
    assert status_of(row, R, T) == expected


def test_rule_reads_no_clock():
    """The same row, reference date and today give the same class whatever day it is."""
    row = StatusRow("done", R + 5 * D, R + 5 * D, completed_on=R + D)
    for now in ("2026-01-05 08:00 +0700", "2026-06-15 08:00 +0700", "2031-12-31 08:00 +0700"):
        with time_machine.travel(now, tick=False):
            assert status_of(row, R, T) == StatusClass.OPEN_IN_TIME


# -- the rule in SQL agrees with the rule in Python -----------------------------------------


def _aware(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _rows(t: date) -> list[StatusRow]:
    """Every combination that data made through the services can hold, today being ``t``."""
    rows = []
    fates = [("open", None, None, None), ("claimed", None, None, None)]
    for completed, wait in itertools.product([t - 35 * D, t - 8 * D, t - D], [0, 6]):
        fates.append(("done", completed, min(t, completed + wait * D), None))
    fates += [("cancelled", None, None, t - 15 * D), ("cancelled", None, None, t - 2 * D)]
    for created, original in itertools.product(
        [t - 60 * D, t - 20 * D], [None, t - 30 * D, t - 5 * D, t + 10 * D]
    ):
        if original is not None and original < created:
            continue
        extensions: list[tuple] = [()]
        if original is not None:
            extensions += [
                ((g, original + 20 * D),) for g in (t - 25 * D, t - 3 * D) if g >= created
            ]
        for ext, (state, completed, confirmed, cancelled) in itertools.product(extensions, fates):
            if completed is not None and completed < created:
                continue
            if cancelled is not None and cancelled < created:
                continue
            rows.append(
                StatusRow(
                    state=state,
                    deadline=ext[-1][1] if ext else original,
                    original_deadline=original,
                    completed_on=completed,
                    confirmed_on=confirmed,
                    cancelled_on=cancelled,
                    created_on=created,
                    extensions=ext,
                )
            )
    return rows


def _store(cast, rows: list[StatusRow], per_task: int = 1) -> dict[int, StatusRow]:
    """One task per ``per_task`` rows (sharing its entry date), one assignment per row."""
    units = [cast.board_a, cast.board_a2, cast.commune_a, cast.office_unit_a][:per_task]
    by_created: dict[date, list[StatusRow]] = {}
    for row in rows:
        by_created.setdefault(row.created_on, []).append(row)
    out: dict[int, StatusRow] = {}
    n = 0
    for created, group in sorted(by_created.items()):
        for start in range(0, len(group), per_task):
            chunk = group[start : start + per_task]
            n += 1
            task = Task.objects.create(
                committee=cast.committee_a,
                doc_number=f"{500 + n}-TB/TU",
                doc_date=created,
                item_number="1",
                text=f"Nhiệm vụ {n}",
                deadline=min(
                    (r.original_deadline for r in chunk if r.original_deadline), default=None
                ),
                created_by=cast.office_a,
                created_on=created,
            )
            for row, unit in zip(chunk, units):
                a = Assignment.objects.create(
                    task=task,
                    unit=unit,
                    state=row.state,
                    deadline=row.deadline,
                    original_deadline=row.original_deadline,
                    extension_count=len(row.extensions),
                    completed_on=row.completed_on,
                    confirmed_at=_aware(row.confirmed_on, 16) if row.confirmed_on else None,
                    confirmed_by=cast.office_a if row.state == "done" else None,
                    cancelled_on=row.cancelled_on,
                )
                for granted, new_deadline in row.extensions:
                    ExtensionRequest.objects.create(
                        assignment=a,
                        requested_by=cast.unit_a,
                        old_deadline=row.original_deadline,
                        new_deadline=new_deadline,
                        reason="Cần thêm thời gian.",
                        decision="approved",
                        decided_by=cast.office_a,
                        decided_at=_aware(granted, 9),
                    )
                out[a.pk] = row
    return out


def _refs(t: date) -> list[date]:
    return [t - 70 * D, t - 40 * D, t - 22 * D, t - 10 * D, t - 4 * D, t - D, t, t + D, t + 40 * D]


def test_python_case_and_predicates_agree_on_every_combination(cast, today):
    Assignment.objects.all().delete()
    stored = _store(cast, _rows(today))
    assert len(stored) > 120  # the combinations were really made
    seen: Counter = Counter()
    for ref in _refs(today):
        expected = {
            pk: status_of(row, ref, today)
            for pk, row in stored.items()
            if status_of(row, ref, today) is not None
        }
        case = dict(
            with_status(Assignment.objects.all(), ref, today=today).values_list("pk", "status")
        )
        assert case == {pk: cls.value for pk, cls in expected.items()}, ref
        for cls in StatusClass:
            hits = set(
                Assignment.objects.filter(status_q(cls, ref, today=today)).values_list(
                    "pk", flat=True
                )
            )
            assert hits == {pk for pk, c in expected.items() if c == cls}, (ref, cls)
        counts = count_by_status(Assignment.objects.all(), ref, today=today)
        assert counts["total"] == len(expected)
        for cls in StatusClass:
            assert counts[cls.value] == sum(1 for c in expected.values() if c == cls)
            seen[cls] += counts[cls.value]
        extended = sum(
            1 for pk in expected if any(granted <= ref for granted, _ in stored[pk].extensions)
        )
        assert counts["extended"] == extended, ref
        met = sum(
            1
            for pk, c in expected.items()
            if c in (StatusClass.DONE_ON_TIME, StatusClass.DONE_LATE)
            and (
                stored[pk].original_deadline is None
                or stored[pk].completed_on <= stored[pk].original_deadline
            )
        )
        assert counts["met_original"] == met, ref
    assert all(seen[cls] > 0 for cls in StatusClass), seen


def test_fast_path_agrees_with_the_full_rule_from_today_on(cast, today):
    """``current_status_q`` reads only the current state and deadline; on data the services can
    produce (nothing dated after today) it selects what the full rule selects."""
    Assignment.objects.all().delete()
    stored = _store(cast, _rows(today))
    for ref in (today, today + D, today + 40 * D):
        for cls in StatusClass:
            fast = set(
                Assignment.objects.filter(current_status_q(cls, ref)).values_list("pk", flat=True)
            )
            assert fast == {pk for pk, row in stored.items() if status_of(row, ref, today) == cls}


def test_rollup_equals_the_class_counts_at_past_and_present_dates(cast, today):
    """x/y units done, and the overdue badge, are the class counts of the task's assignments at
    the same reference date: an assignment cancelled after the reference date still counts."""
    Assignment.objects.all().delete()
    stored = _store(cast, _rows(today), per_task=4)
    tasks = Task.objects.filter(committee=cast.committee_a)
    assert tasks.count() > 30
    cancelled_late = [
        pk for pk, r in stored.items() if r.cancelled_on and r.cancelled_on > today - 10 * D
    ]
    assert cancelled_late  # the defect's case is in the data
    for ref in _refs(today):
        rolled = {t.pk: t for t in with_rollup(tasks, ref, today=today)}
        for task in tasks:
            counts = count_by_status(Assignment.objects.filter(task=task), ref, today=today)
            t = rolled[task.pk]
            assert t.n_units == counts["total"] - counts["cancelled"], (ref, task.pk)
            assert t.n_done == counts["done_on_time"] + counts["done_late"], (ref, task.pk)
            assert t.n_overdue == counts["open_overdue"], (ref, task.pk)


def test_rule_gives_the_same_answer_whatever_the_clock(cast, today):
    """status_case/status_q take today as an argument: the wall clock does not change them."""
    Assignment.objects.all().delete()
    stored = _store(cast, _rows(today))
    ref = today - 10 * D
    before = dict(
        with_status(Assignment.objects.all(), ref, today=today).values_list("pk", "status")
    )
    for clock in ("2031-01-02 08:00 +0700", "2020-01-02 08:00 +0700"):
        # later than every date of the rows, and earlier than all of them (before ``ref``)
        with time_machine.travel(clock, tick=False):
            after = dict(
                Assignment.objects.annotate(status=status_case(ref, today=today))
                .filter(pk__in=before)
                .values_list("pk", "status")
            )
            selected = {
                cls: set(
                    Assignment.objects.filter(status_q(cls, ref, today=today)).values_list(
                        "pk", flat=True
                    )
                )
                for cls in StatusClass
            }
        assert before == after and len(before) > 100, clock
        assert selected == {
            cls: {pk for pk, s in before.items() if s == cls} for cls in StatusClass
        }, clock
    assert set(stored) >= set(before)
