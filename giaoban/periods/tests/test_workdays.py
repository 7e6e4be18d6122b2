"""WorkCalendar: Vietnamese holidays, working-day arithmetic, speed."""

from __future__ import annotations

import time
from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from giaoban.periods import WorkCalendar, default_calendar

CAL = WorkCalendar()

# Days off everybody in the public sector had (Thông báo of the Ministry of
# Labour / Home Affairs for each year).
KNOWN_DAYS_OFF = [
    # Tết Giáp Thìn 2024: Thursday 8/2 (29 Tết) to Wednesday 14/2 (mùng 5)
    *[date(2024, 2, d) for d in range(8, 15)],
    # Tết Ất Tỵ 2025: Saturday 25/1 to Sunday 2/2 (mùng 1 = Wednesday 29/1)
    *[date(2025, 1, d) for d in range(25, 32)],
    date(2025, 2, 1),
    date(2025, 2, 2),
    # Tết Bính Ngọ 2026: mùng 1 = Tuesday 17/2
    *[date(2026, 2, d) for d in range(16, 21)],
    # Giỗ Tổ Hùng Vương (10/3 lunar)
    date(2024, 4, 18),
    date(2025, 4, 7),
    date(2026, 4, 27),  # 26/4 is a Sunday: observed Monday
    # 30/4 - 1/5, with swapped days
    date(2024, 4, 29),  # worked on Saturday 4/5/2024
    date(2024, 4, 30),
    date(2024, 5, 1),
    date(2025, 4, 30),
    date(2025, 5, 1),
    date(2025, 5, 2),  # worked on Saturday 26/4/2025
    # Quốc khánh 2/9 and, since 2021, one adjacent day
    date(2024, 9, 2),
    date(2024, 9, 3),
    date(2025, 9, 1),
    date(2025, 9, 2),
    # New Year
    date(2024, 1, 1),
    date(2025, 1, 1),
]

KNOWN_WORKING_DAYS = [
    date(2024, 2, 7),  # 28 Tết
    date(2024, 2, 15),  # mùng 6
    date(2025, 1, 24),
    date(2025, 2, 3),
    date(2024, 5, 2),
    date(2024, 5, 4),  # Saturday worked for Monday 29/4/2024
    date(2025, 4, 26),  # Saturday worked for Friday 2/5/2025
    date(2024, 9, 4),
    date(2025, 9, 3),
]


@pytest.mark.parametrize("day", KNOWN_DAYS_OFF, ids=str)
def test_known_days_off(day: date) -> None:
    assert not CAL.is_working_day(day)


@pytest.mark.parametrize("day", KNOWN_WORKING_DAYS, ids=str)
def test_known_working_days(day: date) -> None:
    assert CAL.is_working_day(day)


@pytest.mark.parametrize("year", range(2000, 2031))
def test_fixed_holidays_every_year(year: int) -> None:
    for month, day in ((1, 1), (4, 30), (5, 1), (9, 2)):
        assert not CAL.is_working_day(date(year, month, day)), (year, month, day)


def test_vietnam_cultural_day_from_2026() -> None:
    # Ngày Văn hóa Việt Nam, 24/11, a paid day off from 2026 (holidays >= 0.109).
    if date(2026, 11, 24) not in holidays.country_holidays("VN", years=2026):
        pytest.skip("installed holidays package predates Vietnam Cultural Day")
    assert not CAL.is_working_day(date(2026, 11, 24))
    assert CAL.is_working_day(date(2025, 11, 24))


def test_weekends() -> None:
    assert not CAL.is_working_day(date(2024, 3, 16))  # Saturday
    assert not CAL.is_working_day(date(2024, 3, 17))  # Sunday
    assert CAL.is_working_day(date(2024, 3, 18))


def test_holidays_in() -> None:
    days = CAL.holidays_in(2024)
    assert date(2024, 2, 10) in days and date(2024, 9, 2) in days
    assert all(d.year == 2024 for d in days)
    assert CAL.holidays_in(2024) is days  # cached


