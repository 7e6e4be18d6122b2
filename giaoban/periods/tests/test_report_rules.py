"""ReportRules: cut-off windows per Nghị định 09/2019/NĐ-CP and due dates."""

from __future__ import annotations

from datetime import date

import pytest

from giaoban.periods import Period, ReportRules, WorkCalendar

# code -> data cut-off window under the default rules (cut-off day 14)
WINDOWS = [
    ("2024-M04", date(2024, 3, 15), date(2024, 4, 14)),
    ("2024-M01", date(2023, 12, 15), date(2024, 1, 14)),
    ("2024-Q1", date(2023, 12, 15), date(2024, 3, 14)),
    ("2024-Q2", date(2024, 3, 15), date(2024, 6, 14)),
    ("2023-Q4", date(2023, 9, 15), date(2023, 12, 14)),
    ("2024-H1", date(2023, 12, 15), date(2024, 6, 14)),
    ("2024-H2", date(2024, 6, 15), date(2024, 12, 14)),
    ("2024-9M", date(2023, 12, 15), date(2024, 9, 14)),  # our extension
    ("2024-Y", date(2023, 12, 15), date(2024, 12, 14)),
]


@pytest.mark.parametrize(("code", "start", "end"), WINDOWS)
def test_default_cutoff_window(code: str, start: date, end: date) -> None:
    assert ReportRules().cutoff_window(Period.from_code(code)) == (start, end)


def test_cutoff_day_past_month_end_is_clamped() -> None:
    rules = ReportRules(cutoff_day=30)
    assert rules.cutoff_window(Period.of_month(2023, 3)) == (date(2023, 3, 1), date(2023, 3, 30))
    assert rules.cutoff_window(Period.of_month(2023, 2)) == (date(2023, 1, 31), date(2023, 2, 28))


# Without public holidays the arithmetic is easy to check by hand.
WEEKENDS_ONLY = WorkCalendar(use_public_holidays=False)


@pytest.mark.parametrize(
    ("code", "due"),
    [
        # cut-off Sun 14/4/2024 + 5 working days: 15, 16, 17, (18 Giỗ Tổ), 19, 22
        ("2024-M04", date(2024, 4, 22)),
        # cut-off Thu 14/3/2024 + 5: 15, 18, 19, 20, 21
        ("2024-Q1", date(2024, 3, 21)),
        # cut-off Sat 14/12/2024 + 5: 16..20
        ("2024-Y", date(2024, 12, 20)),
        # cut-off Sun 14/9/2025 + 5: 15..19
        ("2025-9M", date(2025, 9, 19)),
    ],
)
def test_default_due_date(code: str, due: date) -> None:
    assert ReportRules().due_date(Period.from_code(code), WorkCalendar()) == due


def test_due_date_uses_default_calendar() -> None:
    assert ReportRules().due_date(Period.of_month(2024, 4)) == date(2024, 4, 22)


def test_due_working_days_zero_rolls_forward() -> None:
    rules = ReportRules(due_working_days=0)
    # cut-off Sun 14/4/2024 -> Mon 15/4
    assert rules.due_date(Period.of_month(2024, 4), WEEKENDS_ONLY) == date(2024, 4, 15)


def test_fixed_due_day() -> None:
    rules = ReportRules(due_working_days=None, due_day=20)
    # 20/4/2024 is a Saturday -> Monday 22/4
    assert rules.due_date(Period.of_month(2024, 4), WEEKENDS_ONLY) == date(2024, 4, 22)
    assert rules.due_date(Period.of_quarter(2024, 2), WEEKENDS_ONLY) == date(2024, 6, 20)
    strict = ReportRules(due_working_days=None, due_day=20, roll_due_to_working_day=False)
    assert strict.due_date(Period.of_month(2024, 4), WEEKENDS_ONLY) == date(2024, 4, 20)


def test_fixed_due_day_next_month_clamped() -> None:
    # "before the 31st of the month after the quarter": 31 November -> 30 November
    rules = ReportRules(due_working_days=None, due_day=31, due_month_offset=2,
                        roll_due_to_working_day=False)  # fmt: skip
    assert rules.due_date(Period.of_quarter(2024, 3), WEEKENDS_ONLY) == date(2024, 11, 30)
    assert rules.due_date(Period.of_quarter(2024, 4), WEEKENDS_ONLY) == date(2025, 2, 28)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"cutoff_day": 0},
        {"cutoff_day": 32},
        {"due_working_days": None},
        {"due_day": 20},
        {"due_working_days": -1},
        {"due_working_days": None, "due_day": 0},
        {"due_working_days": None, "due_day": 20, "due_month_offset": 13},
    ],
)
def test_rules_validation(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        ReportRules(**kwargs)  # type: ignore[arg-type]


def test_rules_are_hashable_values() -> None:
    assert ReportRules() == ReportRules(cutoff_day=14, due_working_days=5)
    assert len({ReportRules(), ReportRules()}) == 1
