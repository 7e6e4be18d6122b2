"""Item layouts of a conclusion: inline enumerations and the lists that are not tasks.

`inline_items` splits a paragraph with "(1) … (2) …" or "Một là, … Hai là, …"; `related_links`
finds the "related news" bullets printed under an article.
"""

from __future__ import annotations

from giaoban.extraction import gazetteer as gz
from giaoban.extraction import patterns as pt
from giaoban.extraction.page import PageModel, sentences


def related_links(page: PageModel) -> frozenset[int]:
    """Lines of a "related news" list under an article: two or more bullets with no final
    stop, one of them a headline led by a place ("• Bắc Ninh: 99 đảng bộ … hoàn thành …")."""
    out: set[int] = set()
    run: list[int] = []
    for i, line in enumerate((*page.lines, "")):
        item = pt.LINE_ITEM.match(line)
        if item and item.lastgroup == "bullet" and not line.rstrip().endswith(_STOPS):
            run.append(i)
            continue
        if len(run) >= 2 and any(_place_headline(page.lines[k]) for k in run):
            out.update(run)
        run = []
    return frozenset(out)


_STOPS = (".", ";", ":", "!", "?", "…")


def _place_headline(line: str) -> bool:
    body = pt.LINE_ITEM.sub("", line, 1)
    m = pt.MASTHEAD_PLACE.match(body)
    return bool(m and m.group("prefix") and gz.canonical_province(m.group("place")))


def inline_items(text: str) -> tuple[str, list[str]] | None:
    """(intro, items) of a paragraph with "(1) … (2) …" or "Một là, … Hai là, …"."""
    if "(1)" not in text and " là" not in text and "hứ " not in text:
        return None
    marks = list(pt.INLINE_ITEM.finditer(text))
    numbers = [int(m.group(1)) for m in marks]
    if len(marks) < 2 or numbers[:2] != [1, 2]:
        low = text.lower()
        # "Một là,", "Thứ nhất:" need "là" or "thứ" before the long pattern is tried.
        if "thứ " not in low and not ("là" in low and pt.LA_MARK.search(low)):
            return None
        marks = list(pt.INLINE_ORDINAL.finditer(text))
        numbers = [pt.ORDINAL_WORDS.get((m.group(1) or m.group(2) or "").lower(), 0) for m in marks]
        if len(marks) < 2 or numbers[:2] != [1, 2]:
            return None
    # keep the run 1, 2, 3, ... only
    run = [marks[0]]
    for m, n in zip(marks[1:], numbers[1:], strict=False):
        if n == len(run) + 1:
            run.append(m)
    parts = []
    for k, m in enumerate(run):
        end = run[k + 1].start() if k + 1 < len(run) else len(text)
        part = text[m.end() : end]
        if k + 1 == len(run):
            part = sentences(part)[0] if sentences(part) else part
        parts.append(part)
    return text[: run[0].start()], parts
