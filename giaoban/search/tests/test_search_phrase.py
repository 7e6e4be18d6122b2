"""The phrase test run cheaply (LIKE first, the regular expression only where needed) finds
exactly the rows the regular expression alone finds, on SQLite and PostgreSQL."""

from __future__ import annotations

import re

import pytest
from django.db.models import Q

from giaoban.org.models import Unit
from giaoban.search.searchers import PHRASE_START, phrase_q
from giaoban.tasks.search import phrase_pattern

TEXTS = [
    "tuyen giao",  # the phrase alone
    "ban tuyen giao tinh uy",  # after a space
    "ban tuyen  giao",  # two spaces: only the expression says yes
    "(tuyen)-giao/ban",  # punctuation around and between
    "btuyen giao",  # not at a word start
    "tuyen giaoduc",  # the last word is a prefix: found
    "tuyentruyen giao",  # the first word run into another: not found
    "giao tuyen",  # the other order
    "tuyen truyen ban giao",  # both words, apart
    "1-tb/tu ngay 2",  # a document number
    "11-tb/tu",  # not "1-TB/TU"
    "ve 1 tb tu",
    "",
]
QUERIES = [["tuyen", "giao"], ["1", "tb", "tu"], ["giao"], ["tuyen", "giao", "ban"]]


@pytest.mark.django_db
@pytest.mark.parametrize("at_start", [False, True])
def test_the_guarded_phrase_finds_what_the_expression_finds(at_start):
    units = [Unit.objects.create(kind="board", name=f"Ban {i}") for i in range(len(TEXTS))]
    for unit, text in zip(units, TEXTS, strict=True):
        Unit.objects.filter(pk=unit.pk).update(name_folded=text)
    by_pk = {u.pk: text for u, text in zip(units, TEXTS, strict=True)}
    scope = Q(pk__in=list(by_pk))
    for tokens in QUERIES:
        pattern = phrase_pattern(tokens)
        if at_start:
            pattern = "^" + pattern.removeprefix(PHRASE_START)
        expected = {pk for pk, text in by_pk.items() if re.search(pattern, text)}
        alone = set(
            Unit.objects.filter(scope, name_folded__regex=pattern).values_list("pk", flat=True)
        )
        guarded = set(
            Unit.objects.filter(scope)
            .filter(phrase_q("name_folded", tokens, at_start=at_start))
            .values_list("pk", flat=True)
        )
        assert alone == expected, tokens
        assert guarded == expected, (tokens, sorted(by_pk[pk] for pk in guarded ^ expected))
    # the cases that matter are there: found and not found, through LIKE and the expression
    found = {
        by_pk[pk]
        for pk in Unit.objects.filter(scope)
        .filter(phrase_q("name_folded", ["tuyen", "giao"]))
        .values_list("pk", flat=True)
    }
    if not at_start:
        assert {"ban tuyen  giao", "(tuyen)-giao/ban", "tuyen giaoduc"} <= found
        assert not found & {
            "btuyen giao",
            "tuyentruyen giao",
            "giao tuyen",
            "tuyen truyen ban giao",
        }


MATCH_TEXTS = [
    *TEXTS,
    "thuong truc thanh uy ha noi chi dao",  # many words, the phrase one space apart
    "thuong-truc/thanh uy ha noi",  # many words, punctuation between
    "ha noi: thanh uy, thuong truc",  # every word, not the phrase
    "thuong truc thanh uy ha",  # one word short
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        "tuyen giao",
        "1 TB TU",
        "1-tb/tu",
        "giao",
        "tuyen giao ban",
        "thuong truc thanh uy ha noi",  # many words: the exact LIKEs are tried first
        "ha noi thanh uy",
        "xyzzy",
    ],
)
def test_found_holds_every_word_or_the_phrase(text):
    """``Query.found`` (the words or the phrase, in the order that is cheapest for its number
    of words) and ``Query.phrase_in`` (the phrase, exact LIKEs first) find exactly what the
    plain conditions find."""
    from giaoban.search.searchers import query_of

    units = [Unit.objects.create(kind="board", name=f"Ban {i}") for i in range(len(MATCH_TEXTS))]
    for unit, folded in zip(units, MATCH_TEXTS, strict=True):
        Unit.objects.filter(pk=unit.pk).update(name_folded=folded)
    by_pk = {u.pk: folded for u, folded in zip(units, MATCH_TEXTS, strict=True)}
    q = query_of(text)
    pattern = phrase_pattern(q.tokens)
    phrase = {pk for pk, t in by_pk.items() if q.tokens and re.search(pattern, t)}
    every = {pk for pk, t in by_pk.items() if all(w in t for w in q.words)}
    scope = Unit.objects.filter(pk__in=list(by_pk))

    def pks(cond: Q) -> set[int]:
        return set(scope.filter(cond).values_list("pk", flat=True))

    assert pks(q.found(q.every("name_folded"), "name_folded")) == every | phrase
    assert pks(q.phrase_in("name_folded")) == phrase
    assert phrase or every or text == "xyzzy"
