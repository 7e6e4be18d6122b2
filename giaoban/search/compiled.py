"""Each kind's statement compiled once per shape, then run with the query's values.

Building a kind's queryset (the scope helper, the words' and the phrase's conditions, the
tier, the order) and compiling it to SQL costs the request more Python time than the
database takes to answer it. The statement only depends on the *shape* of the search — the
user's scope, the number of words and of phrase tokens, and for reports which periods'
labels hold which word — not on the words themselves: so it is built once through the ORM,
with placeholder words (``searchers.Query.placeholders``), and kept with its parameters as a
template (its integers written in: ``inline_integers``). The next search of the same shape
fills the template with its words and runs it on the database the queryset read: the same
SQL the ORM would build, the same rows, the same converters applied to them.

Safe by construction: the key (``searchers.rows_of``) holds the whole ``Scope`` the scope
helpers read (a change of memberships is another scope, another statement) and every value
the kind's builder reads beyond the words (the reports' periods); the words only ever reach
the statement as parameters, filled in one pass (a word that looks like a placeholder stays
a word). ``ENABLED = False`` runs the ORM every time (the tests compare).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connections

ENABLED = True
MAX_PLANS = 512

WORD = "qzw{}wzq"  # a placeholder word: letters and digits, like the words and tokens
TOKEN = "qzt{}tzq"
_SLOT = re.compile(r"(qzw\d+wzq|qzt\d+tzq)")


@dataclass(frozen=True)
class _Template:
    """A parameter holding placeholders: literal parts and (kind, index) slots, alternating."""

    parts: tuple[Any, ...]

    def fill(self, like_words: list[str], tokens: list[str]) -> str:
        out = []
        for i, part in enumerate(self.parts):
            if i % 2 == 0:
                out.append(part)
            else:
                kind, index = part
                out.append(like_words[index] if kind == "w" else tokens[index])
        return "".join(out)


def _template(value: Any) -> Any:
    if not isinstance(value, str) or not _SLOT.search(value):
        return value
    parts: list[Any] = _SLOT.split(value)
    for i in range(1, len(parts), 2):
        parts[i] = ("w" if parts[i].startswith("qzw") else "t", int(parts[i][3:-3]))
    return _Template(tuple(parts))


@dataclass(frozen=True)
class Plan:
    sql: str | None  # None: nothing can match (the ORM would not run a statement either)
    using: str  # the database the queryset reads
    params: tuple[Any, ...]
    columns: tuple[Any, ...]  # the selected expressions, for their converters
    words: int  # how many placeholders of each kind the plan was built with
    tokens: int


_plans: OrderedDict[Hashable, Plan] = OrderedDict()
_lock = threading.Lock()


def clear() -> None:
    with _lock:
        _plans.clear()


def plan_of(qs: Any, words: int, tokens: int) -> Plan:
    """Compile ``qs`` (a values_list queryset, unsliced) into a reusable plan."""
    compiler = qs.query.get_compiler(using=qs.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return Plan(None, qs.db, (), (), words, tokens)
    columns = tuple(s[0] for s in compiler.select[: compiler.col_count])
    sql, params = inline_integers(sql, params)
    return Plan(sql, qs.db, tuple(_template(p) for p in params), columns, words, tokens)


_PLACEHOLDER = re.compile(r"%%|%s")


def inline_integers(sql: str, params: Any) -> tuple[str, list[Any]]:
    """``sql`` with its integer parameters written in (the scope's ids, the tiers): they are
    part of the plan's key, and the driver then parses a statement of a few placeholders
    instead of hundreds each time (psycopg does not cache the parsing of a long statement).
    An integer's decimal form is the literal a client-side binding sends anyway."""
    values = iter(params)
    kept: list[Any] = []

    def one(match: re.Match[str]) -> str:
        if match.group() == "%%":
            return "%%"
        value = next(values)
        if type(value) is int:
            return str(value)
        kept.append(value)
        return "%s"

    out = _PLACEHOLDER.sub(one, sql)
    assert next(values, one) is one, "a parameter without its placeholder"
    return out, kept


def run(plan: Plan, words: list[str], tokens: list[str], limit: int | None) -> list[tuple]:
    """The plan's first ``limit`` rows (all with None) for these words, converted as the ORM
    converts them."""
    if plan.sql is None:
        return []
    connection = connections[plan.using]
    assert (len(words), len(tokens)) == (plan.words, plan.tokens)
    like = [connection.ops.prep_for_like_query(w) for w in words]
    params = [p.fill(like, tokens) if isinstance(p, _Template) else p for p in plan.params]
    with connection.cursor() as cursor:
        if limit is None:
            cursor.execute(plan.sql, params)
        else:
            cursor.execute(f"{plan.sql} LIMIT %s", [*params, limit])
        rows = cursor.fetchall()
    converters = []
    for pos, column in enumerate(plan.columns):
        convs = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        if convs:
            converters.append((pos, convs, column))
    if not converters:
        return [tuple(r) for r in rows]
    out = []
    for raw in rows:
        row = list(raw)
        for pos, convs, column in converters:
            value = row[pos]
            for convert in convs:
                value = convert(value, column, connection)
            row[pos] = value
        out.append(tuple(row))
    return out


def rows(
    key: Hashable,
    q: Any,
    limit: int | None,
    build: Callable[[Any], Any],
    *,
    placeholders: Callable[[], Any],
) -> list[tuple]:
    """``build(q)[:limit]`` as tuples: through the plan kept under ``key`` (built from
    ``build(placeholders())`` the first time), or through the ORM when ``ENABLED`` is off."""
    if not ENABLED:
        return list(build(q) if limit is None else build(q)[:limit])
    with _lock:
        plan = _plans.get(key)
        if plan is not None:
            _plans.move_to_end(key)
    if plan is None:
        plan = plan_of(build(placeholders()), len(q.words), len(q.tokens))
        with _lock:
            _plans[key] = plan
            while len(_plans) > MAX_PLANS:
                _plans.popitem(last=False)
    return run(plan, q.words, q.tokens, limit)
