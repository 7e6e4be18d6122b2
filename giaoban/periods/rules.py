"""Report cut-off windows and due dates of periods (pure Python, no Django).

:class:`ReportRules` computes the data cut-off window (thời gian chốt số
liệu) and the report due date of a period, by default per Nghị định
09/2019/NĐ-CP (see its docstring).
"""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from giaoban.periods.period import Period

if TYPE_CHECKING:
    from giaoban.periods.workdays import WorkCalendar

__all__ = ["ReportRules"]


# -- report cut-off and due dates -------------------------------------------


@dataclass(frozen=True, slots=True)
class ReportRules:
    """When a period's data is cut off and when its report is due.

    **Nghị định 09/2019/NĐ-CP**, Điều 12 "Thời gian chốt số liệu báo cáo
    định kỳ" — as we recall it (check against the official text before
    quoting it in a document):

    1. Báo cáo định kỳ hằng tháng: từ ngày 15 tháng trước đến ngày 14 của
       tháng thuộc kỳ báo cáo.
    2. Báo cáo định kỳ hằng quý: từ ngày 15 của tháng trước kỳ báo cáo đến
       ngày 14 của tháng cuối quý thuộc kỳ báo cáo.
    3. Báo cáo định kỳ 6 tháng: 6 tháng đầu năm từ ngày 15 tháng 12 năm
       trước kỳ báo cáo đến ngày 14 tháng 6 của kỳ báo cáo; 6 tháng cuối năm
       từ ngày 15 tháng 6 đến ngày 14 tháng 12 của kỳ báo cáo.
    4. Báo cáo định kỳ hằng năm: từ ngày 15 tháng 12 năm trước kỳ báo cáo
       đến ngày 14 tháng 12 của kỳ báo cáo.
    5. (As we recall) other periodic reports: the cut-off is set by the
       body that issues the reporting regime.

    The decree has **no nine-month period**; we extend the same rule:
    15/12 of the previous year to 14/9 (our own extension, not the decree).

    All cases follow one rule, which is what this class implements for any
    ``cutoff_day``: the window ends on ``cutoff_day`` of the period's last
    month and starts the day after ``cutoff_day`` of the month before the
    period's first month.  A ``cutoff_day`` past the end of a month means
    that month's last day, so ``cutoff_day=31`` gives calendar periods.

    **Due date.** We are not sure what the decree says about the sending
    deadline: as far as we recall, Điều 12 only fixes the cut-off, and the
    deadline for sending a report is left to the regime issuing it (with
    deadlines for ministries and provinces reporting to the Government set
    elsewhere in the decree, around the 18th–20th of the last month of the
    period — unverified).  Party committees set their own (e.g. "trước ngày
    20 tháng cuối quý").  Our default: **due 5 working days after the
    cut-off day** (``due_working_days=5``).  Alternatively a fixed day of
    the month (``due_day``), in the period's last month shifted by
    ``due_month_offset`` months, moved to the next working day when it is
    not one (``roll_due_to_working_day``).
    """

    cutoff_day: int = 14
    due_working_days: int | None = 5
    due_day: int | None = None
    due_month_offset: int = 0
    roll_due_to_working_day: bool = True

    def __post_init__(self) -> None:
        if type(self.cutoff_day) is not int or not 1 <= self.cutoff_day <= 31:
            raise ValueError(f"cutoff_day must be 1..31, got {self.cutoff_day!r}")
        if (self.due_working_days is None) == (self.due_day is None):
            raise ValueError("give exactly one of due_working_days and due_day")
        if self.due_working_days is not None and (
            type(self.due_working_days) is not int or not 0 <= self.due_working_days <= 60
        ):
            raise ValueError(f"due_working_days must be 0..60, got {self.due_working_days!r}")
        if self.due_day is not None and (
            type(self.due_day) is not int or not 1 <= self.due_day <= 31
        ):
            raise ValueError(f"due_day must be 1..31, got {self.due_day!r}")
        if type(self.due_month_offset) is not int or not -11 <= self.due_month_offset <= 12:
            raise ValueError(f"due_month_offset must be -11..12, got {self.due_month_offset!r}")

    def _cutoff_in(self, year: int, month: int) -> date:
        """The cut-off day of ``month/year`` (clamped to the month's length)."""
        return date(year, month, min(self.cutoff_day, _calendar.monthrange(year, month)[1]))

    def cutoff_window(self, period: Period) -> tuple[date, date]:
        """Return the first and last day (inclusive) whose data the report covers.

        >>> ReportRules().cutoff_window(Period.of_quarter(2024, 1))
        (datetime.date(2023, 12, 15), datetime.date(2024, 3, 14))
        """
        before_year, before_month = _month_add(period.year, period.first_month, -1)
        start = self._cutoff_in(before_year, before_month) + timedelta(days=1)
        end = self._cutoff_in(period.year, period.last_month)
        return start, end

    def due_date(self, period: Period, calendar: WorkCalendar | None = None) -> date:
        """Return the day the report of ``period`` is due.

        ``calendar`` defaults to :func:`giaoban.periods.workdays.default_calendar`.
        """
        if calendar is None:
            from giaoban.periods.workdays import default_calendar

            calendar = default_calendar()
        if self.due_working_days is not None:
            cutoff = self.cutoff_window(period)[1]
            return calendar.add_working_days(cutoff, self.due_working_days)
        assert self.due_day is not None  # exactly one of the two is set (__post_init__)
        year, month = _month_add(period.year, period.last_month, self.due_month_offset)
        due = date(year, month, min(self.due_day, _calendar.monthrange(year, month)[1]))
        return calendar.roll_forward(due) if self.roll_due_to_working_day else due


def _month_add(year: int, month: int, months: int) -> tuple[int, int]:
    """Return ``(year, month)`` shifted by ``months`` months."""
    y, m = divmod(year * 12 + month - 1 + months, 12)
    return y, m + 1
