"""The generated permission matrix: every URL of the project and every API operation,
for every role, answers the status this table says.

The table is the specification. ``test_every_url_is_in_the_table`` walks the URL
resolver and ``test_every_api_operation_is_in_the_table`` the OpenAPI document: a new
page or endpoint fails the suite until someone writes down who may use it.

Only the pages that are read are written here by hand. Every act — every page that takes a POST
and every API operation that writes — comes from its app's table of acts (``<app>/tests/acts.py``,
listed in ``TABLES``; giaoban/core/tests/acts.py says how), which also drives the act tests
(core/tests/test_acts.py): ``test_no_act_is_written_by_hand`` fails on a hand-written row that
accepts a POST or a write, and on a hand-written page with no row saying it refuses one.

Roles, in the order of each expectation string:
    anon      not signed in
    office_a  office of committee Alpha            (may create, confirm, decide, cancel)
    leader_a  standing-committee leader of Alpha   (reads the whole committee, acts on nothing)
    unit_a    staff of Ban Tổ chức A               (acts on its own assignment, cast.asg_a)
    unit_b    staff of a unit of committee Beta    (the objects below do not exist for them: 404)
    admin     system administrator                 (reads everything, no say over content)

The objects in the paths are always Alpha's: task_a, its assignment to Ban Tổ chức A
(asg_a), Ban Tổ chức A itself, an extension request and a progress file of asg_a.
"""

from __future__ import annotations

import re

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver

from giaoban.accounts.tests import acts as accounts_acts
from giaoban.core.tests.acts import (
    API_READ_A,
    API_READ_ALL,
    NO_POST,
    READ_A,
    READ_ALL,
    ROLES,
    Row,
    api_call,
    api_client,
    api_table,
    fill,
    page_client,
    page_table,
    refuses,
)
from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.meetings.tests import acts as meetings_acts
from giaoban.meetings.tests import matrix as meetings_matrix
from giaoban.notifications.tests import acts as notifications_acts
from giaoban.recommendations.tests import acts as recommendations_acts
from giaoban.reports.tests import acts as reports_acts
from giaoban.reports.tests import matrix as reporting_matrix
from giaoban.tasks.tests import acts as tasks_acts

pytestmark = pytest.mark.usefixtures("frozen")

#: URL prefixes with their own small tests (Django's admin, the language switch, sign-in/out)
EXCLUDED = ("admin/", "i18n/", "accounts/login/", "accounts/logout/", "static/", "media/")

#: every app's table of acts (a new app with acts adds its module here)
TABLES = {
    "accounts": accounts_acts,
    "meetings": meetings_acts,
    "notifications": notifications_acts,
    "recommendations": recommendations_acts,
    "reports": reports_acts,
    "tasks": tasks_acts,
}

#: pages read with any method: a redirect answers GET and POST alike (not an act)
NOT_ACTS = {"favicon.ico"}

