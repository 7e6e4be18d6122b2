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


def _claim(cast, user):
    return services.claim_completion(
        assignment=cast.asg_a, user=user, completed_on=TODAY, evidence_number="15-BC/BTC"
    )


def _extension(cast, user):
    return services.request_extension(
        assignment=cast.asg_a, user=user, new_deadline=date(2028, 3, 31), reason="Chờ số liệu."
    )


CASES: dict[str, Case] = {
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
    assert may_decide(cast.office_a, obj) is True
    case.service[name](obj, cast.office_a)
    obj = _reload(obj)
    assert obj.decision != Decision.PENDING and obj.decided_by == cast.office_a
    assert obj.decided_at is not None
    assert self_decided() == {} and unsigned_decisions() == {}


@pytest.mark.parametrize("label,name", DECISIONS)
def test_page_refuses_own_request_and_hides_the_buttons(cast, dual, client, label, name):
    case = CASES[label]
    obj = case.request(cast, dual)
    client.force_login(dual)
    detail = client.get(reverse("tasks:assignment", args=[obj.assignment_id]))
    assert detail.status_code == 200
    html = detail.content.decode()
    assert "confirm-form" not in html and "decide-form" not in html
    assert "own-request" in html and "Đây là đề nghị do bạn gửi" in html
    url, data = case.page[name](obj)
    assert client.post(url, data).status_code == 403
    assert _reload(obj).decision == Decision.PENDING
    # the colleague sees the buttons
    client.force_login(cast.office_a)
    html = client.get(reverse("tasks:assignment", args=[obj.assignment_id])).content.decode()
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
