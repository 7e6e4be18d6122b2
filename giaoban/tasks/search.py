"""Task and assignment search: the phrase first, then all the words.

The query is folded like the stored columns (no accents, lower case, "đ" → "d"). A row
matches the *phrase* when its words follow each other in that order, at a word start,
whatever punctuation stands between them — so "90 TB TU" finds "90-TB/TU" and "tuyen giao"
finds "Ban Tuyên giáo" but not "tuyên truyền … bàn giao". A row that only holds every word
somewhere also matches, ranked after the phrase matches (``search_rank`` 0, then 1).

Searched: the task's folded text (document number, content, leader's name and title) and
the names and short names of the units that carry it. The phrase is a regular expression
in the database (Django gives SQLite a REGEXP function; PostgreSQL has its own), kept to
the syntax both engines read the same way.
"""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When

from giaoban.core.text import fold
from giaoban.tasks.models import Assignment
from giaoban.tasks.permissions import assignments_for

_WORD = re.compile(r"[a-z0-9]+")


def words(q: str) -> list[str]:
    return _WORD.findall(fold(q))


def phrase_pattern(ws: list[str]) -> str:
    """The words in order at a word start, any non-alphanumerics between them."""
    return r"(^|[^a-z0-9])" + r"[^a-z0-9]+".join(ws)


def _task_match(ws: list[str], prefix: str) -> tuple[Q, Q]:
    """(phrase, all words) on the task's own folded text."""
    phrase = Q(**{prefix + "search_folded__regex": phrase_pattern(ws)})
    every = Q()
    for w in ws:
        every &= Q(**{prefix + "search_folded__contains": w})
    return phrase, every


def search_assignments(qs: QuerySet, q: str) -> QuerySet:
    """Assignments whose task or unit match ``q``, annotated with ``search_rank``."""
    ws = words(q)
    if not ws:
        return qs
    task_phrase, _ = _task_match(ws, "task__")
    phrase = task_phrase | Q(unit__name_folded__regex=phrase_pattern(ws))
    every = Q()
    for w in ws:
        every &= Q(task__search_folded__contains=w) | Q(unit__name_folded__contains=w)
    return qs.filter(phrase | every).annotate(search_rank=_rank(phrase))


def search_tasks(qs: QuerySet, q: str, user: Any) -> QuerySet:
    """Tasks whose text or one of whose (visible) units match ``q``, with ``search_rank``."""
    ws = words(q)
    if not ws:
        return qs
    visible = assignments_for(user, Assignment.objects.filter(task=OuterRef("pk")))
    task_phrase, _ = _task_match(ws, "")
    phrase = task_phrase | Exists(visible.filter(unit__name_folded__regex=phrase_pattern(ws)))
    every = Q()
    for w in ws:
        every &= Q(search_folded__contains=w) | Exists(
            visible.filter(unit__name_folded__contains=w)
        )
    return qs.filter(phrase | every).annotate(search_rank=_rank(phrase))


def _rank(phrase: Q) -> Case:
    return Case(When(phrase, then=Value(0)), default=Value(1), output_field=IntegerField())


def ranked(qs: QuerySet, q: str, *order: str) -> QuerySet:
    """``qs`` ordered by ``order``, phrase matches first when there is a search."""
    return qs.order_by("search_rank", *order) if words(q) else qs.order_by(*order)