# -- the pages that are read (written by hand; the acts come from the tables) ----------------
#                                       anon office leader unit_a unit_b admin
OVERSEER_READ = Row("get", "302  200    200    403    404    200")
HAND_PAGES: dict[str, list[Row]] = {
    "": [READ_ALL, NO_POST],
    "favicon.ico": [Row("get", "302  302    302    302    302    302")],
    "tasks/": [READ_ALL, NO_POST],
    "tasks/<int:pk>/": [READ_A, NO_POST],
    "tasks/assignments/": [READ_ALL, NO_POST],
    "tasks/leaders/": [READ_ALL, NO_POST],
    "tasks/assignments/<int:pk>/": [READ_A, NO_POST],
    # -- what awaits the office (tasks/awaiting_views.py) --
    "tasks/awaiting/": [Row("get", "302  200    403    403    403    403"), NO_POST],
    "tasks/awaiting/count/": [READ_ALL, NO_POST],
    "tasks/assignments/<int:pk>/files/<str:kind>/<int:item_pk>/": [
        Row("get", READ_A.expect, state="attachment"),
        Row("post", NO_POST.expect, state="attachment"),
    ],
    # -- the task register ("sổ theo dõi"): read like the task list
    "tasks/register/": [READ_ALL, NO_POST],
    "tasks/register/export/": [READ_ALL, NO_POST],
    # -- accounts (the acts: accounts/tests/acts.py)
    "accounts/me/": [READ_ALL, NO_POST],
    "accounts/users/": [Row("get", "302  200    403    403    403    200"), NO_POST],
    "accounts/users/import/units.csv": [
        Row("get", "302  200    403    403    403    200"),
        NO_POST,
    ],
    # -- notifications: everyone has their own centre; <pk> is unit_a's notification of task_a
    "notifications/": [READ_ALL, NO_POST],
    "notifications/bell/": [READ_ALL, NO_POST],
    "notifications/<int:pk>/": [Row("get", "302  404    404    302    404    404"), NO_POST],
    "notifications/calendar/": [READ_ALL, NO_POST],
    # <pk> is unit_a's own feed; the feed itself needs no login (its secret is the key)
    "notifications/calendar/<int:pk>/<str:secret>.ics": [
        Row("get", "200  200    200    200    200    200"),
        Row("post", "405  405    405    405    405    405"),
    ],
    "notifications/letters/": [Row("get", "302  200    403    403    403    403"), NO_POST],
    # no letter with this number: 404 for everyone (who may read a letter: test_letters)
    "notifications/letters/<int:pk>/file/": [
        Row("get", "302  404    404    404    404    404"),
        NO_POST,
    ],
    # -- the leader's desk and rating evidence (<pk> of the evidence is Ban Tổ chức A)
    "desk/": [Row("get", "302  200    200    403    403    200"), NO_POST],
    "desk/ranking.xlsx": [Row("get", "302  200    200    403    403    200"), NO_POST],
    "desk/ranking.pdf": [Row("get", "302  200    200    403    403    200"), NO_POST],
    "desk/units/<int:pk>/": [READ_A, NO_POST],
    "desk/units/<int:pk>/evidence.docx": [READ_A, NO_POST],
    "desk/units/<int:pk>/evidence.xlsx": [READ_A, NO_POST],
    "search/": [READ_ALL, NO_POST],
    # -- reporting and recommendations (objects and URLs: giaoban/reports/tests/matrix.py)
    "reports/": [READ_ALL, NO_POST],
    "reports/periods/<int:pk>/": [READ_A, NO_POST],
    "reports/periods/<int:pk>/completeness.xlsx": [OVERSEER_READ, NO_POST],
    "reports/periods/<int:pk>/synthesis/<int:number>/": [
        Row("get", OVERSEER_READ.expect, state="synthesis"),
        Row("post", NO_POST.expect, state="synthesis"),
    ],
    "reports/periods/<int:pk>/synthesis/<int:number>/pdf/": [
        Row("get", OVERSEER_READ.expect, state="synthesis"),
        Row("post", NO_POST.expect, state="synthesis"),
    ],
    "reports/r/<int:pk>/": [READ_A, NO_POST],
    "reports/r/<int:pk>/versions/<int:number>/": [
        Row("get", READ_A.expect, state="report_submitted"),
        Row("post", NO_POST.expect, state="report_submitted"),
    ],
    "reports/r/<int:pk>/versions/<int:number>/file/": [
        Row("get", READ_A.expect, state="report_submitted"),
        Row("post", NO_POST.expect, state="report_submitted"),
    ],
    "reports/units/<int:unit_id>/": [READ_A, NO_POST],
    "reports/indicators/": [READ_ALL, NO_POST],
    "reports/indicators/<int:pk>/": [READ_A, NO_POST],
    "reports/indicators/units/<int:unit_id>/": [READ_A, NO_POST],
    "reports/plans/": [READ_ALL, NO_POST],
    "reports/plans/<int:pk>/": [READ_A, NO_POST],
    "recommendations/": [READ_ALL, NO_POST],
    "recommendations/<int:pk>/": [READ_A, NO_POST],
    # -- meetings and notices: their rows, objects and path values live in the app
    **meetings_matrix.PAGES,
}
#: other methods refused on the routes of acts
EXTRA_ROWS: dict[str, list[Row]] = {
    "tasks/new/": [Row("put", "302  405    405    405    405    405")],
    **reports_acts.EXTRA_ROWS,
}

