"""The reports pass: figures the units report and recommendations they make.

`read_recommendations` and `read_figures` read the page model and return
values; the figures pass skips the sentences the directives pass used.
"""

from __future__ import annotations

import re

from giaoban.extraction import groups as gr
from giaoban.extraction import patterns as pt
from giaoban.extraction import report_patterns as rp
from giaoban.extraction.clauses import Clauses
from giaoban.extraction.page import PageModel, Sentence, Span, clean, report_author
from giaoban.extraction.record import Figure, Recommendation


# --- recommendations ------------------------------------------------------------
def read_recommendations(page: PageModel, clauses: Clauses, region: int) -> list[Recommendation]:
    out: list[Recommendation] = []
    region_paras = {s.para for s in page.sentences[region:]}
    before_region = {s.para for s in page.sentences[:region]}
    by_para: dict[int, list[Sentence]] = {}
    for s in page.sentences:
        by_para.setdefault(s.para, []).append(s)
    heading_who: tuple[str, ...] | None = None
    reporter: tuple[str, ...] | None = None  # inside a report's "Kiến nghị, đề xuất" section
    for para, sents in by_para.items():
        in_region = para in region_paras and para not in before_region
        line = page.lines[para]
        if rp.REQUESTS_SECTION.match(line):
            reporter = _reporting_unit(page)
            continue
        if reporter is not None:
            if pt.SECTION.match(line) or pt.END_OF_NOTICE.match(line):
                reporter = None
            else:
                item = pt.LINE_ITEM.match(line)
                out.extend(
                    Recommendation(t, reporter)
                    for t in _rec_items(line[item.end() :] if item else line)
                )
                continue
        if pt.SECTION.match(line):
            of = rp.REQUESTS_OF.search(line)
            heading_who = clauses.rec_subject(of.group("who").strip()) if of else None
            continue
        item = pt.LINE_ITEM.match(line)
        body = line[item.end() :] if item else line
        answer = rp.REQUEST_ANSWER.match(body)
        if answer and len(clean(answer.group("what")).split()) >= 3:
            # A notice answering a request: "Về đề xuất của X về việc Y: …" -> Y, from X.
            out.append(_answered(page, clauses, answer, heading_who))
            continue
        active: tuple[str, ...] | None = None
        for s in sents:
            if active is not None:
                if clauses.rec_frame(s.text, in_region) is not None:
                    active = None  # another unit's request: a new subject
                elif clauses.frame(s.text) is not None or pt.DONE.match(s.text):
                    active = None
                else:
                    out.extend(Recommendation(t, active) for t in _rec_items(s.text))
                    continue
            m = clauses.rec_frame(s.text, in_region)
            if m is None:
                continue
            subject, rest = m
            active = subject
            for t in _rec_items(rest):
                # "…; Đảng ủy xã B đề nghị huyện hỗ trợ …": another unit asks in the same sentence.
                again = clauses.rec_frame(t, in_region)
                if again is not None:
                    out.extend(Recommendation(x, again[0]) for x in _rec_items(again[1]))
                else:
                    out.append(Recommendation(t, subject))
    return out


def _reporting_unit(page: PageModel) -> tuple[str, ...]:
    """The unit whose report this is: the first unit of the page header."""
    for i in page.head:
        units = page.units_of_line(i)
        if units:
            return (units[0][2],)
    return ("*",)


def _answered(
    page: PageModel,
    clauses: Clauses,
    answer: re.Match[str],
    heading_who: tuple[str, ...] | None,
) -> Recommendation:
    what = clean(answer.group("what"))
    who = answer.group("who")
    sources = clauses.rec_subject(who.strip()) if who else None
    if sources is None:
        units = [u for _, _, u in page.find_units(what)]
        sources = heading_who or (tuple(dict.fromkeys(units)) if units else ("*",))
    return Recommendation(what, sources)


def _rec_items(text: str) -> list[str]:
    """A request split per semicolon item, the leading verb frame dropped."""
    items = []
    for k, part in enumerate(pt.SEMICOLON.split(text)):
        part = clean(part)
        if k == 0:
            # "Kiến nghị Tỉnh ủy sớm phê duyệt …" as an item of a "như:".
            lead = rp.REQUEST_ITEM_LEAD.match(part)
            if lead:
                part = part[lead.end() :]
                part = part[rp.RECOMMEND_ADDRESSEE.match(part).end() :]  # type: ignore[union-attr]
        if k == 0:
            part = rp.RECOMMEND_LEAD_VERB.sub("", part)
        if len(part.split()) >= 3:
            items.append(part)
    return items


