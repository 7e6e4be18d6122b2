"""A GET on an action URL of reports and recommendations (a reloaded or bookmarked form
target) goes back to the page of the object, never a bare 405 with an empty body."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, get_resolver

from giaoban.reports.tests import matrix

pytestmark = pytest.mark.django_db

#: the page each act goes back to, by the first part of the route
BACK = {
    "reports/periods/": "reports/periods/{period}/",
    "reports/r/": "reports/r/{report}/",
    "reports/indicators/": "reports/indicators/{indicator}/",
    "reports/plans/new/": "reports/plans/",
    "reports/plans/": "reports/plans/{plan}/",
    "recommendations/": "recommendations/{rec}/",
}


def _routes(prefix: str) -> list[tuple[str, URLPattern]]:
    resolver = get_resolver()
    found = []
    for top in resolver.url_patterns:
        if str(top.pattern) != prefix:
            continue
        for p in top.url_patterns:
            found.append((prefix + str(p.pattern), p))
    return found


ROUTES = _routes("reports/") + _routes("recommendations/")


def test_the_routes_are_found():
    names = {p.name for _, p in ROUTES}
    assert {"report_submit", "period_open", "plan_decide", "forward", "close"} <= names


@pytest.mark.parametrize("role", ["office_a", "unit_a"])
def test_no_url_of_reports_or_recommendations_answers_get_with_405(cast, client, role):
    ids = {"unit": cast.board_a.pk, "committee_a": cast.committee_a.pk}
    matrix.prepare(cast, "", ids)
    client.force_login(getattr(cast, role))
    acts = 0
    for route, pattern in ROUTES:
        url = matrix.page_url(route, ids)
        response = client.get(url)
        assert response.status_code != 405, f"{url}: 405 on GET"
        if not getattr(pattern.callback, "act_back", None):
            continue
        acts += 1
        back = next(v for k, v in BACK.items() if route.startswith(k)).format(**ids)
        assert response.status_code == 302, url
        assert response["Location"] == "/" + back, (url, response["Location"])
    assert acts >= 19


def test_a_get_on_an_act_leads_to_the_readable_page(cast, client):
    ids = {"unit": cast.board_a.pk, "committee_a": cast.committee_a.pk}
    matrix.prepare(cast, "", ids)
    client.force_login(cast.unit_a)
    response = client.get(f"/reports/r/{ids['report']}/submit/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(f"/reports/r/{ids['report']}/", 302)]
    assert "<html" in response.content.decode()
    response = client.get(f"/recommendations/{ids['rec']}/close/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(f"/recommendations/{ids['rec']}/", 302)]


def test_a_get_on_an_act_of_another_units_object_ends_in_404(cast, client):
    ids = {"unit": cast.board_a.pk, "committee_a": cast.committee_a.pk}
    matrix.prepare(cast, "", ids)
    client.force_login(cast.unit_b)
    response = client.get(f"/reports/r/{ids['report']}/submit/", follow=True)
    assert response.status_code == 404
