"""One search across the kinds of records: accent- and case-insensitive, scoped by each kind's
own scope helper, ranked in SQL, paginated. Each kind is added with ``@search_kind``
(``giaoban.search.sources``).

A query is folded like the stored ``*_folded`` columns ("tuyen giao" finds "Tuyên giáo"). A
record matches when it holds the *phrase* (the query's words in that order at a word start,
``giaoban.tasks.search.phrase_pattern``) or every word somewhere. Ranked by tier first:

0. the phrase in a unit's own name or short name (the unit itself is what was asked for);
1. the phrase in the record's title (document number, notice or meeting title, report's unit);
2. the phrase in the record's text;
3. every word but not the phrase — a partial match, said so on the page.

Within a tier by score (a word in the title counts three, in the text one, the whole query in
the title five more), then the newest first. Each kind computes tier, score and its total
(``COUNT(*) OVER ()``) in its one query and reads only the rows the page asked for can need
(the page times 20, per kind: the best 20 of the merged list are among each kind's best 20),
as plain rows; a hit is built only for the rows the page shows. The total is capped at
``CAP`` (50 pages): "more than 1,000" asks for a narrower query.
"""

from __future__ import annotations

import functools
import operator
import unicodedata
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    Field,
    Func,
    IntegerField,
    Lookup,
    Q,
    Value,
    When,
    Window,
)
from django.urls import reverse
from django.utils.text import Truncator

from giaoban.core.permissions import scope_for
from giaoban.core.text import fold
from giaoban.search import compiled
from giaoban.tasks.search import phrase_pattern
from giaoban.tasks.search import words as alnum_words

PER_PAGE = 20
CAP = 1000  # hits a search pages through at most
TIER_UNIT, TIER_TITLE, TIER_TEXT, TIER_PARTIAL = 0, 1, 2, 3
PHRASE_START = "(^|[^a-z0-9])"  # how ``phrase_pattern`` starts
MANY_WORDS = 4  # from here a row's words cost more LIKEs than the phrase's exact ones


@dataclass(frozen=True)
class Hit:
    kind: str
    kind_label: str
    title: str
    snippet: str
    url: str
    when: date | None
    partial: bool = False  # every word found, not the phrase

    @property
    def day(self) -> str:
        """``when`` as the page writes it (``date:"d/m/Y"``), without the filter's cost."""
        return f"{self.when:%d/%m/%Y}" if self.when else ""

    @property
    def short(self) -> str:
        """``snippet`` cut as ``truncatechars:200`` cuts it; most are shorter, and cost
        nothing then (the filter counts every character of every snippet)."""
        return clip(self.snippet, 200)


def clip(text: str, length: int) -> str:
    """``Truncator(text).chars(length)``: the same text, when it cannot be too long."""
    text = unicodedata.normalize("NFC", text)
    return text if len(text) <= length else Truncator(text).chars(length)


@dataclass(frozen=True)
class Query:
    words: list[str]  # folded words; each must be found (as a substring)
    tokens: list[str]  # the folded alphanumeric words, for the phrase
    folded: str

    @property
    def phrase(self) -> str:
        return phrase_pattern(self.tokens)

    def placeholders(self) -> Query:
        """A query of the same shape whose words are placeholders (``compiled``)."""
        return Query(
            words=[compiled.WORD.format(i) for i in range(len(self.words))],
            tokens=[compiled.TOKEN.format(i) for i in range(len(self.tokens))],
            folded="",
        )

    def every(self, *columns: str, extra: Callable[[int], Q] | None = None) -> Q:
        """Every word in one of ``columns`` (or ``extra(index of the word)``)."""
        cond = Q()
        for i, w in enumerate(self.words):
            one = functools.reduce(operator.or_, (Q(**{f"{c}__contains": w}) for c in columns))
            cond &= one | extra(i) if extra else one
        return cond

    def phrase_in(self, *columns: str, at_start: bool = False) -> Q:
        """The phrase in one of ``columns`` (at its very start with ``at_start``), tested on
        rows already found: the exact LIKEs first (``phrase_parts``)."""
        return _any(
            exact | (ordered & regex) for ordered, exact, regex in self._parts(columns, at_start)
        )

    def found(self, every: Q, *columns: str) -> Q:
        """``every`` (the words) or the phrase in one of ``columns``, the cheapest tests
        first: most rows hold neither, and one word's LIKE turns them down; with many words
        the rows holding the phrase one space apart are found by two LIKEs before the words'
        many, and the expression runs only where neither decided."""
        parts = self._parts(columns, False)
        if len(self.words) < MANY_WORDS:
            return every | _any(ordered & (exact | regex) for ordered, exact, regex in parts)
        return (
            _any(ordered & exact for ordered, exact, _ in parts)
            | every
            | _any(ordered & regex for ordered, _, regex in parts)
        )

    def _parts(self, columns: tuple[str, ...], at_start: bool) -> list[tuple[Q, Q, Q]]:
        if not self.tokens:
            nothing = Q(pk__in=[])
            return [(nothing, nothing, nothing)]
        return [phrase_parts(c, self.tokens, at_start=at_start) for c in columns]


