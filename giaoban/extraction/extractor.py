"""Text of a briefing article or conclusion notice -> `Record`.

The reader builds the page model once (`page.build_page`: header, lead,
province, host, sentences), then runs passes that each return their part:
where the conclusion starts and its directives (`directives`), the meeting
(`meeting`), the recommendations and figures units report (`reports`), and
the units named (here). Clause-level questions shared by the passes —
reporting frames, requests, verbs, assignees — are answered by
`clauses.Clauses`. Every pass is linear in the length of the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from giaoban.extraction import patterns as pt
from giaoban.extraction.clauses import Clauses
from giaoban.extraction.dates import parse_published
from giaoban.extraction.directives import (
    conclusion_para,
    conclusion_start,
    read_directives,
)
from giaoban.extraction.errors import ExtractionError
from giaoban.extraction.meeting import read_meeting
from giaoban.extraction.normalize import normalize, split_page
from giaoban.extraction.page import PageModel, build_page
from giaoban.extraction.record import Directive, Record
from giaoban.extraction.reports import read_figures, read_recommendations
from giaoban.extraction.units import KnownUnit, UnitTree, unit_tree


def extract(
    text: str,
    *,
    published: date | str | None = None,
    units: UnitTree | Iterable[KnownUnit | Mapping[str, Any]] | None = None,
) -> Record:
    """Read one briefing text. Raises ExtractionError for unusable input.

    `published` is the publication date when the text does not print one; `units` is the
    installation's unit tree (a `UnitTree`, or `KnownUnit`s / mappings with "name",
    "short_names", "aliases"): its units are found and reported under their own names.
    """
    if not isinstance(text, str):
        raise ExtractionError("Dữ liệu vào không phải văn bản / input is not text")
    pub_arg = parse_published(published)
    raw = split_page(normalize(text))
    if not any(_has_letters(line) for line in raw.lines):
        raise ExtractionError("Văn bản rỗng, không có nội dung để đọc / the text is empty")
    page = build_page(raw.lines, raw.chrome, raw.crawler_date, pub_arg, unit_tree(units))
    clauses = Clauses(page)
    region = conclusion_start(page, clauses)
    meeting = read_meeting(page, clauses, conclusion_para(page, region))
    directives = read_directives(page, clauses, region, meeting)
    recommendations = read_recommendations(page, clauses, region)
    figures = read_figures(page, clauses, region, directives.sentences)
    return Record(
        source=None,
        published=page.published,
        meeting=meeting,
        units=tuple(read_units(page, directives.items)),
        directives=directives.items,
        figures=tuple(figures),
        recommendations=tuple(recommendations),
        document=page.document,
    )


def _has_letters(line: str) -> bool:
    return any(c.isalpha() for c in line)


def read_units(page: PageModel, directives: tuple[Directive, ...]) -> list[str]:
    """The units named in the text (not in mastheads or bylines), then the assignees."""
    found: list[str] = []
    for i, line in enumerate(page.lines):
        if pt.END_OF_NOTICE.match(line):
            break
        if i in page.meta:
            continue
        units = page.units_of_line(i)
        if units and len(line) - (units[0][1] - units[0][0]) < 15:
            continue  # a line that is only a unit's name: a masthead or byline
        found.extend(name for _, _, name in units)
    for d in directives:
        found.extend(a for a in d.assignees if a != "*" and page.is_unit_name(a))
    return list(dict.fromkeys(found))
