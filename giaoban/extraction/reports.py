"""The reports pass: figures the units report and recommendations they make.

`read_recommendations` and `read_figures` read the page model and return
values; the figures pass skips the sentences the directives pass used.
"""

from __future__ import annotations

from giaoban.extraction import patterns as pt
from giaoban.extraction.clauses import Clauses
from giaoban.extraction.page import PageModel, Sentence, Span, clean
from giaoban.extraction.record import Figure, Recommendation


# --- recommendations ------------------------------------------------------------
def read_recommendations(page: PageModel, clauses: Clauses, region: int) -> list[Recommendation]:
    out: list[Recommendation] = []
    region_paras = {s.para for s in page.sentences[region:]}
    before_region = {s.para for s in page.sentences[:region]}
    by_para: dict[int, list[Sentence]] = {}
    for s in page.sentences:
        by_para.setdefault(s.para, []).append(s)
    for para, sents in by_para.items():
        in_region = para in region_paras and para not in before_region
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
            out.extend(Recommendation(t, subject) for t in _rec_items(rest, first=True))
    return out


def _rec_items(text: str, first: bool = False) -> list[str]:
    """A request split per semicolon item, the leading verb frame dropped."""
    items = []
    for k, part in enumerate(pt.SEMICOLON.split(text)):
        part = clean(part)
        if first and k == 0:
            part = pt.RECOMMEND_LEAD_VERB.sub("", part)
        if len(part.split()) >= 3:
            items.append(part)
    return items


# --- figures ----------------------------------------------------------------------
def read_figures(
    page: PageModel, clauses: Clauses, region: int, directive_sentences: frozenset[str]
) -> list[Figure]:
    out: list[Figure] = []
    para_unit: dict[int, str] = {}
    for k, s in enumerate(page.sentences):
        has_digit = pt.DIGIT.search(s.text) is not None
        if s.para in para_unit and not has_digit:
            continue
        units = page.sentence_units(s)
        if units and s.para not in para_unit and units[0][0] < 40:
            para_unit[s.para] = units[0][2]
        if not has_digit or (k >= region and s.text in directive_sentences):
            continue
        if clauses.rec_frame(s.text, False):
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
                pt.FIGURE_MEASURE_STOP.match(measure) or pt.FIGURE_GAP_STOP.search(m.group("gap"))
            ):
                unit = _figure_unit(text, m.start(), units, para_unit.get(s.para))
                if unit is not None:
                    out.extend(_counts(unit, m.group("value"), measure))
            m = nxt
    return out


def _figure_unit(text: str, at: int, units: tuple[Span, ...], para_unit: str | None) -> str | None:
    before = [u for u in units if u[1] <= at]
    clause = text.rfind(";", 0, at) + 1
    subject = [u for u in units if clause <= u[0] < clause + 40 and u[1] <= at]
    return subject[0][2] if subject else before[-1][2] if before else para_unit


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