# --- figures ----------------------------------------------------------------------
def read_figures(
    page: PageModel, clauses: Clauses, region: int, directive_sentences: frozenset[str]
) -> list[Figure]:
    out: list[Figure] = []
    para_unit: dict[int, str] = {}
    # In a unit's own report a count with no subject ("Ban đã thẩm định 1.842 lượt …") is its.
    author = report_author(page)
    for k, s in enumerate(page.sentences):
        has_digit = pt.DIGIT.search(s.text) is not None
        if s.para in para_unit and not has_digit:
            continue
        units = page.sentence_units(s)
        # Standing bodies and collectives report results too ("Thường trực Tỉnh ủy đã …"),
        # as the subject of their clause only.
        collectives = gr.find_collectives(s.text) if has_digit else ()
        if units and s.para not in para_unit and units[0][0] < 40:
            para_unit[s.para] = units[0][2]
        if not has_digit or (k >= region and s.text in directive_sentences):
            continue
        if clauses.rec_frame(s.text, False):
            continue
        # Numbers of articles and documents are not counts: "theo Điều 30 Điều lệ Đảng".
        text = rp.DOCUMENT_REFERENCE.sub(_masked, s.text)
        counted: set[int] = set()
        m = rp.FIGURE.search(text)
        while m is not None:
            # Matches may overlap: the next count can sit inside this one's measure
            # ("tiếp nhận 56 đơn thư, đã giải quyết xong 41 đơn").
            nxt = rp.FIGURE.search(text, m.end("value"))
            measure = m.group("measure")
            if nxt is not None and nxt.start() < m.end():
                cut = rp.FIGURE_MEASURE_TAIL.sub("", text[m.start("measure") : nxt.start()])
                if cut:
                    measure = cut
                else:  # "kiểm tra 7 tổ chức đảng": a noun, not the verb "tổ chức"
                    nxt = rp.FIGURE.search(text, m.end())
            if not (
                rp.FIGURE_MEASURE_STOP.match(measure) or rp.FIGURE_GAP_STOP.search(m.group("gap"))
            ):
                unit = _figure_unit(
                    text, m.start(), units, collectives, para_unit.get(s.para) or author
                )
                if unit is not None:
                    out.extend(_counts(unit, m.group("value"), measure))
                    counted.add(m.start("value"))
            m = nxt
        if "được" in text:
            out.extend(
                _passive_counts(text, units, collectives, para_unit.get(s.para) or author, counted)
            )
    return out


def _masked(m: re.Match[str]) -> str:
    return pt.DIGIT.sub("x", m.group(0))


def _passive_counts(
    text: str,
    units: tuple[Span, ...],
    collectives: tuple[Span, ...],
    para_unit: str | None,
    counted: set[int],
) -> list[Figure]:
    """ "812 lượt công dân được Ban Nội chính Tỉnh ủy tiếp", "58 hồ sơ được tiếp nhận"."""
    out: list[Figure] = []
    for m in rp.FIGURE_PASSIVE.finditer(text):
        if m.start("value") in counted or rp.FIGURE_MEASURE_STOP.match(m.group("measure")):
            continue
        if m.start() and text[m.start() - 1] in "0123456789.,/":
            continue  # inside a longer number
        before = text[max(0, m.start() - 12) : m.start()]
        if rp.FIGURE_GAP_STOP.search(before):
            continue
        agent = [u for u in units if m.end() <= u[0] <= m.end() + 1]
        if agent:
            unit: str | None = agent[0][2]
        elif rp.FIGURE.match(text, m.end()) or rp.FIGURE_VERB_AT.match(text, m.end()):
            unit = _figure_unit(text, m.start(), units, collectives, para_unit)
        else:
            continue
        if unit is not None:
            value = int(m.group("value").replace(".", ""))
            out.append(Figure(unit=unit, value=value, measure=m.group("measure").strip()))
    return out


def _figure_unit(
    text: str,
    at: int,
    units: tuple[Span, ...],
    collectives: tuple[Span, ...],
    para_unit: str | None,
) -> str | None:
    """The clause's subject, else the last unit named before the count, else the paragraph's."""
    before = [u for u in units if u[1] <= at]
    clause = text.rfind(";", 0, at) + 1
    subject = sorted(u for u in units + collectives if clause <= u[0] < clause + 40 and u[1] <= at)
    return subject[0][2] if subject else before[-1][2] if before else para_unit


def _counts(unit: str, value: str, measure: str) -> list[Figure]:
    """One figure, or several sharing a verb: "2 hội nghị và 1 cuộc thi"."""
    out: list[Figure] = []
    pieces: list[tuple[str, str]] = []
    start = 0
    for c in rp.FIGURE_COORDINATED.finditer(measure):
        pieces.append((value, measure[start : c.start()]))
        value, start = c.group("value"), c.end()
    pieces.append((value, measure[start:]))
    for val, meas in pieces:
        meas = rp.FIGURE_MEASURE_END.sub("", meas).strip(" ,")
        if not meas or rp.FIGURE_MEASURE_STOP.match(meas):
            continue
        out.append(Figure(unit=unit, value=int(val.replace(".", "")), measure=meas))
    return out
