"""Every act of the tasks table (tasks/tests/acts.py), through its page and through the API:
the allowed role does it and its audit entry is written; every other signed-in role is refused
(403, or 404 outside its committee) and nothing is written. The same rows give the permission
matrix its expectations, so an act added to the table is tested here and there at once; an act
URL or an API write of the app missing from the table fails ``test_every_act_is_in_the_table``.
"""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import URLPattern, get_resolver

from giaoban.core.models import AuditEntry
from giaoban.core.tests.acts import ROLES, Act, api_call, api_client, fill, page_client
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


def _audit(action: str) -> int:
    return AuditEntry.objects.filter(action=action).count()


def _refused(act: Act) -> list[str]:
    return [r for r in ROLES if r != "anon" and r not in act.who]


def _check(act: Act, role: str, response, ok: int, before_rows: dict, before_audit: int):
    if role in act.who:
        assert response.status_code == ok, (role, response.status_code, response.content[:400])
        if act.audit:
            assert _audit(act.audit) == before_audit + 1, f"{act.name}: no {act.audit} entry"
        else:
            assert row_counts() == before_rows, f"{act.name} wrote before its confirmation"
    else:
        want = 404 if role == "unit_b" and act.on_object else 403
        assert response.status_code == want, (role, response.status_code)
        assert row_counts() == before_rows, f"{act.name} by {role} wrote something"


@pytest.mark.parametrize("act", PAGE_ACTS, ids=[a.name for a in PAGE_ACTS])
def test_page_act(cast, act):
    ids = _ids(cast, act)
    url, data = page_url(act.page, ids), fill(act.page_data, ids)
    for role in [*act.who, *_refused(act)]:
        with transaction.atomic():
            client = page_client(cast, role)
            rows, audit = row_counts(), _audit(act.audit)
            _check(act, role, client.post(url, data), act.page_ok, rows, audit)
            transaction.set_rollback(True)


@pytest.mark.parametrize("act", API_ACTS, ids=[a.name for a in API_ACTS])
def test_api_act(cast, act):
    ids = _ids(cast, act)
    method, path = act.api
    url, data = api_url(path, ids), fill(act.api_data, ids)
    for role in [*act.who, *_refused(act)]:
        with transaction.atomic():
            client, headers = api_client(cast, role)
            rows, audit = row_counts(), _audit(act.audit)
            response = api_call(client, headers, method, url, data)
            _check(act, role, response, act.api_ok, rows, audit)
            transaction.set_rollback(True)


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
