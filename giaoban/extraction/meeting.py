"""The meeting pass: date, kind, period under review, chairs, connection points.

`read_meeting` reads the page model and returns the `Meeting`; it looks at the
headline, the lead and the paragraphs before the chair's conclusion
(`conclusion_para`, found by the directives pass).
"""

from __future__ import annotations

import re
from datetime import date

from giaoban.extraction import gazetteer as gz
from giaoban.extraction import patterns as pt
from giaoban.extraction.clauses import Clauses
from giaoban.extraction.dates import make_date
from giaoban.extraction.page import PageModel, clean
from giaoban.extraction.record import Chair, Meeting, MeetingKind, Period
from giaoban.periods import grammar

RawDate = tuple[int, int, int | None]  # day, month, year if written
# Words of NOT_NAME_WORDS that are also common given names ("Vũ Đại Thành", "Nguyễn Chí Thanh").
_GIVEN_NAMES = frozenset({"Sáng", "Chiều", "Đồng", "Hội", "Phát", "Thành", "Chí"})


def read_meeting(page: PageModel, clauses: Clauses, conclusion_para: int) -> Meeting:
    period, sibling_year = _period(page)
    raw_date = _meeting_date(page, conclusion_para)
    meeting_date, period = _resolve_years(page, raw_date, period, sibling_year)
    kind = _kind(page)
    chairs = _chairs(page, kind, conclusion_para)
    online, points = _online(page, clauses, conclusion_para)
    return Meeting(
        date=meeting_date,
        kind=kind,
        host=page.host,
        province=page.province,
        period=period,
        chairs=tuple(chairs),
        online=online,
        connection_points=points,
    )


# --- the period under review --------------------------------------------------
def _period(page: PageModel) -> tuple[Period | None, int | None]:
    """(the period reviewed, the first year named with a period anywhere in its scope)."""
    scopes = [
        list(page.head[:-1]),
        list(page.lead[len(page.head) - 1 :]),
        [i for i in range(len(page.lines)) if i not in page.meta],
    ]
    for scope in scopes:
        text = page.text(scope)
        found = list(pt.PERIOD.finditer(text))
        if not found:
            continue
        years = [int(y) for m in found for y in [_period_year(m)] if y]
        # The first year told after each mention, found in one backward pass.
        next_year: list[int | None] = [None] * len(found)
        seen: int | None = None
        for k in range(len(found) - 1, -1, -1):
            next_year[k] = seen
            y = _period_year(found[k])
            seen = int(y) if y else seen
        for k, m in enumerate(found):
            before = text[max(0, m.start() - 40) : m.start()]
            if pt.PLANNING_BEFORE.search(before):
                continue
            period = _to_period(m)
            if period is None:
                continue
            written = _period_year(m)
            year = int(written) if written else None
            if year is None and years:
                # "quý III, định hướng quý IV năm 2021": the year told nearby.
                year = next_year[k] or years[0]
            return Period(year, period.type, period.number), (years[0] if years else None)
    return None, None


def _period_year(m: re.Match[str]) -> str | None:
    for g in ("qy", "hy", "ny", "q3y", "my", "yy"):
        if m.group(g):
            return m.group(g)
    return None


def _to_period(m: re.Match[str]) -> Period | None:
    """The period a label names (its year is resolved by the caller)."""
    if (
        m.group("mc")
        and m.group("mc").startswith("Trong")
        and not m.string[m.end() :].lstrip(" ").startswith(",")
    ):
        return None  # "Trong tháng 9 …" opens a body only when followed by its comma
    label = grammar.label_of(m.groupdict())
    if label is not None:
        return Period(None, label[0], label[1])  # type: ignore[arg-type]
    if m.group("y"):
        return Period(None, "year", None)
    return None


# --- meeting date -------------------------------------------------------------
def _meeting_date(page: PageModel, conclusion_para: int) -> RawDate | None:
    before_region = [
        i for i in range(len(page.lines)) if i not in page.meta and i < conclusion_para
    ]
    for scope in (list(page.lead), before_region):
        for i in scope:
            for m in pt.MEETING_DATE.finditer(page.lines[i]):
                if m.group(1):
                    d, mo, y = int(m.group(1)), int(m.group(2)), m.group(3)
                else:
                    d, mo, y = int(m.group(4)), int(m.group(5)), m.group(6)
                if 1 <= d <= 31 and 1 <= mo <= 12:
                    return d, mo, int(y) if y else None
    return None