# -- arithmetic ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2024, 2, 7), 1, date(2024, 2, 15)),  # across Tết
        (date(2024, 2, 15), -1, date(2024, 2, 7)),
        (date(2024, 2, 10), 0, date(2024, 2, 15)),  # n = 0 on a holiday rolls forward
        (date(2024, 2, 7), 0, date(2024, 2, 7)),
        (date(2024, 3, 15), 1, date(2024, 3, 18)),  # Friday -> Monday
        (date(2024, 3, 16), 1, date(2024, 3, 18)),  # from a Saturday
        (date(2024, 3, 16), -1, date(2024, 3, 15)),
        (date(2024, 4, 26), 1, date(2024, 5, 2)),  # 29/4, 30/4, 1/5 off
        (date(2024, 5, 3), 1, date(2024, 5, 4)),  # swapped working Saturday
        (date(2023, 12, 29), 1, date(2024, 1, 2)),  # across the year
        (date(2024, 1, 2), -1, date(2023, 12, 29)),
        (date(2024, 1, 2), -10, date(2023, 12, 18)),
        (date(2024, 12, 31), 1, date(2025, 1, 2)),
        (date(2024, 1, 1), 251, date(2024, 12, 31)),  # 2024 has 251 working days
        (date(2024, 1, 1), 252, date(2025, 1, 2)),
    ],
)
def test_add_working_days(start: date, n: int, expected: date) -> None:
    assert CAL.add_working_days(start, n) == expected


def test_next_previous_roll() -> None:
    assert CAL.next_working_day(date(2024, 2, 7)) == date(2024, 2, 15)
    assert CAL.next_working_day(date(2024, 2, 15)) == date(2024, 2, 16)
    assert CAL.previous_working_day(date(2024, 2, 15)) == date(2024, 2, 7)
    assert CAL.roll_forward(date(2024, 2, 15)) == date(2024, 2, 15)
    assert CAL.roll_forward(date(2024, 2, 10)) == date(2024, 2, 15)


def test_working_days_between() -> None:
    assert CAL.working_days_between(date(2024, 2, 7), date(2024, 2, 15)) == 1
    assert CAL.working_days_between(date(2024, 2, 15), date(2024, 2, 7)) == -1
    assert CAL.working_days_between(date(2024, 2, 7), date(2024, 2, 7)) == 0
    assert CAL.working_days_between(date(2023, 12, 31), date(2024, 12, 31)) == 251
    assert CAL.working_days_between(date(2022, 12, 31), date(2025, 12, 31)) == sum(
        CAL.working_days_in(date(y, 1, 1), date(y, 12, 31)) for y in (2023, 2024, 2025)
    )
    assert CAL.working_days_in(date(2024, 2, 1), date(2024, 2, 29)) == 16
    assert CAL.working_days_in(date(2024, 2, 2), date(2024, 2, 1)) == 0


def test_extra_holidays_and_working_days() -> None:
    cal = WorkCalendar(
        extra_holidays=[date(2024, 3, 18)],  # a local day off on a Monday
        extra_working_days=[date(2024, 3, 23), date(2024, 2, 12)],  # a Saturday, a Tết day
    )
    assert not cal.is_working_day(date(2024, 3, 18))
    assert cal.is_working_day(date(2024, 3, 23))
    assert cal.is_working_day(date(2024, 2, 12))
    assert cal.add_working_days(date(2024, 3, 15), 1) == date(2024, 3, 19)
    assert cal.add_working_days(date(2024, 3, 22), 1) == date(2024, 3, 23)
    # The shared calendar is untouched.
    assert CAL.is_working_day(date(2024, 3, 18))
    assert date(2024, 2, 12) not in cal.holidays_in(2024)


def test_extra_holiday_beats_package_swap() -> None:
    cal = WorkCalendar(extra_holidays=[date(2024, 5, 4)])
    assert not cal.is_working_day(date(2024, 5, 4))


