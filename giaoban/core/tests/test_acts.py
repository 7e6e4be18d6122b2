"""Every act of every app's table (``TABLES`` of the permission matrix), through its page and
through its API: the allowed role does it and its audit entry is written; every other signed-in
role is refused (403, 404 where it cannot see the record, or the status the row names) and
nothing is written. The same rows give the permission matrix its expectations, and the matrix's
``test_no_act_is_written_by_hand`` makes sure a page that takes a POST or an API write has no
other way in: an act added without its row fails the suite.
"""

from __future__ import annotations

import pytest

from giaoban.core.tests import test_permission_matrix as matrix
from giaoban.core.tests.acts import ROLES, do_act, fill

pytestmark = pytest.mark.usefixtures("frozen")

PAGE_ACTS = [(app, a) for app, t in matrix.TABLES.items() for a in t.ACTS if a.page is not None]
API_ACTS = [(app, a) for app, t in matrix.TABLES.items() for a in t.ACTS if a.api is not None]


@pytest.mark.parametrize("app,act", PAGE_ACTS, ids=[f"{app}-{a.name}" for app, a in PAGE_ACTS])
def test_page_act(cast, app, act):
    ids = matrix.prepare(cast, act.state, act.page)
    url, data = matrix.page_url(act.page, ids), fill(act.page_data, ids)
    do_act(cast, act, via="page", url=url, data=data, counts=matrix.TABLES[app].counts)


@pytest.mark.parametrize("app,act", API_ACTS, ids=[f"{app}-{a.name}" for app, a in API_ACTS])
def test_api_act(cast, app, act):
    ids = matrix.prepare(cast, act.state, act.api[1])
    url, data = matrix.api_url(act.api[1], ids), fill(act.api_data, ids)
    do_act(cast, act, via="api", url=url, data=data, counts=matrix.TABLES[app].counts)


def test_the_tables_name_each_act_once():
    names = [(app, a.name) for app, t in matrix.TABLES.items() for a in t.ACTS]
    assert len(names) == len(set(names))
    for _, table in matrix.TABLES.items():
        assert all(a.page or a.api for a in table.ACTS)
        assert all(set(a.who) <= set(ROLES) - {"anon"} for a in table.ACTS)


def test_every_app_with_acts_has_its_table():
    """Each app that ships a table of acts (``<app>/tests/acts.py``) is listed in TABLES."""
    from pathlib import Path

    import giaoban

    root = Path(giaoban.__file__).parent
    found = {p.parent.parent.name for p in root.glob("*/tests/acts.py")} - {"core"}
    assert found == set(matrix.TABLES)
