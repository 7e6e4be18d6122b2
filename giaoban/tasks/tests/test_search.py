"""Accent-insensitive search and the filters shared by the task list, the assignment
list and the API: unit, status class, source document, deadline range, pagination."""

from __future__ import annotations

from datetime import date

import pytest

from giaoban.core.tests.support import TODAY, frozen  # noqa: F401
from giaoban.tasks import services
from giaoban.tasks.models import Assignment

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.fixture
def tasks(cast):
    """Besides the cast's 90-TB/TU: an overdue one, a standing one, a done one, in Alpha."""

    def make(number, text, deadline, units, doc_date=date(2026, 2, 2)):
        return services.create_task(
            committee=cast.committee_a,
            doc_number=number,
            doc_date=doc_date,
            item_number="1",
            text=text,
            deadline=deadline,
            created_by=cast.office_a,
            lead_units=units,
            created_on=doc_date,
        )

    overdue = make(
        "101-TB/TU", "Đẩy mạnh chuyển đổi số trong cơ quan Đảng", date(2026, 3, 1), [cast.board_a2]
    )
    standing = make("102-TB/TU", "Theo dõi dư luận xã hội thường xuyên", None, [cast.commune_a])
    done = make(
        "45/KH-UBND", "Tổng kết công tác dân vận năm 2025", date(2026, 2, 28), [cast.board_a]
    )
    services.claim_completion(
        assignment=done.assignments.get(),
        user=cast.unit_a,
        completed_on=date(2026, 2, 20),
        evidence_number="335-BC/ĐU",
        evidence_date=date(2026, 2, 20),
    )
    services.confirm_completion(assignment=done.assignments.get(), user=cast.office_a)
    return {"overdue": overdue, "standing": standing, "done": done}


def _numbers(response) -> set[str]:
    body = response.content.decode()
    return {
        n
        for n in ("90-TB/TU", "101-TB/TU", "102-TB/TU", "45/KH-UBND", "12-TB/TU")
        if f">{n}<" in body
    }


