"""Every act of the tasks table (tasks/tests/acts.py), through its page and through the API:
the allowed role does it and its audit entry is written; every other signed-in role is refused
(403, or 404 outside its committee) and nothing is written. The same rows give the permission
matrix its expectations, so an act added to the table is tested here and there at once; an act
URL or an API write of the app missing from the table fails ``test_every_act_is_in_the_table``.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, get_resolver

from giaoban.core.tests.acts import ROLES, Act, do_act, fill
from giaoban.core.tests.support import frozen, row_counts  # noqa: F401
from giaoban.tasks import urls as tasks_urls
from giaoban.tasks.tests.acts import ACTS, api_url, page_url, prepare

pytestmark = pytest.mark.usefixtures("frozen")

PAGE_ACTS = [a for a in ACTS if a.page is not None]
API_ACTS = [a for a in ACTS if a.api is not None]


def _ids(cast, act: Act) -> dict:
    ids: dict = {}
    prepare(cast, act.state, ids)
    return ids


@pytest.mark.parametrize("act", PAGE_ACTS, ids=[a.name for a in PAGE_ACTS])
def test_page_act(cast, act):
    ids = _ids(cast, act)
    url, data = page_url(act.page, ids), fill(act.page_data, ids)
    do_act(cast, act, via="page", url=url, data=data, counts=row_counts)


@pytest.mark.parametrize("act", API_ACTS, ids=[a.name for a in API_ACTS])
def test_api_act(cast, act):
    ids = _ids(cast, act)
    url, data = api_url(act.api[1], ids), fill(act.api_data, ids)
    do_act(cast, act, via="api", url=url, data=data, counts=row_counts)


def _wrapped_acts() -> set[str]:
    """Routes of the tasks URLs made with ``tasks.urls.act`` (an act: POST, GET goes back)."""
    [resolver] = [
        p for p in get_resolver().url_patterns if getattr(p, "urlconf_module", None) is tasks_urls
    ]
    prefix = str(resolver.pattern)
    return {
        prefix + str(p.pattern)
        for p in tasks_urls.urlpatterns
        if isinstance(p, URLPattern) and getattr(p.callback, "is_act", False)
    }


def test_every_act_is_in_the_table(db):
    """Each act URL of the app and each write operation of its API has its row in ACTS."""
    from giaoban.api.api import api

    pages = {a.page for a in PAGE_ACTS}
    assert _wrapped_acts() <= pages, _wrapped_acts() - pages
    doc = api.get_openapi_schema()
    writes = {
        (method, path)
        for path, ops in doc["paths"].items()
        if path.startswith(("/api/tasks", "/api/assignments"))
        for method in ops
        if method != "get"
    }
    assert writes == {a.api for a in API_ACTS}, writes ^ {a.api for a in API_ACTS}


def test_the_table_names_each_act_once():
    names = [a.name for a in ACTS]
    assert len(names) == len(set(names))
    assert all(a.page or a.api for a in ACTS)
    assert all(set(a.who) <= set(ROLES) - {"anon"} for a in ACTS)