def _resolve_years(
    page: PageModel,
    raw: RawDate | None,
    period: Period | None,
    sibling_year: int | None,
) -> tuple[date | None, Period | None]:
    """Years missing from the date or the period, from each other and the page."""
    published = page.published
    late = period is not None and (
        period.type == "year"
        or (
            period.type in ("quarter", "half")
            and period.number == (4 if period.type == "quarter" else 2)
        )
    )
    partial = None
    if page.crawler_date and len(page.crawler_date) == 7:
        partial = (int(page.crawler_date[:4]), int(page.crawler_date[5:]))
    if period is not None and period.year is None:
        year = raw[2] if raw and raw[2] else None
        if year is None and published:
            year = published.year - (1 if late and published.month <= 2 else 0)
        if year is None and partial:
            year = partial[0] - (1 if late and partial[1] <= 2 else 0)
        if year is None and sibling_year:
            year = sibling_year
        if (
            year is not None
            and raw
            and raw[2] is None
            and late
            and raw[1] <= 2
            and not published
            and not partial
        ):
            year = None
        period = Period(year, period.type, period.number)
    if raw is None:
        return None, period
    d, mo, y = raw
    if y is None and published:
        y = published.year - (1 if (mo, d) > (published.month, published.day) else 0)
    if y is None and partial:
        y = partial[0] - (1 if mo > partial[1] else 0)
    if y is None and period is not None and period.year:
        y = period.year + (1 if late and mo <= 2 else 0)
    if y is None:
        # "Chiều 22/3, … báo cáo kế hoạch năm 2024 của phường": the year the lead names.
        told = pt.LEAD_YEAR.search(page.text(page.lead))
        y = int(told.group(1)) if told else None
    return make_date(y, mo, d), period


# --- kind -------------------------------------------------------------------
def _kind(page: PageModel) -> MeetingKind:
    title = [i for i in page.head if i not in page.prose_set]
    for scope in (title, list(page.lead)):
        text = page.text(scope)
        gb = pt.GIAO_BAN.search(text)
        lv = pt.LAM_VIEC.search(text)
        if gb and (not lv or gb.start() < lv.start()):
            return "giao_ban"
        if lv:
            return "lam_viec"
    return "hoi_nghi"


# --- chairs -------------------------------------------------------------------
def _chairs(page: PageModel, kind: MeetingKind, conclusion_para: int) -> list[Chair]:
    candidates = [s for s in page.sentences if s.para in page.lead_set] + [
        s for s in page.sentences if s.para not in page.lead_set and s.para < conclusion_para
    ]
    for k, s in enumerate(candidates):
        chairs = _chairs_in(s.text, kind)
        if chairs:
            # "Đồng chủ trì là đồng chí …" in one of the next sentences.
            for nxt in candidates[k + 1 : k + 3]:
                if pt.CO_CHAIR.search(nxt.text):
                    names = {c.name for c in chairs}
                    chairs += [c for c in _chairs_in(nxt.text, kind) if c.name not in names]
            return chairs
    return []


def _chairs_in(sentence: str, kind: MeetingKind) -> list[Chair]:
    spans: list[str] = []
    after = pt.CHAIR_AFTER.search(sentence)
    if after:
        spans.append(pt.CHAIR_SPAN_END.split(sentence[after.end() :])[0])
    else:
        verb = pt.CHAIR_VERB.search(sentence)
        if verb is None and kind == "lam_viec":
            verb = pt.WORKS_WITH.search(sentence)
        if verb is not None:
            span = sentence[: verb.start()]
            span = pt.CHAIR_SPAN_TAIL.sub("", span)
            start = _first_person(span)
            if start is not None:
                spans.append(span[start:])
    if after:
        # "X, TITLE chủ trì; cùng chủ trì có đồng chí Y": the chair before the co-chair.
        verb = pt.CHAIR_VERB.search(sentence, 0, after.start())
        if verb is not None:
            span = pt.CHAIR_SPAN_TAIL.sub("", sentence[: verb.start()])
            start = _first_person(span)
            if start is not None:
                spans.insert(0, span[start:])
    chairs: list[Chair] = []
    for span in spans:
        for part in (p for chunk in pt.PEOPLE_SPLIT.split(span) for p in _marked(chunk)):
            for person in _people(part):
                chair = _person(person)
                if chair and chair.name not in {c.name for c in chairs}:
                    chairs.append(chair)
    return chairs


def _marked(part: str) -> list[str]:
    """ "A, T1, đồng chí B, T2" -> two people; "Bí thư Tỉnh ủy, đồng chí A" stays one."""
    out: list[str] = []
    carry = ""
    for piece in pt.NEXT_MARKED.split(part):
        piece = f"{carry}, {piece}" if carry else piece
        if not any(_person(p) for p in _people(piece)):
            carry = piece
            continue
        out.append(piece)
        carry = ""
    if carry:
        out.append(carry)
    return out


