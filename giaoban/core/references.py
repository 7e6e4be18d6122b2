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


def display_reference(
    number: str, day: date | None = None, item: str = "", *, numbered: bool = True
) -> str:
    """The reference for a reader, in the interface's language: "Số 90-TB/TU ngày 28/11/2023,
    mục 3" in Vietnamese, "No. 90-TB/TU of 28/11/2023, item 3" in English. ``format_reference``
    stays the written form (documents, the audit, the register file): always Vietnamese."""
    from django.utils.translation import gettext as _

    if not number:
        return ""
    text = _("No. %(number)s") % {"number": number} if numbered else number
    if day is not None:
        text = _("%(reference)s of %(date)s") % {"reference": text, "date": f"{day:%d/%m/%Y}"}
    if item:
        text = _("%(reference)s, item %(item)s") % {"reference": text, "item": item}
    return text


def display_notice(number: str, day: date | None) -> str:
    """ "Thông báo số 90-TB/TU ngày 28/11/2023" / "Notice No. 90-TB/TU of 28/11/2023"."""
    from django.utils.translation import gettext as _

    if day is None:
        return _("Notice No. %(number)s") % {"number": number}
    return _("Notice No. %(number)s of %(date)s") % {"number": number, "date": f"{day:%d/%m/%Y}"}


def display_period(period) -> str:
    """A period's name in the interface's language ("Quý I/2026", or "Q1 2026"): any object
    with ``label`` (Vietnamese) and ``label_en``, as giaoban.periods.Period has."""
    from django.utils.translation import get_language

    if period is None:
        return ""
    return period.label if (get_language() or "vi").startswith("vi") else period.label_en


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
