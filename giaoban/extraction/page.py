"""The page model: what every pass reads, built once per text.

`build_page` takes the normalized lines and finds the page header (document
number, publication date), the headline/lead block, the province, the host
committee and the sentences. The passes (`meeting`, `directives`, `reports`)
read it and never change it; the unit look-ups they share are memoized here.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from giaoban.extraction import gazetteer as gz
from giaoban.extraction import patterns as pt
from giaoban.extraction.dates import make_date
from giaoban.extraction.record import Document
from giaoban.extraction.units import UnitTree

_HEAD_LINES = 15  # how far down the page header may reach
_STAMP_LINE_LEN = 120  # a publication stamp sits on a short line

Span = tuple[int, int, str]  # (start, end, canonical unit name)


def clean(text: str) -> str:
    """Strip the final full stop, ellipsis, "/." and stray separators."""
    return text.strip().rstrip(" .;,:…/-").lstrip(" -")


@dataclass(frozen=True)
class Sentence:
    text: str
    para: int
    start: int = 0  # where the sentence starts in its line


def sentences(line: str) -> list[str]:
    """Split a paragraph into sentences (not at "TP. Vinh" and the like)."""
    return [text for _, text in sentence_spans(line)]


def sentence_spans(line: str) -> list[tuple[int, str]]:
    """The sentences of a paragraph with their offsets in it."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in pt.SENTENCE_END.finditer(line):
        nxt = line[m.end() : m.end() + 1]
        if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "\"“(‘'-"):
            continue
        piece = line[start : m.end()]
        if pt.ABBREVIATION_END.search(piece.rstrip()[-12:]):
            continue
        stripped = piece.strip()
        if stripped:
            out.append((start + piece.index(stripped[0]), stripped))
        start = m.end()
    rest = line[start:].strip()
    if rest:
        out.append((start + line[start:].index(rest[0]), rest))
    return out


