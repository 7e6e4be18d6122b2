"""Document numbers as offices write them (pure Python).

Party style: "90-TB/TU", "335-BC/ĐU", "15-KL/TW"; state style: "45/KH-UBND",
"123/QĐ-UBND". Evidence is often pasted whole: "Báo cáo số 335-BC/ĐU ngày
29/6/2026" — ``parse_reference`` splits it into kind, number and date.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

_LETTERS = r"A-Za-zĐđ"
#: 90-TB/TU, 335-BC/ĐU, 12-CT/TW, 45/KH-UBND, 123/QĐ-UBND, 07/2024/NQ-HĐND
NUMBER_RE = re.compile(
    rf"(?<![\w/-])(\d{{1,5}}(?:/\d{{4}})?(?:-[{_LETTERS}]{{1,6}}/[{_LETTERS}]{{1,10}}(?:-[{_LETTERS}]{{1,10}})*"
    rf"|/[{_LETTERS}]{{1,6}}(?:-[{_LETTERS}]{{1,10}})+))(?![\w])"
)
DATE_RE = re.compile(
    r"ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
    r"|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})",
    re.IGNORECASE,
)
KIND_RE = re.compile(r"^\s*(.*?)\s+số\b", re.IGNORECASE)


@dataclass(frozen=True)
class Reference:
    kind: str
    number: str
    date: date | None


def is_document_number(text: str) -> bool:
    text = unicodedata.normalize("NFC", text.strip())
    match = NUMBER_RE.fullmatch(text)
    return match is not None


def parse_reference(text: str) -> Reference | None:
    """'Báo cáo số 335-BC/ĐU ngày 29/6/2026' -> Reference('Báo cáo', '335-BC/ĐU', 2026-06-29).

    Returns None when no document number is found; an impossible date gives date None.
    """
    text = unicodedata.normalize("NFC", text)
    number = NUMBER_RE.search(text)
    if number is None:
        return None
    found: date | None = None
    m = DATE_RE.search(text, number.end())
    if m:
        d, mo, y = (int(g) for g in (m.groups()[:3] if m.group(1) else m.groups()[3:]))
        try:
            found = date(y, mo, d)
        except ValueError:
            found = None
    kind_match = KIND_RE.match(text[: number.start()])
    kind = kind_match.group(1).strip() if kind_match else ""
    return Reference(kind=kind, number=number.group(1), date=found)