def _any(conditions: Any) -> Q:
    return functools.reduce(operator.or_, conditions)


@Field.register_lookup
class Like(Lookup):
    """``column LIKE pattern`` with the pattern as given (``contains`` escapes ``%``)."""

    lookup_name = "search_like"

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} LIKE {rhs}", [*lhs_params, *rhs_params]


class Unplanned(Func):
    """``column || ''``: the same text, without the column's statistics. PostgreSQL plans a
    LIKE or a regular expression on a column by running it on the column's histogram (a
    hundred values or so) each time; on an expression it takes a default selectivity. A kind
    with tens of such tests on a small number of rows (the scope's index finds them) plans
    in a fraction of the time; the tasks, many rows, keep the plain column (the
    concatenation would cost more per row than the planning)."""

    template = "(%(expressions)s || '')"
    output_field = CharField()


def phrase_parts(column: str, tokens: list[str], *, at_start: bool = False) -> tuple[Q, Q, Q]:
    """``column`` holds ``tokens`` as a phrase (``phrase_pattern``; anchored at the start with
    ``at_start``) when ``ordered & (exact | regex)``; returned as (ordered, exact, regex). A
    regular expression costs tens of microseconds a row, a LIKE a fraction of one. The words
    one space apart at the start or after a space (``LIKE 'a b%'``, ``LIKE '% a b%'``) are
    the phrase: exact. Otherwise the expression decides, behind the words in order (``LIKE
    '%a%b%'``, which the exact LIKEs imply), without which it is not run at all. The same
    rows as the expression alone, on every engine (the tokens are ``[a-z0-9]+``: nothing in
    them to escape)."""
    spaced, ordered = " ".join(tokens), "%".join(tokens)
    like, regex = f"{column}__search_like", f"{column}__regex"
    if at_start:
        pattern = "^" + phrase_pattern(tokens).removeprefix(PHRASE_START)
        return Q(**{like: f"{ordered}%"}), Q(**{like: f"{spaced}%"}), Q(**{regex: pattern})
    return (
        Q(**{like: f"%{ordered}%"}),
        Q(**{like: f"{spaced}%"}) | Q(**{like: f"% {spaced}%"}),
        Q(**{regex: phrase_pattern(tokens)}),
    )


def phrase_q(column: str, tokens: list[str], *, at_start: bool = False) -> Q:
    """``column`` holds ``tokens`` as a phrase (``phrase_parts``)."""
    ordered, exact, regex = phrase_parts(column, tokens, at_start=at_start)
    return ordered & (exact | regex)


def query_of(text: str) -> Query | None:
    folded = fold(text)
    words = [w for w in folded.split() if len(w) >= 2 or w.isdigit()][:8]
    if not words:
        return None
    return Query(words=words, tokens=alnum_words(text)[:8], folded=folded)


def ranked(
    qs: Any,
    *,
    phrase_title: Q,
    phrase_body: Q,
    title_tier: int = TIER_TITLE,
    body_tier: int = TIER_TEXT,
) -> Any:
    """``qs`` annotated with its ``tier`` and ``total`` (the rows before the limit)."""
    tier = Case(
        When(phrase_title, then=Value(title_tier)),
        When(phrase_body, then=Value(body_tier)),
        default=Value(TIER_PARTIAL),
        output_field=IntegerField(),
    )
    return qs.annotate(tier=tier, total=Window(Count("pk")))


