"""Invariants of Period checked on generated periods (hypothesis)."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from giaoban.periods import MAX_YEAR, MIN_YEAR, Period, PeriodType, ReportRules

# One year of margin on each side so that next()/previous() stay valid.
years = st.integers(min_value=MIN_YEAR + 1, max_value=MAX_YEAR - 1)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    kind = draw(st.sampled_from(list(PeriodType)))
    number = draw(st.integers(1, kind.count)) if kind.count > 1 else None
    return Period(draw(years), kind, number)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@given(periods())
def test_days(p: Period) -> None:
    assert p.first_day <= p.last_day
    assert p.contains(p.first_day) and p.contains(p.last_day)
    assert not p.contains(p.first_day - timedelta(days=1))
    assert not p.contains(p.last_day + timedelta(days=1))
    assert p.first_day.year == p.last_day.year == p.year


@given(periods())
def test_next_starts_the_day_after(p: Period) -> None:
    if p.type in (PeriodType.NINE_MONTHS,):
        # Nine-month periods do not tile the year: the next one starts 1 January.
        assert p.next().first_day == date(p.year + 1, 1, 1)
    else:
        assert p.next().first_day == p.last_day + timedelta(days=1)
        assert p.previous().last_day == p.first_day - timedelta(days=1)


@given(periods())
def test_previous_next_round_trip(p: Period) -> None:
    assert p.previous().next() == p
    assert p.next().previous() == p
    assert p.previous() < p < p.next()
    assert p.previous_equal().year == p.year - 1
    assert p.previous_equal().type == p.type and p.previous_equal().number == p.number


@given(periods())
def test_text_round_trips(p: Period) -> None:
    assert Period.from_code(p.code) == p
    assert Period.parse(p.label) == p
    assert Period.parse(p.label.upper()) == p
    assert Period.parse(p.label.lower()) == p
    assert Period.parse(unicodedata.normalize("NFD", p.label)) == p
    assert Period.parse(_strip_accents(p.label)) == p
    assert unicodedata.is_normalized("NFC", p.label)


@given(periods())
def test_label_without_year_uses_default_year(p: Period) -> None:
    label = p.label.removesuffix(f"{p.year}").rstrip("/ ")
    if p.type is PeriodType.YEAR:
        return  # "Năm" alone is not a period
    assert Period.parse(label, default_year=p.year) == p


@given(periods(), periods())
def test_ordering_consistent_with_days(p: Period, q: Period) -> None:
    assert (p == q) == ((p.first_day, p.last_day) == (q.first_day, q.last_day))
    assert (p < q) == (not p >= q)
    if p < q:
        assert p.first_day <= q.first_day
    if p.first_day < q.first_day:
        assert p < q
    if p == q:
        assert hash(p) == hash(q)


@given(periods(), st.sampled_from(list(PeriodType)))
def test_for_date(p: Period, kind: PeriodType) -> None:
    d = p.first_day
    if kind is PeriodType.NINE_MONTHS and d.month > 9:
        return
    q = Period.for_date(d, kind)
    assert q.contains(d)
    assert Period.for_date(q.last_day, kind) == q


@given(periods(), st.integers(1, 31))
def test_cutoff_windows_tile(p: Period, cutoff_day: int) -> None:
    rules = ReportRules(cutoff_day=cutoff_day)
    start, end = rules.cutoff_window(p)
    assert start <= end
    if p.type is not PeriodType.NINE_MONTHS:
        assert rules.cutoff_window(p.next())[0] == end + timedelta(days=1)
    if cutoff_day == 31:
        assert (start, end) == (p.first_day, p.last_day)
