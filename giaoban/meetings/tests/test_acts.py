"""Every act of the notices table (meetings/tests/acts.py), through its page and its API: the
allowed role does it and its audit entry is written; every other signed-in role is refused (403,
or 404 where it cannot see the notice) and nothing is written. The same rows give the permission
matrix its expectations."""

from __future__ import annotations

import pytest

from giaoban.core.tests import test_permission_matrix as _matrix  # noqa: F401  (loads the rows in order)
from giaoban.core.tests.acts import do_act, fill
from giaoban.meetings.tests import matrix
from giaoban.meetings.tests.acts import ACTS, counts

pytestmark = pytest.mark.usefixtures("frozen")

PAGE_ACTS = [a for a in ACTS if a.page is not None]
API_ACTS = [a for a in ACTS if a.api is not None]


def _ids(cast, act) -> dict:
    ids = {"committee_a": cast.committee_a.pk, "board_a": cast.board_a.pk}
    ids.update(matrix.prepare(cast, act.state))
    return ids


def _page_url(route: str, ids: dict) -> str:
    import re

    return "/" + re.sub(
        r"<(?:\w+:)?(\w+)>", lambda m: str(matrix.url_value(route, m.group(1), ids)), route
    )


@pytest.mark.parametrize("act", PAGE_ACTS, ids=[a.name for a in PAGE_ACTS])
def test_page_act(cast, act):
    ids = _ids(cast, act)
    url, data = _page_url(act.page, ids), fill(act.page_data, ids)
    do_act(cast, act, via="page", url=url, data=data, counts=counts)


@pytest.mark.parametrize("act", API_ACTS, ids=[a.name for a in API_ACTS])
def test_api_act(cast, act):
    ids = _ids(cast, act)
    url = act.api[1].replace("{notice_id}", str(ids["notice"]))
    do_act(cast, act, via="api", url=url, data=fill(act.api_data, ids), counts=counts)


def test_every_notice_act_is_in_the_table(db):
    """Each write operation of the notices API, and each notice URL the matrix says refuses a GET
    (an act: it only takes a POST), has its row in ACTS."""
    from giaoban.api.api import api

    doc = api.get_openapi_schema()
    writes = {
        (m, p)
        for p, ops in doc["paths"].items()
        if p.startswith("/api/notices")
        for m in ops
        if m != "get"
    }
    assert writes == {a.api for a in API_ACTS}
    refuses_get = {
        route
        for route, rows in matrix.PAGES.items()
        if route.startswith("meetings/notices/")
        and any(r.method == "get" and set(r.expect.split()[1:]) == {"405"} for r in rows)
    }
    assert refuses_get == {a.page for a in PAGE_ACTS}
