"""Sortable lists (page and API ``ordering=``), the "directed by" filter, the one filter
parser of pages and API, and the statistics per directing leader — against hand-computed
orders and counts (the cast's day is frozen at 16/03/2026)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client

from giaoban.accounts.models import Membership, Role, User
from giaoban.tasks import services
from giaoban.tasks.services import create_task

SOURCE = "501-TB/TU"


@pytest.fixture
def five(cast):
    """Five items of 501-TB/TU (given 01/02/2026):
    1 deadline 10/03 Ban Tổ chức A, leader_a          -> overdue 6 days
    2 deadline 01/03 Ban Tuyên giáo A, leader2        -> overdue 15 days
    3 deadline 30/06 Đảng ủy xã Tân An, leader_a      -> in time
    4 standing      Ban Tổ chức A, "Phó Bí thư" typed  -> standing
    5 deadline 05/03 Ban Tổ chức A, leader_a, done 04/03 (confirmed 16/03) -> done on time
    """
    leader2 = User.objects.create(
        username="leader2", full_name="Trần Văn Hai", position="Phó Bí thư"
    )
    Membership.objects.create(user=leader2, unit=cast.committee_a, role=Role.LEADER)
    spec = [
        ("1", date(2026, 3, 10), cast.board_a, cast.leader_a, ""),
        ("2", date(2026, 3, 1), cast.board_a2, leader2, ""),
        ("3", date(2026, 6, 30), cast.commune_a, cast.leader_a, ""),
        ("4", None, cast.board_a, None, "Phó Bí thư Thường trực"),
        ("5", date(2026, 3, 5), cast.board_a, cast.leader_a, ""),
    ]
    tasks = {}
    for item, deadline, unit, leader, name in spec:
        tasks[item] = create_task(
            committee=cast.committee_a,
            doc_number=SOURCE,
            doc_date=date(2026, 2, 1),
            item_number=item,
            text=f"Nội dung mục {item}",
            deadline=deadline,
            created_by=cast.office_a,
            directed_by=leader,
            directed_by_name=name,
            lead_units=[unit],
            created_on=date(2026, 2, 1),
        )
    done = tasks["5"].assignments.get()
    services.claim_completion(
        assignment=done, user=cast.unit_a, completed_on=date(2026, 3, 4), evidence_number="7-BC/BTC"
    )
    services.confirm_completion(assignment=done, user=cast.office_a)
    asg = {k: t.assignments.get() for k, t in tasks.items()}
    return {"tasks": tasks, "asg": asg, "leader2": leader2}


def _client(user) -> Client:
    client = Client(headers={"accept-language": "vi"})
    client.force_login(user)
    return client


def _page_items(response) -> list[str]:
    """The item numbers of the assignment rows, in page order."""
    return re.findall(
        r'</a> <span class="small text-muted">#(\d+)</span>', response.content.decode()
    )


def _api_items(client, **params) -> list[str]:
    r = client.get("/api/assignments", {"source": SOURCE, **params})
    assert r.status_code == 200, r.content
    return [row["task_id"] for row in r.json()["items"]]


ORDERS = {
    # deadline ascending, standing last
    "deadline": ["2", "5", "1", "3", "4"],
    "-deadline": ["3", "1", "5", "2", "4"],
    # days overdue: only 2 (15) and 1 (6) are overdue; the others after them, by deadline
    "-days_overdue": ["2", "1", "5", "3", "4"],
    "days_overdue": ["1", "2", "5", "3", "4"],
    # units by their order (Ban Tổ chức A 2, Ban Tuyên giáo A 3, xã 4), then deadline
    "unit": ["5", "1", "4", "2", "3"],
    "-unit": ["3", "2", "5", "1", "4"],
    # classes in StatusClass order: done on time, in time, overdue, standing; then deadline
    "status": ["5", "3", "2", "1", "4"],
    "-status": ["4", "2", "1", "3", "5"],
}


@pytest.mark.parametrize("ordering", list(ORDERS))
def test_assignment_list_sorts_on_the_page_and_in_the_api(cast, five, ordering):
    client = _client(cast.office_a)
    response = client.get("/tasks/assignments/", {"source": SOURCE, "ordering": ordering})
    assert response.status_code == 200
    assert _page_items(response) == ORDERS[ordering]
    ids = {a.task_id: k for k, a in five["asg"].items()}
    assert [ids[t] for t in _api_items(client, ordering=ordering)] == ORDERS[ordering]


def test_sort_is_kept_with_filters_and_pages(cast, five):
    client = _client(cast.office_a)
    url = "/tasks/assignments/"
    html = client.get(url, {"source": SOURCE, "ordering": "-days_overdue"}).content.decode()
    # the column heads keep the filter and flip the direction of the current column
    head = re.search(r'data-sort="days_overdue" href="\?([^"]+)"', html).group(1)
    assert "source=501-TB%2FTU" in head and "ordering=days_overdue" in head
    assert 'aria-sort="descending"' in html
    # the filter form carries the order, so filtering keeps it
    assert '<option value="-days_overdue" selected>' in html
    # pages: 5 rows per page would need many rows; the pagination links carry the order
    from giaoban.core.views import paginate  # noqa: F401  (the page size is 25)

    for i in range(30):
        create_task(
            committee=cast.committee_a,
            doc_number="777-TB/TU",
            doc_date=date(2026, 2, 1),
            item_number=str(i),
            text="Việc",
            deadline=date(2026, 4, 1 + i % 28),
            created_by=cast.office_a,
            lead_units=[cast.board_a],
        )
    first = client.get(url, {"source": "777-TB", "ordering": "-deadline"})
    html = first.content.decode()
    nxt = re.search(r'href="\?([^"]*page=2)"', html).group(1)
    assert "ordering=-deadline" in nxt and "source=777-TB" in nxt
    second = client.get(url + "?" + nxt.replace("&amp;", "&"))
    firsts = [a.deadline for a in first.context["page"]]
    seconds = [a.deadline for a in second.context["page"]]
    assert len(firsts) == 25 and len(seconds) == 5
    whole = firsts + seconds
    assert whole == sorted(whole, reverse=True)
    # stable: equal deadlines keep the id order, the same on every request
    ids = [a.pk for a in first.context["page"]] + [a.pk for a in second.context["page"]]
    again = client.get(url, {"source": "777-TB", "ordering": "-deadline"}).context["page"]
    assert [a.pk for a in again] == ids[:25]


def test_task_list_sorts_by_deadline_and_overdue_units(cast, five):
    client = _client(cast.office_a)
    page = client.get("/tasks/", {"source": SOURCE, "ordering": "deadline"}).context["page"]
    assert [t.item_number for t in page] == ["2", "5", "1", "3", "4"]
    page = client.get("/tasks/", {"source": SOURCE, "ordering": "-overdue"}).context["page"]
    assert [t.item_number for t in page][:2] == ["2", "1"]  # one overdue unit each, by deadline
    api = client.get("/api/tasks", {"source": SOURCE, "ordering": "-deadline"}).json()["items"]
    assert [t["item_number"] for t in api] == ["3", "1", "5", "2", "4"]


def test_directed_by_filter_on_the_page_and_in_the_api(cast, five):
    client = _client(cast.office_a)
    html = client.get("/tasks/assignments/").content.decode()
    assert f'<option value="{five["leader2"].pk}">Trần Văn Hai — Phó Bí thư</option>' in html
    mine = client.get("/tasks/assignments/", {"leader": cast.leader_a.pk, "source": SOURCE})
    assert sorted(_page_items(mine)) == ["1", "3", "5"]
    r = client.get("/api/assignments", {"leader": five["leader2"].pk})
    assert [row["task_id"] for row in r.json()["items"]] == [five["tasks"]["2"].pk]
    tasks = client.get("/api/tasks", {"leader": cast.leader_a.pk}).json()["items"]
    assert {t["id"] for t in tasks} == {
        cast.task_a.pk,
        five["tasks"]["1"].pk,
        five["tasks"]["3"].pk,
        five["tasks"]["5"].pk,
    }


@pytest.mark.parametrize(
    "params, field, message",
    [
        ({"ordering": "sideways"}, "ordering", "Không có cách sắp xếp này: sideways."),
        ({"leader": "999999"}, "leader", "Không tìm thấy lãnh đạo."),
        ({"unit": "999999"}, "unit", "Không có đơn vị này."),
        (
            {"deadline_from": "2026-03-02", "deadline_to": "2026-03-01"},
            "deadline_from",
            "'Thời hạn từ ngày' không được sau 'thời hạn đến ngày'.",
        ),
    ],
)
def test_one_parser_one_message_page_and_api(cast, five, params, field, message):
    client = _client(cast.office_a)
    for url in ("/tasks/assignments/", "/tasks/"):
        page = client.get(url, params)
        assert page.status_code == 400
        assert page.context["page"].paginator.count == 0  # nothing listed, never everything
        assert message in page.context["form"].errors[field]
    for url in ("/api/assignments", "/api/tasks"):
        api = client.get(url, params)
        assert api.status_code == 400, (url, api.content)
        assert api.json()["errors"][field] == [message]


def test_a_leader_outside_the_scope_is_unknown(cast, five):
    other = User.objects.create(username="leader_b", full_name="Lãnh đạo Beta")
    Membership.objects.create(user=other, unit=cast.committee_b, role=Role.LEADER)
    cast.task_b.directed_by = other
    cast.task_b.save(update_fields=["directed_by"])
    client = _client(cast.office_a)
    assert client.get("/tasks/assignments/", {"leader": other.pk}).status_code == 400
    assert client.get("/api/assignments", {"leader": other.pk}).status_code == 400
    assert "Lãnh đạo Beta" not in client.get("/tasks/assignments/").content.decode()


# -- statistics per directing leader ------------------------------------------------------


def _stats(client, as_of: str = "") -> dict:
    from giaoban.tasks.status import StatusClass

    response = client.get("/tasks/leaders/", {"as_of": as_of} if as_of else {})
    assert response.status_code == 200
    keys = ["total", *(c.value for c in StatusClass)]
    return {
        (row["name"] or "-"): {k: row[k] for k in keys if row[k]}
        for row in response.context["rows"]
    }


def test_statistics_per_leader_at_three_dates(cast, five):
    client = _client(cast.office_a)
    # 16/03/2026: leader_a directs task_a (2 units, in time) and items 1 (overdue),
    # 3 (in time), 5 (done on time); leader2 item 2 (overdue); the typed name item 4
    assert _stats(client) == {
        "leader_a": {"total": 5, "open_in_time": 3, "open_overdue": 1, "done_on_time": 1},
        "Trần Văn Hai": {"total": 1, "open_overdue": 1},
        "Phó Bí thư Thường trực": {"total": 1, "standing": 1},
    }
    # 10/03/2026: item 5 was not confirmed yet and its deadline (05/03) had passed; item 1
    # was due that very day (in time)
    assert _stats(client, "10/03/2026") == {
        "leader_a": {"total": 5, "open_in_time": 4, "open_overdue": 1},
        "Trần Văn Hai": {"total": 1, "open_overdue": 1},
        "Phó Bí thư Thường trực": {"total": 1, "standing": 1},
    }
    # 15/01/2026: only task_a had been entered (01/01/2026)
    assert _stats(client, "15/01/2026") == {"leader_a": {"total": 2, "open_in_time": 2}}


def test_statistics_page_links_carry_leader_status_and_date(cast, five):
    client = _client(cast.office_a)
    html = client.get("/tasks/leaders/", {"as_of": "10/03/2026"}).content.decode()
    link = f"/tasks/assignments/?leader={cast.leader_a.pk}&amp;status=open_overdue&amp;as_of=10/03/2026"
    assert link in html
    listed = client.get(link.replace("&amp;", "&"))
    assert [a.task.item_number for a in listed.context["page"]] == ["5"]
    assert "tính đến ngày 10/03/2026" in html


def test_statistics_page_refuses_a_bad_date_visibly(cast, five):
    response = _client(cast.office_a).get("/tasks/leaders/", {"as_of": "31/02/2026"})
    assert response.status_code == 400
    assert 'id="as-of-error"' in response.content.decode()
    assert response.context["rows"] == []


def test_statistics_are_scoped(cast, five):
    assert _stats(_client(cast.office_b)) == {"-": {"total": 1, "open_in_time": 1}}
    unit = _stats(_client(cast.unit_a))  # Ban Tổ chức A's own assignments only
    assert unit == {
        "leader_a": {"total": 3, "open_in_time": 1, "open_overdue": 1, "done_on_time": 1},
        "Phó Bí thư Thường trực": {"total": 1, "standing": 1},
    }


def test_statistics_queries_do_not_grow(cast, five, django_assert_num_queries):
    client = _client(cast.office_a)
    client.get("/tasks/leaders/")
    # session, user, memberships, subtree, the GROUP BY, the leaders' names
    with django_assert_num_queries(6):
        client.get("/tasks/leaders/")
    for i in range(10):
        leader = User.objects.create(username=f"ld{i}", full_name=f"Lãnh đạo {i}")
        create_task(
            committee=cast.committee_a,
            doc_number=f"{600 + i}-TB/TU",
            doc_date=date(2026, 2, 1),
            text="Việc",
            deadline=date(2026, 5, 1),
            created_by=cast.office_a,
            directed_by=leader,
            lead_units=[cast.board_a, cast.board_a2],
        )
    with django_assert_num_queries(6):
        assert len(client.get("/tasks/leaders/").context["rows"]) == 13
