"""A report's "next period's tasks" become draft items of the next quarter's work plan: the page
pre-fills them, the clerk edits and chooses, the service adds them (once) to the unit's plan."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from giaoban.core.tests.support import audit_for
from giaoban.periods import Period
from giaoban.reports import services_plans
from giaoban.reports.models import PlanItem, PlanState, WorkPlan

TASKS = ["Sơ kết 6 tháng", "Kiểm tra chuyên đề về công tác cán bộ"]


@pytest.fixture
def with_tasks(login, cast, report):
    saved = login(cast.unit_a).post(
        f"/reports/r/{report.pk}/save/",
        {"section_results": "Kết quả", "next_task": TASKS + [""], "indicator_DV01": ""},
        HTTP_HX_REQUEST="true",
    )
    assert saved.status_code == 200
    report.refresh_from_db()
    assert report.content["next_tasks"] == TASKS
    return report


def _post(rows):
    data = {
        "item-TOTAL_FORMS": str(len(rows)),
        "item-INITIAL_FORMS": str(len(rows)),
        "item-MIN_NUM_FORMS": "0",
        "item-MAX_NUM_FORMS": "50",
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            if value is not None:
                data[f"item-{i}-{key}"] = value
    return data


def test_unit_carries_edited_tasks_into_next_quarter(login, cast, with_tasks):
    report = with_tasks
    client = login(cast.unit_a)
    page = client.get(f"/reports/r/{report.pk}/")
    assert f"/reports/r/{report.pk}/carry/" in page.content.decode()
    form = client.get(f"/reports/r/{report.pk}/carry/")
    html = form.content.decode()
    assert form.status_code == 200 and "2/2026" in html
    assert all(t in html for t in TASKS) and html.count("checked") == 2
    sent = client.post(
        f"/reports/r/{report.pk}/carry/",
        _post(
            [
                {"carry": "on", "text": "Sơ kết 6 tháng công tác tuyên giáo", "weight": "3"},
                {"carry": None, "text": TASKS[1], "weight": "1"},
            ]
        ),
    )
    plan = WorkPlan.objects.get(unit=cast.board_a, year=2026)
    assert sent.status_code == 302 and sent["Location"] == f"/reports/plans/{plan.pk}/"
    assert plan.state == PlanState.DRAFT
    items = list(plan.items.all())
    assert [(i.quarter, i.text, i.weight) for i in items] == [
        (2, "Sơ kết 6 tháng công tác tuyên giáo", 3)
    ]
    assert audit_for(plan)[0].action == "reports.plan.items_carried"
    # the second task later; the first (as edited) is not carried twice
    again = client.post(
        f"/reports/r/{report.pk}/carry/",
        _post(
            [
                {"carry": "on", "text": "Sơ kết 6 tháng công tác tuyên giáo", "weight": "1"},
                {"carry": "on", "text": TASKS[1], "weight": "2", "breakthrough": "on"},
            ]
        ),
    )
    assert again.status_code == 302
    assert [(i.text, i.breakthrough) for i in plan.items.order_by("sort_order")] == [
        ("Sơ kết 6 tháng công tác tuyên giáo", False),
        (TASKS[1], True),
    ]
    page = client.get(f"/reports/r/{report.pk}/carry/").content.decode()
    assert page.count('data-testid="already"') == 1, "the unedited second task is in the plan"
    nothing = client.post(
        f"/reports/r/{report.pk}/carry/", _post([{"carry": "on", "text": TASKS[1], "weight": "1"}])
    )
    assert nothing.status_code == 400 and plan.items.count() == 2


def test_bad_rows_are_refused_and_nothing_is_added(login, cast, with_tasks):
    client = login(cast.unit_a)
    url = f"/reports/r/{with_tasks.pk}/carry/"
    empty = client.post(url, _post([{"carry": "on", "text": "  ", "weight": "1"}]))
    heavy = client.post(url, _post([{"carry": "on", "text": "Việc", "weight": "0"}]))
    none = client.post(url, _post([{"carry": None, "text": "Việc", "weight": "1"}]))
    broken = client.post(url, {"item-0-text": "x"})  # no management form
    assert [r.status_code for r in (empty, heavy, none, broken)] == [400] * 4
    assert "Việc" in heavy.content.decode(), "what the clerk typed stays on the page"
    assert not WorkPlan.objects.exists() and not PlanItem.objects.exists()


def test_office_carries_leader_cannot_other_unit_404(login, cast, with_tasks):
    url = f"/reports/r/{with_tasks.pk}/carry/"
    assert login(cast.leader_a).get(url).status_code == 403
    assert login(cast.unit_b).get(url).status_code == 404
    office = login(cast.office_a)
    assert office.get(url).status_code == 200
    done = office.post(url, _post([{"carry": "on", "text": TASKS[0], "weight": "1"}]))
    assert done.status_code == 302
    assert PlanItem.objects.get().plan.unit == cast.board_a


def test_a_sent_plan_is_not_changed(login, cast, with_tasks):
    plan = services_plans.create_plan(unit=cast.board_a, year=2026, user=cast.unit_a)
    services_plans.add_item(plan=plan, user=cast.unit_a, text="Đề án 1", quarter=2)
    services_plans.submit_plan(plan=plan, user=cast.unit_a)
    refused = login(cast.unit_a).post(
        f"/reports/r/{with_tasks.pk}/carry/",
        _post([{"carry": "on", "text": TASKS[0], "weight": "1"}]),
    )
    assert refused.status_code == 400 and "2026" in refused.content.decode()
    assert plan.items.count() == 1


@pytest.mark.parametrize(
    "period, expected",
    [
        (Period.of_quarter(2026, 1), (2026, 2)),
        (Period.of_quarter(2026, 3), (2026, 4)),
        (Period.of_quarter(2026, 4), (2027, 1)),
        (Period.of_month(2026, 2), (2026, 1)),
        (Period.of_month(2026, 3), (2026, 2)),
        (Period.of_half(2026, 1), (2026, 3)),
        (Period.of_nine_months(2026), (2026, 4)),
        (Period.of_year(2026), (2027, 1)),
    ],
)
def test_next_quarter(period, expected):
    report = SimpleNamespace(period=SimpleNamespace(period=period))
    assert services_plans.next_quarter(report) == expected
