"""The grammar of period labels, written once for the reporting rules and the extractor.

"quý IV/2023", "3 tháng cuối năm", "6 tháng đầu năm", "9 tháng", "tháng 4/2024", "năm 2023":
each label is a fragment below, written in Vietnamese as printed, with named groups

    q    quarter number ("IV", "4", "04")     q3   "đầu" | "cuối" of "3 tháng … năm"
    h6   the "6" of six months                h    "đầu" | "cuối" of six months
    n9   the "9" of nine months               m    month number

`giaoban.periods` matches the labels on folded text (no diacritics, "đ" -> "d": `folded`),
the extractor on text as written, case-insensitively; both read a match with `label_of`.
Each side adds its own context (the year that follows, the words before a reviewed period).
Pure Python, no Django.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

ROMAN = ("I", "II", "III", "IV")

QUARTER = r"quý\s+(?P<q>iv|iii|ii|i|0?[1-4])(?![^\W_])"
THREE_MONTHS = r"(?:0?3|ba)\s+tháng\s+(?P<q3>đầu|cuối)\s+năm"
HALF = r"(?P<h6>0?6|sáu)\s+tháng(?:\s+(?P<h>đầu|cuối))?"
NINE_MONTHS = r"(?P<n9>0?9|chín)\s+tháng(?:\s+đầu)?"
MONTH = r"tháng\s+(?P<m>0?[1-9]|1[0-2])(?![0-9])"
YEAR_NUMBER = r"(?:19|2\d)\d{2}"


def named(fragment: str, suffix: str) -> str:
    """The fragment with its groups renamed ("q" -> "q2"), to hold it twice in one pattern."""
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m.group(1)}{suffix}>", fragment)


def folded(fragment: str) -> str:
    """The fragment for folded text: "quý" -> "quy", "đầu" -> "dau" (escapes untouched)."""
    out = unicodedata.normalize("NFD", fragment.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in out if not unicodedata.combining(c))


def quarter_number(token: str) -> int:
    """ "IV" / "iv" / "4" / "04" -> 4."""
    return ROMAN.index(token.upper()) + 1 if token.isalpha() else int(token)


def label_of(groups: Mapping[str, str | None], suffix: str = "") -> tuple[str, int | None] | None:
    """(period type, number) of a label match, or None when no label group matched.

    Types are those of `PeriodType` ("quarter", "half", "nine_months", "month"); a bare
    year is the caller's (its context decides whether "năm 2023" is a period)."""

    def g(name: str) -> str | None:
        return groups.get(name + suffix)

    q, q3, h6, n9, m = g("q"), g("q3"), g("h6"), g("n9"), g("m")
    if q:
        return "quarter", quarter_number(q)
    if q3:
        return "quarter", 1 if _plain(q3) == "dau" else 4
    if h6:
        return "half", 2 if _plain(g("h") or "") == "cuoi" else 1
    if n9:
        return "nine_months", None
    if m:
        return "month", int(m)
    return None


def _plain(word: str) -> str:
    return folded(word.lower())
