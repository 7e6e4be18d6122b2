"""The leader's desk reads a fixed number of queries whatever the data: no query per unit,
per task or per row (the walk measured 26 queries and seconds on the demo)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.evidence.tests.test_desk import give
from giaoban.org.models import Unit, UnitKind

pytestmark = pytest.mark.usefixtures("frozen")


def desk_queries(client) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/desk/").status_code == 200
    return [q["sql"] for q in ctx.captured_queries]


def test_desk_query_count_is_pinned(cast, login):
    client = login(cast.leader_a)
    client.get("/desk/")
    small = desk_queries(client)
    for i in range(6):
        unit = Unit.objects.create(
            kind=UnitKind.COMMUNE_COMMITTEE,
            name=f"Đảng ủy xã Mới {i}",
            parent=cast.committee_a,
            sort_order=10 + i,
        )
        give(cast, f"{70 + i}-TB/TU", deadline=date(2026, 2, 1), units=[unit, cast.board_a])
    big = desk_queries(client)

    assert len(big) == len(small) == DESK_QUERIES


#: session, user, scope (memberships, subtree), the three lists (overdue, claims and
#: extensions, notices to approve, work I gave), the units ranked, and per period the tasks'
#: figures and the reports' timeliness (the ranking reads no indicators or recommendations)
DESK_QUERIES = 12
