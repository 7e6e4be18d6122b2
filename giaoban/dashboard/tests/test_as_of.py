"""Status classes at a chosen reference date ("as of"), on pages and in the API."""

from datetime import timedelta

from giaoban.tasks.models import Assignment


def test_dashboard_and_lists_as_of_a_past_date(cast, login):
    a = cast.asg_a
    past = a.deadline + timedelta(days=1)  # the day after the deadline: overdue then
    client = login(cast.office_a)
    now = client.get("/").context["counts"]
    then = client.get("/", {"as_of": past.strftime("%d/%m/%Y")}).context["counts"]
    assert now["open_overdue"] == 0
    assert then["open_overdue"] == 2  # both Alpha assignments of task_a
    rows = client.get(
        "/tasks/assignments/", {"as_of": past.strftime("%d/%m/%Y"), "status": "open_overdue"}
    )
    assert {r.pk for r in rows.context["page"]} == set(
        Assignment.objects.filter(task=cast.task_a).values_list("pk", flat=True)
    )
    api = client.get(
        "/api/assignments", {"as_of": past.isoformat(), "status": "open_overdue"}
    ).json()
    assert api["count"] == 2


def test_bad_as_of_falls_back_to_today_with_a_message(cast, login):
    response = login(cast.office_a).get("/", {"as_of": "31/02/2026"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response.context["ref"].isoformat() != "2026-02-31"
    assert "Enter a valid date as dd/mm/yyyy." in response.content.decode()