def _people(part: str) -> list[str]:
    """A comma-only list split per person: "A, T1, B, T2" and "T1 A, T2 B"."""
    out: list[str] = []
    for piece in pt.NEXT_PERSON.split(part):
        start = 0
        lead = piece.strip(" ,;:-()")
        if pt.PERSON_MARK.match(lead):
            lead = lead[pt.PERSON_MARK.match(lead).end() :]  # type: ignore[union-attr]
        if pt.TITLE_START.match(lead):
            for m in pt.NEXT_TITLE.finditer(piece):
                if pt.NAME_AT_END.search(piece[start : m.start()].rstrip()):
                    out.append(piece[start : m.start()])
                    start = m.end()
        out.append(piece[start:])
    return out


def _first_person(span: str) -> int | None:
    marks = [m.start() for m in (pt.PERSON_MARK.search(span), gz.TITLE_HEAD_RE.search(span)) if m]
    marks = [p for p in marks if not span[p:].lower().startswith("thường trực")]
    if not marks:
        m = gz.NAME_RE.search(span)
        return m.start() if m else None
    return min(marks)


def _person(part: str) -> Chair | None:
    part = part.strip(" ,;:-()")
    m = pt.PERSON_MARK.search(part)
    pre, rest = (part[: m.start()], part[m.end() :]) if m else ("", part)
    rest = pt.TITLE_TAIL.sub("", rest.strip(" ,;:-"))
    if pt.TITLE_START.match(rest):
        names = [n for n in gz.NAME_RE.finditer(rest) if _valid_name(n.group(0))]
        if not names or rest[names[-1].end() :].strip(" ,.-"):
            return None
        name = _valid_name(names[-1].group(0))
        title = rest[: names[-1].start()].strip(" ,-")
    else:
        n = gz.NAME_RE.match(rest)
        name = _valid_name(n.group(0)) if n else None
        if not n or not name:
            return None
        title = rest[n.end() :].strip(" ,-:(")
        if not title and pt.TITLE_START.match(pre.strip(" ,-")):
            title = pre.strip(" ,-")
    if not name or not title or not pt.TITLE_START.match(title):
        return None
    return Chair(name=name, title=clean(title))


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
    # "Sáng", "Ngày" open a date phrase; later in a name they are given names ("Kiều Minh Sáng").
    if not 2 <= len(words) <= 5 or any(w in gz.NOT_NAME_WORDS for w in words[:1]):
        return None
    if any(w in gz.NOT_NAME_WORDS and w not in _GIVEN_NAMES for w in words[1:]):
        return None
    return " ".join(words)


# --- online, connection points --------------------------------------------------
def _online(page: PageModel, clauses: Clauses, conclusion_para: int) -> tuple[bool, int | None]:
    scope = [s for s in page.sentences if s.para in page.lead_set or s.para < conclusion_para]
    # "hệ thống hội nghị trực tuyến" in a unit's request is not how the meeting was held.
    online = any(
        pt.ONLINE.search(s.text) and clauses.rec_frame(s.text, False) is None for s in scope
    )
    if not online:
        return False, None
    for s in scope:
        if "điểm cầu" not in s.text.lower():
            reach = pt.ONLINE_REACH.search(s.text)
            if reach:
                return True, int(reach.group("n"))  # "trực tuyến tới trụ sở 57 đảng ủy xã"
            continue
        total = sum(int(m.group(1)) for m in pt.POINT_COUNT.finditer(s.text))
        if total and pt.POINT_TOTAL_WITH_HOST.search(s.text):
            total -= 1  # "21 điểm cầu, kể cả điểm cầu trung tâm": the host's point is not remote
        named = 0
        marks = list(pt.POINT_WORD.finditer(s.text))
        if marks and not total:
            # "Huyện ủy A và Huyện ủy B tham gia từ xa qua điểm cầu …": the units named before.
            via = pt.JOIN_VIA_POINT.search(s.text, 0, marks[0].end())
            if via:
                named += len(page.find_units(s.text[: via.start()]))
        for k, m in enumerate(marks):
            if m.group("host") or m.start() < 6 and s.text[:3].lower() == "tại":
                continue  # "từ điểm cầu Tỉnh ủy", "Tại điểm cầu Tỉnh ủy, …": the host's own point
            end = marks[k + 1].start() if k + 1 < len(marks) else len(s.text)
            segment = s.text[m.end() : end]
            units = page.find_units(segment)
            named += len(units)
            # Committees the gazetteer does not name, each counted once.
            named += sum(
                1
                for c in pt.NAMED_COMMITTEE.finditer(segment)
                if not any(a <= c.start() < b for a, b, _ in units)
            )
        if total or named:
            return True, total + named
    return True, None
