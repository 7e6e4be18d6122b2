"""Reporting periods (kỳ báo cáo): month, quarter, half year, nine months, year.

Pure Python (no Django).  A :class:`Period` is a frozen, hashable, ordered
value ``(year, type, number)``; it knows its days, its Vietnamese and English
labels, a short stable code for URLs and the database, and reads the labels
met in real Vietnamese text (:meth:`Period.parse`, :func:`find_all`).

Cut-off windows and report due dates: :mod:`giaoban.periods.rules`.
"""

from __future__ import annotations

import calendar as _calendar
import enum
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from giaoban.periods import grammar
from giaoban.periods.grammar import folded

__all__ = ["Period", "PeriodType", "find_all"]

# Years a Period may have.  Wide enough for any archive, narrow enough that
# next()/previous() never leave datetime.date's range.
MIN_YEAR = 1900
MAX_YEAR = 2999


class PeriodType(enum.StrEnum):
    """Kind of reporting period; the value is what the database stores."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    NINE_MONTHS = "nine_months"
    YEAR = "year"

    @property
    def count(self) -> int:  # type: ignore[override]  # str.count is never used on a PeriodType
        """How many periods of this type a year has (1 for nine months and year)."""
        return _COUNT[self]

    @property
    def months(self) -> int:
        """Length of a period of this type in months."""
        return _MONTHS[self]


_COUNT = {
    PeriodType.MONTH: 12,
    PeriodType.QUARTER: 4,
    PeriodType.HALF: 2,
    PeriodType.NINE_MONTHS: 1,
    PeriodType.YEAR: 1,
}
_MONTHS = {
    PeriodType.MONTH: 1,
    PeriodType.QUARTER: 3,
    PeriodType.HALF: 6,
    PeriodType.NINE_MONTHS: 9,
    PeriodType.YEAR: 12,
}
_NUMBERED = frozenset({PeriodType.MONTH, PeriodType.QUARTER, PeriodType.HALF})
_ROMAN = ("I", "II", "III", "IV")
_MONTH_NAMES_EN = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True, slots=True, eq=True, order=False)
class Period:
    """A reporting period ``(year, type, number)``.

    ``number`` is 1–12 for a month, 1–4 for a quarter, 1–2 for a half year
    and ``None`` for nine months and a year.  ``type`` may be given as a
    string ("quarter"); it is stored as :class:`PeriodType`.

    Periods sort by ``(first_day, last_day)``: chronologically, and among
    periods starting the same day the shorter first (T1 < Q1 < H1 < 9M < Y).

    >>> p = Period(2023, PeriodType.QUARTER, 4)
    >>> p.label, p.code, p.first_day, p.last_day
    ('Quý IV/2023', '2023-Q4', datetime.date(2023, 10, 1), datetime.date(2023, 12, 31))
    >>> Period.parse("quý IV-2023") == p == Period.from_code("2023-Q4")
    True
    """

    year: int
    type: PeriodType
    number: int | None = None

    def __post_init__(self) -> None:
        try:
            kind = PeriodType(self.type)
        except ValueError:
            choices = ", ".join(t.value for t in PeriodType)
            raise ValueError(f"unknown period type {self.type!r} (one of {choices})") from None
        object.__setattr__(self, "type", kind)
        if type(self.year) is not int:
            raise ValueError(f"period year must be an int, got {self.year!r}")
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"period year {self.year} outside {MIN_YEAR}..{MAX_YEAR}")
        if kind in _NUMBERED:
            if type(self.number) is not int or not 1 <= self.number <= kind.count:
                raise ValueError(
                    f"a {kind.value} period needs a number 1..{kind.count}, got {self.number!r}"
                )
        elif self.number is not None:
            raise ValueError(f"a {kind.value} period has no number, got {self.number!r}")

    # -- construction -------------------------------------------------------

    @classmethod
    def of_month(cls, year: int, month: int) -> Period:
        """Return the month period (tháng) ``month/year``."""
        return cls(year, PeriodType.MONTH, month)

    @classmethod
    def of_quarter(cls, year: int, quarter: int) -> Period:
        """Return quarter (quý) ``quarter`` of ``year``."""
        return cls(year, PeriodType.QUARTER, quarter)

    @classmethod
    def of_half(cls, year: int, half: int) -> Period:
        """Return the first (1) or second (2) half (6 tháng) of ``year``."""
        return cls(year, PeriodType.HALF, half)

    @classmethod
    def of_nine_months(cls, year: int) -> Period:
        """Return the first nine months (9 tháng) of ``year``."""
        return cls(year, PeriodType.NINE_MONTHS)

    @classmethod
    def of_year(cls, year: int) -> Period:
        """Return the whole ``year`` (năm)."""
        return cls(year, PeriodType.YEAR)

    @classmethod
    def for_date(cls, d: date, type: PeriodType | str) -> Period:
        """Return the period of ``type`` containing ``d``.

        For nine months, a date in October–December has no such period and
        raises :class:`ValueError`.
        """
        kind = PeriodType(type)
        month = d.month
        if kind is PeriodType.MONTH:
            return cls(d.year, kind, month)
        if kind is PeriodType.QUARTER:
            return cls(d.year, kind, (month - 1) // 3 + 1)
        if kind is PeriodType.HALF:
            return cls(d.year, kind, 1 if month <= 6 else 2)
        if kind is PeriodType.NINE_MONTHS:
            if month > 9:
                raise ValueError(f"{d.isoformat()} is not in the first nine months of its year")
            return cls(d.year, kind)
        return cls(d.year, kind)

    @classmethod
    def current(cls, type: PeriodType | str, *, today: date | None = None) -> Period:
        """Return the period of ``type`` containing ``today`` (default: the local date)."""
        return cls.for_date(today or date.today(), type)

    # -- days ---------------------------------------------------------------

    @property
    def first_month(self) -> int:
        """Month (1–12) the period starts in."""
        kind = self.type
        if kind is PeriodType.MONTH:
            return self.number  # type: ignore[return-value]
        if kind is PeriodType.QUARTER or kind is PeriodType.HALF:
            return (self.number - 1) * kind.months + 1  # type: ignore[operator]
        return 1

    @property
    def last_month(self) -> int:
        """Month (1–12) the period ends in."""
        return self.first_month + self.type.months - 1

    @property
    def first_day(self) -> date:
        """First day of the period."""
        return date(self.year, self.first_month, 1)

    @property
    def last_day(self) -> date:
        """Last day of the period."""
        month = self.last_month
        return date(self.year, month, _calendar.monthrange(self.year, month)[1])

    def contains(self, d: date) -> bool:
        """Return whether the date ``d`` falls in the period."""
        return self.first_day <= d <= self.last_day

    def __contains__(self, d: date) -> bool:
        return self.contains(d)

    # -- neighbours ---------------------------------------------------------

    def next(self) -> Period:
        """Return the following period of the same type."""
        return self._shift(1)

    def previous(self) -> Period:
        """Return the preceding period of the same type."""
        return self._shift(-1)

    def previous_equal(self) -> Period:
        """Return the same period one year earlier ("so với cùng kỳ năm trước")."""
        return Period(self.year - 1, self.type, self.number)

    def _shift(self, step: int) -> Period:
        if self.number is None:
            return Period(self.year + step, self.type)
        index = self.year * self.type.count + self.number - 1 + step
        year, number = divmod(index, self.type.count)
        return Period(year, self.type, number + 1)

    # -- ordering -----------------------------------------------------------

    def _sort_key(self) -> tuple[date, date]:
        return (self.first_day, self.last_day)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() < other._sort_key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() <= other._sort_key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() > other._sort_key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() >= other._sort_key()

    # -- text ---------------------------------------------------------------

    @property
    def label(self) -> str:
        """Vietnamese label as written in documents ("Quý IV/2023", "Năm 2023")."""
        kind, year, number = self.type, self.year, self.number
        if kind is PeriodType.MONTH:
            return f"Tháng {number}/{year}"
        if kind is PeriodType.QUARTER:
            return f"Quý {_ROMAN[number - 1]}/{year}"  # type: ignore[operator]
        if kind is PeriodType.HALF:
            return f"6 tháng {'đầu' if number == 1 else 'cuối'} năm {year}"
        if kind is PeriodType.NINE_MONTHS:
            return f"9 tháng năm {year}"
        return f"Năm {year}"

    @property
    def label_en(self) -> str:
        """English label ("Q4 2023", "First half of 2024", "April 2024")."""
        kind, year, number = self.type, self.year, self.number
        if kind is PeriodType.MONTH:
            return f"{_MONTH_NAMES_EN[number]} {year}"  # type: ignore[index]
        if kind is PeriodType.QUARTER:
            return f"Q{number} {year}"
        if kind is PeriodType.HALF:
            return f"{'First' if number == 1 else 'Second'} half of {year}"
        if kind is PeriodType.NINE_MONTHS:
            return f"Nine months of {year}"
        return str(year)

    @property
    def code(self) -> str:
        """Stable short code for URLs and the database ("2023-Q4", "2024-M04")."""
        kind, year, number = self.type, self.year, self.number
        if kind is PeriodType.MONTH:
            return f"{year}-M{number:02d}"
        if kind is PeriodType.QUARTER:
            return f"{year}-Q{number}"
        if kind is PeriodType.HALF:
            return f"{year}-H{number}"
        if kind is PeriodType.NINE_MONTHS:
            return f"{year}-9M"
        return f"{year}-Y"

    @classmethod
    def from_code(cls, code: str) -> Period:
        """Read a :attr:`code` back ("2023-Q4" -> Quý IV/2023); strict, case-insensitive."""
        m = _CODE_RE.fullmatch(code.strip().upper()) if isinstance(code, str) else None
        if m is None:
            raise ValueError(f"not a period code: {code!r} (expected e.g. 2023-Q4, 2024-M04)")
        year = int(m["year"])
        if m["whole"] == "Y":
            return cls(year, PeriodType.YEAR)
        if m["whole"] == "9M":
            return cls(year, PeriodType.NINE_MONTHS)
        kind = {"M": PeriodType.MONTH, "Q": PeriodType.QUARTER, "H": PeriodType.HALF}[m["kind"]]
        if kind is PeriodType.MONTH and len(m["num"]) != 2:
            raise ValueError(f"not a period code: {code!r} (months have two digits: 2024-M04)")
        return cls(year, kind, int(m["num"]))

    @classmethod
    def parse(cls, text: str, *, default_year: int | None = None) -> Period:
        """Read a period label as written in Vietnamese text.

        Case-, accent- and Unicode-form-insensitive (NFD input, old tone
        placement such as "qúy", text typed without accents all work).
        Accepted forms, ``YYYY`` optional where ``default_year`` is given:

        - quarter: "Quý IV/2023", "quý IV-2023", "quý 2/2024", "quý IV năm
          2024", "quý III"; "3 tháng đầu năm" (Q1), "03 tháng cuối năm 2023" (Q4)
        - half year: "6 tháng đầu năm 2024", "sáu tháng cuối năm 2014",
          "6 tháng năm 2024" (common for the first half, as in "sơ kết 6
          tháng năm 2024")
        - nine months: "9 tháng năm 2023", "9 tháng đầu năm 2023"
        - year: "năm 2023", "cả năm 2023", "12 tháng năm 2023"
        - month: "tháng 4/2024", "tháng 04 năm 2024", "tháng 4"

        Raises :class:`ValueError` on anything else, including a label
        without a year when ``default_year`` is ``None``.
        """
        if not isinstance(text, str):
            raise ValueError(f"cannot read a period from {text!r}")
        folded, _ = _fold(text)
        folded = folded.strip().rstrip(".,;:").strip()
        m = _LABEL_RE.fullmatch(folded)
        if m is None:
            raise ValueError(f"not a period label: {text!r} (expected e.g. 'Quý IV/2023')")
        period = _from_match(m, default_year)
        if period is None:
            raise ValueError(f"period label without a year and no default year: {text!r}")
        return period

    def __str__(self) -> str:
        return self.label

    def __repr__(self) -> str:
        return f"Period.from_code({self.code!r})"

    # Pickle (Django's cache) by value, with the type as a plain string.
    def __reduce__(self) -> tuple[Any, ...]:
        return (Period, (self.year, self.type.value, self.number))


_CODE_RE = re.compile(
    r"(?P<year>\d{4})-(?:(?P<kind>[MQH])(?P<num>\d{1,2})|(?P<whole>9M|Y))", re.ASCII
)


# -- parsing ---------------------------------------------------------------

# Text is folded to lower-case ASCII-ish before matching ("Quý" -> "quy",
# "đầu" -> "dau"), so every pattern below is written without accents.
_YEAR = r"(?P<{name}>(?:19|2\d)\d{{2}})"
_SEP_OR_NAM = r"(?:\s*[-/.]\s*|\s+nam\s+|\s+)"
# The labels are those of `grammar` (shared with the extractor), folded.
_LABEL_PATTERN = rf"""
    (?:
        # quý IV/2023, quý 2-2024, quý IV năm 2024, quý III
        {folded(grammar.QUARTER)}(?:{_SEP_OR_NAM}{_YEAR.format(name="qy")})?
      | # 3 / 03 / ba tháng đầu|cuối năm -> Q1 / Q4
        {folded(grammar.THREE_MONTHS)}(?:\s+{_YEAR.format(name="q3y")})?
      | # 6 tháng đầu|cuối năm 2024; 6 tháng năm 2024 (= first half)
        {folded(grammar.HALF)}\s+nam(?:\s+{_YEAR.format(name="hy")})?
      | # 9 tháng (đầu) năm 2023
        {folded(grammar.NINE_MONTHS)}\s+nam(?:\s+{_YEAR.format(name="ny")})?
      | # tháng 4/2024, tháng 04 năm 2024, tháng 4
        {folded(grammar.MONTH)}(?:{_SEP_OR_NAM}{_YEAR.format(name="my")})?
      | # năm 2023, cả năm 2023, 12 tháng năm 2023
        (?:(?:ca|12\s+thang)\s+)?nam\s+{_YEAR.format(name="y")}
    )
"""
_LABEL_RE = re.compile(_LABEL_PATTERN, re.VERBOSE | re.ASCII)
# For find_all: the same forms, not glued to neighbouring letters/digits.
_FIND_RE = re.compile(rf"(?<![a-z0-9]){_LABEL_PATTERN}(?![a-z0-9])", re.VERBOSE | re.ASCII)
# "ngày 15 tháng 4 năm 2024" is a date, not a period.
_DATE_BEFORE_RE = re.compile(r"(?:ngay|mung|hom)\s+0?\d{1,2}\s*$", re.ASCII)

_FOLD_EXTRA = {"đ": "d", "Đ": "d", "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"}


def _fold(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` for matching; also return, per folded char, its index in ``text``.

    Lower-case, without diacritics (so NFC/NFD, old/new tone placement and
    unaccented typing look the same), "đ" -> "d", dashes -> "-", any
    whitespace -> " ".
    """
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch in _FOLD_EXTRA:
            folded = _FOLD_EXTRA[ch]
        elif ch.isspace():
            folded = " "
        else:
            folded = "".join(
                c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)
            ).lower()
        for c in folded:
            out.append(c)
            index.append(i)
    return "".join(out), index


