"""Text of a briefing article or conclusion notice -> `Record`.

The reader works in passes over the normalized lines, each pass small and
linear: the page header (publication date, document number), the lead
(date, kind, host, period, chairs, connection points), the conclusion (the
chair's directives), and the reports (figures, recommendations).
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from giaoban.extraction import gazetteer as gz
from giaoban.extraction import patterns as pt
from giaoban.extraction.errors import ExtractionError
from giaoban.extraction.normalize import normalize, split_page
from giaoban.extraction.record import (
    Chair,
    Directive,
    Document,
    Figure,
    Meeting,
    MeetingKind,
    Period,
    Recommendation,
    Record,
)

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_DIGIT = re.compile(r"\d")

# Small patterns of the reader itself (the shared ones live in patterns.py).
_SPACES = re.compile(r"\s+")
_CHAIR_SPAN_END = re.compile(r"\.\s|\s(?:tổ\s+chức|đã|diễn\s+ra|họp)\s")
_WORKS_WITH = re.compile(r"(?i)(?<!\w)làm\s+việc\s+với")
_CHAIR_SPAN_TAIL = re.compile(r"(?i)\s*(?:do|đã|cùng|đồng\s+thời)\s*$")
_TITLE_TAIL = re.compile(r"(?i)\s+(?:đã|cùng|đồng|và)$")
_LEADER = re.compile(r"(?i)đồng\s+chí|đ/c|bí\s+thư|chủ\s+tịch|thường\s+trực")
_TOPIC_CLAUSE = re.compile(r"(?i)^(?:về|đối\s+với)\s[^,]{1,120},\s*")
_ENDS_CO_SE = re.compile(r"(?i)(?:có|sẽ)\s*$")
_DUOC = re.compile(r"(?i)(?<!\w)(?<!đạt\s)(?<!có\s)được(?!\w)")  # not "kết quả đạt được"
_ENDS_DA = re.compile(r"(?i)đã\s*$")
_SHORTCOMING = re.compile(r"(?i)(?<!\w)(?:còn|chưa)\s")
_COOPERATION = re.compile(
    r"(?i)(?<!\w)(?:chủ\s+trì\s*,?\s*phối\s+hợp(?:\s+với)?|phối\s+hợp\s+với)\s+"
)
_PARTNERS_END = re.compile(
    r"[;.]|\s(?:tham\s+mưu|triển\s+khai|xây\s+dựng|tổ\s+chức|thực\s+hiện|rà\s+soát"
    r"|hướng\s+dẫn|theo\s+dõi|đôn\s+đốc|kiểm\s+tra|nghiên\s+cứu|chuẩn\s+bị|hoàn\s+thành"
    r"|báo\s+cáo|trình|đề\s+xuất|tuyên\s+truyền|để|nhằm)\s"
)
_LIST_SEP = re.compile(r",\s*|\s+và\s+")
_TOPIC_WORD = re.compile(r"(?i)^(?:về|đối\s+với)\s+")
_ATTENDEES = re.compile(r"(?i)(?:giao\s+ban|làm\s+việc|họp)[^.]{0,80}?\svới\s+([^.;]{3,200})")
_WORD = re.compile(r"\w+")
_REC_SUBJECT_TAIL = re.compile(r"(?i)\s*(?:đã|cũng|tiếp\s+tục|đồng\s+thời)\s*$")
_AT_THE_MEETING = re.compile(
    r"(?i)^(?:tại\s+(?:hội\s+nghị|buổi\s+làm\s+việc|cuộc\s+họp)|qua\s+đó)\s*,\s*"
)
_EVERY_SPEAKER = re.compile(
    r"(?i)(?:các\s+)?(?:đại\s+biểu|ý\s+kiến|lãnh\s+đạo\s+các|các\s+cấp\s+ủy)"
)
_SEMICOLON = re.compile(r";\s*")
_LA_MARK = re.compile(r"là\s*[,:]")

# Item marks from the outermost to the innermost ("1." > "1.1" > "a)" > "-").
_ITEM_RANK = {"num": 0, "pnum": 0, "sub": 1, "letter": 2, "bullet": 3}

_HEAD_LINES = 15  # how far down the page header may reach
_STAMP_LINE_LEN = 120  # a publication stamp sits on a short line


def extract(text: str, *, published: date | str | None = None) -> Record:
    """Read one briefing text. Raises ExtractionError for unusable input."""
    if not isinstance(text, str):
        raise ExtractionError("Dữ liệu vào không phải văn bản / input is not text")
    pub_arg = _parse_published(published)
    page = split_page(normalize(text))
    if not any(_has_letters(line) for line in page.lines):
        raise ExtractionError("Văn bản rỗng, không có nội dung để đọc / the text is empty")
    return _Reader(page.lines, page.chrome, page.crawler_date, pub_arg).record()


def _parse_published(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    m = pt.ISO_DATE.match(value.strip())
    parsed = _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    if parsed is None:
        raise ExtractionError(
            f"Ngày đăng không hợp lệ (cần YYYY-MM-DD): {value!r} / "
            f"invalid publication date (YYYY-MM-DD expected): {value!r}"
        )
    return parsed


def _has_letters(line: str) -> bool:
    return any(c.isalpha() for c in line)


def _make_date(y: int | None, m: int, d: int) -> date | None:
    if y is None or not 1900 <= y <= 2200:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _clean(text: str) -> str:
    """Strip the final full stop, ellipsis, "/." and stray separators."""
    return text.strip().rstrip(" .;,:…/-").lstrip(" -")


@dataclass(frozen=True)
class _Sentence:
    text: str
    para: int
    start: int = 0  # where the sentence starts in its line


def _sentences(line: str) -> list[str]:
    """Split a paragraph into sentences (not at "TP. Vinh" and the like)."""
    return [text for _, text in _sentence_spans(line)]


def _sentence_spans(line: str) -> list[tuple[int, str]]:
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


class _Reader:
    """One pass of reading; holds what earlier steps found for later ones."""

    def __init__(
        self,
        lines: tuple[str, ...],
        chrome: tuple[str, ...],
        crawler_date: str | None,
        published: date | None,
    ) -> None:
        self.chrome = chrome
        self.crawler_date = crawler_date
        self.meta: set[int] = set()
        self.directive_sentences: set[str] = set()  # filled by _directives, read by _figures
        self._rec_cache: dict[tuple[str, bool], tuple[tuple[str, ...], str] | None] = {}
        self._verb_cache: dict[str, int | None] = {}
        self.lines = list(lines)
        self.published = published
        self.document = self._document()
        if self.published is None:
            self.published = self._published()
        self.prose = [
            i
            for i, line in enumerate(self.lines)
            if i not in self.meta and pt.SENTENCE_END.search(line + " ") and len(line.split()) >= 12
        ]
        first = self.prose[0] if self.prose else len(self.lines) - 1
        self.head = [i for i in range(0, first + 1) if i not in self.meta]
        self.lead = self.head + [i for i in self.prose[1:2]]
        # Sets for membership tests: a long text has many paragraphs.
        self.prose_set = frozenset(self.prose)
        self.lead_set = frozenset(self.lead)
        self.title_set = frozenset(self.head) - self.prose_set  # headline, byline, stamps

    # --- page header ------------------------------------------------------
    def _document(self) -> Document | None:
        doc: Document | None = None
        for i, line in enumerate(self.lines[:_HEAD_LINES]):
            m = pt.DOC_NUMBER_PARTY.match(line)
            if m and doc is None:
                doc = Document(
                    number=f"{m.group(1)}-{m.group(2)}/{m.group(3)}".upper(),
                    kind=m.group(2).upper(),
                    issuer=m.group(3).upper(),
                    style="party",
                )
                self.meta.add(i)
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
                self.meta.add(i)
        if doc is not None:
            for i, line in enumerate(self.lines[: _HEAD_LINES + 5]):
                m = pt.PLACE_DATE.match(line)
                if m:
                    self.meta.add(i)
                    d = _make_date(int(m.group(4)), int(m.group(3)), int(m.group(2)))
                    return Document(doc.number, doc.kind, doc.issuer, doc.style, d)
        return doc

    def _published(self) -> date | None:
        if self.crawler_date and len(self.crawler_date) == 10:
            y, m, d = self.crawler_date.split("-")
            return _make_date(int(y), int(m), int(d))
        if self.document is not None and self.document.date is not None:
            return self.document.date
        for i, line in enumerate(self.lines):
            if len(line) > _STAMP_LINE_LEN:
                continue
            m = pt.STAMP_DATE.search(line)
            if m:
                d = (
                    _make_date(int(m.group(5)), int(m.group(4)), int(m.group(3)))
                    if m.group(3)
                    else _make_date(int(m.group(8)), int(m.group(7)), int(m.group(6)))
                )
                if d:
                    self.meta.add(i)
                    return d
            m = pt.LABELLED_DATE.search(line)
            if m:
                d = _make_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
                if d:
                    self.meta.add(i)
                    return d
        for i, line in enumerate(self.lines[: _HEAD_LINES + 5]):
            m = pt.PLACE_DATE.match(line)
            if m and gz.canonical_province(m.group("place")):
                self.meta.add(i)
                return _make_date(int(m.group(4)), int(m.group(3)), int(m.group(2)))
        return None

    # --- the record -------------------------------------------------------
    def record(self) -> Record:
        self.province = self._province()
        self.committee, self.host = self._host()
        self.unit_committee = (
            self.committee if self.committee in ("Tỉnh ủy", "Thành ủy") else "Tỉnh ủy"
        )
        self.sentences = [
            _Sentence(s, i, at)
            for i, line in enumerate(self.lines)
            if i not in self.meta
            for at, s in _sentence_spans(line)
        ]
        self._line_units: dict[int, tuple[tuple[int, int, str], ...]] = {}
        self.region = self._conclusion_start()
        period, self.sibling_year = self._period()
        raw_date = self._meeting_date()
        meeting_date, period = self._resolve_years(raw_date, period)
        self.meeting_date = meeting_date
        self.ref_year = (
            meeting_date.year
            if meeting_date
            else self.published.year
            if self.published
            else period.year
            if period and period.year
            else None
        )
        kind = self._kind()
        chairs = self._chairs(kind)
        online, points = self._online()
        self.attendees = self._attendees()
        directives = self._directives()
        recommendations = self._recommendations()
        figures = self._figures()
        units = self._units(directives)
        meeting = Meeting(
            date=meeting_date,
            kind=kind,
            host=self.host,
            province=self.province,
            period=period,
            chairs=tuple(chairs),
            online=online,
            connection_points=points,
        )
        return Record(
            source=None,
            published=self.published,
            meeting=meeting,
            units=tuple(units),
            directives=tuple(directives),
            figures=tuple(figures),
            recommendations=tuple(recommendations),
            document=self.document,
        )

    def _text(self, indices: list[int]) -> str:
        return "\n".join(self.lines[i] for i in indices if i < len(self.lines))

    # --- province and host ------------------------------------------------
    _PROVINCE_CONTEXT = re.compile(
        r"(?i)(?:(?P<com>tỉnh\s+ủy|thành\s+ủy)|(?P<strong>đảng\s+bộ\s+tỉnh|đảng\s+bộ\s+thành\s+phố"
        r"|cổng\s+ttđt|cổng\s+thông\s+tin\s+điện\s+tử(?:\s+tỉnh)?|báo|đài\s+\S+(?:\s*-\s*\S+)?"
        r"|trường\s+chính\s+trị|ubnd\s+tỉnh|hđnd\s+tỉnh|ủy\s+ban\s+nhân\s+dân\s+tỉnh|tỉnh|thành\s+phố"
        r"|tp\.?|ban\s+\S+(?:\s+\S+)?\s+tỉnh\s+ủy))\s*$"
    )

    def _province(self) -> str | None:
        scores: Counter[str] = Counter()
        first: dict[str, int] = {}
        for line in self.lines[: _HEAD_LINES + 5]:
            m = pt.PLACE_DATE.match(line)
            if m:
                p = gz.canonical_province(m.group("place"))
                if p:
                    scores[p] += 5
                    first.setdefault(p, -1)
        text = "\n".join(self.lines) + "\n" + "\n".join(self.chrome)
        for order, (start, _, p) in enumerate(gz.find_provinces(text)):
            ctx = self._PROVINCE_CONTEXT.search(text, max(0, start - 40), start)
            if not ctx:
                continue
            scores[p] += 5 if ctx.group("com") else 3
            first.setdefault(p, order)
        if not scores:
            return None
        return max(scores, key=lambda p: (scores[p], -first[p]))

    _COMMITTEE_RE = re.compile(
        r"(?i)(?<!\w)(?<!các\s)(?<!thị\s\S{2},\s)(?P<com>tỉnh\s+ủy|thành\s+ủy|huyện\s+ủy|thị\s+ủy"
        r"|đảng\s+ủy\s+khối\s+(?:các\s+)?(?:cơ\s+quan(?:\s+và\s+doanh\s+nghiệp)?|doanh\s+nghiệp)"
        r"(?:\s+tỉnh)?)(?!\s+viên)(?!\w)"
    )
    _CENTRAL = re.compile(
        r"(?i)^(?:[^,]{0,40},\s*)?(?:ban\s+bí\s+thư|bộ\s+chính\s+trị|ban\s+[^,.;]{2,30}?\s+trung\s+ương"
        r"|văn\s+phòng\s+trung\s+ương|ủy\s+ban\s+kiểm\s+tra\s+trung\s+ương|cụm\s+thi\s+đua)"
    )
    _NAME_AFTER = re.compile(rf"\s+([{gz.UPPER}][^\W\d_]*(?:\s+[{gz.UPPER}][^\W\d_]*){{0,3}})")

    def _host(self) -> tuple[str | None, str | None]:
        head = [i for i in self.lead]
        for i in head:
            line = self.lines[i]
            if self._CENTRAL.match(line):
                return None, None
            for m in self._COMMITTEE_RE.finditer(line):
                com = _SPACES.sub(" ", m.group("com"))
                com = com[0].upper() + com[1:].lower()
                name = None
                after = self._NAME_AFTER.match(line, m.end())
                if after:
                    pm = gz.PROVINCE_RE.match(after.group(1))
                    if pm:
                        name = gz.canonical_province(pm.group(0))
                        if com in ("Tỉnh ủy", "Thành ủy") and self.province is None:
                            self.province = name
                    elif com in ("Huyện ủy", "Thị ủy"):
                        name = after.group(1)
                if com.startswith("Đảng ủy khối"):
                    return com, com.replace("Đảng ủy khối", "Đảng ủy Khối")
                if com in ("Tỉnh ủy", "Thành ủy"):
                    name = name or self.province
                if name is None:
                    return com, None
                return com, f"{com} {name}"
        return None, None

    # --- the period under review -------------------------------------------
    def _period(self) -> tuple[Period | None, int | None]:
        scopes = [
            self.head[:-1],
            self.lead[len(self.head) - 1 :],
            [i for i in range(len(self.lines)) if i not in self.meta],
        ]
        for scope in scopes:
            text = self._text(scope)
            found = [m for m in pt.PERIOD.finditer(text)]
            if not found:
                continue
            years = [int(y) for m in found for y in [self._period_year(m)] if y]
            # The first year told after each mention, found in one backward pass.
            next_year: list[int | None] = [None] * len(found)
            seen: int | None = None
            for k in range(len(found) - 1, -1, -1):
                next_year[k] = seen
                y = self._period_year(found[k])
                seen = int(y) if y else seen
            for k, m in enumerate(found):
                before = text[max(0, m.start() - 40) : m.start()]
                if pt.PLANNING_BEFORE.search(before):
                    continue
                period = self._to_period(m)
                if period is None:
                    continue
                year = self._period_year(m)
                if year is None and years:
                    # "quý III, định hướng quý IV năm 2021": the year told nearby.
                    year = next_year[k] or years[0]
                return Period(int(year) if year else None, period.type, period.number), (
                    years[0] if years else None
                )
        return None, None

    @staticmethod
    def _period_year(m: re.Match[str]) -> str | None:
        for g in ("qy", "hy", "ny", "ty", "my", "yy"):
            if m.group(g):
                return m.group(g)
        return None

    @staticmethod
    def _to_period(m: re.Match[str]) -> Period | None:
        if m.group("q"):
            q = m.group("q").upper()
            return Period(None, "quarter", _ROMAN.get(q) or int(q))
        if m.group("h"):
            return Period(None, "half", 2 if (m.group("hw") or "").lower() == "cuối" else 1)
        if m.group("n"):
            return Period(None, "nine_months", None)
        if m.group("t"):
            return Period(None, "quarter", 4 if m.group("tw").lower() == "cuối" else 1)
        if m.group("m"):
            n = int(m.group("mn"))
            return Period(None, "month", n) if 1 <= n <= 12 else None
        if m.group("y"):
            return Period(None, "year", None)
        return None

    # --- meeting date ----------------------------------------------------
    def _meeting_date(self) -> tuple[int, int, int | None] | None:
        before_region = [
            i for i in range(len(self.lines)) if i not in self.meta and i < self.region_para()
        ]
        for scope in (self.lead, before_region):
            for i in scope:
                for m in pt.MEETING_DATE.finditer(self.lines[i]):
                    if m.group(1):
                        d, mo, y = int(m.group(1)), int(m.group(2)), m.group(3)
                    else:
                        d, mo, y = int(m.group(4)), int(m.group(5)), m.group(6)
                    if 1 <= d <= 31 and 1 <= mo <= 12:
                        return d, mo, int(y) if y else None
        return None

    def _resolve_years(
        self, raw: tuple[int, int, int | None] | None, period: Period | None
    ) -> tuple[date | None, Period | None]:
        late = period is not None and (
            period.type == "year"
            or (
                period.type in ("quarter", "half")
                and period.number == (4 if period.type == "quarter" else 2)
            )
        )
        partial = None
        if self.crawler_date and len(self.crawler_date) == 7:
            partial = (int(self.crawler_date[:4]), int(self.crawler_date[5:]))
        if period is not None and period.year is None:
            year = raw[2] if raw and raw[2] else None
            if year is None and self.published:
                year = self.published.year - (1 if late and self.published.month <= 2 else 0)
            if year is None and partial:
                year = partial[0] - (1 if late and partial[1] <= 2 else 0)
            if year is None and self.sibling_year:
                year = self.sibling_year
            if (
                year is not None
                and raw
                and raw[2] is None
                and late
                and raw[1] <= 2
                and not self.published
                and not partial
            ):
                year = None
            period = Period(year, period.type, period.number)
        if raw is None:
            return None, period
        d, mo, y = raw
        if y is None and self.published:
            y = self.published.year - (
                1 if (mo, d) > (self.published.month, self.published.day) else 0
            )
        if y is None and partial:
            y = partial[0] - (1 if mo > partial[1] else 0)
        if y is None and period is not None and period.year:
            y = period.year + (1 if late and mo <= 2 else 0)
        return _make_date(y, mo, d), period

    # --- kind -------------------------------------------------------------
    def _kind(self) -> MeetingKind:
        title = [i for i in self.head if i not in self.prose_set]
        for scope in (title, self.lead):
            text = self._text(scope)
            gb = pt.GIAO_BAN.search(text)
            lv = pt.LAM_VIEC.search(text)
            if gb and (not lv or gb.start() < lv.start()):
                return "giao_ban"
            if lv:
                return "lam_viec"
        return "hoi_nghi"

    # --- chairs -----------------------------------------------------------
    def _chairs(self, kind: MeetingKind) -> list[Chair]:
        limit = self.region_para()
        candidates = [s for s in self.sentences if s.para in self.lead_set] + [
            s for s in self.sentences if s.para not in self.lead_set and s.para < limit
        ]
        for s in candidates:
            chairs = self._chairs_in(s.text, kind)
            if chairs:
                return chairs
        return []

    def _chairs_in(self, sentence: str, kind: MeetingKind) -> list[Chair]:
        spans: list[str] = []
        after = pt.CHAIR_AFTER.search(sentence)
        if after:
            spans.append(_CHAIR_SPAN_END.split(sentence[after.end() :])[0])
        else:
            verb = pt.CHAIR_VERB.search(sentence)
            if verb is None and kind == "lam_viec":
                verb = _WORKS_WITH.search(sentence)
            if verb is not None:
                span = sentence[: verb.start()]
                span = _CHAIR_SPAN_TAIL.sub("", span)
                start = self._first_person(span)
                if start is not None:
                    spans.append(span[start:])
        chairs: list[Chair] = []
        for span in spans:
            for part in pt.PEOPLE_SPLIT.split(span):
                chair = self._person(part)
                if chair and chair.name not in {c.name for c in chairs}:
                    chairs.append(chair)
        return chairs

    _CHAIR_TITLE = re.compile(rf"(?<!\w)(?:{gz.TITLE_HEAD})(?!\w)")

    def _first_person(self, span: str) -> int | None:
        marks = [
            m.start() for m in (pt.PERSON_MARK.search(span), self._CHAIR_TITLE.search(span)) if m
        ]
        marks = [p for p in marks if not span[p:].lower().startswith("thường trực")]
        if not marks:
            m = gz.NAME_RE.search(span)
            return m.start() if m else None
        return min(marks)

    def _person(self, part: str) -> Chair | None:
        part = part.strip(" ,;:-()")
        m = pt.PERSON_MARK.search(part)
        pre, rest = (part[: m.start()], part[m.end() :]) if m else ("", part)
        rest = _TITLE_TAIL.sub("", rest.strip(" ,;:-"))
        if pt.TITLE_START.match(rest):
            names = [n for n in gz.NAME_RE.finditer(rest) if self._valid_name(n.group(0))]
            if not names or rest[names[-1].end() :].strip(" ,.-"):
                return None
            name = self._valid_name(names[-1].group(0))
            title = rest[: names[-1].start()].strip(" ,-")
        else:
            n = gz.NAME_RE.match(rest)
            name = self._valid_name(n.group(0)) if n else None
            if not n or not name:
                return None
            title = rest[n.end() :].strip(" ,-:(")
            if not title and pt.TITLE_START.match(pre.strip(" ,-")):
                title = pre.strip(" ,-")
        if not name or not title or not pt.TITLE_START.match(title):
            return None
        return Chair(name=name, title=_clean(title))

    @staticmethod
    def _valid_name(run: str) -> str | None:
        words = run.split()
        while words:
            pm = gz.PROVINCE_RE.match(" ".join(words))
            if pm and gz.canonical_province(pm.group(0)):
                words = " ".join(words)[pm.end() :].split()
                continue
            if words[0] in gz.NOT_NAME_WORDS or words[0].isupper() and len(words[0]) > 1:
                words = words[1:]
                continue
            break
        if not 2 <= len(words) <= 5 or any(w in gz.NOT_NAME_WORDS for w in words):
            return None
        return " ".join(words)

    # --- online, connection points ----------------------------------------
    def _online(self) -> tuple[bool, int | None]:
        limit = self.region_para()
        scope = [s for s in self.sentences if s.para in self.lead_set or s.para < limit]
        # "hệ thống hội nghị trực tuyến" in a unit's request is not how the meeting was held.
        online = any(
            pt.ONLINE.search(s.text) and self._rec_frame(s.text, False) is None for s in scope
        )
        if not online:
            return False, None
        for s in scope:
            if "điểm cầu" not in s.text.lower():
                continue
            total = sum(int(m.group(1)) for m in pt.POINT_COUNT.finditer(s.text))
            named = 0
            marks = list(pt.POINT_WORD.finditer(s.text))
            for k, m in enumerate(marks):
                if m.group("host"):
                    continue  # "từ điểm cầu Tỉnh ủy": the host's own point
                end = marks[k + 1].start() if k + 1 < len(marks) else len(s.text)
                segment = s.text[m.end() : end]
                named += len(
                    gz.find_units(segment, committee=self.unit_committee, province=self.province)
                )
                named += len(pt.NAMED_COMMITTEE.findall(segment))
            if total or named:
                return True, total + named
        return True, None

    # --- where the chair's conclusion starts ----------------------------------
    def region_para(self) -> int:
        return (
            self.sentences[self.region].para
            if self.region < len(self.sentences)
            else len(self.lines)
        )

    def _conclusion_start(self) -> int:
        """Index of the first sentence of the chair's conclusion."""
        for k, s in enumerate(self.sentences):
            if s.para in self.title_set:
                continue
            # Every form of the conclusion cue has "kết luận" or "chỉ đạo" in it.
            low = s.text.lower()
            if (
                ("luận" in low or "đạo" in low)
                and pt.CONCLUSION.search(s.text)
                and self._is_prose_line(s.para)
            ):
                return k
        for k, s in enumerate(self.sentences):
            if s.para in self.title_set:
                continue
            frame = self._frame(s.text)
            if (
                frame is not None
                and self._speaker_is_leader(s.text[: frame.start()])
                and self._rec_frame(s.text, False) is None
            ):
                return k
        for k, s in enumerate(self.sentences):
            sec = pt.SECTION.match(self.lines[s.para])
            if sec and not pt.SECTION_REPORT.search(sec.group("title")):
                return k
        return len(self.sentences)

    def _is_prose_line(self, para: int) -> bool:
        line = self.lines[para]
        return len(line.split()) >= 15 or line.rstrip().endswith((".", ":", "…", ";"))

    @staticmethod
    def _speaker_is_leader(sentence: str) -> bool:
        return bool(_LEADER.search(sentence))

    # --- directives ---------------------------------------------------------
    def _frame(self, sentence: str) -> re.Match[str] | None:
        """The reporting frame ("Đồng chí ... đề nghị,") if the sentence has one."""
        for m in pt.FRAME_VERB.finditer(sentence):
            if m.start() > 300:
                break
            pre = sentence[: m.start()]
            pre_stripped = pt.LEADING_CONNECTIVE.sub("", pre.strip())
            pre_stripped = _TOPIC_CLAUSE.sub("", pre_stripped)
            if self._is_unit_name(pre_stripped):
                continue  # "Ban Tuyên giáo Tỉnh ủy chỉ đạo Báo ...": the unit's own task
            if not pre_stripped or pt.SPEAKER_END.search(pre) or self._after_prior_act(pre):
                verb = m.group(0).lower()
                if (
                    _ENDS_CO_SE.search(pre)
                    or _DUOC.search(pre[-80:])
                    or (verb.startswith(("chỉ", "quán", "giao")) and _ENDS_DA.search(pre))
                ):
                    continue
                return m
        return None

    @staticmethod
    def _after_prior_act(pre: str) -> bool:
        """ "đồng chí X ghi nhận ... và" before the frame verb: the speaker acts twice."""
        act = pt.PRIOR_ACT.search(pre)
        return bool(act and pt.SPEAKER_END.search(pre, 0, act.start()))

    def _directives(self) -> list[Directive]:
        out: list[Directive] = []
        section_ok = True
        default: tuple[str, ...] = ("*",)
        lead_default: tuple[str, ...] = ("*",)
        header_rank: int | None = None  # rank of the item line that set `default`
        paras: dict[int, list[_Sentence]] = {}
        for s in self.sentences[self.region :]:
            paras.setdefault(s.para, []).append(s)
        for para, sents in paras.items():
            line = self.lines[para]
            if pt.END_OF_NOTICE.match(line):
                break
            sec = pt.SECTION.match(line)
            if sec:
                section_ok = not pt.SECTION_REPORT.search(sec.group("title"))
                default = lead_default
                continue
            item = pt.LINE_ITEM.match(line)
            if (
                item
                and len(line[item.end() :].split()) <= 10
                and not line.rstrip().endswith((".", ";", "…", ":"))
            ):
                # "1. Đánh giá chung", "2. Nhiệm vụ thời gian tới": a sub-heading.
                section_ok = not pt.SECTION_REPORT.search(line[item.end() :])
                default = lead_default
                continue
            if not section_ok:
                continue
            if item:
                rank = _ITEM_RANK[item.lastgroup or "bullet"]
                if header_rank is not None and rank <= header_rank:
                    # "4. Ủy ban Kiểm tra ..." after "3. Ban Tuyên giáo:" and its sub-items.
                    default, header_rank = lead_default, None
                body = line[item.end() :]
                header = pt.TOPIC_HEADER.match(body)
                if header:
                    body = body[header.end() :]
                    hdr_units = self._assignees(header.group(0), ())
                    if not body.strip():
                        default = hdr_units or lead_default
                        header_rank = rank
                        continue
                if not body.strip() or (len(body.split()) < 15 and body.rstrip().endswith(":")):
                    default = self._assignees(body, ()) or lead_default
                    header_rank = rank
                    continue
                # One entry per numbered item, screened like a sentence (reports are not
                # directives) and with its reporting frame dropped.
                d = self._directive_sentence(body, default, item=True)
                if d is None and header_rank is not None and default != lead_default:
                    # Under "3. Ban Tuyên giáo và Dân vận Tỉnh ủy:" every item is its task.
                    d = self._task_item(body, default)
                if d:
                    out.append(d)
                    self.directive_sentences.update(s.text for s in sents)
                continue
            text = " ".join(s.text for s in sents)
            items = self._inline_items(text)
            if items:
                intro, parts = items
                intro_sents = _sentences(intro)
                for s in intro_sents[:-1]:
                    d = self._directive_sentence(s, default)
                    if d:
                        out.append(d)
                frame_text = intro_sents[-1] if intro_sents else ""
                fm = self._frame(frame_text)
                subject_text = frame_text[fm.end() :] if fm else frame_text
                inherited = self._assignees(subject_text, ()) or default
                for part in parts:
                    d = self._directive(_clean(part), inherited, item=True)
                    if d:
                        out.append(d)
                        self.directive_sentences.update(s.text for s in sents)
                continue
            if (
                sents[-1].text.rstrip().endswith(":")
                and para + 1 < len(self.lines)
                and pt.LINE_ITEM.match(self.lines[para + 1])
            ):
                # "... yêu cầu các ban Đảng ... thực hiện tốt các nhiệm vụ sau:" introduces
                # the items below: it gives their default assignees, it is not one itself.
                fm = self._frame(sents[-1].text)
                subject_text = sents[-1].text[fm.end() :] if fm else sents[-1].text
                default = self._assignees(subject_text, ()) or lead_default
                header_rank = None
                sents = sents[:-1]
            for s in sents:
                if s.para in self.title_set:
                    continue
                d = self._directive_sentence(s.text, default)
                if d:
                    out.append(d)
        return out

    def _task_item(self, body: str, default: tuple[str, ...]) -> Directive | None:
        body = body.strip()
        if pt.DONE.match(body) or pt.EVALUATION.search(body[:120]) or pt.SCHEDULING.search(body):
            return None
        return self._directive(_clean(body), default, item=True)

    @staticmethod
    def _inline_items(text: str) -> tuple[str, list[str]] | None:
        if "(1)" not in text and " là" not in text and "hứ " not in text:
            return None
        marks = list(pt.INLINE_ITEM.finditer(text))
        numbers = [int(m.group(1)) for m in marks]
        if len(marks) < 2 or numbers[:2] != [1, 2]:
            low = text.lower()
            # "Một là,", "Thứ nhất:" need "là" or "thứ" before the long pattern is tried.
            if "thứ " not in low and not ("là" in low and _LA_MARK.search(low)):
                return None
            marks = list(pt.INLINE_ORDINAL.finditer(text))
            numbers = [
                pt.ORDINAL_WORDS.get((m.group(1) or m.group(2) or "").lower(), 0) for m in marks
            ]
            if len(marks) < 2 or numbers[:2] != [1, 2]:
                return None
        # keep the run 1, 2, 3, ... only
        run = [marks[0]]
        for m, n in zip(marks[1:], numbers[1:]):
            if n == len(run) + 1:
                run.append(m)
        parts = []
        for k, m in enumerate(run):
            end = run[k + 1].start() if k + 1 < len(run) else len(text)
            part = text[m.end() : end]
            if k + 1 == len(run):
                part = _sentences(part)[0] if _sentences(part) else part
            parts.append(part)
        return text[: run[0].start()], parts

    def _directive_sentence(
        self, sentence: str, default: tuple[str, ...], *, item: bool = False
    ) -> Directive | None:
        d = self._directive_sentence_uncached(sentence, default, item)
        if d is not None:
            self.directive_sentences.add(sentence)
        return d

    def _directive_sentence_uncached(
        self, sentence: str, default: tuple[str, ...], item: bool = False
    ) -> Directive | None:
        if (
            pt.SCHEDULING.search(sentence)
            or self._rec_frame(sentence, False) is not None
            or sentence.rstrip(" :").endswith(("luận", "LUẬN", "sau", "SAU"))
            and pt.CONCLUSION_ANNOUNCED.search(sentence)
        ):
            return None
        frame = self._frame(sentence)
        if frame is not None:
            content = sentence[frame.end() :]
            if pt.META_ASSIGNMENT.match(_clean(content)):
                return None
            verb = _SPACES.sub(" ", frame.group(0).strip(" ,:").lower())
            if verb in ("nhấn mạnh", "chỉ đạo", "chỉ rõ", "quán triệt") and not (
                pt.MODAL_CUE.search(content) or pt.ACTION_VERB.search(content)
            ):
                return None
            return self._directive(_clean(content), default, item=item)
        body = pt.LEADING_CONNECTIVE.sub("", sentence)
        if pt.EVALUATION.search(sentence[:120]):
            return None
        cue = pt.MODAL_CUE.search(pt.RELATIVE_CLAUSE.sub("", body))
        imperative = pt.IMPERATIVE_START.match(body)
        subject = self._subject_units(body)
        if not (cue or imperative or subject):
            return None
        first_cue = cue.start() if cue else len(body)
        done = pt.DONE.search(body)
        if done and done.start() < first_cue and not imperative:
            return None
        verb_at = self._verb_at(body)
        if _SHORTCOMING.search(body[: min(first_cue, verb_at or len(body))]) and not imperative:
            return None  # a shortcoming: "một số nhiệm vụ còn chậm"
        if subject and not cue and not imperative:
            act = pt.ACTION_VERB.search(body)
            if not act or done and done.start() < act.start():
                return None
        return self._directive(_clean(sentence), default, item=item)

    def _subject_units(self, body: str) -> bool:
        head = self._head(pt.LEADING_TIME.sub("", body))
        return bool(
            head
            and (
                gz.find_units(head)
                or pt.LEADING_CONNECTIVE.match(head) is None
                and (gz.ALL_UNITS_RE.match(head) or gz.SUBSET_GROUP_RE.match(head))
            )
            and pt.ACTION_VERB.search(body)
        )

    def _verb_at(self, text: str) -> int | None:
        """Where the clause's first verb starts (None: no verb)."""
        try:
            return self._verb_cache[text]  # several passes ask about the same clause
        except KeyError:
            pass
        at = None
        for m in pt.ACTION_VERB.finditer(text, 0, 300):
            # A capitalized verb inside the clause is part of a name ("Ban Tổ chức").
            if m.start() and m.group(0)[0].isupper():
                continue
            at = m.start()
            break
        self._verb_cache[text] = at
        return at

    def _head(self, text: str) -> str:
        """The clause before its first verb: who must act ("" if none)."""
        at = self._verb_at(text)
        return text[:at].strip(" ,") if at is not None else ""

    def _directive(self, text: str, default: tuple[str, ...], *, item: bool) -> Directive | None:
        text = text.strip()
        if not text or len(text.split()) < 3:
            return None
        # "Trong đó, các cơ quan báo chí ..." -> the connective goes with a subject.
        conn = pt.LEADING_CONNECTIVE.match(text)
        if (
            conn
            and not pt.IMPERATIVE_START.match(text[conn.end() :])
            and not pt.MODAL_CUE.match(text[conn.end() :])
        ):
            text = text[conn.end() :]
        low = text.lower()
        # "do đó", "vì vậy", "vì thế", "cho nên", "nên": one of these words must be there.
        causal = (
            pt.CAUSAL_TO_SUBJECT.search(text)
            if ("nên" in low or "đó" in low or "vậy" in low or "thế" in low)
            else None
        )
        if causal and causal.start() < 250:
            text = text[causal.end() :]
        if not pt.IMPERATIVE_START.match(text) and not self._has_subject(text):
            later = pt.SUBJECT_AFTER_COMMA.search(text, 0, 250)
            if later:
                text = text[later.start("subj") :]
        label = pt.UNIT_LABEL.match(text)
        if label and gz.find_units(label.group("label"), province=self.province):
            text = text[label.end() :]
            default = tuple(self._assignees(label.group("label"), ()) or default)
        if not text or len(text.split()) < 3:
            return None
        assignees, lead = self._assign(text, default)
        text = text[0].upper() + text[1:] if item else text
        return Directive(text=text, assignees=assignees, deadline=self._deadline(text), lead=lead)

    def _assign(self, text: str, default: tuple[str, ...]) -> tuple[tuple[str, ...], str | None]:
        coop = _COOPERATION.search(text[:250])
        if coop:
            lead_units = [
                u
                for _, _, u in gz.find_units(
                    text[: coop.start()], committee=self.unit_committee, province=self.province
                )
            ]
            if lead_units:
                partners_text = _PARTNERS_END.split(text[coop.end() :])[0]
                partners = self._partners(partners_text)
                names = list(dict.fromkeys([lead_units[-1]] + partners))
                return tuple(names), lead_units[-1]
        found = self._assignees(text, default)
        lead = found[0] if len(found) == 1 and self._is_unit_name(found[0]) else None
        return tuple(found), lead

    def _has_subject(self, text: str) -> bool:
        """Does the clause open with who must act (a unit or a group)?"""
        text = pt.LEADING_TIME.sub("", text)
        head = self._head(text) or text[:80]
        return bool(
            gz.ALL_UNITS_RE.match(head)
            or gz.SUBSET_GROUP_RE.match(head)
            or gz.find_units(head, committee=self.unit_committee, province=self.province)
            or head.lower().startswith(("việc ", "lãnh đạo ", "các ", "mỗi ", "từng "))
        )

    def _is_unit_name(self, name: str) -> bool:
        if len(name) > 80 or not name[:1].isupper():
            return False  # canonical names are short and capitalized
        units = gz.find_units(name, committee=self.unit_committee, province=self.province)
        return bool(units) and units[0][2] == name

    def _partners(self, text: str) -> list[str]:
        out: list[str] = []
        for chunk in _LIST_SEP.split(text):
            chunk = chunk.strip()
            if not chunk or _vague(chunk):
                continue
            units = gz.find_units(chunk, committee=self.unit_committee, province=self.province)
            if units:
                out.extend(u for _, _, u in units)
                continue
            g = gz.SUBSET_GROUP_RE.match(chunk)
            if g and chunk.lower().startswith("các"):
                out.append(g.group(0))
                continue
            state = gz.STATE_BODY_RE.match(chunk)
            if state:
                out.append(_SPACES.sub(" ", state.group(0)))
        # A group split on commas ("các huyện ủy, thị ủy, thành ủy") is read whole.
        whole = gz.SUBSET_GROUP_RE.search(text)
        if whole and "," in whole.group(0) and not _vague(text[whole.end() : whole.end() + 30]):
            out = [o for o in out if o not in whole.group(0)] + [whole.group(0)]
        return out

    def _assignees(self, text: str, default: tuple[str, ...]) -> tuple[str, ...]:
        text = pt.LEADING_CONNECTIVE.sub("", text.strip())
        text = pt.LEADING_TIME.sub("", text)
        text = _TOPIC_WORD.sub("", text)
        at = self._verb_at(text)
        head = (text[:at] if at is not None else text[:120]).strip(" ,:")
        if not head:
            return default
        if gz.ALL_UNITS_RE.match(text):
            return ("*",)
        # Matched on the text, not the head: a group may contain a verb ("tổ chức đảng").
        g = gz.SUBSET_GROUP_RE.match(text)
        if g:
            group = g.group(0).rstrip(" ,")
            # The whole attendee list named again is everyone present.
            return ("*",) if self._same_as_attendees(group) else (group,)
        units = [
            u
            for _, _, u in gz.find_units(
                head, committee=self.unit_committee, province=self.province
            )
        ]
        if units:
            return tuple(dict.fromkeys(units))
        if self._is_attendee_list(head):
            return ("*",)
        return default

    def _attendees(self) -> set[str]:
        text = self._text(self.lead)
        m = _ATTENDEES.search(text)
        if not m:
            return set()
        return set(_WORD.findall(m.group(1).lower()))

    def _same_as_attendees(self, group: str) -> bool:
        words = set(_WORD.findall(group.lower()))
        if not words or not self.attendees:
            return False
        common = len(words & self.attendees)
        return common / len(words) >= 0.75 and common / len(self.attendees) >= 0.75

    def _is_attendee_list(self, head: str) -> bool:
        words = _WORD.findall(head.lower())
        if not words or not (
            head.lower().startswith("các") or head.lower().startswith("lãnh đạo các")
        ):
            return False
        return sum(1 for w in words if w in self.attendees) / len(words) >= 0.75

    # --- deadlines ----------------------------------------------------------
    def _deadline(self, text: str) -> date | None:
        cue = pt.DEADLINE_CUE.search(text)
        m = pt.DEADLINE.search(text, cue.start()) if cue else None
        if not m:
            return None
        g = m.group
        ref = self.meeting_date or self.published
        base = self.ref_year

        def year(explicit: str | None) -> int | None:
            return int(explicit) if explicit else base

        def roll(d: date | None, explicit: str | None) -> date | None:
            if d is not None and not explicit and ref is not None and d < ref - timedelta(days=7):
                return _make_date(d.year + 1, d.month, d.day) or d
            return d

        if g("d") or g("d2"):
            day, month, y = (g("d"), g("dm"), g("dy")) if g("d") else (g("d2"), g("dm2"), g("dy2"))
            return roll(_make_date(year(y), int(month), int(day)), y)
        if g("q"):
            q = _ROMAN.get(g("q").upper()) or int(g("q"))
            y = year(g("qy"))
            return roll(_month_end(y, q * 3), g("qy")) if y else None
        if g("m"):
            mo, y = int(g("m")), year(g("my"))
            return roll(_month_end(y, mo), g("my")) if y and 1 <= mo <= 12 else None
        if g("h"):
            y = year(g("hy"))
            if not y:
                return None
            return date(y, 12, 31) if g("hw").lower() == "cuối" else date(y, 6, 30)
        if g("t"):
            y = year(g("ty"))
            return date(y, 12, 31) if y else None
        for key in ("ey", "yy", "yy2"):
            if g(key):
                return date(int(g(key)), 12, 31)
        return date(base, 12, 31) if base and m.group(0).lower().rstrip().endswith("năm") else None

    # --- recommendations ------------------------------------------------------
    def _recommendations(self) -> list[Recommendation]:
        out: list[Recommendation] = []
        region_paras = {s.para for s in self.sentences[self.region :]}
        before_region = {s.para for s in self.sentences[: self.region]}
        by_para: dict[int, list[_Sentence]] = {}
        for s in self.sentences:
            by_para.setdefault(s.para, []).append(s)
        for para, sents in by_para.items():
            if para in region_paras and para not in before_region:
                in_region = True
            else:
                in_region = False
            active: tuple[str, ...] | None = None
            for s in sents:
                if active is not None:
                    if self._rec_frame(s.text, in_region) is not None:
                        active = None  # another unit's request: a new subject
                    elif self._frame(s.text) is not None or pt.DONE.match(s.text):
                        active = None
                    else:
                        out.extend(Recommendation(t, active) for t in self._rec_items(s.text))
                        continue
                m = self._rec_frame(s.text, in_region)
                if m is None:
                    continue
                subject, rest = m
                active = subject
                items = self._rec_items(rest, first=True)
                out.extend(Recommendation(t, subject) for t in items)
        return out

    def _rec_frame(self, sentence: str, in_region: bool) -> tuple[tuple[str, ...], str] | None:
        key = (sentence, in_region)
        if key not in self._rec_cache:
            self._rec_cache[key] = self._rec_frame_uncached(sentence, in_region)
        return self._rec_cache[key]

    def _rec_frame_uncached(
        self, sentence: str, in_region: bool
    ) -> tuple[tuple[str, ...], str] | None:
        if not (
            "iến nghị" in sentence
            or "ề xuất" in sentence
            or "ề đạt" in sentence
            or "IẾN NGHỊ" in sentence
            or "Ề XUẤT" in sentence
        ):
            return None
        for m in pt.RECOMMEND.finditer(sentence):
            if m.start() > 250:
                break
            before = sentence[: m.start()]
            if pt.NOT_RECOMMENDATION_BEFORE.search(before[-40:]):
                continue
            subject_text = pt.LEADING_CONNECTIVE.sub("", _AT_THE_MEETING.sub("", before.strip()))
            subject_text = _REC_SUBJECT_TAIL.sub("", subject_text)
            if in_region and self._speaker_is_leader(subject_text):
                return None
            rest = sentence[m.end() :]
            if pt.RECOMMEND_NOUN_AFTER.match(rest) or len(subject_text.split()) > 14:
                continue
            subject = self._rec_subject(subject_text)
            if subject is None:
                continue
            rest = rest[pt.RECOMMEND_ADDRESSEE.match(rest).end() :]  # type: ignore[union-attr]
            if len(rest.split()) < 3:
                continue
            return subject, rest
        return None

    def _rec_subject(self, text: str) -> tuple[str, ...] | None:
        if not text:
            return None
        low = text.lower()
        if gz.ALL_UNITS_RE.match(text) or _EVERY_SPEAKER.match(low):
            return ("*",)
        units = [
            u
            for _, _, u in gz.find_units(
                text, committee=self.unit_committee, province=self.province
            )
        ]
        if units and len(text.split()) <= 25:
            return tuple(dict.fromkeys(units))
        g = gz.SUBSET_GROUP_RE.match(text)
        if g:
            return (g.group(0),)
        return None

    def _rec_items(self, text: str, first: bool = False) -> list[str]:
        items = []
        for k, part in enumerate(_SEMICOLON.split(text)):
            part = _clean(part)
            if first and k == 0:
                part = pt.RECOMMEND_LEAD_VERB.sub("", part)
            if len(part.split()) >= 3:
                items.append(part)
        return items

    # --- figures --------------------------------------------------------------
    def _figures(self) -> list[Figure]:
        out: list[Figure] = []
        region_start = self.region
        para_unit: dict[int, str] = {}
        for k, s in enumerate(self.sentences):
            has_digit = _DIGIT.search(s.text) is not None
            if s.para in para_unit and not has_digit:
                continue
            units = self._sentence_units(s)
            if units and s.para not in para_unit and units[0][0] < 40:
                para_unit[s.para] = units[0][2]
            if not has_digit or (k >= region_start and s.text in self.directive_sentences):
                continue
            if self._rec_frame(s.text, False):
                continue
            text = s.text
            m = pt.FIGURE.search(text)
            while m is not None:
                # Matches may overlap: the next count can sit inside this one's measure
                # ("tiếp nhận 56 đơn thư, đã giải quyết xong 41 đơn").
                nxt = pt.FIGURE.search(text, m.end("value"))
                measure = m.group("measure")
                if nxt is not None and nxt.start() < m.end():
                    cut = pt.FIGURE_MEASURE_TAIL.sub("", text[m.start("measure") : nxt.start()])
                    if cut:
                        measure = cut
                    else:  # "kiểm tra 7 tổ chức đảng": a noun, not the verb "tổ chức"
                        nxt = pt.FIGURE.search(text, m.end())
                if not (
                    pt.FIGURE_MEASURE_STOP.match(measure)
                    or pt.FIGURE_GAP_STOP.search(m.group("gap"))
                ):
                    unit = self._figure_unit(text, m.start(), units, para_unit.get(s.para))
                    if unit is not None:
                        out.extend(self._counts(unit, m.group("value"), measure))
                m = nxt
        return out

    @staticmethod
    def _figure_unit(
        text: str, at: int, units: tuple[tuple[int, int, str], ...], para_unit: str | None
    ) -> str | None:
        before = [u for u in units if u[1] <= at]
        clause = text.rfind(";", 0, at) + 1
        subject = [u for u in units if clause <= u[0] < clause + 40 and u[1] <= at]
        return subject[0][2] if subject else before[-1][2] if before else para_unit

    @staticmethod
    def _counts(unit: str, value: str, measure: str) -> list[Figure]:
        """One figure, or several sharing a verb: "2 hội nghị và 1 cuộc thi"."""
        out: list[Figure] = []
        pieces: list[tuple[str, str]] = []
        start = 0
        for c in pt.FIGURE_COORDINATED.finditer(measure):
            pieces.append((value, measure[start : c.start()]))
            value, start = c.group("value"), c.end()
        pieces.append((value, measure[start:]))
        for val, meas in pieces:
            meas = pt.FIGURE_MEASURE_END.sub("", meas).strip(" ,")
            if not meas or pt.FIGURE_MEASURE_STOP.match(meas):
                continue
            out.append(Figure(unit=unit, value=int(val.replace(".", "")), measure=meas))
        return out

    # --- units ----------------------------------------------------------------
    def _units(self, directives: list[Directive]) -> list[str]:
        found: list[str] = []
        for i, line in enumerate(self.lines):
            if pt.END_OF_NOTICE.match(line):
                break
            if i in self.meta:
                continue
            units = self.units_of_line(i)
            if units and len(line) - (units[0][1] - units[0][0]) < 15:
                continue  # a line that is only a unit's name: a masthead or byline
            found.extend(name for _, _, name in units)
        for d in directives:
            found.extend(a for a in d.assignees if a != "*" and self._is_unit_name(a))
        return list(dict.fromkeys(found))

    def units_of_line(self, i: int) -> tuple[tuple[int, int, str], ...]:
        """Units named in line i, found once per line and shared by the passes."""
        units = self._line_units.get(i)
        if units is None:
            units = self._line_units[i] = gz.find_units(
                self.lines[i], committee=self.unit_committee, province=self.province
            )
        return units

    def _sentence_units(self, s: _Sentence) -> tuple[tuple[int, int, str], ...]:
        """Units named in a sentence, cut from its line's (a name never spans two)."""
        end = s.start + len(s.text)
        return tuple(
            (a - s.start, b - s.start, name)
            for a, b, name in self.units_of_line(s.para)
            if s.start <= a and b <= end
        )


def _vague(text: str) -> bool:
    """ "các cơ quan, đơn vị liên quan": a partner too vague to list."""
    return bool(gz.VAGUE_PARTNER_RE.search(text))
