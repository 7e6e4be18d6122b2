"""The task list as a unit's staff sees it: where the committee's roll-up ("3/5 units done") is
not theirs to see, the progress column shows their own assignment — its status class at the
reference date and its progress — linked to it, not a bare link to the task."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from giaoban.core.tests.support import grow
from giaoban.tasks import services


def _client(user) -> Client:
    client = Client(headers={"accept-language": "vi"})
    client.force_login(user)
    return client


def _progress_cell(html: str, task_pk: int) -> str:
    start = html.index(f'href="/tasks/{task_pk}/"')
    row = html[start : html.index("</tr>", start)]
    return row[row.index('data-label="Tiến độ"') :]


def test_unit_sees_its_own_status_and_progress(cast):
    services.add_progress(
        assignment=cast.asg_a, user=cast.unit_a, text="Đã dự thảo kế hoạch", percent=40
    )
    html = _client(cast.unit_a).get("/tasks/").content.decode()
    cell = _progress_cell(html, cast.task_a.pk)
    assert f'href="/tasks/assignments/{cast.asg_a.pk}/"' in cell
    assert "Đang thực hiện trong hạn" in cell and "40%" in cell
    assert "Nhiệm vụ của đơn vị bạn" not in cell
    assert "đơn vị hoàn thành" not in cell  # the committee's roll-up stays hidden
    # the office still sees the roll-up
    office = _client(cast.office_a).get("/tasks/").content.decode()
    assert "0/2" in _progress_cell(office, cast.task_a.pk)


def test_own_status_is_the_one_at_the_reference_date(cast):
    services.claim_completion(
        assignment=cast.asg_a,
        user=cast.unit_a,
        completed_on=date(2026, 3, 10),
        evidence_number="7-BC/BTC",
    )
    services.confirm_completion(assignment=cast.asg_a, user=cast.office_a)
    client = _client(cast.unit_a)
    now = _progress_cell(client.get("/tasks/").content.decode(), cast.task_a.pk)
    assert "Hoàn thành đúng hạn" in now
    # on 01/03/2026 the claim was not made yet: the assignment was in progress, in time
    then = client.get("/tasks/", {"as_of": "01/03/2026"}).content.decode()
    assert "Đang thực hiện trong hạn" in _progress_cell(then, cast.task_a.pk)


@pytest.mark.parametrize("more", [0, 12])
def test_one_query_for_the_page_whatever_the_rows(cast, django_assert_num_queries, more):
    if more:
        grow(cast, tasks=more)
    client = _client(cast.unit_a)
    client.get("/tasks/")
    # session, user, scope, COUNT, the unit <select>, the leaders <select>, the page of tasks,
    # the unit's own assignments of the page's tasks
    with django_assert_num_queries(8):
        response = client.get("/tasks/")
    assert response.content.decode().count('class="own-assignment"') >= 1 + (more > 0)
