"""Import from text: a conclusion notice or a news report becomes a draft meeting, a draft
notice and one planned task per directive, for a clerk to review before anything is saved.

``read_text`` turns a paste or an upload (.txt, .docx, .html) into text; ``propose`` runs the
extractor and matches the unit names to the committee's unit tree; ``save_import`` writes the
reviewed result in one transaction, keeping the original text as an attachment.
"""

from __future__ import annotations

import hashlib
import html.parser
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process

from giaoban.core.audit import log_action
from giaoban.core.text import fold
from giaoban.meetings import aliases, services
from giaoban.meetings import notice_services as ns
from giaoban.meetings.models import FileKind, MeetingFile, MeetingKind, Part
from giaoban.meetings.notice_rules import notice_defaults, units_later_warning
from giaoban.org.models import HOST_KINDS, Unit, UnitAlias, UnitKind
from giaoban.periods import Period, PeriodType

MAX_IMPORT_BYTES = 2 * 1024 * 1024
TEXT_EXTENSIONS = {".txt", ".docx", ".html", ".htm"}
#: a unit name matching at least this well (0–100, rapidfuzz WRatio on folded text) is taken
MATCH_THRESHOLD = 88

#: phrases meaning every unit of the committee (folded)
ALL_PHRASES = {
    "*",
    "cac don vi",
    "cac co quan, don vi",
    "cac co quan don vi",
    "cac cap, cac nganh",
    "cac cap cac nganh",
    "cac dia phuong, don vi",
    "cac co quan, don vi, dia phuong",
}
#: group phrases (folded, tried in order: the first contained one wins) -> unit kinds
GROUPS: list[tuple[str, frozenset[str]]] = [
    ("co quan bao chi", frozenset({UnitKind.NEWSPAPER, UnitKind.RADIO_TV})),
    ("bao chi", frozenset({UnitKind.NEWSPAPER, UnitKind.RADIO_TV})),
    ("dang uy cac xa", frozenset({UnitKind.COMMUNE_COMMITTEE})),
    ("cac xa, phuong", frozenset({UnitKind.COMMUNE_COMMITTEE})),
    ("cap uy xa", frozenset({UnitKind.COMMUNE_COMMITTEE})),
    ("dang uy khoi", frozenset({UnitKind.BLOC_COMMITTEE})),
    ("cac ban dang", frozenset({UnitKind.BOARD, UnitKind.OFFICE, UnitKind.INSPECTION})),
    ("cac ban xay dung dang", frozenset({UnitKind.BOARD, UnitKind.OFFICE, UnitKind.INSPECTION})),
    ("cac ban tham muu", frozenset({UnitKind.BOARD, UnitKind.OFFICE, UnitKind.INSPECTION})),
    ("cap uy", frozenset(HOST_KINDS)),
    ("dang bo truc thuoc", frozenset(HOST_KINDS)),
]
_SUFFIX_RE = re.compile(r"\s+(tinh uy|thanh uy|dang uy)(\s+\w+)*$")


class _TextOf(html.parser.HTMLParser):
    BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def read_text(*, text: str = "", upload: Any | None = None) -> tuple[str, str]:
    """(text, source name) from a paste or an upload; ValidationError with a clear message."""
    if upload is None:
        if len(text.encode("utf-8")) > MAX_IMPORT_BYTES:
            raise ValidationError({"text": _("The text is longer than 2 MB.")})
        cleaned = _clean(text)
        if not cleaned:
            raise ValidationError({"text": _("Paste the text of a notice or a news report.")})
        return cleaned, ""
    name = upload.name or ""
    ext = name[name.rfind(".") :].lower() if "." in name else ""
    if ext not in TEXT_EXTENSIONS:
        raise ValidationError(
            {"upload": _("Upload a .txt, .docx or .html file (got %(ext)s).") % {"ext": ext or "?"}}
        )
    if upload.size > MAX_IMPORT_BYTES:
        raise ValidationError({"upload": _("The file is larger than 2 MB.")})
    data = upload.read()
    if ext == ".docx":
        try:
            from docx import Document

            doc = Document(io.BytesIO(data))
        except Exception:
            raise ValidationError({"upload": _("The file is not a valid Word (.docx) document.")})
        paragraphs = [p.text for p in doc.paragraphs]
        for table in doc.tables:
            for row in table.rows:
                paragraphs.extend(cell.text for cell in row.cells)
        raw = "\n".join(paragraphs)
    else:
        if b"\x00" in data[:4096]:
            raise ValidationError({"upload": _("The file is binary, not text.")})
        try:
            raw = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError({"upload": _("The file is not UTF-8 text.")})
        if ext in (".html", ".htm"):
            parser = _TextOf()
            parser.feed(raw)
            raw = "".join(parser.parts)
    cleaned = _clean(raw)
    if not cleaned:
        raise ValidationError({"upload": _("The file is empty.")})
    return cleaned, name


