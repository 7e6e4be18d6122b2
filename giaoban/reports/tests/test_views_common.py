"""The one body of the reporting pages' acts (report accept, plan submit/decide, period acts):
a refusal is shown as messages and nothing changes; success shows its message."""

from __future__ import annotations

from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from giaoban.reports import services_plans
from giaoban.reports.models import PlanState, ReportState
from giaoban.reports.views_common import error_messages, run_act


def _texts(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_error_messages_of_field_and_plain_errors():
    assert error_messages(ValidationError({"a": ["x"], "b": ["y", "z"]})) == ["x", "y", "z"]
    assert error_messages(ValidationError("plain")) == ["plain"]


def test_run_act_redirects_back_with_the_messages(db, client):
    from django.contrib.messages.storage.fallback import FallbackStorage

    request = RequestFactory().post("/")
    request.session = client.session
    request._messages = FallbackStorage(request)

    def refuse():
        raise ValidationError({"reason": ["Lý do"]})

    response = run_act(request, refuse, back=("reports:periods",), success="ok")
    assert response.status_code == 302 and response["Location"] == "/reports/"
    assert [str(m) for m in request._messages] == ["Lý do"]


def test_report_accept_and_plan_submit_share_the_act_body(login, cast, period, report):
    client = login(cast.office_a)
    refused = client.post(f"/reports/r/{report.pk}/accept/", follow=True)
    assert len(_texts(refused)) == 1 and refused.redirect_chain[-1][0] == f"/reports/r/{report.pk}/"
    report.refresh_from_db()
    assert report.state == ReportState.DRAFT
    plan = services_plans.create_plan(unit=cast.board_a, year=2026, user=cast.unit_a)
    unit = login(cast.unit_a)
    empty = unit.post(f"/reports/plans/{plan.pk}/submit/")
    assert empty.status_code == 302 and empty["Location"] == f"/reports/plans/{plan.pk}/"
    assert len(_texts(empty)) == 1
    plan.refresh_from_db()
    assert plan.state == PlanState.DRAFT
    services_plans.add_item(plan=plan, user=cast.unit_a, text="Sơ kết", quarter=2)
    sent = unit.post(f"/reports/plans/{plan.pk}/submit/")
    plan.refresh_from_db()
    assert sent.status_code == 302 and plan.state == PlanState.SUBMITTED and _texts(sent)
    decided = login(cast.office_a).post(
        f"/reports/plans/{plan.pk}/decide/", {"approve": "", "reason": ""}
    )
    plan.refresh_from_db()
    assert decided.status_code == 302 and plan.state == PlanState.SUBMITTED, "no reason given"
