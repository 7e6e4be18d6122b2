"""The leader who gave the direction is kept apart from the clerk who entered the task."""

import json

from giaoban.tasks.models import Task


def _payload(cast, **extra):
    return {
        "committee": cast.committee_a.pk,
        "doc_number": "95-TB/TU",
        "doc_date": cast.task_a.doc_date.isoformat(),
        "item_number": "2",
        "text": "Tham mưu sơ kết Nghị quyết",
        "lead_units": [cast.board_a.pk],
        **extra,
    }


def test_api_create_task_with_leader(cast, login):
    client = login(cast.office_a)
    response = client.post(
        "/api/tasks",
        json.dumps(_payload(cast, directed_by=cast.leader_a.pk)),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    task = Task.objects.get(pk=response.json()["id"])
    assert (task.directed_by, task.created_by) == (cast.leader_a, cast.office_a)


def test_api_create_task_with_someone_not_a_leader(cast, login):
    client = login(cast.office_a)
    response = client.post(
        "/api/tasks",
        json.dumps(_payload(cast, directed_by=cast.unit_a.pk)),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert response.json()["errors"]["directed_by"] == ["Unknown leader."]
    assert not Task.objects.filter(doc_number="95-TB/TU").exists()


def test_form_create_task_with_leader(cast, login):
    client = login(cast.office_a)
    response = client.post(
        "/tasks/new/",
        {
            "committee": cast.committee_a.pk,
            "doc_number": "96-TB/TU",
            "doc_date": cast.task_a.doc_date.strftime("%d/%m/%Y"),
            "item_number": "1",
            "text": "Rà soát quy hoạch",
            "directed_by": cast.leader_a.pk,
            "lead_units": [cast.board_a.pk],
        },
    )
    assert response.status_code == 302
    task = Task.objects.get(doc_number="96-TB/TU")
    assert task.directed_by == cast.leader_a