def ranked_by_title(qs: Any, q: Any, column: str, *, title_tier: int = TIER_TITLE) -> Any:
    """``ranked`` for a kind whose folded ``column`` is all title (a unit's names, a notice's or
    a meeting's heading): the rows holding the query, the phrase there a title hit, no body."""
    qs = qs.annotate(title_q=Unplanned(column)).filter(q.found(q.every("title_q"), "title_q"))
    return ranked(
        qs, phrase_title=q.phrase_in("title_q"), phrase_body=Q(pk__in=[]), title_tier=title_tier
    )


@dataclass
class Found:
    """One kind's answer: its total and its best rows in order, with how to make a hit."""

    total: int
    rows: list[tuple]  # (tier, sort date or None, row), in the kind's order
    make: Callable[[tuple, bool], Hit]


Searcher = Callable[[Any, Query, int], Found]
_KINDS: dict[str, tuple[Any, Searcher]] = {}


def search_kind(name: str, label: Any) -> Callable[[Searcher], Searcher]:
    def register(fn: Searcher) -> Searcher:
        _KINDS[name] = (label, fn)
        return fn

    return register


def kinds() -> list[tuple[str, str]]:
    return [(name, str(label)) for name, (label, _fn) in _KINDS.items()]


class Results(Sequence):
    """The merged, ranked rows of every kind; hits are built for the slice a page shows."""

    def __init__(self, merged: list[tuple], total: int) -> None:
        self.merged = merged
        self.total = total  # every match, uncapped
        self.more = total > CAP
        self.phrase_found = any(row[0] < TIER_PARTIAL for row in merged)

    def __len__(self) -> int:
        return min(self.total, CAP)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self._hit(r) for r in self.merged[index]]
        return self._hit(self.merged[index])

    @staticmethod
    def _hit(entry: tuple) -> Hit:
        tier, _when, _kind, _seq, row, make = entry
        return make(row, tier == TIER_PARTIAL)


def search(user: Any, text: str, kind: str = "", page: int = 1) -> Results:
    """The hits of ``text`` for ``user``, enough of them ranked for pages 1..``page``."""
    q = query_of(text)
    if q is None:
        return Results([], 0)
    limit = min(max(page, 1) * PER_PAGE, CAP)
    merged: list[tuple] = []
    total = 0
    for index, (name, (_label, fn)) in enumerate(_KINDS.items()):
        if kind and name != kind:
            continue
        found = fn(user, q, limit)
        total += found.total
        for seq, (tier, when, row) in enumerate(found.rows):
            sort_day = -when.toordinal() if when else 0  # undated last (units: date.max)
            merged.append((tier, sort_day, index, seq, row, found.make))
    merged.sort(key=lambda e: e[:4])
    return Results(merged, total)


_PK = 2_147_480_001  # a pk no row has: its place in a reversed URL is each hit's pk


def url_of(name: str) -> Callable[[int], str]:
    """``reverse(name, args=[pk])`` for many pks at the price of one ``reverse``."""
    head, tail = reverse(name, args=[_PK]).split(str(_PK))
    return lambda pk: f"{head}{pk}{tail}"


def labels(choices: Any) -> dict[str, str]:
    """A model's choices translated once per search, not once per hit."""
    return {value: str(label) for value, label in choices}


def rows_of(
    kind: Hashable,
    user: Any,
    q: Query,
    limit: int,
    build: Callable[[Query], Any],
    *fields: str,
) -> tuple[int, list[tuple]]:
    """The total and the first ``limit`` rows as (tier, row) with row = ``fields`` of
    ``build(q)`` (a ``ranked``, ordered queryset). ``build`` reads only the user's scope, the
    query's words and what ``kind`` holds: its statement is compiled once per shape of the
    search and kept (``compiled``)."""
    key = (kind, scope_for(user), len(q.words), len(q.tokens))
    rows = compiled.rows(
        key,
        q,
        limit,
        lambda query: build(query).values_list("tier", "total", *fields),
        placeholders=q.placeholders,
    )
    total = rows[0][1] if rows else 0
    return total, [(r[0], r[2:]) for r in rows]


# the kinds register themselves on import
from giaoban.search import sources as _sources  # noqa: E402,F401
