"""The generated permission matrix: every URL of the project and every API operation,
for every role, answers the status this table says.

The table is the specification. ``test_every_url_is_in_the_table`` walks the URL
resolver and ``test_every_api_operation_is_in_the_table`` the OpenAPI document: a new
page or endpoint fails the suite until someone writes down who may use it.

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

from giaoban.accounts.models import ApiToken
from giaoban.core.tests.acts import (
    ROLES,
    Row,
    api_call,
    api_client,
    api_table,
    fill,
    page_client,
    page_table,
)
from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.reports.tests import matrix as reporting_matrix
from giaoban.tasks.tests import acts as tasks_acts

pytestmark = pytest.mark.usefixtures("frozen")

#: URL prefixes with their own small tests (Django's admin, the language switch, sign-in/out)
EXCLUDED = ("admin/", "i18n/", "accounts/login/", "accounts/logout/", "static/", "media/")


#                         anon office leader unit_a unit_b admin
READ_ALL = Row("get", "302  200    200    200    200    200")
READ_A = Row("get", "302  200    200    200    404    200")
NO_POST = Row("post", "302  405    405    405    405    405")
NO_GET = Row("get", "302  405    405    405    405    405")
#: a GET on an act's URL goes back to the page of the act (tasks/urls.py ``act``), not a bare 405
ACT_GET = Row("get", "302  302    302    302    302    302")


def _unit_act(data: dict, state: str = "") -> list[Row]:
    return [
        Row("post", "302  403    403    302    404    403", data, state),
        Row("get", ACT_GET.expect, state=state),
    ]


def _office_act(data: dict, state: str = "") -> list[Row]:
    return [
        Row("post", "302  302    403    403    404    403", data, state),
        Row("get", ACT_GET.expect, state=state),
    ]


#: the reports/recommendations acts: a GET on their URL goes back to the object's page too
_unit_post, _office_post = _unit_act, _office_act

PAGES: dict[str, list[Row]] = {
    "": [READ_ALL, NO_POST],
    "favicon.ico": [Row("get", "302  302    302    302    302    302")],
    "tasks/": [READ_ALL, NO_POST],
    "tasks/<int:pk>/": [READ_A, NO_POST],
    "tasks/assignments/": [READ_ALL, NO_POST],
    "tasks/leaders/": [READ_ALL, NO_POST],
    "tasks/assignments/<int:pk>/": [READ_A, NO_POST],
    # -- what awaits the office (tasks/awaiting_views.py) --
    "tasks/awaiting/": [Row("get", "302  200    403    403    403    403"), NO_POST],
    "tasks/awaiting/count/": [Row("get", "302  200    200    200    200    200"), NO_POST],
    # -- accounts in the app (accounts/views.py); the paths' <pk> is unit_a (or unit_a's token) --
    "accounts/me/": [READ_ALL, NO_POST],
    "accounts/password/": [READ_ALL, Row("post", "302  400    400    400    400    400", {})],
    "accounts/me/tokens/": [
        Row("post", "302  200    200    200    200    200", {"name": "x"}),
        NO_GET,
    ],
    "accounts/me/tokens/<int:pk>/revoke/": [
        Row("post", "302  404    404    302    404    404", state="token"),
        Row("get", NO_GET.expect, state="token"),
    ],
    "accounts/users/": [Row("get", "302  200    403    403    403    200"), NO_POST],
    "accounts/users/new/": [Row("get", "302  200    403    403    403    200")],
    "accounts/users/import/": [Row("get", "302  200    403    403    403    200")],
    "accounts/users/import/units.csv": [
        Row("get", "302  200    403    403    403    200"),
        NO_POST,
    ],
    "accounts/users/<int:pk>/": [Row("get", "302  200    403    403    403    200")],
    "accounts/users/<int:pk>/reset-password/": [
        Row("post", "302  200    403    403    403    200"),
        NO_GET,
    ],
    "tasks/assignments/<int:pk>/files/<str:kind>/<int:item_pk>/": [
        Row("get", "302  200    200    200    404    200", state="attachment"),
        Row("post", "302  405    405    405    405    405", state="attachment"),
    ],
    # -- the task register ("sổ theo dõi"): read like the task list; import by the office only
    "tasks/register/": [READ_ALL, NO_POST],
    "tasks/register/export/": [READ_ALL, NO_POST],
    "tasks/register/import/": [
        Row("get", "302  200    403    403    403    403"),
        Row("post", "302  400    403    403    403    403", {"committee": "{committee_a}"}),
    ],
    # -- notifications: everyone has their own centre; <pk> is unit_a's notification of task_a
    "notifications/": [READ_ALL, NO_POST],
    "notifications/bell/": [READ_ALL, NO_POST],
    "notifications/read/": [Row("post", "302  302    302    302    302    302"), NO_GET],
    "notifications/preferences/": [
        READ_ALL,
        Row("post", "302  302    302    302    302    302", {"email_enabled": "on"}),
    ],
    "notifications/rules/": [
        Row("get", "302  200    403    403    403    403"),
        Row(
            "post",
            "302  302    403    403    403    403",
            {
                "days_before": "2",
                "overdue_every": "3",
                "escalate_after": "7",
                "claim_unconfirmed_after": "5",
                "report_missing_after": "1",
            },
        ),
    ],
    "notifications/calendar/": [READ_ALL, NO_POST],
    "notifications/calendar/new/": [Row("post", "302  302    302    302    302    302"), NO_GET],
    # <pk> is unit_a's own feed; the feed itself needs no login (its secret is the key)
    "notifications/calendar/<int:pk>/revoke/": [
        Row("post", "302  404    404    302    404    404"),
        NO_GET,
    ],
    "notifications/calendar/<int:pk>/<str:secret>.ics": [
        Row("get", "200  200    200    200    200    200"),
        Row("post", "405  405    405    405    405    405"),
    ],
    "notifications/letters/": [Row("get", "302  200    403    403    403    403"), NO_POST],
    "notifications/letters/new/": [
        Row("get", "302  200    403    403    403    403"),
        # nothing of the cast is overdue or due within a week: a clear 400, nothing made
        Row(
            "post",
            "302  400    403    403    403    403",
            {
                "committee": "{committee_a}",
                "number": "1",
                "signer_title": "CHÁNH VĂN PHÒNG",
                "signer_name": "A",
                "reply_by": "30/03/2026",
            },
        ),
    ],
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
    "notifications/<int:pk>/": [Row("get", "302  404    404    302    404    404"), NO_POST],
    "notifications/<int:pk>/read/": [Row("post", "302  404    404    302    404    404"), NO_GET],
}

# -- the tasks acts (giaoban/tasks/tests/acts.py): their page and API rows come from the table --
PAGES.update(page_table(tasks_acts.ACTS))
PAGES["tasks/new/"].append(Row("put", "302  405    405    405    405    405"))

# -- reporting and recommendations (objects and URLs: giaoban/reports/tests/matrix.py) ------
_REPORT_SECTION = {
    "section_results": "Hoàn thành",
    "indicator_DV01": "",
    "doc_number": "1-BC/BTC",
    "doc_date": "16/03/2026",
}
#                            anon office leader unit_a unit_b admin
_OVERSEER_READ = Row("get", "302  200    200    403    404    200")
_OFFICE_PAGE = [
    Row("get", "302  200    403    404    404    403"),
    Row("put", "302  405    405    405    405    405"),
]
PAGES.update(
    {
        "reports/": [READ_ALL, NO_POST],
        "reports/periods/new/": [
            Row("get", "302  200    403    403    403    403"),
            Row(
                "post",
                "302  302    403    403    403    403",
                {
                    "committee": "{committee_a}",
                    "period_type": "quarter",
                    "year": "2026",
                    "number": "2",
                },
            ),
        ],
        "reports/periods/<int:pk>/": [READ_A, NO_POST],
        "reports/periods/<int:pk>/expected/": _office_post({"units": "{board_a}"}),
        "reports/periods/<int:pk>/open/": _office_post({}),
        "reports/periods/<int:pk>/close/": _office_post({"allow_late": "on"}),
        "reports/periods/<int:pk>/start/": _unit_post({}),
        "reports/periods/<int:pk>/completeness.xlsx": [_OVERSEER_READ, NO_POST],
        "reports/periods/<int:pk>/synthesis/": _office_post({}),
        "reports/periods/<int:pk>/synthesis/upload/": _office_post({}),
        "reports/periods/<int:pk>/synthesis/<int:number>/": [
            Row("get", _OVERSEER_READ.expect, state="synthesis"),
            Row("post", NO_POST.expect, state="synthesis"),
        ],
        "reports/r/<int:pk>/": [READ_A, NO_POST],
        "reports/r/<int:pk>/save/": _unit_post(_REPORT_SECTION),
        "reports/r/<int:pk>/submit/": _unit_post(_REPORT_SECTION),
        "reports/r/<int:pk>/accept/": _office_post({}, "report_submitted"),
        "reports/r/<int:pk>/return/": _office_post({"reason": "Thiếu số liệu"}, "report_submitted"),
        "reports/r/<int:pk>/versions/<int:number>/": [
            Row("get", READ_A.expect, state="report_submitted"),
            Row("post", NO_POST.expect, state="report_submitted"),
        ],
        "reports/r/<int:pk>/versions/<int:number>/file/": [
            Row("get", READ_A.expect, state="report_submitted"),
            Row("post", NO_POST.expect, state="report_submitted"),
        ],
        "reports/units/<int:unit_id>/": [READ_A, NO_POST],
        "reports/committees/<int:committee_id>/rules/": _OFFICE_PAGE
        + [
            Row(
                "post",
                "302  302    403    404    404    403",
                {
                    "cutoff_day": "14",
                    "due_working_days": "5",
                    "due_month_offset": "0",
                    "plan_due_day": "30",
                    "plan_due_month": "11",
                    "plan_approve_day": "25",
                    "plan_approve_month": "12",
                },
            )
        ],
        "reports/committees/<int:committee_id>/forms/<str:period_type>/": _OFFICE_PAGE
        + [
            Row(
                "post",
                "302  302    403    404    404    403",
                {"name": "Báo cáo quý", "use_results": "on", "title_results": "Kết quả"},
            )
        ],
        "reports/indicators/": [READ_ALL, NO_POST],
        "reports/indicators/new/": [
            Row("get", "302  200    403    403    403    403"),
            Row(
                "post",
                "302  302    403    403    403    403",
                {
                    "code": "KT9",
                    "name": "Kiểm tra",
                    "measure": "cuộc",
                    "direction": "higher",
                    "accumulation": "per_period",
                    "sort_order": "1",
                },
            ),
        ],
        "reports/indicators/<int:pk>/": [READ_A, NO_POST],
        "reports/indicators/<int:pk>/targets/": _office_post({"year": "2026", "target": "10"}),
        "reports/indicators/units/<int:unit_id>/": [READ_A, NO_POST],
        "reports/plans/": [READ_ALL, NO_POST],
        "reports/plans/new/": [
            Row("post", "302  403    403    302    302    403", {"unit": "{unit}", "year": "2028"}),
            ACT_GET,
        ],
        "reports/plans/<int:pk>/": [READ_A, NO_POST],
        "reports/plans/<int:pk>/items/": _unit_post({"text": "Đề án", "weight": "1"}),
        "reports/plans/<int:pk>/items/<int:item_pk>/remove/": _unit_post({}),
        "reports/plans/<int:pk>/submit/": _unit_post({}),
        "reports/plans/<int:pk>/decide/": _office_post({"approve": "on"}, "plan_submitted"),
        "recommendations/": [READ_ALL, NO_POST],
        "recommendations/new/": [
            Row("get", "302  403    403    200    200    403"),
            Row(
                "post",
                "302  403    403    302    400    403",
                {"unit": "{unit}", "text": "Kinh phí"},
            ),
        ],
        "recommendations/<int:pk>/": [READ_A, NO_POST],
        "recommendations/<int:pk>/forward/": _office_post({"to_unit": "{office_unit_a}"}),
        "recommendations/<int:pk>/answer/": [
            Row("post", "302  302    302    403    404    403", {"answer": "Đã bố trí kinh phí"}),
            ACT_GET,
        ],
        "recommendations/<int:pk>/close/": _office_post({}, "rec_answered"),
        "reports/periods/<int:pk>/synthesis/<int:number>/pdf/": [
            Row("get", _OVERSEER_READ.expect, state="synthesis"),
            Row("post", NO_POST.expect, state="synthesis"),
        ],
        # a report's next period's tasks -> items of the next quarter's plan (unit or office)
        "reports/r/<int:pk>/carry/": [
            Row("get", "302  200    403    200    404    403"),
            Row(
                "post",
                "302  302    403    302    404    403",
                {
                    "item-TOTAL_FORMS": "1",
                    "item-INITIAL_FORMS": "1",
                    "item-0-carry": "on",
                    "item-0-text": "Sơ kết 6 tháng",
                    "item-0-weight": "1",
                },
            ),
        ],
    }
)
# -- meetings and notices: their rows, objects and path values live in the app --------------
from giaoban.meetings.tests import matrix as meetings_matrix  # noqa: E402

PAGES.update(meetings_matrix.PAGES)

#                               anon office leader unit_a unit_b admin
API_READ_ALL = Row("get", "401  200    200    200    200    200")
API_READ_A = Row("get", "401  200    200    200    404    200")
API_UNIT_ACT = "401  403    403    201    404    403"
API_OFFICE_ACT = "401  200    403    403    404    403"

_API_UNIT_ACT_200 = "401  403    403    200    404    403"
_API_REPORTING: dict[tuple[str, str], Row] = {
    ("get", "/api/reporting/periods"): API_READ_ALL,
    ("post", "/api/reporting/periods"): Row(
        "post",
        "401  201    403    403    403    403",
        {"committee": "{committee_a}", "period_type": "quarter", "year": 2026, "number": 2},
    ),
    ("get", "/api/reporting/periods/{period_id}"): API_READ_A,
    # the period is open: its expected units can no longer change (400 for the office)
    ("put", "/api/reporting/periods/{period_id}/expected"): Row(
        "put", "401  400    403    403    404    403", {"units": ["{board_a}"]}
    ),
    ("post", "/api/reporting/periods/{period_id}/open"): Row(
        "post", "401  400    403    403    404    403"
    ),
    ("post", "/api/reporting/periods/{period_id}/close"): Row(
        "post", API_OFFICE_ACT, {"allow_late": True}
    ),
    ("get", "/api/reporting/periods/{period_id}/completeness"): API_READ_A,
    ("post", "/api/reporting/periods/{period_id}/reports"): Row("post", API_UNIT_ACT),
    ("get", "/api/reporting/reports"): API_READ_ALL,
    ("get", "/api/reporting/reports/{report_id}"): API_READ_A,
    ("put", "/api/reporting/reports/{report_id}/draft"): Row(
        "put", _API_UNIT_ACT_200, {"sections": {"results": "Hoàn thành"}}
    ),
    ("post", "/api/reporting/reports/{report_id}/submit"): Row(
        "post", _API_UNIT_ACT_200, {"doc_number": "1-BC/BTC", "doc_date": "2026-03-16"}
    ),
    ("post", "/api/reporting/reports/{report_id}/accept"): Row(
        "post", API_OFFICE_ACT, {}, "report_submitted"
    ),
    ("post", "/api/reporting/reports/{report_id}/return"): Row(
        "post", API_OFFICE_ACT, {"reason": "Thiếu"}, "report_submitted"
    ),
    ("get", "/api/reporting/reports/{report_id}/versions"): API_READ_A,
    ("get", "/api/reporting/units/{unit_id}/timeliness"): API_READ_A,
    ("get", "/api/recommendations"): API_READ_ALL,
    ("post", "/api/recommendations"): Row(
        "post", "401  403    403    201    403    403", {"unit": "{unit}", "text": "Kinh phí"}
    ),
    ("get", "/api/recommendations/{recommendation_id}"): API_READ_A,
    ("post", "/api/recommendations/{recommendation_id}/forward"): Row(
        "post", API_OFFICE_ACT, {"to_unit": "{office_unit_a}"}
    ),
    ("post", "/api/recommendations/{recommendation_id}/answer"): Row(
        "post", "401  200    200    403    404    403", {"answer": "Đã bố trí"}
    ),
    ("post", "/api/recommendations/{recommendation_id}/close"): Row(
        "post", API_OFFICE_ACT, {}, "rec_answered"
    ),
}

API: dict[tuple[str, str], Row] = {
    ("get", "/api/units/"): API_READ_ALL,
    ("get", "/api/units/{unit_id}"): API_READ_A,
    ("get", "/api/tasks"): API_READ_ALL,
    ("get", "/api/tasks/{task_id}"): API_READ_A,
    ("get", "/api/assignments"): API_READ_ALL,
    ("get", "/api/assignments/{assignment_id}"): API_READ_A,
}
# the tasks acts (giaoban/tasks/tests/acts.py)
API.update(api_table(tasks_acts.ACTS))
API.update(_API_REPORTING)
API.update(meetings_matrix.API)
# -- week: statistics per directing leader (tasks/api_stats.py), read by everyone, scoped --
API[("get", "/api/statistics/leaders")] = API_READ_ALL
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


def _prepare(cast, state: str) -> dict[str, int]:
    """Bring the objects to the state the act needs; return the ids for the path."""
    ids = {"unit": cast.board_a.pk, "user": cast.unit_a.pk}
    tasks_acts.prepare(cast, state, ids)
    from giaoban.notifications.models import Notification

    ids["notification"] = Notification.objects.get(recipient=cast.unit_a).pk
    from giaoban.notifications.services import create_feed

    feed, ids["secret"] = create_feed(user=cast.unit_a)
    ids["feed"] = feed.pk
    if state == "token":
        ids["token"] = ApiToken.issue(user=cast.unit_a, name="matrix")[0].pk
    reporting_matrix.prepare(cast, state, ids)
    return ids


def _page_url(route: str, ids: dict[str, int]) -> str:
    if route.startswith(("reports/", "recommendations/")):
        return reporting_matrix.page_url(route, ids)

    def value(match: re.Match) -> str:
        name = match.group(1)
        if name == "pk" and route.startswith("notifications/calendar/"):
            return str(ids["feed"])
        if name == "pk" and route.startswith("notifications/letters/"):
            return "999999"
        if name == "pk" and route.startswith("desk/units/"):
            return str(ids["unit"])
        if name == "pk" and route.startswith("notifications/"):
            return str(ids["notification"])
        found = meetings_matrix.url_value(route, name, ids)
        if found is not None:
            return str(found)
        found = tasks_acts.url_value(route, name, ids)
        if found is not None:
            return str(found)
        if name == "pk":
            if route.startswith("accounts/me/tokens/"):
                return str(ids["token"])
            assert route.startswith("accounts/users/"), route
            return str(ids["user"])
        value = {"secret": ids.get("secret")}.get(name)
        assert value is not None, f"{route}: give the row a state that creates <{name}>"
        return str(value)

    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", value, route)


def _api_url(path: str, ids: dict[str, int]) -> str:
    names = {
        "unit_id": "unit",
        **tasks_acts.API_NAMES,
        "period_id": "period",
        "report_id": "report",
        "recommendation_id": "rec",
        **meetings_matrix.API_NAMES,
    }
    return re.sub(r"{(\w+)}", lambda m: str(ids[names[m.group(1)]]), path)


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
    ids = _prepare(cast, row.state)
    if route.startswith("meetings/"):
        ids.update(meetings_matrix.prepare(cast, row.state))
    url = _page_url(route, ids)

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
    ids = _prepare(cast, row.state)
    if path.startswith(("/api/meetings", "/api/notices")):
        ids.update(meetings_matrix.prepare(cast, row.state))
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
