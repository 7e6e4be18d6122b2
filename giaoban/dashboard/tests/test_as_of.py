"""Status classes at a chosen reference date ("as of"), on pages and in the API.

At a past reference date only what existed then counts: tasks entered on or before it, and
extensions, completions confirmed and cancellations from their own dates. A story acted through
the services on its real days, then read at several dates against counts worked out by hand.
"""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from giaoban.core.tests.support import TODAY
from giaoban.tasks import services
from giaoban.tasks.models import Assignment


def _on(day: str):
    return time_machine.travel(f"{day} 10:00 +0700", tick=False)


@pytest.fixture
def story(cast):
    """The cast (task_a: entered 01/01/2026, due 31/12/2027, Ban Tổ chức A lead and Ban Tuyên
    giáo A coordinating), then task X, 95-TB/TU, entered 10/02/2026, due 28/02/2026, to
    Ban Tổ chức A, Ban Tuyên giáo A and Đảng ủy xã Tân An:

    - Ban Tổ chức A says on 20/02 it was done on 20/02; the office confirms on 02/03;
    - Ban Tuyên giáo A asks on 25/02 for 31/03; the office grants it on 26/02;
    - xã Tân An's assignment is cancelled on 05/03.
    """
    with _on("2026-02-10"):
        task = services.create_task(
            committee=cast.committee_a,
            doc_number="95-TB/TU",
            doc_date=date(2026, 2, 10),
            item_number="1",
            text="Báo cáo sơ kết công tác dân vận",
            deadline=date(2026, 2, 28),
            created_by=cast.office_a,
            lead_units=[cast.board_a, cast.board_a2, cast.commune_a],
        )
    board, board2, commune = (
        task.assignments.get(unit=u) for u in (cast.board_a, cast.board_a2, cast.commune_a)
    )
    with _on("2026-02-20"):
        services.claim_completion(
            assignment=board,
            user=cast.unit_a,
            completed_on=date(2026, 2, 20),
            evidence_number="12-BC/BTC",
        )
    with _on("2026-02-25"):
        request = services.request_extension(
            assignment=board2,
            user=cast.unit_a2,
            new_deadline=date(2026, 3, 31),
            reason="Chờ số liệu các xã.",
        )
    with _on("2026-02-26"):
        services.decide_extension(request=request, user=cast.office_a, approve=True)
    with _on("2026-03-02"):
        services.confirm_completion(assignment=board, user=cast.office_a)
    with _on("2026-03-05"):
        services.cancel_assignment(assignment=commune, user=cast.office_a, reason="Điều chỉnh.")
    cast.task_x = task
    return cast


ZERO = dict(done_on_time=0, done_late=0, open_in_time=0, open_overdue=0, standing=0, cancelled=0)
#: reference date -> (class counts, extended, met the original deadline, task X's roll-up
#: (units, done, overdue) or None when X did not exist yet), worked out by hand
EXPECTED = {
    # only task_a existed: its two assignments, in time
    "05/01/2026": ({**ZERO, "open_in_time": 2}, 0, 0, None),
    # X entered, nothing decided yet, its deadline not passed
    "15/02/2026": ({**ZERO, "open_in_time": 5}, 0, 0, (3, 0, 0)),
    # 27/02: extension granted the day before; still nothing confirmed
    "27/02/2026": ({**ZERO, "open_in_time": 5}, 1, 0, (3, 0, 0)),
    # 01/03: X's deadline passed; Ban Tổ chức A's claim not yet confirmed -> overdue;
    # Ban Tuyên giáo A extended to 31/03 -> in time; xã Tân An overdue
    "01/03/2026": ({**ZERO, "open_in_time": 3, "open_overdue": 2}, 1, 0, (3, 0, 2)),
    # 03/03: confirmed on 02/03, done on 20/02 within 28/02 -> done on time
    "03/03/2026": (
        {**ZERO, "open_in_time": 3, "open_overdue": 1, "done_on_time": 1},
        1,
        1,
        (3, 1, 1),
    ),
    # 10/03 and today (16/03): xã Tân An cancelled on 05/03
    "10/03/2026": ({**ZERO, "open_in_time": 3, "done_on_time": 1, "cancelled": 1}, 1, 1, (2, 1, 0)),
    "16/03/2026": ({**ZERO, "open_in_time": 3, "done_on_time": 1, "cancelled": 1}, 1, 1, (2, 1, 0)),
}


