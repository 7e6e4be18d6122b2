"""Each kind's statement is compiled once per shape of the search and kept: the kept
statement, filled with other words, gives exactly the rows the ORM gives (SQLite and
PostgreSQL), keeps every user inside their own scope, and escapes the words as the ORM does."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.reports.tests.conftest import indicator, period  # noqa: F401
from giaoban.search import compiled
from giaoban.search.searchers import search
from giaoban.search.tests.test_search_more import records  # noqa: F401
from giaoban.tasks import services

pytestmark = pytest.mark.usefixtures("frozen")

QUERIES = [
    "giao ban",
    "hoi nghi giao ban",
    "12-tb/tu",
    "12 TB TU",
    "kinh phi",
    "KINH PHÍ máy tính",
    "ban to chuc quy i/2026",
    "quy i/2026 ban to chuc",
    "quy i/2026",
    "335-bc",
    "ban",
    "tỉnh ủy alpha",
    "10%",
    "a_c",
    "xyzzyqwerty",
    "ban tổ chức tỉnh ủy alpha kinh phí máy tính các xã",  # more than 8 words
    "kinh qzw0wzq qzt1tzq",  # words that look like the placeholders stay words
]


def merged(user, q: str, page: int = 1) -> list[tuple]:
    return [entry[:5] for entry in search(user, q, page=page).merged]


@pytest.fixture
def odd_tasks(cast):
    for number, text in (
        ("7-TB/TU", "Giảm 10% chi phí hội nghị"),
        ("8-TB/TU", "Mục abc"),
        ("9-TB/TU", "Mục a_c"),
    ):
        services.create_task(
            committee=cast.committee_a,
            doc_number=number,
            doc_date=date(2026, 2, 1),
            text=text,
            created_by=cast.office_a,
            lead_units=[cast.board_a],
        )


def test_kept_statements_give_the_rows_the_orm_gives(cast, records, odd_tasks, monkeypatch):  # noqa: F811
    users = [cast.office_a, cast.leader_a, cast.unit_a, cast.unit_a2, cast.office_b]
    users += [cast.unit_b, cast.admin]
    compiled.clear()
    found = {}
    for user in users:  # each user's searches fill and reuse their own statements
        for q in QUERIES:
            found[user.pk, q] = merged(user, q), merged(user, q, page=2)
    assert compiled._plans  # kept
    monkeypatch.setattr(compiled, "ENABLED", False)
    for user in users:
        for q in QUERIES:
            assert found[user.pk, q] == (merged(user, q), merged(user, q, page=2)), (user, q)
    assert any(rows for rows, _ in found.values())


def test_a_statement_is_compiled_once_per_shape(cast, records):  # noqa: F811
    compiled.clear()
    search(cast.office_a, "giao ban")
    plans = dict(compiled._plans)
    assert len(plans) == 7  # one per kind, and the reports' periods
    search(cast.office_a, "kinh phi")  # two words again: the same statements
    search(cast.office_a, "kinh phi", page=3)
    assert dict(compiled._plans) == plans
    search(cast.office_a, "hoi nghi giao ban")  # four words: other statements
    assert len(compiled._plans) == 13  # the periods' statement has no words


def test_the_words_reach_the_statement_as_parameters_escaped(cast, records, odd_tasks):  # noqa: F811
    compiled.clear()
    search(cast.office_a, "xy")  # the statements of one word, kept
    with CaptureQueriesContext(connection) as ctx:
        found = search(cast.office_a, "a_c")
    texts = [entry[4][-1] for entry in found.merged if entry[2] == 2]  # tasks: their text
    assert texts == ["Mục a_c"]  # "_" is not a wildcard: "abc" is not found
    assert [entry[4][-1] for entry in search(cast.office_a, "10%").merged if entry[2] == 2] == [
        "Giảm 10% chi phí hội nghị"
    ]
    assert all("qzw" not in q["sql"] and "qzt" not in q["sql"] for q in ctx.captured_queries)


def test_another_scope_never_reads_a_kept_statement(cast, records):  # noqa: F811
    meeting, notice, rec, report, other = records
    compiled.clear()
    for q in ("giao ban", "12-tb/tu", "kinh phi", "335-bc", "quy i/2026"):
        assert search(cast.office_a, q).merged  # Alpha's statements kept
        for user in (cast.unit_b, cast.office_b):
            kinds = {entry[2] for entry in search(user, q).merged}
            assert not kinds & {1, 3, 4, 5}, (user, q)  # no notice, meeting, report, rec.
    # the same words, the same shape: each scope has its own statements
    assert len({key[1] for key in compiled._plans if len(key) > 2}) == 3


def test_integers_are_written_into_the_kept_statement(cast, records):  # noqa: F811
    sql, params = compiled.inline_integers(
        "a = %s AND b LIKE %s AND c IN (%s, %s) AND d LIKE '%%' AND e = %s", [1, "x%", -2, True, 3]
    )
    assert sql == "a = 1 AND b LIKE %s AND c IN (-2, %s) AND d LIKE '%%' AND e = 3"
    assert params == ["x%", True]  # strings and anything not a plain int stay parameters
    compiled.clear()
    search(cast.office_a, "giao ban")
    for plan in compiled._plans.values():
        assert not any(type(p) is int for p in plan.params)
        assert plan.sql is None or plan.sql.count("%s") == len(plan.params)


@pytest.mark.parametrize(
    "text",
    ["", "ngắn", "Tăng cường công tác tuyên giáo " * 10, "a" * 200, "a" * 201, "e\u0301" * 210],
)
def test_a_hit_is_written_as_the_filters_write_it(text):
    from django.template.defaultfilters import date as date_filter
    from django.template.defaultfilters import truncatechars

    from giaoban.search.searchers import Hit

    hit = Hit("task", "Task", "t", text, "/", date(2026, 3, 5))
    assert hit.short == truncatechars(text, 200)
    assert hit.day == date_filter(hit.when, "d/m/Y") == "05/03/2026"
    assert Hit("task", "Task", "t", text, "/", None).day == ""


def test_the_page_costs_the_same_queries_with_and_without_kept_statements(cast, login, records):  # noqa: F811
    from giaoban.search.tests.test_search_more import SEARCH_QUERIES, count_queries

    client = login(cast.office_a)
    compiled.clear()
    assert count_queries(client, "giao ban") == SEARCH_QUERIES  # built and kept
    assert count_queries(client, "kinh phi") == SEARCH_QUERIES  # reused
    assert count_queries(client, "hoi nghi giao ban quy iv") == SEARCH_QUERIES  # another shape
