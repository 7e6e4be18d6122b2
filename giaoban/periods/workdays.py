"""Working days in Vietnam: weekends, public holidays, Tết, government swaps.

Pure Python (no Django).  Public holidays come from the ``holidays`` package
(``holidays.country_holidays("VN")``), which knows:

- New Year (1/1), Tết Nguyên Đán by the lunar calendar (eve + 4 days since
  2013, per Bộ luật Lao động 2012 / 2019), Giỗ Tổ Hùng Vương (10/3 lunar,
  since 2007), 30/4, 1/5, Quốc khánh 2/9 plus one adjacent day (since 2021,
  Bộ luật Lao động 2019 Art. 112), and Ngày Văn hóa Việt Nam 24/11 (from 2026,
  following Nghị quyết 80-NQ/TW).
- Observed days (nghỉ bù) when a holiday falls on a weekend: e.g. Giỗ Tổ
  2026 falls on Sunday 26/4 and is observed on Monday 27/4; Tết days falling
  on Saturday are moved to the previous working day (the "29 Tết" day off).
- Day swaps decided by the government for the public sector
  ("special holidays"): e.g. 2024 Mon 29/4 off in exchange for Saturday 4/5,
  2025 Fri 2/5 off for Saturday 26/4, 2026 Mon 31/8 off for Saturday 22/8.
  The Saturdays worked in exchange (``weekend_workdays``) are working days
  here too.

The package only covers 1901–2100; outside that range only weekends (and
the extras given to :class:`WorkCalendar`) count.  Swaps announced after the
installed package was released must be given as ``extra_holidays`` /
``extra_working_days`` (e.g. from the committee's settings).

Performance: per year touched, the calendar builds and caches a table (one
byte per day, a prefix count of working days and the list of working-day
ordinals), so :meth:`WorkCalendar.add_working_days` and
:meth:`WorkCalendar.working_days_between` cost a few index operations
(plus one step per year crossed).  Holiday lookups from the package are
cached per year as well (:func:`vietnam_holidays`).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays

__all__ = ["WorkCalendar", "default_calendar", "vietnam_holidays"]

# Python's date.weekday(): Monday == 0 ... Saturday == 5, Sunday == 6.
_WEEKEND = frozenset({5, 6})
# Years for which the holidays package has Vietnamese data (Vietnam.start_year
# .. end_year in holidays 0.109); outside it we do not ask the package at all.
_PACKAGE_YEARS = (
    getattr(holidays.Vietnam, "start_year", 1901),  # type: ignore[attr-defined]
    getattr(holidays.Vietnam, "end_year", 2100),  # type: ignore[attr-defined]
)


@lru_cache(maxsize=512)
def vietnam_holidays(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """Return ``(days_off, weekend_workdays)`` of ``year`` from the ``holidays`` package.

    ``days_off`` are public holidays including observed and substituted days
    off; ``weekend_workdays`` are the Saturdays/Sundays worked in exchange
    for a substituted day off.  Cached per year (the package object is built
    once per year, then never again).
    """
    if not _PACKAGE_YEARS[0] <= year <= _PACKAGE_YEARS[1]:
        return frozenset(), frozenset()
    # The neighbouring years are loaded too: a swap may cross the year
    # boundary (Saturday 27/12/2014 was worked for Friday 2/1/2015).
    table = holidays.country_holidays("VN", years=(year - 1, year, year + 1))
    days_off = frozenset(d for d in table if d.year == year)
    workdays = frozenset(d for d in getattr(table, "weekend_workdays", ()) if d.year == year)
    return days_off, workdays


@dataclass(frozen=True, slots=True)
class _Year:
    """Working-day table of one year, built once and cached by the calendar."""

    base: int  # ordinal of 1 January
    is_work: bytes  # is_work[o - base] == 1 for a working day
    rank: array[int]  # rank[i] = working days in [base, base + i); len = days + 1
    work_ords: array[int]  # ordinals of the working days of the year, ascending


class WorkCalendar:
    """Vietnamese working-day calendar (public sector: Monday to Friday).

    A day is a working day unless it is a Saturday or Sunday, a public
    holiday (with observed and substituted days off) or one of
    ``extra_holidays``; a day in ``extra_working_days`` (or a Saturday the
    government has swapped into a working day) is always a working day.

    >>> cal = WorkCalendar()
    >>> cal.is_working_day(date(2024, 2, 12))   # Tết Giáp Thìn
    False
    >>> cal.add_working_days(date(2024, 2, 7), 1)
    datetime.date(2024, 2, 15)

    Instances are safe to share between threads; build one per committee
    settings and keep it (see :func:`default_calendar`).
    """

    def __init__(
        self,
        *,
        extra_holidays: Iterable[date] = (),
        extra_working_days: Iterable[date] = (),
        use_public_holidays: bool = True,
    ) -> None:
        """Create a calendar.

        :param extra_holidays: further days off (e.g. a swap announced after
            the ``holidays`` package release, or a local day off).
        :param extra_working_days: days worked although they would be off,
            e.g. a compensatory working Saturday (ngày làm bù).  Wins over
            everything else.
        :param use_public_holidays: ``False`` counts weekends and the extras
            only (useful for tests and for "calendar days minus weekends").
        """
        self._extra_holidays = frozenset(_check_date(d) for d in extra_holidays)
        self._extra_working_days = frozenset(_check_date(d) for d in extra_working_days)
        self._use_public_holidays = use_public_holidays
        self._years: dict[int, _Year] = {}
        self._days_off_cache: dict[int, frozenset[date]] = {}

    def __repr__(self) -> str:
        return (
            f"WorkCalendar(extra_holidays={len(self._extra_holidays)} days, "
            f"extra_working_days={len(self._extra_working_days)} days, "
            f"use_public_holidays={self._use_public_holidays})"
        )

    # -- public API ---------------------------------------------------------

    def holidays_in(self, year: int) -> frozenset[date]:
        """Return the days off of ``year`` besides ordinary weekends.

        Public holidays (with observed and substituted days) plus
        ``extra_holidays``, minus ``extra_working_days``; a holiday falling
        on a weekend is listed too.
        """
        cached = self._days_off_cache.get(year)
        if cached is not None:
            return cached
        days: set[date] = set()
        if self._use_public_holidays:
            days |= vietnam_holidays(year)[0]
        days |= {d for d in self._extra_holidays if d.year == year}
        result = frozenset(days - self._extra_working_days)
        self._days_off_cache[year] = result
        return result

    def is_working_day(self, d: date) -> bool:
        """Return whether ``d`` is a working day."""
        table = self._year(d.year)
        return table.is_work[d.toordinal() - table.base] == 1

    def next_working_day(self, d: date) -> date:
        """Return the first working day strictly after ``d``."""
        return self._nth_after(d, 1)

    def previous_working_day(self, d: date) -> date:
        """Return the last working day strictly before ``d``."""
        return self._nth_before(d, 1)

    def roll_forward(self, d: date) -> date:
        """Return ``d`` if it is a working day, else the next working day."""
        return d if self.is_working_day(d) else self.next_working_day(d)

    def add_working_days(self, d: date, n: int) -> date:
        """Return the ``n``-th working day after ``d`` (before it if ``n < 0``).

        ``d`` itself need not be a working day: ``add_working_days(Saturday,
        1)`` is the next Monday (if that is a working day).  ``n == 0``
        returns ``d`` rolled forward to a working day.
        """
        if n > 0:
            return self._nth_after(d, n)
        if n < 0:
            return self._nth_before(d, -n)
        return self.roll_forward(d)

    def working_days_between(self, a: date, b: date) -> int:
        """Count the working days in the half-open interval ``(a, b]``.

        Negative when ``b < a`` (``-working_days_between(b, a)``).  Thus
        ``working_days_between(d, add_working_days(d, n)) == n`` for
        ``n >= 0`` when ``d`` is a working day, and "how many working days
        late" is ``working_days_between(deadline, submitted)``.
        """
        if b < a:
            return -self.working_days_between(b, a)
        ya, yb = self._year(a.year), self._year(b.year)
        # after_a: working days of a's year after a; upto_b: of b's year up to b.
        done_a = ya.rank[a.toordinal() - ya.base + 1]
        upto_b = yb.rank[b.toordinal() - yb.base + 1]
        if a.year == b.year:
            return int(upto_b - done_a)
        between = sum(len(self._year(y).work_ords) for y in range(a.year + 1, b.year))
        return int(len(ya.work_ords) - done_a + between + upto_b)

    def working_days_in(self, first: date, last: date) -> int:
        """Count the working days in the closed interval ``[first, last]``."""
        if last < first:
            return 0
        return self.working_days_between(first - timedelta(days=1), last)

    # -- internals ----------------------------------------------------------

    def _nth_after(self, d: date, n: int) -> date:
        year = d.year
        table = self._year(year)
        index = table.rank[d.toordinal() - table.base + 1] + n - 1
        while index >= len(table.work_ords):
            index -= len(table.work_ords)
            year += 1
            if year > date.max.year:
                raise OverflowError("date value out of range")
            table = self._year(year)
        return date.fromordinal(table.work_ords[index])

    def _nth_before(self, d: date, n: int) -> date:
        year = d.year
        table = self._year(year)
        index = table.rank[d.toordinal() - table.base] - n
        while index < 0:
            year -= 1
            if year < date.min.year:
                raise OverflowError("date value out of range")
            table = self._year(year)
            index += len(table.work_ords)
        return date.fromordinal(table.work_ords[index])

    def _year(self, year: int) -> _Year:
        table = self._years.get(year)
        if table is None:
            table = self._build(year)
            # A race only builds the same table twice; dict assignment is atomic.
            self._years[year] = table
        return table

    def _build(self, year: int) -> _Year:
        base = date(year, 1, 1).toordinal()
        days = date(year, 12, 31).toordinal() + 1 - base
        # Ordinal 1 (1 January of year 1) was a Monday: weekday = (o - 1) % 7.
        is_work = bytearray(0 if (o - 1) % 7 in _WEEKEND else 1 for o in range(base, base + days))
        for d in self.holidays_in(year):
            is_work[d.toordinal() - base] = 0
        if self._use_public_holidays:
            for d in vietnam_holidays(year)[1]:
                if d not in self._extra_holidays:
                    is_work[d.toordinal() - base] = 1
        for d in self._extra_working_days:
            if d.year == year:
                is_work[d.toordinal() - base] = 1
        rank = array("l")
        work_ords = array("l")
        count = 0
        for offset, flag in enumerate(is_work):
            rank.append(count)
            if flag:
                work_ords.append(base + offset)
                count += 1
        rank.append(count)
        return _Year(base, bytes(is_work), rank, work_ords)


def _check_date(d: object) -> date:
    # datetime is a subclass of date; a datetime here is almost always a bug.
    if not isinstance(d, date) or hasattr(d, "hour"):
        raise TypeError(f"expected a datetime.date, got {d!r}")
    return d


@lru_cache(maxsize=1)
def default_calendar() -> WorkCalendar:
    """Return the shared calendar with Vietnamese public holidays and no extras."""
    return WorkCalendar()
