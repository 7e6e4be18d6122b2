"""Document references as offices write them (pure Python): the one parser and formatter.

Party style: "90-TB/TU", "335-BC/ĐU", "15-KL/TW"; state style: "45/KH-UBND",
"123/QĐ-UBND". References are often pasted whole: "Báo cáo số 335-BC/ĐU ngày
29/6/2026", "Thông báo số 90-TB/TU ngày 28/11/2023, mục 3" — ``parse_reference`` splits
them into kind, number, date and item; ``format_reference`` writes them back the same way.
Tasks (source and evidence), the notices and the extractor's output all go through here.
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
ITEM_RE = re.compile(
    r"^[\s,;]*(?:tại\s+)?(?:mục|điểm|khoản)\s+(\d+(?:\.\d+)*[a-zđ]?)", re.IGNORECASE
)


@dataclass(frozen=True)
class Reference:
    kind: str
    number: str
    date: date | None
    item: str = ""

    def __str__(self) -> str:
        text = format_reference(self.number, self.date, self.item)
        return f"{self.kind} {text[0].lower()}{text[1:]}" if self.kind else text


def format_reference(
    number: str, day: date | None = None, item: str = "", *, numbered: bool = True
) -> str:
    """'Số 90-TB/TU ngày 28/11/2023, mục 3' (``numbered=False``: without 'Số ')."""
    if not number:
        return ""
    text = f"Số {number}" if numbered else number
    if day is not None:
        text += f" ngày {day:%d/%m/%Y}"
    if item:
        text += f", mục {item}"
    return text


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
    end = number.end()
    m = DATE_RE.search(text, end)
    if m:
        end = m.end()
        d, mo, y = (int(g) for g in (m.groups()[:3] if m.group(1) else m.groups()[3:]))
        try:
            found = date(y, mo, d)
        except ValueError:
            found = None
    item = ITEM_RE.match(text[end:])
    kind_match = KIND_RE.match(text[: number.start()])
    kind = kind_match.group(1).strip() if kind_match else ""
    return Reference(
        kind=kind, number=number.group(1), date=found, item=item.group(1) if item else ""
    )