@dataclass
class PageModel:
    """The lines of one text and the facts of its header, with shared look-ups."""

    lines: tuple[str, ...]
    chrome: tuple[str, ...]
    crawler_date: str | None
    meta: frozenset[int]  # header lines that are not prose (number, stamps)
    document: Document | None
    published: date | None
    prose: tuple[int, ...]
    head: tuple[int, ...]  # headline, byline, stamps and the first prose line
    lead: tuple[int, ...]  # the head and the next prose line
    province: str | None
    committee: str | None
    host: str | None
    sentences: tuple[Sentence, ...]
    tree: UnitTree | None = None  # the installation's units, if the caller gave them
    _line_units: dict[int, tuple[Span, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # Sets for membership tests: a long text has many paragraphs.
        self.prose_set = frozenset(self.prose)
        self.lead_set = frozenset(self.lead)
        self.title_set = frozenset(self.head) - self.prose_set  # headline, byline, stamps
        # The committee a bare board name belongs to ("Ban Tổ chức" -> "Ban Tổ chức Tỉnh ủy";
        # in a commune's text "Ban Xây dựng Đảng" -> "Ban Xây dựng Đảng Đảng ủy xã").
        committee = self.committee or ""
        host = self.host or ""
        if committee in ("Tỉnh ủy", "Thành ủy", "Huyện ủy", "Thị ủy", "Quận ủy"):
            self.unit_committee = committee if committee in ("Tỉnh ủy", "Thành ủy") else "Tỉnh ủy"
        elif host.startswith(("Đảng ủy các cơ quan Đảng", "Đảng ủy Ủy ban nhân dân")):
            self.unit_committee = " ".join(host.split()[:7])
        elif committee.startswith("Đảng ủy ") and not committee.startswith("Đảng ủy khối"):
            self.unit_committee = committee
        else:
            self.unit_committee = "Tỉnh ủy"

    def text(self, indices: tuple[int, ...] | list[int]) -> str:
        return "\n".join(self.lines[i] for i in indices if i < len(self.lines))

    def find_units(self, text: str) -> tuple[Span, ...]:
        """Units named in `text`, in this page's committee and province (and tree)."""
        found = gz.find_units(text, committee=self.unit_committee, province=self.province)
        committee = self.unit_committee
        if committee.startswith("Đảng ủy ") and any(n.endswith(" Đảng ủy") for _, _, n in found):
            # "Văn phòng Đảng ủy" in a commune's or a bloc's text is that committee's office.
            found = tuple(
                (a, b, n[: -len("Đảng ủy")] + committee if n.endswith(" Đảng ủy") else n)
                for a, b, n in found
            )
        return self.tree.merge(text, found) if self.tree is not None else found

    def units_of_line(self, i: int) -> tuple[Span, ...]:
        """Units named in line i, found once per line and shared by the passes."""
        units = self._line_units.get(i)
        if units is None:
            units = self._line_units[i] = self.find_units(self.lines[i])
        return units

    def sentence_units(self, s: Sentence) -> tuple[Span, ...]:
        """Units named in a sentence, cut from its line's (a name never spans two)."""
        end = s.start + len(s.text)
        return tuple(
            (a - s.start, b - s.start, name)
            for a, b, name in self.units_of_line(s.para)
            if s.start <= a and b <= end
        )

    def is_unit_name(self, name: str) -> bool:
        if len(name) > 80 or not name[:1].isupper():
            return False  # canonical names are short and capitalized
        units = self.find_units(name)
        return bool(units) and units[0][2] == name


def build_page(
    lines: tuple[str, ...],
    chrome: tuple[str, ...],
    crawler_date: str | None,
    published: date | None,
    tree: UnitTree | None = None,
) -> PageModel:
    meta: set[int] = set()
    document = _document(lines, meta)
    if published is None:
        published = _published(lines, crawler_date, document, meta)
    prose = [
        i
        for i, line in enumerate(lines)
        if i not in meta and pt.SENTENCE_END.search(line + " ") and len(line.split()) >= 12
    ]
    first = prose[0] if prose else len(lines) - 1
    head = [i for i in range(first + 1) if i not in meta]
    lead = head + [i for i in prose[1:2]]
    province = _province(lines, chrome)
    committee, host, named_province = _host(lines, lead, province)
    if province is None:
        province = named_province
    return PageModel(
        lines=lines,
        chrome=chrome,
        crawler_date=crawler_date,
        meta=frozenset(meta),
        document=document,
        published=published,
        prose=tuple(prose),
        head=tuple(head),
        lead=tuple(lead),
        province=province,
        committee=committee,
        host=host,
        sentences=tuple(
            Sentence(s, i, at)
            for i, line in enumerate(lines)
            if i not in meta
            for at, s in sentence_spans(line)
        ),
        tree=tree,
    )


# --- page header ------------------------------------------------------------
def _document(lines: tuple[str, ...], meta: set[int]) -> Document | None:
    doc: Document | None = None
    for i, line in enumerate(lines[:_HEAD_LINES]):
        m = pt.DOC_NUMBER_PARTY.match(line)
        if m and doc is None:
            doc = Document(
                number=f"{m.group(1)}-{m.group(2)}/{m.group(3)}".upper(),
                kind=m.group(2).upper(),
                issuer=m.group(3).upper(),
                style="party",
            )
            meta.add(i)
            continue
        m = pt.DOC_NUMBER_STATE.match(line)
        if m and doc is None:
            year = f"{m.group(2)}/" if m.group(2) else ""
            doc = Document(
                number=f"{m.group(1)}/{year}{m.group(3)}-{m.group(4)}".upper(),
                kind=m.group(3).upper(),
                issuer=m.group(4).upper(),
                style="state",
            )
            meta.add(i)
    if doc is not None:
        for i, line in enumerate(lines[: _HEAD_LINES + 5]):
            m = pt.PLACE_DATE.match(line)
            if m:
                meta.add(i)
                d = make_date(int(m.group(4)), int(m.group(3)), int(m.group(2)))
                return Document(doc.number, doc.kind, doc.issuer, doc.style, d)
        # A two-column header: "Số 34-BC/ĐU Mỹ Thọ, ngày 08 tháng 10 năm 2025" on one line.
        for i, line in enumerate(lines[: _HEAD_LINES + 5]):
            t = pt.PLACE_DATE_AT_END.search(line)
            if t:
                meta.add(i)
                d = make_date(int(t.group(3)), int(t.group(2)), int(t.group(1)))
                return Document(doc.number, doc.kind, doc.issuer, doc.style, d)
    return doc


def _published(
    lines: tuple[str, ...],
    crawler_date: str | None,
    document: Document | None,
    meta: set[int],
) -> date | None:
    if crawler_date and len(crawler_date) == 10:
        y, m, d = crawler_date.split("-")
        return make_date(int(y), int(m), int(d))
    if document is not None and document.date is not None:
        return document.date
    # The article's own stamp (a clock time, "Ngày đăng") before a bare weekday date, which
    # may be the site's clock ("Thứ Hai, 14/10/2024" above "Thứ Sáu, 11/10/2024 09:15").
    weekday: tuple[int, date] | None = None
    for i, line in enumerate(lines):
        if len(line) > _STAMP_LINE_LEN:
            continue
        sm = pt.STAMP_DATE.search(line)
        if sm:
            found = (
                make_date(int(sm.group(5)), int(sm.group(4)), int(sm.group(3)))
                if sm.group(3)
                else make_date(int(sm.group(8)), int(sm.group(7)), int(sm.group(6)))
            )
            if found:
                meta.add(i)
                return found
        lm = pt.LABELLED_DATE.search(line)
        if lm:
            found = make_date(int(lm.group(3)), int(lm.group(2)), int(lm.group(1)))
            if found and not pt.WEEKDAY_LABEL.match(lm.group(0)):
                meta.add(i)
                return found
            if found and weekday is None:
                weekday = (i, found)
        if weekday is not None and i > weekday[0] + 4:
            break
    if weekday is not None:
        meta.add(weekday[0])
        return weekday[1]
    for i, line in enumerate(lines[: _HEAD_LINES + 5]):
        pm = pt.PLACE_DATE.match(line)
        if pm and gz.canonical_province(pm.group("place")):
            meta.add(i)
            return make_date(int(pm.group(4)), int(pm.group(3)), int(pm.group(2)))
    return None


# --- province and host --------------------------------------------------------
def _province(lines: tuple[str, ...], chrome: tuple[str, ...]) -> str | None:
    scores: Counter[str] = Counter()
    first: dict[str, int] = {}
    for line in lines[: _HEAD_LINES + 5]:
        m = pt.PLACE_DATE.match(line)
        if m:
            p = gz.canonical_province(m.group("place"))
            if p:
                scores[p] += 5
                first.setdefault(p, -1)
    for k, line in enumerate((*lines[:5], *chrome)):
        mast = pt.MASTHEAD_PLACE.match(line)
        if mast and mast.group("prefix") and k >= 3:
            continue  # "X: …" names the province only as the article's own headline
        p = gz.canonical_province(mast.group("place")) if mast else None
        if p:
            scores[p] += 5  # "Vĩnh Long Online", "Long An: Nâng cao …"
            first.setdefault(p, -1)
    text = "\n".join(lines) + "\n" + "\n".join(chrome)
    for order, (start, _, p) in enumerate(gz.find_provinces(text)):
        ctx = pt.PROVINCE_CONTEXT.search(text, max(0, start - 40), start)
        if not ctx:
            continue
        scores[p] += 5 if ctx.group("com") else 3
        first.setdefault(p, order)
    if not scores:
        return None
    return max(scores, key=lambda p: (scores[p], -first[p]))


def _host(
    lines: tuple[str, ...], lead: list[int], province: str | None
) -> tuple[str | None, str | None, str | None]:
    """(committee word, host, province named with the host when none was found)."""
    named_province: str | None = None
    lead_text = "\n".join(lines[i] for i in lead)
    if pt.REGIONAL.search(lead_text):
        return None, None, None
    unnamed: str | None = None  # "Phó Bí thư Thị ủy, …": the committee word, name told later
    for i in lead:
        line = lines[i]
        if pt.CENTRAL.match(line):
            return None, None, named_province
        for m in pt.COMMITTEE.finditer(line):
            com = pt.SPACES.sub(" ", m.group("com"))
            com = com[0].upper() + com[1:].lower()
            name = None
            after = pt.NAME_AFTER.match(line, m.end())
            if after:
                pm = gz.PROVINCE_RE.match(after.group(1))
                if pm:
                    name = gz.canonical_province(pm.group(0))
                    if (
                        com in ("Tỉnh ủy", "Thành ủy")
                        and province is None
                        and named_province is None
                    ):
                        named_province = name
                elif com in ("Huyện ủy", "Thị ủy", "Quận ủy") or com.startswith("Đảng ủy "):
                    name = after.group(1)
            if com.startswith("Đảng ủy khối"):
                return com, com.replace("Đảng ủy khối", "Đảng ủy Khối"), named_province
            if com.startswith(("Đảng ủy các cơ quan", "Đảng ủy ủy ban", "Đảng ủy ubnd")):
                # "Đảng ủy các cơ quan Đảng tỉnh Phú Thọ": as in the lead, with the province.
                level = "thành phố" if com.endswith("thành phố") else "tỉnh"
                body = "các cơ quan Đảng" if "cơ quan" in com else "Ủy ban nhân dân"
                place = name or province or named_province
                host = f"Đảng ủy {body} {level}" + (f" {place}" if place else "")
                return host, host, named_province
            if com in ("Tỉnh ủy", "Thành ủy"):
                name = name or province or named_province
            if name is None:
                if com.startswith("Đảng ủy "):
                    told = pt.LOCAL_PLACE.search(lead_text)
                    if told:
                        return com, f"{com} {told.group('name')}", named_province
                if com in ("Tỉnh ủy", "Thành ủy") and not unnamed:
                    return com, None, named_province  # the province is not told
                unnamed = unnamed or com
                continue
            if unnamed and unnamed != com:
                continue
            return com, f"{com} {name}", named_province
    local = pt.LOCAL_HOST.search(lead_text)
    if local:
        level = pt.SPACES.sub(" ", local.group("level")).lower()
        return (
            f"Đảng ủy {level}",
            f"Đảng ủy {level} {local.group('name')}",
            named_province,
        )
    if unnamed and unnamed.startswith("Đảng ủy"):
        told = pt.LOCAL_PLACE.search(lead_text)
        if told:
            level = pt.SPACES.sub(" ", told.group("level"))
            return (
                f"Đảng ủy {level}",
                f"Đảng ủy {level} {told.group('name')}",
                named_province,
            )
    return unnamed, None, named_province


# A board's line under the committee's in a report's two-column header ("BAN TỔ CHỨC").
_BOARD_LINE: Final = re.compile(
    r"^(BAN\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,5}?|VĂN\s+PHÒNG|[UỦ]Y\s+BAN\s+KIỂM\s+TRA"
    r"|TRƯỜNG\s+CHÍNH\s+TRỊ)(?:\s+(?:TỈNH|THÀNH\s+PHỐ))?(?:\s+ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM)?\s*\*?$"
)


def report_author(page: PageModel) -> str | None:
    """The unit that wrote a report ("BÁO CÁO" under "TỈNH ỦY X" / "BAN TỔ CHỨC"), if any.

    Its plan section's tasks are its own: the items have no subject of their own.
    """
    doc = page.document
    if doc is None or doc.kind != "BC":
        return None
    for line in page.lines[:5]:
        m = _BOARD_LINE.match(line.strip())
        if m and line.strip().isupper():
            board = m.group(1)
            found = page.find_units(f"{board[0]}{board[1:].lower()} {page.unit_committee}")
            return found[0][2] if found else None
    return None
