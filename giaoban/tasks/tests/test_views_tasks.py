"""Task pages: the list, the new-task form, the task page (and the assignment list's access)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from giaoban.core.tests.support import TODAY, audit_for, frozen, row_counts  # noqa: F401
from giaoban.tasks.models import Task

pytestmark = pytest.mark.usefixtures("frozen")
HTMX = {"HTTP_HX_REQUEST": "true"}


def vi(msgid: str) -> str:
    with translation.override("vi"):
        text = gettext(msgid)
    assert text != msgid, f"no Vietnamese translation for {msgid!r}"
    return escape(text)


def _form(cast, **kw) -> dict:
    data = {
        "committee": cast.committee_a.pk,
        "doc_number": "95-TB/TU",
        "doc_date": "02/03/2026",
        "item_number": "3",
        "text": "Sơ kết công tác phát triển đảng viên quý I",
        "deadline": "30/06/2026",
        "directed_by": cast.leader_a.pk,
        "directed_by_name": "",
        "lead_units": [cast.board_a.pk],
        "coordinating_units": [cast.board_a2.pk],
    }
    data.update(kw)
    return {k: v for k, v in data.items() if v is not None}


# -- task list -------------------------------------------------------------------


@pytest.mark.parametrize(
    "who,sees_a,sees_b",
    [
        ("office_a", True, False),
        ("leader_a", True, False),
        ("unit_a", True, False),
        ("unit_a2", True, False),
        ("office_b", False, True),
        ("unit_b", False, True),
        ("admin", True, True),
    ],
)
def test_task_list_shows_the_tasks_in_scope(cast, login, who, sees_a, sees_b):
    response = login(getattr(cast, who)).get("/tasks/")
    assert response.status_code == 200
    body = response.content.decode()
    assert ("90-TB/TU" in body) is sees_a
    assert ("12-TB/TU" in body) is sees_b


def test_task_list_rollup(cast, login):
    body = login(cast.office_a).get("/tasks/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "0/2 units done" in body


def test_task_list_htmx_answers_the_rows(cast, login):
    response = login(cast.office_a).get("/tasks/", **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body and 'id="task-table"' in body and "90-TB/TU" in body


def test_task_list_anonymous_and_method(cast, login, client):
    assert client.get("/tasks/")["Location"] == "/accounts/login/?next=/tasks/"
    assert login(cast.office_a).post("/tasks/").status_code == 405


def test_task_list_bad_filter_date_shows_the_message(cast, login):
    response = login(cast.office_a).get("/tasks/", {"deadline_from": "31/02/2026"})
    assert response.status_code == 400  # refused, not a silent fallback
    assert vi("Enter a valid date as dd/mm/yyyy.") in response.content.decode()
    client = login(cast.office_a)
    client.cookies["django_language"] = "en"
    assert (
        "Enter a valid date as dd/mm/yyyy."
        in client.get("/tasks/", {"deadline_to": "abc"}).content.decode()
    )


def test_office_sees_the_new_task_button_others_do_not(cast, login):
    assert 'href="/tasks/new/"' in login(cast.office_a).get("/tasks/").content.decode()
    for who in ("leader_a", "unit_a", "admin"):
        assert (
            'href="/tasks/new/"' not in login(getattr(cast, who)).get("/tasks/").content.decode()
        ), who


# -- assignment list ----------------------------------------------------------------


@pytest.mark.parametrize(
    "who,units",
    [
        ("office_a", {"Ban Tổ chức A", "Ban Tuyên giáo A"}),
        ("leader_a", {"Ban Tổ chức A", "Ban Tuyên giáo A"}),
        ("unit_a", {"Ban Tổ chức A"}),
        ("unit_a2", {"Ban Tuyên giáo A"}),
        ("unit_b", {"Ban Tổ chức Tỉnh ủy Beta"}),
    ],
)
def test_assignment_list_shows_the_assignments_in_scope(cast, login, who, units):
    body = login(getattr(cast, who)).get("/tasks/assignments/").content.decode()
    every = {"Ban Tổ chức A", "Ban Tuyên giáo A", "Ban Tổ chức Tỉnh ủy Beta"}
    assert {u for u in every if re.search(r"<td[^>]*>" + re.escape(u), body)} == units


def test_assignment_list_htmx_anonymous_method(cast, login, client):
    assert (
        client.get("/tasks/assignments/")["Location"] == "/accounts/login/?next=/tasks/assignments/"
    )
    response = login(cast.unit_a).get("/tasks/assignments/", **HTMX)
    assert response.status_code == 200
    assert (
        "<html" not in response.content.decode()
        and 'id="assignment-table"' in response.content.decode()
    )
    assert login(cast.unit_a).post("/tasks/assignments/").status_code == 405


# -- new task -------------------------------------------------------------------------


def test_create_task(cast, login):
    client = login(cast.office_a)
    client.cookies["django_language"] = "en"
    response = client.post("/tasks/new/", _form(cast))
    task = Task.objects.get(doc_number="95-TB/TU")
    assert response.status_code == 302 and response["Location"] == f"/tasks/{task.pk}/"
    assert (task.doc_date, task.deadline, task.item_number, task.directed_by) == (
        date(2026, 3, 2),
        date(2026, 6, 30),
        "3",
        cast.leader_a,
    )
    assert dict(task.assignments.values_list("unit", "role")) == {
        cast.board_a.pk: "lead",
        cast.board_a2.pk: "coordinating",
    }
    [entry] = audit_for(task)
    assert (entry.action, entry.actor) == ("tasks.task.created", cast.office_a)
    page = client.get(response["Location"]).content.decode()
    assert "Task created and given to 2 units." in page


def test_create_task_for_all_units(cast, login):
    login(cast.office_a).post(
        "/tasks/new/", _form(cast, lead_units=None, coordinating_units=None, all_units="on")
    )
    task = Task.objects.get(doc_number="95-TB/TU")
    assert set(task.assignments.values_list("unit", flat=True)) == {
        cast.office_unit_a.pk,
        cast.board_a.pk,
        cast.board_a2.pk,
        cast.commune_a.pk,
    }


def test_new_task_form_offers_only_active_units_of_the_committee(cast, login):
    body = login(cast.office_a).get("/tasks/new/").content.decode()
    assert "Ban Tổ chức Tỉnh ủy Alpha" in body and "Ban Cũ" not in body and "Beta" not in body


@pytest.mark.parametrize("who", ["leader_a", "unit_a", "unit_b", "admin"])
def test_only_the_office_creates_tasks(cast, login, who):
    before = row_counts()
    assert login(getattr(cast, who)).get("/tasks/new/").status_code == 403
    assert login(getattr(cast, who)).post("/tasks/new/", _form(cast)).status_code == 403
    assert row_counts() == before


def test_new_task_anonymous_and_method(cast, login, client):
    assert (
        client.post("/tasks/new/", _form(cast))["Location"] == "/accounts/login/?next=/tasks/new/"
    )
    assert login(cast.office_a).put("/tasks/new/").status_code == 405
    assert Task.objects.count() == 2


@pytest.mark.parametrize(
    "kw,msgid",
    [
        (dict(doc_date="31/02/2026"), "Enter a valid date as dd/mm/yyyy."),
        (dict(deadline="abc"), "Enter a valid date as dd/mm/yyyy."),
        (dict(deadline="01/03/2026"), "The deadline cannot be before the document date."),
        (dict(text=""), "This field is required."),
    ],
)
def test_new_task_bad_input_is_400_and_saves_nothing(cast, login, kw, msgid):
    before = row_counts()
    response = login(cast.office_a).post("/tasks/new/", _form(cast, **kw))
    assert response.status_code == 400
    assert vi(msgid) in response.content.decode()
    assert row_counts() == before
    client = login(cast.office_a)
    client.cookies["django_language"] = "en"
    response = client.post("/tasks/new/", _form(cast, **kw))
    assert response.status_code == 400 and escape(msgid) in response.content.decode()


@pytest.mark.parametrize("field", ["lead_units", "coordinating_units"])
def test_new_task_unit_of_another_committee_or_closed_is_refused(cast, login, field):
    before = row_counts()
    for unit in (cast.board_b, cast.closed_a):
        response = login(cast.office_a).post(
            "/tasks/new/", _form(cast, **{field: [unit.pk]}), HTTP_ACCEPT_LANGUAGE="en"
        )
        assert response.status_code == 400
        assert f"Unknown unit: {unit.pk}." in response.content.decode()
    assert row_counts() == before


def test_new_task_text_over_the_limit(cast, login):
    before = row_counts()
    response = login(cast.office_a).post("/tasks/new/", _form(cast, text="x" * 4001))
    assert response.status_code == 400
    assert row_counts() == before


def test_new_task_duplicate_item(cast, login):
    login(cast.office_a).post("/tasks/new/", _form(cast))
    before = row_counts()
    response = login(cast.office_a).post("/tasks/new/", _form(cast), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "This item of this document has already been entered." in response.content.decode()
    assert row_counts() == before


# -- task page ------------------------------------------------------------------------


def test_task_detail(cast, login):
    body = (
        login(cast.office_a)
        .get(f"/tasks/{cast.task_a.pk}/", HTTP_ACCEPT_LANGUAGE="en")
        .content.decode()
    )
    assert "Rà soát, hoàn thiện kế hoạch công tác tuyên giáo năm" in body
    assert "Ban Tổ chức Tỉnh ủy Alpha" in body and "Ban Tuyên giáo Tỉnh ủy Alpha" in body
    assert (
        "01/01/2026" in body
        and "31/12/2027" in body
        and "Task created and given to the units" in body
    )


def test_task_detail_unit_sees_only_its_own_row(cast, login):
    body = login(cast.unit_a).get(f"/tasks/{cast.task_a.pk}/").content.decode()
    assert f"/tasks/assignments/{cast.asg_a.pk}/" in body
    assert f"/tasks/assignments/{cast.assignment(cast.task_a, cast.board_a2).pk}/" not in body


def test_task_detail_access(cast, login, client):
    url = f"/tasks/{cast.task_a.pk}/"
    assert client.get(url)["Location"] == f"/accounts/login/?next={url}"
    for who in ("office_a", "leader_a", "unit_a", "unit_a2", "admin"):
        assert login(getattr(cast, who)).get(url).status_code == 200, who
    for who in ("unit_b", "office_b"):
        assert login(getattr(cast, who)).get(url).status_code == 404, who
    assert login(cast.office_a).post(url).status_code == 405
    assert login(cast.office_a).get("/tasks/999999/").status_code == 404


def test_task_list_pages_in_a_stable_order(cast):
    """Meta.ordering does not apply to the GROUP BY of the roll-up: the order must be explicit."""
    from giaoban.tasks.queries import Filters, task_list

    qs = task_list(cast.office_a, Filters(), TODAY)
    assert qs.ordered and qs.query.order_by == ("-doc_date", "doc_number", "item_number", "id")


def test_task_page_lists_the_lead_units_before_the_coordinating_ones(cast, login):
    """As an office reads a notice: 'chủ trì' first, then 'phối hợp' — whatever the units'
    own order (here the coordinating unit sorts first by name and position)."""
    from giaoban.tasks import services

    first, second = sorted([cast.board_a, cast.board_a2], key=lambda u: (u.sort_order, u.name))
    task = services.create_task(
        committee=cast.committee_a,
        doc_number="96-TB/TU",
        doc_date=date(2026, 3, 2),
        text="Rà soát quy chế làm việc",
        created_by=cast.office_a,
        lead_units=[second],
        coordinating_units=[first],
    )
    page = login(cast.office_a).get(f"/tasks/{task.pk}/").content.decode()
    assert page.index(escape(second.name)) < page.index(escape(first.name))
