"""The dashboard: the committee's for office/leader/admin, the unit's for unit staff;
counts per status class, overdue and due-soon lists, the per-unit table; access;
and a query count that does not grow with rows."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client

from giaoban.core.tests.support import TODAY, frozen, grow  # noqa: F401
from giaoban.tasks import services
from giaoban.tasks.models import Assignment

pytestmark = pytest.mark.usefixtures("frozen")
D = timedelta(days=1)


@pytest.fixture
def mixed(cast):
    """Alpha: asg_a overdue, Ban Tuyên giáo A's due in 3 days, a standing task done by Ban Tổ chức A."""
    Assignment.objects.filter(pk=cast.asg_a.pk).update(deadline=TODAY - 2 * D)
    Assignment.objects.filter(task=cast.task_a, unit=cast.board_a2).update(deadline=TODAY + 3 * D)
    t = services.create_task(
        committee=cast.committee_a,
        doc_number="99-TB/TU",
        doc_date=date(2026, 2, 2),
        item_number="1",
        text="Thường xuyên nắm tình hình",
        deadline=None,
        created_by=cast.office_a,
        lead_units=[cast.board_a, cast.commune_a],
    )
    a = t.assignments.get(unit=cast.board_a)
    services.claim_completion(
        assignment=a, user=cast.unit_a, completed_on=TODAY - D, evidence_number="1-BC/ĐU"
    )
    services.confirm_completion(assignment=a, user=cast.office_a)
    return cast


def test_office_dashboard(mixed, login):
    response = login(mixed.office_a).get("/")
    assert response.status_code == 200
    assert "dashboard/office.html" in [t.name for t in response.templates]
    counts = response.context["counts"]
    assert (
        counts["total"],
        counts["open_overdue"],
        counts["open_in_time"],
        counts["done_on_time"],
        counts["standing"],
    ) == (4, 1, 1, 1, 1)
    assert [a.pk for a in response.context["overdue"]] == [mixed.asg_a.pk]
    assert [a.unit for a in response.context["due_soon"]] == [mixed.board_a2]
    per_unit = {
        row["name"]: (row["total"], row["open_overdue"], row["done_on_time"])
        for row in response.context["per_unit"]
    }
    assert per_unit == {
        "Ban Tổ chức Tỉnh ủy Alpha": (2, 1, 1),
        "Ban Tuyên giáo Tỉnh ủy Alpha": (1, 0, 0),
        "Đảng ủy xã Tân An": (1, 0, 0),
    }
    body = response.content.decode()
    assert 'data-status="open_overdue">1<' in body and 'id="per-unit"' in body
    assert "Beta" not in body


def test_leader_and_admin_get_the_committee_dashboard(mixed, login):
    leader = login(mixed.leader_a).get("/")
    assert leader.context["counts"]["total"] == 4 and leader.context["awaiting"] is None
    admin = login(mixed.admin).get("/")
    assert admin.context["counts"]["total"] == 5  # and Beta's one


def test_unit_dashboard(mixed, login):
    response = login(mixed.unit_a).get("/")
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "dashboard/unit.html"
    counts = response.context["counts"]
    assert (counts["total"], counts["open_overdue"], counts["done_on_time"]) == (2, 1, 1)
    assert response.context["per_unit"] is None
    assert [a.pk for a in response.context["overdue"]] == [mixed.asg_a.pk]
    assert list(response.context["due_soon"]) == []  # Ban Tuyên giáo A's is not theirs
    assert 'id="per-unit"' not in response.content.decode()


def test_other_committee_sees_only_its_own(mixed, login):
    counts = login(mixed.unit_b).get("/").context["counts"]
    assert counts["total"] == 1 and counts["open_in_time"] == 1
    assert login(mixed.office_b).get("/").context["counts"]["total"] == 1


def test_dashboard_access(cast, client, login):
    assert client.get("/")["Location"] == "/accounts/login/?next=/"
    assert login(cast.office_a).post("/").status_code == 405


def test_dashboard_in_english(cast, login):
    client = login(cast.unit_a)
    client.cookies["django_language"] = "en"
    body = client.get("/").content.decode()
    assert '<html lang="en">' in body and "as of 16/03/2026" in body and "My unit" in body


# Queries of the dashboard (uncached: the aggregate cache is off here):
#   1. the session
#   2. the user
#   3. the memberships (scope)
#   4. the subtree CTE (office/leader only)
#   5. overseers: the per-unit table (one GROUP BY; the totals are summed from it);
#      unit staff: the counts per status class of their unit (one aggregate)
#   6. overdue assignments with task and unit
#   7. due within 7 days, with task and unit
#   8. office only: ids of the claims and extension requests awaiting it (partial index)
#   9. office only: those assignments with task and unit (skipped when none awaits)
#  10-11. office only: their pending claims and extension requests (what each asks)
DASHBOARD_QUERIES = {"office_a": 11, "leader_a": 7, "admin": 6, "unit_a": 6}


def test_dashboard_queries_do_not_grow_with_rows(cast, django_assert_num_queries, settings):
    settings.GIAOBAN_AGGREGATE_CACHE_SECONDS = 0
    clients = {}
    for who in DASHBOARD_QUERIES:
        clients[who] = Client()
        clients[who].force_login(getattr(cast, who))

    def measure():
        out = {}
        for who, client in clients.items():
            with django_assert_num_queries(DASHBOARD_QUERIES[who], info=who):
                response = client.get("/")
            out[who] = response.context["counts"]["total"]
        return out

    grow(cast, tasks=4)
    small = measure()
    grow(cast, tasks=12, start=4)
    big = measure()
    assert all(big[w] > small[w] for w in clients), (small, big)