HAND_API: dict[tuple[str, str], Row] = {
    ("get", "/api/units/"): API_READ_ALL,
    ("get", "/api/units/{unit_id}"): API_READ_A,
    ("get", "/api/tasks"): API_READ_ALL,
    ("get", "/api/tasks/{task_id}"): API_READ_A,
    ("get", "/api/assignments"): API_READ_ALL,
    ("get", "/api/assignments/{assignment_id}"): API_READ_A,
    ("get", "/api/reporting/periods"): API_READ_ALL,
    ("get", "/api/reporting/periods/{period_id}"): API_READ_A,
    ("get", "/api/reporting/periods/{period_id}/completeness"): API_READ_A,
    ("get", "/api/reporting/reports"): API_READ_ALL,
    ("get", "/api/reporting/reports/{report_id}"): API_READ_A,
    ("get", "/api/reporting/reports/{report_id}/versions"): API_READ_A,
    ("get", "/api/reporting/units/{unit_id}/timeliness"): API_READ_A,
    ("get", "/api/recommendations"): API_READ_ALL,
    ("get", "/api/recommendations/{recommendation_id}"): API_READ_A,
    # -- week: statistics per directing leader (tasks/api_stats.py), read by everyone, scoped --
    ("get", "/api/statistics/leaders"): API_READ_ALL,
    **meetings_matrix.API,
}


def _with_acts() -> tuple[dict[str, list[Row]], dict[tuple[str, str], Row]]:
    pages = {route: list(rows) for route, rows in HAND_PAGES.items()}
    api = dict(HAND_API)
    for name, table in TABLES.items():
        for route, rows in page_table(table.ACTS).items():
            assert route not in pages, f"{route}: an act of {name} and a hand-written row"
            pages[route] = rows
        for op, row in api_table(table.ACTS).items():
            assert op not in api, f"{op}: an act of {name} and a hand-written row"
            api[op] = row
    for route, rows in EXTRA_ROWS.items():
        pages[route] = pages[route] + rows
    return pages, api


PAGES, API = _with_acts()
#: API URLs that are not operations of the document
API_EXTRA: dict[str, list[Row]] = {
    # the API documentation is for signed-in users (anonymous: to the login page)
    "api/openapi.json": [Row("get", "302  200    200    200    200    200")],
    "api/docs": [Row("get", "302  200    200    200    200    200")],
    "api/": [
        Row("get", "404  404    404    404    404    404")
    ],  # no root page; docs are at /api/docs
}
#: a method no operation has answers 405 before auth
API_WRONG_METHOD = [
    ("put", "/api/assignments/{assignment_id}"),
    ("delete", "/api/tasks"),
    ("get", "/api/assignments/{assignment_id}/confirm"),
]


def test_no_act_is_written_by_hand():
    """A hand-written page says it refuses a POST (405 for every signed-in role) and reads only;
    a hand-written API row is a GET. So a page that takes a POST or an API write can only get its
    row from an app's table of acts, where its act test comes with it."""
    wrong = {
        route: [r.method for r in rows if r.method != "get" and not refuses(r)]
        for route, rows in HAND_PAGES.items()
    }
    assert {r: m for r, m in wrong.items() if m} == {}
    silent = sorted(
        route
        for route, rows in HAND_PAGES.items()
        if route not in NOT_ACTS and not any(r.method == "post" for r in rows)
    )
    assert silent == [], "hand-written pages that do not say they refuse a POST"
    assert {method for method, _ in HAND_API} == {"get"}
    assert all(refuses(r) for rows in EXTRA_ROWS.values() for r in rows)


# -- walking the project ---------------------------------------------------------------


def _walk(patterns, prefix: str = ""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _walk(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern)


def project_routes() -> set[str]:
    return {r for r in _walk(get_resolver().url_patterns) if not r.startswith(EXCLUDED)}


def _api_path(route: str) -> str:
    """'api/tasks/<task_id>' -> '/api/tasks/{task_id}' (the OpenAPI spelling)."""
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)


def test_every_url_is_in_the_table():
    routes = project_routes()
    assert {"", "tasks/assignments/<int:pk>/claim/", "api/tasks/<task_id>"} <= routes, (
        "the walk reaches nested URLs"
    )
    documented_api = {path for _, path in API}
    missing = sorted(
        r
        for r in routes
        if r not in PAGES and r not in API_EXTRA and _api_path(r) not in documented_api
    )
    assert not missing, f"URLs with no row in the permission matrix: {missing}"
    stale = sorted(set(PAGES) - routes) + sorted(set(API_EXTRA) - routes)
    assert not stale, f"rows for URLs that no longer exist: {stale}"


def test_every_api_operation_is_in_the_table(db):
    from giaoban.api.api import api

    doc = api.get_openapi_schema()
    listed = {(method, path) for path, ops in doc["paths"].items() for method in ops}
    assert listed == set(API), {
        "not in the table": listed - set(API),
        "not in the document": set(API) - listed,
    }


# -- filling the paths -----------------------------------------------------------------------


