"""The plain data an official document is built from (no Django, no models).

One shape covers the Party documents giaoban writes (Hướng dẫn 36-HD/VPTW):
a conclusion notice ("THÔNG BÁO"), a report ("BÁO CÁO"), an official letter
("công văn": "V/v đôn đốc …", "Kính gửi: …") and, with ``MinutesDocument``,
the minutes of a meeting ("BIÊN BẢN"). Callers fill these dataclasses; the
builders in ``giaoban.documents.builders`` turn them into a template context.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


def place_date_line(place: str, day: date | None) -> str:
    """'Đồng Nai, ngày 28 tháng 11 năm 2023'. Days below 10 and the months 1 and 2 take a
    leading zero ('ngày 05 tháng 02 năm 2024'), so a date cannot be altered by adding a digit."""
    if day is None:
        return f"{place}, ngày     tháng     năm     " if place else ""
    d = f"{day.day:02d}" if day.day < 10 else str(day.day)
    m = f"{day.month:02d}" if day.month < 3 else str(day.month)
    prefix = f"{place}, " if place else ""
    return f"{prefix}ngày {d} tháng {m} năm {day.year}"


@dataclass(frozen=True)
class Header:
    """The header block: issuing body on the left, the Party's name on the right."""

    #: the body above the issuer, e.g. "ĐẢNG BỘ TỈNH ĐỒNG NAI" (may be empty)
    issuer_parent: str
    #: the issuing body, e.g. "TỈNH ỦY" or "VĂN PHÒNG TỈNH ỦY"
    issuer: str
    #: "123-TB/TU" (written as "Số 123-TB/TU"); empty while a draft has no number
    number: str = ""
    place: str = ""
    date: date | None = None
    #: the short subject of a letter under its number ("V/v đôn đốc thực hiện …")
    excerpt: str = ""

    @property
    def number_line(self) -> str:
        return f"Số {self.number}" if self.number else "Số      -    /   "

    @property
    def place_date(self) -> str:
        return place_date_line(self.place, self.date)


@dataclass(frozen=True)
class Item:
    """A numbered item of the body ("1.", "2." …) with optional sub-lines."""

    label: str
    text: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """A simple table: one header row, then the rows (all cells as text)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    title: str = ""


@dataclass(frozen=True)
class Section:
    """A part of the body under an optional heading ("I. …"), with paragraphs, items, a table."""

    heading: str = ""
    paragraphs: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()
    table: Table | None = None


@dataclass(frozen=True)
class Signature:
    """The signing block: the formula lines ("T/M THƯỜNG TRỰC TỈNH ỦY", "PHÓ BÍ THƯ THƯỜNG
    TRỰC") and the signer's name."""

    formula: tuple[str, ...]
    name: str = ""


@dataclass(frozen=True)
class OfficialDocument:
    """A notice, a report or a letter, as Hướng dẫn 36-HD/VPTW lays it out."""

    header: Header
    #: the kind in capitals: "THÔNG BÁO", "BÁO CÁO"; empty for a letter (công văn)
    kind_title: str = ""
    #: the line under it: "kết luận của Thường trực Tỉnh ủy tại hội nghị giao ban quý IV/2023"
    title: str = ""
    #: "Kính gửi: …" lines of a letter
    addressees: tuple[str, ...] = ()
    opening: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    closing: tuple[str, ...] = ()
    signature: Signature = field(default_factory=lambda: Signature(formula=()))
    #: "Nơi nhận" lines ("- Các đồng chí Tỉnh ủy viên,", "- Lưu Văn phòng Tỉnh ủy.")
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True)
class Person:
    name: str
    title: str = ""
    part: str = ""


@dataclass(frozen=True)
class MinutesDocument:
    """The minutes of a meeting ("BIÊN BẢN hội nghị giao ban quý IV/2023")."""

    header: Header
    title: str
    #: "Vào lúc 08 giờ 00 ngày 20/6/2024, tại Hội trường Tỉnh ủy …"
    opening: tuple[str, ...] = ()
    chairs: tuple[Person, ...] = ()
    participants: tuple[Person, ...] = ()
    absent: tuple[Person, ...] = ()
    connection_points: tuple[str, ...] = ()
    agenda: tuple[str, ...] = ()
    #: the record of the discussion, one paragraph per line
    body: tuple[str, ...] = ()
    #: "Hội nghị kết thúc vào lúc …"
    closing: tuple[str, ...] = ()
    secretary: Person = field(default_factory=lambda: Person(name=""))
    chair: Person = field(default_factory=lambda: Person(name=""))
