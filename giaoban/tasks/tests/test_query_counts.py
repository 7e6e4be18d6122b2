"""The task and assignment lists (pages and API) run a fixed number of queries,
whatever the number of rows: measured with a few tasks (every state present), then
again after ``grow`` adds a dozen more per committee given to every unit."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client
from django.utils import timezone

from giaoban.accounts.models import ApiToken
from giaoban.core.tests.support import frozen, grow  # noqa: F401

pytestmark = pytest.mark.usefixtures("frozen")

# Pages, signed in with a session:
#   1. the session
#   2. the user
#   3. the user's memberships with their units (scope)
#   4. the units under an office/leader committee (subtree CTE; none for unit staff)
#   5. COUNT for the paginator
#   6. the units of the filter form's <select> (none for the administrator, whose unit filter is a
#      searchable picker fed by the API: a <select> of every unit of the country is too big)
#   7. the leaders of the "directed by" <select> (the leaders of the tasks the user sees)
#   8. one page of rows, with their joins and roll-up aggregates
PAGE_QUERIES = {"office_a": 8, "leader_a": 8, "unit_a": 7, "admin": 6}
#   9. (the task list, unit staff) their own assignments of the page's tasks, with their status
OWN_ASSIGNMENTS = {"unit_a": 1}
# API lists, with a bearer token:
#   1. the token with its user
#   (the token's last use is written at most once a minute: not here, the token was just used)
#   2. the memberships (scope)
#   3. the subtree CTE (none for unit staff)
#   4. COUNT for the limit/offset page
#   5. one page of rows
API_QUERIES = {"office_a": 5, "leader_a": 5, "unit_a": 4, "admin": 4}


PAGES = [
    "/tasks/",
    "/tasks/assignments/",
    "/tasks/assignments/?q=nhiem+vu&status=open_overdue",
    "/tasks/?status=done_on_time&source=TB",
    "/tasks/?page=2",
]
API_LISTS = [
    "/api/tasks",
    "/api/assignments",
    "/api/assignments?q=nhiem%20vu&limit=100",
    "/api/tasks?status=open_overdue",
]


def _clients(cast, api: bool) -> dict[str, tuple[Client, dict]]:
    out = {}
    for who in PAGE_QUERIES:
        client, headers = Client(), {}
        if api:
            token, raw = ApiToken.issue(user=getattr(cast, who), name="count")
            ApiToken.objects.filter(pk=token.pk).update(
                last_used_at=timezone.now()
            )  # used a moment ago
            headers["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
        else:
            client.force_login(getattr(cast, who))
        out[who] = (client, headers)
    return out


def _measure_all(
    clients, urls, expected, django_assert_num_queries
) -> dict[tuple[str, str], bytes]:
    bodies = {}
    for who, (client, headers) in clients.items():
        for url in urls:
            n = expected[who]
            if expected is PAGE_QUERIES and (url == "/tasks/" or url.startswith("/tasks/?")):
                n += OWN_ASSIGNMENTS.get(who, 0)
            with django_assert_num_queries(n, info=f"{who} GET {url}"):
                response = client.get(url, **headers)
            assert response.status_code == 200, (who, url)
            bodies[who, url] = response.content
    return bodies


def test_list_pages_do_not_grow_with_rows(cast, django_assert_num_queries):
    clients = _clients(cast, api=False)
    grow(cast, tasks=4)  # a few rows in every state
    small = _measure_all(clients, PAGES, PAGE_QUERIES, django_assert_num_queries)
    grow(cast, tasks=12, start=4)  # many more tasks × units
    big = _measure_all(clients, PAGES, PAGE_QUERIES, django_assert_num_queries)

    def rows(body: bytes) -> int:
        return int(re.search(rb"(\d+) d\xc3\xb2ng", body).group(1))  # "N dòng" under the list

    for key in small:
        assert rows(big[key]) > rows(small[key]), key  # the second measure did count more rows
    assert big["office_a", "/tasks/assignments/"].count(b'href="/tasks/assignments/') >= 25


def test_api_lists_do_not_grow_with_rows(cast, django_assert_num_queries):
    clients = _clients(cast, api=True)
    grow(cast, tasks=4)
    small = _measure_all(clients, API_LISTS, API_QUERIES, django_assert_num_queries)
    grow(cast, tasks=12, start=4)
    big = _measure_all(clients, API_LISTS, API_QUERIES, django_assert_num_queries)
    for key in small:
        assert 1 <= json.loads(small[key])["count"] < json.loads(big[key])["count"], key