def text_hash(text: str) -> str:
    return hashlib.sha256(" ".join(_clean(text).split()).encode("utf-8")).hexdigest()


# -- matching unit names to the tree --------------------------------------------------------


@dataclass
class Match:
    phrase: str
    all_units: bool = False
    units: list[Unit] = field(default_factory=list)
    suggestions: list[Unit] = field(default_factory=list)

    @property
    def unknown(self) -> bool:
        return not self.all_units and not self.units


class UnitMatcher:
    """Names, short names and the name without its committee suffix, folded (no diacritics)."""

    def __init__(self, committee: Unit, *, on: date | None = None) -> None:
        from giaoban.org.models import subtree_ids

        ids = subtree_ids([committee.pk], include_roots=False)
        self.units = list(Unit.objects.active(on).filter(pk__in=ids).order_by("sort_order", "name"))
        by_pk = {u.pk: u for u in self.units}
        # Phrases the committee's clerk taught by correcting an earlier import (still open units).
        self.aliases: dict[str, Unit] = {
            folded: by_pk[unit_id]
            for folded, unit_id in UnitAlias.objects.filter(committee=committee).values_list(
                "phrase_folded", "unit_id"
            )
            if unit_id in by_pk
        }
        self.alias_phrases: dict[int, list[str]] = {}
        for alias in UnitAlias.objects.filter(committee=committee, unit_id__in=by_pk):
            self.alias_phrases.setdefault(alias.unit_id, []).append(alias.phrase)
        self.labels: list[str] = []
        self.owners: list[Unit] = []
        for unit in self.units:
            for label in {
                fold(unit.name),
                fold(unit.short_name),
                _SUFFIX_RE.sub("", fold(unit.name)),
            }:
                if label and len(label) > 2:
                    self.labels.append(label)
                    self.owners.append(unit)

    def tree(self) -> list[dict[str, Any]]:
        """The units as the extractor takes them (`extract(text, units=…)`): names, short names
        and the learned aliases, so that it reports them under the tree's names."""
        return [
            {
                "name": unit.name,
                "short_names": [unit.short_name] if len(unit.short_name.strip()) >= 3 else [],
                "aliases": self.alias_phrases.get(unit.pk, []),
            }
            for unit in self.units
        ]

    def match(self, phrase: str) -> Match:
        folded = fold(phrase).strip(" .;:,")
        result = Match(phrase=phrase)
        if folded in ALL_PHRASES or phrase.strip() == "*":
            result.all_units = True
            return result
        if folded in self.aliases:
            result.units = [self.aliases[folded]]
            return result
        if self.labels:
            best = process.extractOne(folded, self.labels, scorer=fuzz.WRatio)
            if (
                best is not None
                and best[1] >= MATCH_THRESHOLD
                and abs(len(best[0]) - len(folded)) < 12
            ):
                result.units = [self.owners[best[2]]]
                return result
        for key, kinds in GROUPS:
            if key in folded:
                result.units = [u for u in self.units if u.kind in kinds]
                if result.units:
                    return result
        if self.labels:
            seen: list[Unit] = []
            for _label, _score, index in process.extract(
                folded, self.labels, scorer=fuzz.WRatio, limit=12
            ):
                unit = self.owners[index]
                if unit not in seen:
                    seen.append(unit)
                if len(seen) == 3:
                    break
            result.suggestions = seen
        return result