@pytest.mark.parametrize("as_of", list(EXPECTED))
def test_dashboard_counts_at_past_dates(story, login, as_of):
    classes, extended, met, _rollup = EXPECTED[as_of]
    client = login(story.office_a)
    counts = client.get("/", {"as_of": as_of}).context["counts"]
    assert {k: counts[k] for k in classes} == classes
    assert counts["total"] == sum(classes.values())
    assert counts["extended"] == extended and counts["met_original"] == met
    # the unit's own dashboard counts the same way (Ban Tổ chức A: task_a and X)
    mine = login(story.unit_a).get("/", {"as_of": as_of}).context["counts"]
    assert mine["total"] == (1 if as_of == "05/01/2026" else 2)


@pytest.mark.parametrize("as_of", list(EXPECTED))
def test_lists_and_api_at_past_dates(story, login, as_of):
    classes, _extended, _met, rollup = EXPECTED[as_of]
    client = login(story.office_a)
    iso = date(*reversed([int(p) for p in as_of.split("/")])).isoformat()
    for cls, n in classes.items():
        page = client.get("/tasks/assignments/", {"as_of": as_of, "status": cls})
        assert page.context["page"].paginator.count == n, (cls, as_of)
        api = client.get("/api/assignments", {"as_of": iso, "status": cls}).json()
        assert api["count"] == n, (cls, as_of)
    listed = client.get("/tasks/assignments/", {"as_of": as_of}).context["page"].paginator.count
    assert listed == sum(classes.values())
    tasks = {t["doc_number"]: t for t in client.get("/api/tasks", {"as_of": iso}).json()["items"]}
    if rollup is None:
        assert "95-TB/TU" not in tasks
    else:
        x = tasks["95-TB/TU"]
        assert (x["n_units"], x["n_done"], x["n_overdue"]) == rollup
    page_tasks = client.get("/tasks/", {"as_of": as_of}).context["page"]
    rows = {t.doc_number: t for t in page_tasks}
    assert ("95-TB/TU" in rows) == (rollup is not None)
    if rollup is not None:
        t = rows["95-TB/TU"]
        assert (t.n_units, t.n_done, t.n_overdue) == rollup


def test_dashboard_and_lists_as_of_a_past_date(cast, login):
    a = cast.asg_a
    past = date(2026, 3, 10)
    Assignment.objects.filter(task=cast.task_a).update(
        deadline=date(2026, 3, 9), original_deadline=date(2026, 3, 9)
    )
    client = login(cast.office_a)
    now = client.get("/").context["counts"]
    then = client.get("/", {"as_of": past.strftime("%d/%m/%Y")}).context["counts"]
    assert now["open_overdue"] == 2 and then["open_overdue"] == 2
    before = client.get("/", {"as_of": "09/03/2026"}).context["counts"]
    assert before["open_overdue"] == 0 and before["open_in_time"] == 2
    rows = client.get(
        "/tasks/assignments/", {"as_of": past.strftime("%d/%m/%Y"), "status": "open_overdue"}
    )
    assert {r.pk for r in rows.context["page"]} == {
        a.pk,
        cast.assignment(cast.task_a, cast.board_a2).pk,
    }


def test_bad_as_of_falls_back_to_today_with_a_message(cast, login):
    response = login(cast.office_a).get("/", {"as_of": "31/02/2026"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response.context["ref"] == TODAY  # 31/02 does not exist: today (frozen) is used
    assert "Enter a valid date as dd/mm/yyyy." in response.content.decode()
