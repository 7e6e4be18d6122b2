"""The status class in SQL: the CASE annotation and the index-friendly predicate agree,
and each rule of DESIGN.md's table holds at a reference date."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from giaoban.tasks.models import Assignment, AssignmentState
from giaoban.tasks.status import StatusClass, count_by_status, status_case, status_q

REF = date(2026, 6, 15)
D = timedelta(days=1)


def _make(cast, **fields) -> Assignment:
    a = cast.asg_a
    Assignment.objects.filter(pk=a.pk).update(**fields)
    return Assignment.objects.annotate(status=status_case(REF)).get(pk=a.pk)


CASES = [
    # (fields, expected class at REF)
    (dict(state="done", completed_on=REF - 5 * D, deadline=REF - D), StatusClass.DONE_ON_TIME),
    (dict(state="done", completed_on=REF - D, deadline=REF - D), StatusClass.DONE_ON_TIME),
    (dict(state="done", completed_on=REF - D, deadline=REF - 2 * D), StatusClass.DONE_LATE),
    (dict(state="done", completed_on=REF - D, deadline=None), StatusClass.DONE_ON_TIME),
    # done only after REF: at REF it was still open
    (dict(state="done", completed_on=REF + D, deadline=REF + 5 * D), StatusClass.OPEN_IN_TIME),
    (dict(state="done", completed_on=REF + D, deadline=REF - D), StatusClass.OPEN_OVERDUE),
    (dict(state="open", deadline=REF), StatusClass.OPEN_IN_TIME),
    (dict(state="open", deadline=REF - D), StatusClass.OPEN_OVERDUE),
    (dict(state="claimed", deadline=REF - D), StatusClass.OPEN_OVERDUE),
    (dict(state="open", deadline=None), StatusClass.STANDING),
    (dict(state="cancelled", cancelled_on=REF - D, deadline=REF - 9 * D), StatusClass.CANCELLED),
    (dict(state="cancelled", cancelled_on=REF + D, deadline=REF - 9 * D), StatusClass.OPEN_OVERDUE),
]


@pytest.mark.parametrize("fields,expected", CASES)
def test_status_rules(cast, fields, expected):
    fields.setdefault("completed_on", None)
    a = _make(cast, **fields)
    assert a.status == expected
    matching = [
        c for c in StatusClass if Assignment.objects.filter(status_q(c, REF), pk=a.pk).exists()
    ]
    assert matching == [expected], "exactly one class, the same as the CASE annotation"


def test_case_and_predicate_agree_on_every_combination(cast):
    """Every combination of state × deadline × completion × reference date falls in one class."""
    a = cast.asg_a
    states = [s.value for s in AssignmentState]
    deadlines = [None, REF - D, REF, REF + D]
    completions = [None, REF - 2 * D, REF, REF + 2 * D]
    for state, deadline, completed in itertools.product(states, deadlines, completions):
        if state == "done" and completed is None:
            continue  # forbidden by a constraint
        Assignment.objects.filter(pk=a.pk).update(
            state=state,
            deadline=deadline,
            completed_on=completed,
            cancelled_on=completed if state == "cancelled" else None,
        )
        annotated = Assignment.objects.annotate(status=status_case(REF)).get(pk=a.pk).status
        hits = [
            c.value
            for c in StatusClass
            if Assignment.objects.filter(status_q(c, REF), pk=a.pk).exists()
        ]
        assert hits == [annotated], (state, deadline, completed)


def test_count_by_status_counts_extensions_and_original_deadline(cast):
    a = cast.asg_a
    Assignment.objects.filter(pk=a.pk).update(
        state="done",
        completed_on=REF - D,
        deadline=REF,
        original_deadline=REF - 3 * D,
        extension_count=1,
    )
    counts = count_by_status(Assignment.objects.filter(task=cast.task_a), REF)
    assert counts["done_on_time"] == 1
    assert counts["extended"] == 1
    assert counts["met_original"] == 0  # done on time only thanks to the extension
    assert counts["total"] == 2
    assert sum(counts[c.value] for c in StatusClass) == counts["total"]


def test_fast_path_at_today_agrees_with_the_rules(cast):
    """At today or later the predicate takes a shortcut (open states); on data the services
    can produce (nothing completed or cancelled after today) it selects the same rows."""
    from django.utils import timezone

    today = timezone.localdate()
    a = cast.asg_a
    states = [s.value for s in AssignmentState]
    for ref in (today, today + D):
        for state, deadline, completed in itertools.product(
            states, [None, today - D, today, today + D], [None, today - 2 * D, today]
        ):
            if state == "done" and completed is None:
                continue
            Assignment.objects.filter(pk=a.pk).update(
                state=state,
                deadline=deadline,
                completed_on=completed,
                cancelled_on=completed if state == "cancelled" else None,
            )
            annotated = Assignment.objects.annotate(status=status_case(ref)).get(pk=a.pk).status
            hits = [
                c.value
                for c in StatusClass
                if Assignment.objects.filter(status_q(c, ref), pk=a.pk).exists()
            ]
            assert hits == [annotated], (ref, state, deadline, completed)