# -- the proposal shown on the review screen ------------------------------------------------


@dataclass
class RowProposal:
    text: str
    deadline: date | None
    all_units: bool
    lead: list[Unit]
    coordinating: list[Unit]
    unknown: list[Match]
    #: each assignee phrase of the text and the units proposed for it (none: unknown)
    phrases: list[tuple[str, list[int]]] = field(default_factory=list)


@dataclass
class Proposal:
    text: str
    source_name: str
    sha256: str
    duplicates: list[MeetingFile]
    meeting: dict[str, Any]
    notice: dict[str, Any]
    rows: list[RowProposal]
    #: said when the text's date comes before the committee's units existed (a reform since)
    date_warning: str = ""


def _title(kind: str, period: Period | None) -> str:
    base = {"giao_ban": "Hội nghị giao ban", "lam_viec": "Buổi làm việc", "hoi_nghi": "Hội nghị"}[
        kind
    ]
    return f"{base} {period.label.replace('Quý', 'quý')}" if period else base


def propose(
    *, committee: Unit, text: str, source_name: str = "", today: date | None = None
) -> Proposal:
    """What the text says, matched to the committee's units; saves nothing."""
    from giaoban.extraction import ExtractionError, extract

    today = today or timezone.localdate()
    matcher = UnitMatcher(committee, on=today)
    try:
        # The committee's own units (names, short names, learned aliases) are named to the
        # extractor, so what it finds comes back under the tree's names.
        record = extract(text, units=matcher.tree())
    except ExtractionError as exc:
        raise ValidationError({"text": _("The text could not be read: %(error)s") % {"error": exc}})
    if not record.directives:
        raise ValidationError(
            {"text": _("No directive was found in this text: nothing to turn into tasks.")}
        )
    m = record.meeting
    period = None
    if m.period is not None and m.period.year:
        try:
            period = Period(m.period.year, PeriodType(m.period.type), m.period.number)
        except ValueError:
            period = None
    date_warning = ""
    if m.date is not None and m.date != today:
        then = UnitMatcher(committee, on=m.date)  # the units open on the meeting's day
        if then.units or not matcher.units:
            matcher = then
        else:
            # none of today's units existed yet: match against them, and say what it means
            date_warning = units_later_warning(matcher.units, m.date)
    rows = []
    for d in record.directives:
        lead: list[Unit] = []
        coord: list[Unit] = []
        unknown: list[Match] = []
        phrases: list[tuple[str, list[int]]] = []
        all_units = False
        for name in d.assignees:
            found = matcher.match(name)
            if not found.all_units:
                phrases.append((name, [u.pk for u in found.units]))
            if found.all_units:
                all_units = True
            elif found.unknown:
                unknown.append(found)
            else:
                target = lead if (d.lead is None or fold(d.lead) == fold(name)) else coord
                taken = {u.pk for u in lead} | {u.pk for u in coord}
                target.extend(u for u in found.units if u.pk not in taken)
        if d.lead is not None and fold(d.lead) not in {fold(a) for a in d.assignees}:
            found = matcher.match(d.lead)
            first = {u.pk for u in found.units}
            lead = found.units + [u for u in lead if u.pk not in first]
            if found.unknown:
                unknown.append(found)
        rows.append(RowProposal(d.text, d.deadline, all_units, lead, coord, unknown, phrases))
    sha = text_hash(text)
    duplicates = list(
        MeetingFile.objects.filter(
            kind=FileKind.ORIGINAL_TEXT, sha256=sha, meeting__committee=committee
        ).select_related("meeting")
    )
    day = m.date or today
    doc = record.document
    return Proposal(
        text=text,
        source_name=source_name,
        sha256=sha,
        duplicates=duplicates,
        meeting={
            "kind": m.kind if m.kind in MeetingKind.values else MeetingKind.GIAO_BAN,
            "title": _title(m.kind if m.kind in MeetingKind.values else "giao_ban", period),
            "day": day,
            "period": period,
            "online": m.online,
            "points": m.connection_points or 0,
            "chairs": [(c.name, c.title) for c in m.chairs],
        },
        notice={
            "number": doc.number if doc is not None and doc.style == "party" else "",
            "doc_date": doc.date if doc is not None else None,
            "title": f"kết luận của Thường trực {committee.name} tại {_title(m.kind if m.kind in MeetingKind.values else 'giao_ban', period)[:1].lower()}{_title(m.kind if m.kind in MeetingKind.values else 'giao_ban', period)[1:]}",
            "signer_name": m.chairs[0].name if m.chairs else "",
        },
        rows=rows,
        date_warning=date_warning,
    )


