"""The record extracted from one briefing text: frozen dataclasses.

`Record.to_dict()` gives exactly the JSON of corpus/SCHEMA.md, plus one extra
key, `document`, for the notice number (the scorer ignores unknown keys).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

MeetingKind = Literal["giao_ban", "lam_viec", "hoi_nghi"]
PeriodType = Literal["quarter", "half", "nine_months", "year", "month"]


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


@dataclass(frozen=True)
class Period:
    """The period whose work a meeting reviews ("quý IV-2023" -> 2023, quarter, 4)."""

    year: int | None
    type: PeriodType
    number: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"year": self.year, "type": self.type, "number": self.number}


@dataclass(frozen=True)
class Chair:
    """A person who presided, with the title chain as written at first mention."""

    name: str
    title: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title}


@dataclass(frozen=True)
class Meeting:
    date: date | None = None
    kind: MeetingKind = "hoi_nghi"
    host: str | None = None
    province: str | None = None
    period: Period | None = None
    chairs: tuple[Chair, ...] = ()
    online: bool = False
    connection_points: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": _iso(self.date),
            "kind": self.kind,
            "host": self.host,
            "province": self.province,
            "period": self.period.to_dict() if self.period else None,
            "chairs": [c.to_dict() for c in self.chairs],
            "online": self.online,
            "connection_points": self.connection_points,
        }


@dataclass(frozen=True)
class Directive:
    """One instruction: the clause as written, who must act, and by when."""

    text: str
    assignees: tuple[str, ...] = ("*",)
    deadline: date | None = None
    lead: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "assignees": list(self.assignees),
            "deadline": _iso(self.deadline),
        }
        if self.lead is not None:
            out["lead"] = self.lead
        return out


@dataclass(frozen=True)
class Figure:
    """A counted result a unit reports ("tiếp nhận 324 đơn, thư")."""

    unit: str
    value: int | float
    measure: str

    def to_dict(self) -> dict[str, Any]:
        return {"unit": self.unit, "value": self.value, "measure": self.measure}


@dataclass(frozen=True)
class Recommendation:
    """A proposal units put to the committee; `sources` is JSON's `from`."""

    text: str
    sources: tuple[str, ...] = ("*",)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "from": list(self.sources)}


@dataclass(frozen=True)
class Document:
    """The number of a formal document: "Số 90-TB/TU" or "Số: 45/KH-UBND".

    `style` is "party" (number-KIND/ISSUER) or "state" (number/KIND-ISSUER).
    Numbering restarts each year, so `date` is needed to identify it.
    """

    number: str
    kind: str
    issuer: str
    style: Literal["party", "state"]
    date: date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "kind": self.kind,
            "issuer": self.issuer,
            "style": self.style,
            "date": _iso(self.date),
        }


@dataclass(frozen=True)
class Record:
    """Everything read from one text about a briefing meeting."""

    source: str | None = None
    published: date | None = None
    meeting: Meeting = field(default_factory=Meeting)
    units: tuple[str, ...] = ()
    directives: tuple[Directive, ...] = ()
    figures: tuple[Figure, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    document: Document | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "published": _iso(self.published),
            "meeting": self.meeting.to_dict(),
            "units": list(self.units),
            "directives": [d.to_dict() for d in self.directives],
            "figures": [f.to_dict() for f in self.figures],
            "recommendations": [r.to_dict() for r in self.recommendations],
            "document": self.document.to_dict() if self.document else None,
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