def test_weekends_only_calendar() -> None:
    cal = WorkCalendar(use_public_holidays=False)
    assert cal.is_working_day(date(2024, 2, 12))
    assert not cal.is_working_day(date(2024, 5, 4))
    assert cal.working_days_in(date(2024, 1, 1), date(2024, 12, 31)) == 262


def test_rejects_datetimes_as_extras() -> None:
    from datetime import datetime

    with pytest.raises(TypeError):
        WorkCalendar(extra_holidays=[datetime(2024, 1, 2, 8, 0)])


def test_far_dates() -> None:
    # Outside the package's years only weekends count; no error, no huge table.
    assert CAL.add_working_days(date(9999, 12, 1), 3) == date(9999, 12, 6)
    assert CAL.add_working_days(date(1, 1, 10), -5) == date(1, 1, 3)
    with pytest.raises(OverflowError):
        CAL.add_working_days(date(9999, 12, 30), 5)
    with pytest.raises(OverflowError):
        CAL.add_working_days(date(1, 1, 2), -5)


def test_default_calendar_is_shared() -> None:
    assert default_calendar() is default_calendar()


def test_speed() -> None:
    cal = WorkCalendar()
    start = date(2020, 1, 1).toordinal()
    days = [date.fromordinal(start + i % 3650) for i in range(100_000)]
    cal.add_working_days(days[0], 5)  # build the first table outside the timing
    began = time.perf_counter()
    for d in days:
        cal.add_working_days(d, 5)
    elapsed = time.perf_counter() - began
    assert elapsed < 1.5, f"10^5 add_working_days took {elapsed:.2f}s"


# -- properties ------------------------------------------------------------------------

dates = st.dates(min_value=date(1995, 1, 1), max_value=date(2060, 12, 31))
steps = st.integers(min_value=-400, max_value=400)


def _oracle_is_working(d: date) -> bool:
    """Straight from the holidays package, no caching or tables."""
    table = holidays.country_holidays("VN", years=(d.year - 1, d.year, d.year + 1))
    if d in table.weekend_workdays:
        return True
    return d.weekday() < 5 and d not in table


@given(dates)
def test_matches_package(d: date) -> None:
    assert CAL.is_working_day(d) == _oracle_is_working(d)


@given(dates, steps)
def test_add_gives_a_working_day(d: date, n: int) -> None:
    result = CAL.add_working_days(d, n)
    assert CAL.is_working_day(result)
    if n > 0:
        assert result > d
    elif n < 0:
        assert result < d
    else:
        assert result >= d


@given(dates, steps)
def test_between_inverts_add_from_a_working_day(d: date, n: int) -> None:
    d = CAL.roll_forward(d)
    result = CAL.add_working_days(d, n)
    assert CAL.working_days_between(d, result) == n
    assert CAL.add_working_days(result, -n) == d


@given(dates, steps, steps)
def test_add_is_monotone_in_n(d: date, n1: int, n2: int) -> None:
    n1, n2 = sorted((n1, n2))
    assert CAL.add_working_days(d, n1) <= CAL.add_working_days(d, n2)
    if n1 < n2 and n1 != 0 and n2 != 0:
        assert CAL.add_working_days(d, n1) < CAL.add_working_days(d, n2)


@given(dates, dates, st.integers(min_value=-60, max_value=60))
def test_add_is_monotone_in_date(d1: date, d2: date, n: int) -> None:
    d1, d2 = sorted((d1, d2))
    assert CAL.add_working_days(d1, n) <= CAL.add_working_days(d2, n)


@given(dates, st.integers(min_value=0, max_value=40))
def test_between_counts_days(d: date, span: int) -> None:
    end = d + timedelta(days=span)
    expected = sum(CAL.is_working_day(d + timedelta(days=i)) for i in range(1, span + 1))
    assert CAL.working_days_between(d, end) == expected
    assert CAL.working_days_between(end, d) == -expected