def prepare(cast, state: str, route: str = "") -> dict[str, int]:
    """Bring the objects to the state the row needs; return the ids for the path. The meetings
    objects are made for the meetings pages and API only."""
    ids = {"unit": cast.board_a.pk}
    tasks_acts.prepare(cast, state, ids)
    notifications_acts.prepare(cast, state, ids)
    accounts_acts.prepare(cast, state, ids)
    reporting_matrix.prepare(cast, state, ids)
    if route.startswith(("meetings/", "/api/meetings", "/api/notices")):
        ids.update(meetings_matrix.prepare(cast, state))
    return ids


_prepare = prepare
#: the tables that say what each <name> of their routes is
URL_VALUES = (notifications_acts, meetings_matrix, tasks_acts, accounts_acts)


def page_url(route: str, ids: dict[str, int]) -> str:
    if route.startswith(("reports/", "recommendations/")):
        return reporting_matrix.page_url(route, ids)

    def value(match: re.Match) -> str:
        name = match.group(1)
        if name == "pk" and route.startswith("desk/units/"):
            return str(ids["unit"])
        for table in URL_VALUES:
            found = table.url_value(route, name, ids)
            if found is not None:
                return str(found)
        raise AssertionError(f"{route}: give the row a state that creates <{name}>")

    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", value, route)


_page_url = page_url
API_NAMES = {
    "unit_id": "unit",
    **tasks_acts.API_NAMES,
    **reports_acts.API_NAMES,
    **recommendations_acts.API_NAMES,
    **meetings_matrix.API_NAMES,
}


def api_url(path: str, ids: dict[str, int]) -> str:
    return re.sub(r"{(\w+)}", lambda m: str(ids[API_NAMES[m.group(1)]]), path)


_api_url = api_url
_fill, _page_client = fill, page_client


def _api_request(cast, role: str, method: str, url: str, data: dict):
    return api_call(*api_client(cast, role), method, url, data)


# -- the matrix ------------------------------------------------------------------------------
# One test per row; each role's request runs in a savepoint that is rolled back, so every
# role meets the same state (and the cast is built once per row, not once per role).


def _each_role(check) -> None:
    wrong = []
    for role in ROLES:
        with transaction.atomic():
            got, want = check(role)
            transaction.set_rollback(True)
        if got != want:
            wrong.append(f"{role}: got {got}, want {want}")
    assert not wrong, wrong


PAGE_CASES = [
    (route, i) for route, rows in {**PAGES, **API_EXTRA}.items() for i in range(len(rows))
]


@pytest.mark.parametrize(
    "route,index",
    PAGE_CASES,
    ids=[f"{r or '/'}-{(PAGES | API_EXTRA)[r][i].method}" for r, i in PAGE_CASES],
)
def test_page(cast, route, index):
    row = (PAGES | API_EXTRA)[route][index]
    ids = prepare(cast, row.state, route)
    url = page_url(route, ids)

    def check(role):
        client = _page_client(cast, role)
        response = (
            client.get(url)
            if row.method == "get"
            else getattr(client, row.method)(url, _fill(row.data, ids))
        )
        if response.status_code == 302 and role == "anon" and not route.startswith("favicon"):
            assert response["Location"] == f"/accounts/login/?next={url}"
        return response.status_code, row.status(role)

    _each_role(check)


@pytest.mark.parametrize("method,path", list(API), ids=[f"{m}-{p}" for m, p in API])
def test_api_operation(cast, method, path):
    row = API[(method, path)]
    ids = prepare(cast, row.state, path)
    _each_role(
        lambda role: (
            _api_request(cast, role, method, _api_url(path, ids), _fill(row.data, ids)).status_code,
            row.status(role),
        )
    )


@pytest.mark.parametrize("method,path", API_WRONG_METHOD)
def test_api_wrong_method_is_405(cast, method, path):
    ids = _prepare(cast, "")
    _each_role(
        lambda role: (_api_request(cast, role, method, _api_url(path, ids), {}).status_code, 405)
    )


def test_the_savepoints_isolate_the_roles(cast):
    """The allowed role's act is undone before the next role: unit_a's claim did not stay."""
    from giaoban.tasks.models import CompletionClaim

    ids = _prepare(cast, "")
    _each_role(
        lambda role: (
            _api_request(
                cast,
                role,
                "post",
                _api_url("/api/assignments/{assignment_id}/claim", ids),
                {"completed_on": "2026-03-10", "evidence_number": "1-BC/ĐU"},
            ).status_code,
            API[("post", "/api/assignments/{assignment_id}/claim")].status(role),
        )
    )
    assert CompletionClaim.objects.count() == 0