# -- saving the reviewed import --------------------------------------------------------------


@dataclass(frozen=True)
class ReviewedRow:
    text: str
    deadline: date | None = None
    all_units: bool = False
    lead_units: tuple[Unit, ...] = ()
    coordinating_units: tuple[Unit, ...] = ()
    #: what was proposed for the row: (assignee phrase, proposed unit ids) pairs
    proposed: tuple[tuple[str, tuple[int, ...]], ...] = ()


@transaction.atomic
def save_import(
    *,
    committee: Unit,
    user: Any,
    text: str,
    source_name: str,
    meeting: dict[str, Any],
    notice: dict[str, Any],
    rows: list[ReviewedRow],
) -> tuple[Any, Any]:
    """The meeting, its draft notice with one item per row, and the original text — or nothing."""
    if not rows:
        raise ValidationError(_("Keep at least one directive row, or add one."))
    tz = ZoneInfo(settings.TIME_ZONE)
    chairs = [
        services.ParticipantSpec(part=Part.CHAIR, name=name, title=title)
        for name, title in meeting.get("chairs", [])
        if name
    ]
    points = [
        services.PointSpec(name=f"Điểm cầu {i}")
        for i in range(1, int(meeting.get("points") or 0) + 1)
    ]
    record = services.create_meeting(
        committee=committee,
        user=user,
        title=meeting["title"],
        kind=meeting["kind"],
        period=meeting.get("period"),
        starts_at=datetime.combine(meeting["day"], meeting.get("at") or time(8, 0), tzinfo=tz),
        place=meeting.get("place", ""),
        online=bool(meeting.get("online")) or bool(points),
        participants=chairs,
        points=points,
    )
    items = [
        ns.ItemSpec(
            number=i,
            text=row.text,
            tasks=[
                ns.TaskSpec(
                    text=row.text,
                    deadline=row.deadline,
                    all_units=row.all_units,
                    lead_units=list(row.lead_units),
                    coordinating_units=list(row.coordinating_units),
                )
            ],
        )
        for i, row in enumerate(rows, start=1)
    ]
    draft = ns.create_notice(
        committee=committee,
        user=user,
        meeting=record,
        items=items,
        title=notice["title"],
        **{
            **notice_defaults(committee, record),
            **{
                k: notice[k]
                for k in (
                    "number",
                    "doc_date",
                    "signer_name",
                    "issuer",
                    "issuer_parent",
                    "place",
                    "signing_formula",
                    "recipients",
                    "opening",
                    "closing",
                )
                if notice.get(k)
            },
        },
    )
    services.add_file(
        meeting=record,
        user=user,
        content=text.encode("utf-8"),
        name=(source_name or "van-ban-goc") + (".txt" if not source_name.endswith(".txt") else ""),
        kind=FileKind.ORIGINAL_TEXT,
        sha256=text_hash(text),
    )
    learned = 0
    for row in rows:
        fix = aliases.correction(row.proposed, (*row.lead_units, *row.coordinating_units))
        if fix is not None and aliases.learn_alias(
            committee=committee, user=user, phrase=fix[0], unit=fix[1]
        ):
            learned += 1
    log_action(
        record,
        "meetings.import.saved",
        user=user,
        unit=committee,
        data={
            "notice": draft.pk,
            "rows": len(rows),
            "source": source_name,
            "sha256": text_hash(text),
            "aliases_learned": learned,
        },
    )
    return record, draft