def _from_match(m: re.Match[str], default_year: int | None) -> Period | None:
    """Build the period of a label match; ``None`` if it has no year and no default."""
    g = m.groupdict()

    def year_of(name: str) -> int | None:
        return int(g[name]) if g[name] else default_year

    label = grammar.label_of(g)
    if label is None:
        return Period(int(g["y"]), PeriodType.YEAR)
    kind, number = label
    tail = {"q": "qy", "q3": "q3y", "h6": "hy", "n9": "ny", "m": "my"}
    year = year_of(next(t for k, t in tail.items() if g[k]))
    return None if year is None else Period(year, PeriodType(kind), number)


def find_all(text: str, default_year: int | None = None) -> list[tuple[tuple[int, int], Period]]:
    """Find the period labels in a longer text.

    Returns ``((start, end), period)`` pairs, ``text[start:end]`` being the
    label as written.  Labels without a year are kept only when
    ``default_year`` is given; dates ("ngày 15 tháng 4 năm 2024") are not
    periods and are skipped.
    """
    folded, index = _fold(text)
    found: list[tuple[tuple[int, int], Period]] = []
    for m in _FIND_RE.finditer(folded):
        if m["m"] and _DATE_BEFORE_RE.search(folded, 0, m.start()):
            continue
        period = _from_match(m, default_year)
        if period is None:
            continue
        start = index[m.start()]
        end = index[m.end() - 1] + 1
        # Keep combining marks that belong to the last letter (NFD text).
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        found.append(((start, end), period))
    return found
