"""Dates in briefing texts: safe construction, publication dates, deadlines."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from giaoban.extraction import patterns as pt
from giaoban.extraction.errors import ExtractionError
from giaoban.periods import grammar


def make_date(y: int | None, m: int, d: int) -> date | None:
    """The date, or None when the year is unknown or out of range or the day invalid."""
    if y is None or not 1900 <= y <= 2200:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def parse_published(value: date | str | None) -> date | None:
    """The `published=` argument: a date, an ISO string, or None."""
    if value is None or isinstance(value, date):
        return value
    m = pt.ISO_DATE.match(value.strip())
    parsed = make_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    if parsed is None:
        raise ExtractionError(
            f"Ngày đăng không hợp lệ (cần YYYY-MM-DD): {value!r} / "
            f"invalid publication date (YYYY-MM-DD expected): {value!r}"
        )
    return parsed


def deadline(text: str, ref: date | None, base: int | None) -> date | None:
    """The deadline stated in a directive's text.

    `ref` is the meeting (or publication) date: a day-month limit before it
    rolls to the next year. `base` is the year of a limit that names none.
    """
    cue = pt.DEADLINE_CUE.search(text)
    m = pt.DEADLINE.search(text, cue.start()) if cue else None
    if not m:
        return None
    g = m.group

    def year(explicit: str | None) -> int | None:
        return int(explicit) if explicit else base

    def roll(d: date | None, explicit: str | None) -> date | None:
        if d is not None and not explicit and ref is not None and d < ref - timedelta(days=7):
            return make_date(d.year + 1, d.month, d.day) or d
        return d

    if g("d") or g("d2"):
        day, month, y = (g("d"), g("dm"), g("dy")) if g("d") else (g("d2"), g("dm2"), g("dy2"))
        return roll(make_date(year(y), int(month), int(day)), y)
    label = grammar.label_of(m.groupdict())
    if label is not None:
        kind, number = label
        written = {
            "quarter": g("qy") or g("q3y"),
            "month": g("my"),
            "half": g("hy"),
        }.get(kind)
        y = year(written)
        if not y:
            return None
        if kind == "half":
            return date(y, 12, 31) if number == 2 else date(y, 6, 30)
        if kind == "quarter" and g("q3"):
            return month_end(y, (number or 4) * 3)  # "trong 3 tháng cuối năm"
        last = (number or 12) * 3 if kind == "quarter" else number or 12
        return roll(month_end(y, last), written)
    for key in ("ey", "yy", "yy2", "yy3"):
        if g(key):
            return date(int(g(key)), 12, 31)
    return date(base, 12, 31) if base and m.group(0).lower().rstrip().endswith("năm") else None
