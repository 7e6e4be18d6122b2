"""The pure rule at fixed days (no database), and its inverse used by the query."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from giaoban.notifications.models import Kind
from giaoban.notifications.rules import Rules, deadlines_due, steps
from giaoban.periods.workdays import WorkCalendar

CAL = WorkCalendar()
FRI = date(2026, 3, 20)


@pytest.mark.parametrize(
    "day,kinds",
    [
        (date(2026, 3, 16), []),  # 4 working days before
        (date(2026, 3, 17), [Kind.DUE_SOON]),  # 3 working days before
        (date(2026, 3, 19), []),
        (FRI, [Kind.DUE_TODAY]),
        (date(2026, 3, 21), [Kind.OVERDUE]),  # 1 day over
        (date(2026, 3, 22), []),
        (date(2026, 3, 24), [Kind.OVERDUE]),  # 4
        (date(2026, 3, 27), [Kind.OVERDUE, Kind.ESCALATION]),  # 7
        (date(2026, 3, 30), [Kind.OVERDUE]),  # 10
        (date(2026, 3, 31), []),
    ],
)
def test_default_rules_around_a_friday_deadline(day, kinds):
    assert [s.kind for s in steps(FRI, day, Rules(), CAL)] == kinds


def test_working_days_before_skip_tet():
    # Tết Bính Ngọ 2026: Mon 16/02–Fri 20/02 off; 3 working days before Wed 25/02 is Fri 13/02
    assert [s.kind for s in steps(date(2026, 2, 25), date(2026, 2, 13), Rules(), CAL)] == [
        Kind.DUE_SOON
    ]
    assert steps(date(2026, 2, 25), date(2026, 2, 20), Rules(), CAL) == []


def test_zero_turns_each_reminder_off():
    off = Rules(days_before=0, on_the_day=False, overdue_every=0, escalate_after=0)
    for delta in range(-10, 30):
        assert steps(FRI, FRI + timedelta(days=delta), off, CAL) == []
    assert deadlines_due(FRI, off, CAL) == set()


def test_negative_days_are_refused():
    with pytest.raises(ValueError):
        Rules(days_before=-1)
    with pytest.raises(ValueError):
        Rules(overdue_every=-3)


@pytest.mark.parametrize(
    "rules",
    [
        Rules(),
        Rules(days_before=5, overdue_every=7, escalate_after=14),
        Rules(days_before=1, overdue_every=1),
    ],
)
def test_the_query_dates_agree_with_the_rule(rules):
    """deadlines_due(day) is exactly the set of deadlines whose steps on that day are not empty."""
    rng = random.Random(7)
    for _ in range(40):
        day = date(2025, 1, 1) + timedelta(days=rng.randrange(0, 800))
        wanted = {
            day + timedelta(days=delta)
            for delta in range(-800, 60)
            if steps(day + timedelta(days=delta), day, rules, CAL)
        }
        assert deadlines_due(day, rules, CAL) == wanted, day