def _api(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


# -- accent-insensitive text search -------------------------------------------------


@pytest.mark.parametrize(
    "q", ["tuyen giao", "Tuyên giáo", "TUYEN GIAO", "giao tuyen", "  tuyên   GIÁO "]
)
def test_search_ignores_accents_case_and_word_order(cast, tasks, login, q):
    # the cast's 90-TB/TU says "tuyên giáo"; 101-TB/TU is carried by Ban Tuyên giáo
    client = login(cast.office_a)
    both = {"90-TB/TU", "101-TB/TU"}
    assert _numbers(client.get("/tasks/", {"q": q})) == both
    assert _numbers(client.get("/tasks/assignments/", {"q": q})) == both
    assert {t["doc_number"] for t in _api(client, "/api/tasks", q=q)["items"]} == both
    assert {a["unit_id"] for a in _api(client, "/api/assignments", q=q)["items"]} == {
        cast.board_a.pk,
        cast.board_a2.pk,
    }


def test_search_handles_d_with_stroke_and_document_numbers(cast, tasks, login):
    client = login(cast.office_a)
    # "Đảng": 101's text, and 102 is carried by "Đảng ủy xã Tân An"
    assert _numbers(client.get("/tasks/", {"q": "dang"})) == {"101-TB/TU", "102-TB/TU"}
    assert _numbers(client.get("/tasks/", {"q": "dư luận"})) == {"102-TB/TU"}
    assert _numbers(client.get("/tasks/", {"q": "kh-ubnd"})) == {"45/KH-UBND"}
    assert _numbers(client.get("/tasks/", {"q": "khong co dau"})) == set()


def test_search_stays_inside_the_scope(cast, tasks, login):
    assert _numbers(login(cast.unit_b).get("/tasks/", {"q": "tuyen giao"})) == set()
    assert _numbers(login(cast.unit_b).get("/tasks/", {"q": "kien toan"})) == {"12-TB/TU"}
    assert (
        _numbers(login(cast.unit_a).get("/tasks/", {"q": "chuyen doi so"})) == set()
    )  # given to board_a2 only


def test_unit_search_in_the_api_ignores_accents(cast, login):
    items = _api(login(cast.office_a), "/api/units/", q="tuyen giao")["items"]
    assert [u["name"] for u in items] == ["Ban Tuyên giáo Tỉnh ủy Alpha"]
    assert _api(login(cast.unit_b), "/api/units/", q="tuyen giao")["items"] == []


# -- filters ----------------------------------------------------------------------------


def test_filter_by_unit(cast, tasks, login):
    client = login(cast.office_a)
    assert _numbers(client.get("/tasks/", {"unit": cast.board_a2.pk})) == {"90-TB/TU", "101-TB/TU"}
    assert _numbers(client.get("/tasks/assignments/", {"unit": cast.commune_a.pk})) == {"102-TB/TU"}
    assert {
        a["task_id"] for a in _api(client, "/api/assignments", unit=cast.board_a.pk)["items"]
    } == {cast.task_a.pk, tasks["done"].pk}


def test_filter_by_a_unit_outside_the_scope_is_refused(cast, tasks, login):
    response = login(cast.unit_a).get(
        "/tasks/", {"unit": cast.board_b.pk}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "Unknown unit." in response.content.decode()
    assert response.status_code == 400
    assert _numbers(response) == set(), "an invalid filter lists nothing, never everything"
    api = login(cast.unit_a).get("/api/assignments", {"unit": cast.board_b.pk})
    assert api.status_code == 400 and "unit" in api.json()["errors"]


@pytest.mark.parametrize(
    "status,expected",
    [
        ("open_overdue", {"101-TB/TU"}),
        ("standing", {"102-TB/TU"}),
        ("done_on_time", {"45/KH-UBND"}),
        ("open_in_time", {"90-TB/TU"}),
        ("done_late", set()),
    ],
)
def test_filter_by_status_class(cast, tasks, login, status, expected):
    client = login(cast.office_a)
    assert _numbers(client.get("/tasks/", {"status": status})) == expected
    assert _numbers(client.get("/tasks/assignments/", {"status": status})) == expected
    api = _api(client, "/api/assignments", status=status)["items"]
    assert {a["doc_number"] for a in api} == expected and all(a["status"] == status for a in api)


def test_status_as_of_an_earlier_day(cast, tasks, login):
    """On 20/02/2026 the task now overdue (due 01/03) was still in time."""
    client = login(cast.office_a)
    assert (
        _numbers(
            client.get("/tasks/assignments/", {"status": "open_overdue", "as_of": "20/02/2026"})
        )
        == set()
    )
    assert "101-TB/TU" in _numbers(
        client.get("/tasks/assignments/", {"status": "open_in_time", "as_of": "20/02/2026"})
    )


def test_filter_by_source_document(cast, tasks, login):
    client = login(cast.office_a)
    assert _numbers(client.get("/tasks/", {"source": "TB/TU"})) == {
        "90-TB/TU",
        "101-TB/TU",
        "102-TB/TU",
    }
    assert _numbers(client.get("/tasks/assignments/", {"source": "ubnd"})) == {"45/KH-UBND"}
    assert {t["doc_number"] for t in _api(client, "/api/tasks", source="101")["items"]} == {
        "101-TB/TU"
    }


def test_filter_by_deadline_range(cast, tasks, login):
    client = login(cast.office_a)
    params = {"deadline_from": "28/02/2026", "deadline_to": "01/03/2026"}
    assert _numbers(client.get("/tasks/", params)) == {"101-TB/TU", "45/KH-UBND"}
    assert _numbers(client.get("/tasks/assignments/", {"deadline_from": "01/01/2027"})) == {
        "90-TB/TU"
    }
    api = _api(client, "/api/tasks", deadline_from="2026-02-28", deadline_to="2026-03-01")["items"]
    assert {t["doc_number"] for t in api} == {"101-TB/TU", "45/KH-UBND"}


def test_reversed_deadline_range_is_refused(cast, tasks, login):
    client = login(cast.office_a)
    client.cookies["django_language"] = "en"
    body = client.get(
        "/tasks/", {"deadline_from": "01/03/2026", "deadline_to": "28/02/2026"}
    ).content.decode()
    assert "&#x27;Deadline from&#x27; must not be after &#x27;deadline to&#x27;." in body
    api = client.get("/api/tasks", {"deadline_from": "2026-03-01", "deadline_to": "2026-02-28"})
    assert api.status_code == 400 and "deadline_from" in api.json()["errors"]
    assert client.get("/api/tasks", {"deadline_from": "01/03/2026"}).status_code == 400


def test_filters_combine(cast, tasks, login):
    client = login(cast.office_a)
    assert _numbers(
        client.get(
            "/tasks/assignments/",
            {"q": "tuyen giao", "unit": cast.board_a2.pk, "status": "open_in_time"},
        )
    ) == {"90-TB/TU"}
    assert (
        _numbers(client.get("/tasks/assignments/", {"q": "tuyen giao", "status": "standing"}))
        == set()
    )


# -- pagination -------------------------------------------------------------------------


def test_pagination(cast, login):
    for i in range(30):
        services.create_task(
            committee=cast.committee_a,
            doc_number=f"{200 + i}-TB/TU",
            doc_date=date(2026, 3, 2),
            item_number="1",
            text=f"Nhiệm vụ số {i}",
            deadline=date(2026, 12, 31),
            created_by=cast.office_a,
            lead_units=[cast.board_a],
        )
    client = login(cast.office_a)
    client.cookies["django_language"] = "en"
    first = client.get("/tasks/", {"q": "nhiem vu"}).content.decode()
    second = client.get("/tasks/", {"q": "nhiem vu", "page": 2}).content.decode()
    assert "Page 1 of 2" in first and "30 rows" in first
    assert 'href="?q=nhiem+vu&page=2"' in first, "the next link keeps the filters"
    # no task on both pages
    seen1 = {n for n in range(200, 230) if f">{n}-TB/TU<" in first}
    seen2 = {n for n in range(200, 230) if f">{n}-TB/TU<" in second}
    assert len(seen1) == 25 and len(seen2) == 5 and not seen1 & seen2
    # a page past the end shows the last page
    assert "Page 2 of 2" in client.get("/tasks/", {"q": "nhiem vu", "page": 99}).content.decode()
    # the API pages by limit/offset
    page = _api(client, "/api/assignments", q="nhiem vu", limit=10, offset=25)
    assert page["count"] == 30 and len(page["items"]) == 5
    assert Assignment.objects.filter(task__doc_number__startswith="2").count() == 30
