"""A GET on any act URL of the pages (tasks, reports, recommendations, meetings, notices,
accounts, notifications: every route of the permission matrix that takes a POST) goes back to
the object's page (302) or answers the app's own page — a message and a link back to the page
the act belongs to — never Django's empty 405."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from giaoban.core.methods import page_of
from giaoban.core.tests.acts import ROLES, page_client
from giaoban.core.tests.test_permission_matrix import PAGES, _page_url, _prepare, meetings_matrix

#: every route with a POST row (an act or a form), with the state its rows need
ACT_ROUTES = sorted(
    {
        (route, row.state)
        for route, rows in PAGES.items()
        if any(r.method == "post" for r in rows)
        for row in rows
    }
)


def test_the_routes_cover_every_app():
    prefixes = {route.split("/")[0] for route, _state in ACT_ROUTES}
    assert {"tasks", "reports", "recommendations", "meetings"} <= prefixes, prefixes
    assert len(ACT_ROUTES) > 40


@pytest.mark.parametrize("route,state", ACT_ROUTES, ids=[f"{r}[{s}]" for r, s in ACT_ROUTES])
def test_get_on_an_act_url_is_never_an_empty_405(cast, route, state):
    ids = _prepare(cast, state)
    if route.startswith("meetings/"):
        ids.update(meetings_matrix.prepare(cast, state))
    url = _page_url(route, ids)
    with translation.override("vi"):
        message = escape(gettext("Back to the page"))
    for role in ROLES[1:]:
        with transaction.atomic():
            response = page_client(cast, role).get(url)
            transaction.set_rollback(True)
        assert response.status_code != 500, (role, url)
        if response.status_code == 405:
            html = response.content.decode()
            assert 'id="method-not-allowed"' in html and message in html, (role, url)
            assert f'href="{page_of(url)}"' in html
            assert "POST" in response["Allow"]


def test_page_of_goes_up_to_a_page():
    assert page_of("/meetings/notices/5/submit/") == "/meetings/notices/5/"
    assert page_of("/tasks/assignments/7/claim/") == "/tasks/assignments/7/"
    assert page_of("/nowhere/at/all/") == "/"
