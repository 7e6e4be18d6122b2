"""Nobody decides on their own request: the one rule of giaoban.core.decisions, tested for every
decision type that exists, through the services, the pages and the API.

The person tested holds both an office role (Văn phòng Tỉnh ủy Alpha, so may decide for every unit
of the committee) and a unit role (Ban Tổ chức Alpha, so may make that unit's requests): the case
of a clerk who also reports for a unit. A new app adding a DecisionRecord model adds its case to
CASES; ``test_every_decision_type_has_a_case`` fails until it does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from giaoban.accounts.models import Membership, Role, User
from giaoban.core.decisions import (
    Decision,
    decide,
    decision_models,
    may_decide,
    self_decided,
    unsigned_decisions,
)
from giaoban.tasks import services
from giaoban.tasks.models import CompletionClaim, ExtensionRequest
from giaoban.test import PASSWORD, make_cast

TODAY = date(2026, 6, 15)


@pytest.fixture
def frozen():
    with time_machine.travel("2026-06-15 10:00 +0700", tick=False):
        yield


@pytest.fixture
def cast(db, frozen):
    return make_cast(TODAY)


@pytest.fixture
def dual(cast) -> User:
    """An office clerk of committee Alpha who is also staff of Ban Tổ chức Alpha."""
    user = User.objects.create_user("dual", password=PASSWORD, full_name="Lê Văn Kiêm")
    Membership.objects.create(user=user, unit=cast.office_unit_a, role=Role.OFFICE)
    Membership.objects.create(user=user, unit=cast.board_a, role=Role.UNIT)
    return user


@dataclass
class Case:
    """How to make one kind of request, and the ways to decide on it."""

    #: make a pending request on cast.asg_a as ``user``; returns it
    request: Callable[..., object]
    #: decision name -> service call deciding ``obj`` as ``user``
    service: dict[str, Callable[..., object]]
    #: decision name -> (page URL, POST data) for the request ``obj``
    page: dict[str, Callable[..., tuple[str, dict]]]
    #: decision name -> (API path, JSON body)
    api: dict[str, Callable[..., tuple[str, dict]]]
    #: the page showing the request and its decision buttons
    detail: Callable[..., str] = lambda obj: reverse("tasks:assignment", args=[obj.assignment_id])
    #: the colleague of the cast whose role decides such requests
    decider: str = "office_a"


def _claim(cast, user):
    return services.claim_completion(
        assignment=cast.asg_a, user=user, completed_on=TODAY, evidence_number="15-BC/BTC"
    )


def _extension(cast, user):
    return services.request_extension(
        assignment=cast.asg_a, user=user, new_deadline=date(2028, 3, 31), reason="Chờ số liệu."
    )


def _report(cast, user):
    """A quarter report of Ban Tổ chức A sent by ``user``: the version awaits the office."""
    from giaoban.periods import Period
    from giaoban.reports import services as reports

    period = reports.create_period(
        committee=cast.committee_a, period=Period.of_quarter(2026, 2), user=cast.office_a
    )
    period = reports.open_period(period=period, user=cast.office_a)
    report = reports.start_report(period=period, unit=cast.board_a, user=user)
    reports.submit_report(report=report, user=user, doc_number="15-BC/BTC", doc_date=TODAY)
    return report.versions.get()


def _reporting_case() -> Case:
    from giaoban.reports import services as reports

    return Case(
        request=_report,
        service={
            "accept": lambda obj, user: reports.accept_report(report=obj.report, user=user),
            "return": lambda obj, user: reports.return_report(
                report=obj.report, user=user, reason="Thiếu số liệu."
            ),
        },
        page={
            "accept": lambda obj: (reverse("reports:report_accept", args=[obj.report_id]), {}),
            "return": lambda obj: (
                reverse("reports:report_return", args=[obj.report_id]),
                {"reason": "Thiếu số liệu."},
            ),
        },
        api={
            "accept": lambda obj: (f"/api/reporting/reports/{obj.report_id}/accept", {}),
            "return": lambda obj: (
                f"/api/reporting/reports/{obj.report_id}/return",
                {"reason": "Thiếu số liệu."},
            ),
        },
        detail=lambda obj: reverse("reports:report", args=[obj.report_id]),
    )


def _notice(cast, user):
    """A draft notice of committee Alpha written and sent for approval by ``user``, who is made a
    leader of the committee too: they hold the right to approve, but not their own request."""
    from giaoban.core.permissions import forget_scope
    from giaoban.meetings import notice_services as ns

    Membership.objects.get_or_create(user=user, unit=cast.committee_a, role=Role.LEADER)
    forget_scope(user)
    notice = ns.create_notice(
        committee=cast.committee_a,
        user=user,
        title="kết luận tại buổi làm việc",
        issuer="TỈNH ỦY",
        signing_formula="T/M THƯỜNG TRỰC TỈNH ỦY",
        items=[
            ns.ItemSpec(
                number=1,
                text="Báo cáo kết quả",
                tasks=[ns.TaskSpec(text="Báo cáo", lead_units=[cast.board_a])],
            )
        ],
    )
    ns.submit_notice(notice=notice, user=user)
    return notice.approvals.get()


def _notice_case() -> Case:
    from giaoban.meetings import notice_services as ns

    reason = "Bổ sung thời hạn."
    return Case(
        request=_notice,
        service={
            "approve": lambda obj, user: ns.approve_notice(notice=obj.notice, user=user),
            "return": lambda obj, user: ns.return_notice(
                notice=obj.notice, user=user, reason=reason
            ),
        },
        page={
            "approve": lambda obj: (reverse("meetings:notice_approve", args=[obj.notice_id]), {}),
            "return": lambda obj: (
                reverse("meetings:notice_return", args=[obj.notice_id]),
                {"reason": reason},
            ),
        },
        api={
            "approve": lambda obj: (f"/api/notices/{obj.notice_id}/approve", {}),
            "return": lambda obj: (f"/api/notices/{obj.notice_id}/return", {"reason": reason}),
        },
        detail=lambda obj: reverse("meetings:notice", args=[obj.notice_id]),
        decider="leader_a",
    )


CASES: dict[str, Case] = {
    "meetings.NoticeApproval": _notice_case(),
    "reports.ReportVersion": _reporting_case(),
    "tasks.CompletionClaim": Case(
        request=_claim,
        service={
            "confirm": lambda obj, user: services.confirm_completion(
                assignment=obj.assignment, user=user
            ),
            "return": lambda obj, user: services.return_completion(
                assignment=obj.assignment, user=user, reason="Thiếu văn bản."
            ),
        },
        page={
            "confirm": lambda obj: (reverse("tasks:confirm", args=[obj.assignment_id]), {}),
            "return": lambda obj: (
                reverse("tasks:return", args=[obj.assignment_id]),
                {"reason": "Thiếu văn bản."},
            ),
        },
        api={
            "confirm": lambda obj: (f"/api/assignments/{obj.assignment_id}/confirm", {}),
            "return": lambda obj: (
                f"/api/assignments/{obj.assignment_id}/return",
                {"reason": "Thiếu văn bản."},
            ),
        },
    ),
    "tasks.ExtensionRequest": Case(
        request=_extension,
        service={
            "approve": lambda obj, user: services.decide_extension(
                request=obj, user=user, approve=True
            ),
            "reject": lambda obj, user: services.decide_extension(
                request=obj, user=user, approve=False, reason="Không đủ căn cứ."
            ),
        },
        page={
            "approve": lambda obj: (
                reverse("tasks:extension_decide", args=[obj.assignment_id, obj.pk]),
                {"approve": "1", "reason": ""},
            ),
            "reject": lambda obj: (
                reverse("tasks:extension_decide", args=[obj.assignment_id, obj.pk]),
                {"approve": "0", "reason": "Không đủ căn cứ."},
            ),
        },
        api={
            "approve": lambda obj: (
                f"/api/assignments/{obj.assignment_id}/extensions/{obj.pk}/decide",
                {"approve": True},
            ),
            "reject": lambda obj: (
                f"/api/assignments/{obj.assignment_id}/extensions/{obj.pk}/decide",
                {"approve": False, "reason": "Không đủ căn cứ."},
            ),
        },
    ),
}

DECISIONS = [(label, name) for label, case in CASES.items() for name in case.service]


def test_every_decision_type_has_a_case(db):
    assert {m._meta.label for m in decision_models()} == set(CASES)
    for case in CASES.values():
        assert set(case.service) == set(case.page) == set(case.api)


def _reload(obj):
    return type(obj).objects.get(pk=obj.pk)


@pytest.mark.parametrize("label,name", DECISIONS)
def test_service_refuses_own_request(cast, dual, label, name):
    case = CASES[label]
    obj = case.request(cast, dual)
    assert may_decide(dual, obj) is False
    with pytest.raises(PermissionDenied):
        case.service[name](obj, dual)
    assert _reload(obj).decision == Decision.PENDING
    assert self_decided() == {}


@pytest.mark.parametrize("label,name", DECISIONS)
def test_another_office_user_decides(cast, dual, label, name):
    """The rule is about the person: a colleague with the office role decides the same request."""
    case = CASES[label]
    obj = case.request(cast, dual)
    decider = getattr(cast, case.decider)
    assert may_decide(decider, obj) is True
    case.service[name](obj, decider)
    obj = _reload(obj)
    assert obj.decision != Decision.PENDING and obj.decided_by == decider
    assert obj.decided_at is not None
    assert self_decided() == {} and unsigned_decisions() == {}


@pytest.mark.parametrize("label,name", DECISIONS)
def test_page_refuses_own_request_and_hides_the_buttons(cast, dual, client, label, name):
    case = CASES[label]
    obj = case.request(cast, dual)
    client.force_login(dual)
    detail = client.get(case.detail(obj))
    assert detail.status_code == 200
    html = detail.content.decode()
    assert "confirm-form" not in html and "decide-form" not in html
    assert "own-request" in html and "Đây là đề nghị do bạn gửi" in html
    url, data = case.page[name](obj)
    assert client.post(url, data).status_code == 403
    assert _reload(obj).decision == Decision.PENDING
    # the colleague sees the buttons
    client.force_login(getattr(cast, case.decider))
    html = client.get(case.detail(obj)).content.decode()
    assert ("confirm-form" in html) or ("decide-form" in html)


@pytest.mark.parametrize("label,name", DECISIONS)
def test_api_refuses_own_request(cast, dual, client, label, name):
    case = CASES[label]
    obj = case.request(cast, dual)
    client.force_login(dual)
    path, body = case.api[name](obj)
    response = client.post(path, body, content_type="application/json")
    assert response.status_code == 403, response.content
    assert _reload(obj).decision == Decision.PENDING


def test_decide_refuses_a_decided_request(cast):
    from django.core.exceptions import ValidationError

    claim = _claim(cast, cast.unit_a)
    decide(claim, user=cast.office_a, approve=True)
    with pytest.raises(ValidationError):
        decide(CompletionClaim.objects.get(pk=claim.pk), user=cast.office_a, approve=False)


def test_self_decided_finds_rows_written_around_the_services(cast):
    claim = _claim(cast, cast.unit_a)
    CompletionClaim.objects.filter(pk=claim.pk).update(
        decision=Decision.APPROVED, decided_by=cast.unit_a
    )
    ext = _extension(cast, cast.unit_a)
    ExtensionRequest.objects.filter(pk=ext.pk).update(
        decision=Decision.REJECTED, decided_by=cast.office_a
    )
    assert self_decided() == {"tasks.CompletionClaim": 1}
    assert unsigned_decisions() == {"tasks.CompletionClaim": 1, "tasks.ExtensionRequest": 1}


# -- a request answered rather than approved: a unit's recommendation ------------------------
# The answer to a recommendation is a decision on the unit's request: nobody of the raising unit
# answers it (Recommendation.requester_unit_field), not even a clerk who also holds the office
# role and did not raise it themselves.

#: the request models under the rule that are not DecisionRecords (no approve/reject): each has
#: its test below
ANSWERED = {"recommendations.Recommendation"}


def test_every_request_type_is_under_the_rule(db):
    from giaoban.core.decisions import request_models

    assert {m._meta.label for m in request_models()} == set(CASES) | ANSWERED


def _rec(cast):
    from giaoban.recommendations import services as recs

    return recs.raise_recommendation(unit=cast.board_a, user=cast.unit_a, text="Cấp kinh phí")


def test_nobody_of_the_raising_unit_answers_its_recommendation(cast, dual, client):
    from giaoban.core.decisions import is_own_request
    from giaoban.recommendations import services as recs
    from giaoban.recommendations.models import Recommendation, RecState

    rec = _rec(cast)
    assert is_own_request(dual, rec) and is_own_request(cast.unit_a, rec)
    assert not is_own_request(cast.office_a, rec) and not is_own_request(cast.leader_a, rec)
    with pytest.raises(PermissionDenied):
        recs.answer(rec=rec, user=dual, text="Tự trả lời")
    client.force_login(dual)
    html = client.get(reverse("recommendations:detail", args=[rec.pk])).content.decode()
    assert 'id="answer-rec"' not in html
    assert (
        client.post(reverse("recommendations:answer", args=[rec.pk]), {"answer": "x"}).status_code
        == 403
    )
    response = client.post(
        f"/api/recommendations/{rec.pk}/answer", {"answer": "x"}, content_type="application/json"
    )
    assert response.status_code == 403, response.content
    assert Recommendation.objects.get(pk=rec.pk).state == RecState.NEW
    # a colleague of the office, of no role in Ban Tổ chức A, answers it
    client.force_login(cast.office_a)
    html = client.get(reverse("recommendations:detail", args=[rec.pk])).content.decode()
    assert 'id="answer-rec"' in html
    recs.answer(rec=rec, user=cast.office_a, text="Bố trí trong quý II")
    assert Recommendation.objects.get(pk=rec.pk).answered_by == cast.office_a
    assert self_decided() == {}


def test_self_decided_finds_a_recommendation_answered_by_its_unit(cast, dual):
    from giaoban.recommendations.models import Recommendation

    mine, theirs = _rec(cast), _rec(cast)
    Recommendation.objects.filter(pk=mine.pk).update(
        state="answered", answer="Tự trả lời", answered_by=dual
    )
    Recommendation.objects.filter(pk=theirs.pk).update(
        state="answered", answer="Đồng ý", answered_by=cast.office_a
    )
    assert self_decided() == {"recommendations.Recommendation": 1}
