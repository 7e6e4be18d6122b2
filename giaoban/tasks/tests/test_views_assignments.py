"""The assignment page and every act on it (progress, claim, confirm, return, extension,
decision, cancel): happy path, anonymous → login, another unit → 404, the wrong role → 403,
GET → 405, htmx partials, bad input → 400 with the message in the user's language and
nothing saved."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import pytest
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from giaoban.accounts.models import Membership, Role
from giaoban.core.models import AuditEntry
from giaoban.core.permissions import forget_scope
from giaoban.core.tests.support import TODAY, audit_for, frozen, row_counts  # noqa: F401
from giaoban.tasks import services
from giaoban.tasks.models import (
    Assignment,
    CompletionClaim,
    Decision,
    ExtensionRequest,
    ProgressUpdate,
)

pytestmark = pytest.mark.usefixtures("frozen")
HTMX = {"HTTP_HX_REQUEST": "true"}


def vi(msgid: str) -> str:
    """The Vietnamese text of a message; fails if it is not translated yet."""
    with translation.override("vi"):
        text = gettext(msgid)
    assert text != msgid, f"no Vietnamese translation for {msgid!r}"
    return escape(text)


def _claimed(cast):
    services.claim_completion(
        assignment=cast.asg_a,
        user=cast.unit_a,
        completed_on=date(2026, 3, 10),
        evidence_number="335-BC/ĐU",
        evidence_date=date(2026, 3, 10),
    )


def _extension_asked(cast):
    services.request_extension(
        assignment=cast.asg_a,
        user=cast.unit_a,
        new_deadline=date(2028, 3, 31),
        reason="Chờ Trung ương hướng dẫn",
    )


def _nothing(cast):
    pass


def _state(cast) -> Assignment:
    return Assignment.objects.get(pk=cast.asg_a.pk)


@dataclass
class Act:
    name: str
    actor: str  # who may do it
    path: str  # after /tasks/assignments/<pk>/
    good: dict
    check: Callable  # cast -> None, asserts the database after the happy path
    action: str  # audit action written
    bad: dict  # data refused (form shape or service rule)
    bad_msgid: str  # the message shown for it
    prepare: Callable = _nothing  # state the act needs
    prepare_bad: Callable | None = None
    forbidden: tuple = ()  # roles that see the assignment but may not do this → 403
    extra: dict = field(default_factory=dict)


def _check_progress(cast):
    assert ProgressUpdate.objects.get().text == "Đã có dự thảo"
    assert _state(cast).progress_percent == 50


def _check_claim(cast):
    claim = CompletionClaim.objects.get()
    assert (claim.evidence_number, claim.evidence_date, claim.completed_on) == (
        "335-BC/ĐU",
        date(2026, 3, 15),
        date(2026, 3, 15),
    )
    assert _state(cast).state == "claimed"


def _check_confirm(cast):
    a = _state(cast)
    assert (a.state, a.completed_on, a.confirmed_by) == ("done", date(2026, 3, 10), cast.office_a)


def _check_return(cast):
    assert _state(cast).state == "open"
    assert CompletionClaim.objects.get().decision_reason == "Thiếu văn bản kèm theo"


def _check_extension(cast):
    req = ExtensionRequest.objects.get()
    assert (req.new_deadline, req.decision) == (date(2028, 3, 31), Decision.PENDING)
    assert _state(cast).deadline == date(2027, 12, 31)


def _check_decide(cast):
    a = _state(cast)
    assert (a.deadline, a.original_deadline, a.extension_count) == (
        date(2028, 3, 31),
        date(2027, 12, 31),
        1,
    )


def _check_cancel(cast):
    a = _state(cast)
    assert (a.state, a.cancel_reason, a.cancelled_on) == (
        "cancelled",
        "Điều chỉnh tại 98-TB/TU",
        TODAY,
    )


UNIT_SIDE = ("office_a", "leader_a", "admin")
OFFICE_SIDE = ("unit_a", "leader_a", "admin")
ACTS = [
    Act(
        "progress",
        "unit_a",
        "progress/",
        {"text": "Đã có dự thảo", "percent": "50"},
        _check_progress,
        "tasks.assignment.progress",
        {"text": "", "percent": "20"},
        "This field is required.",
        forbidden=UNIT_SIDE,
    ),
    Act(
        "claim",
        "unit_a",
        "claim/",
        {
            "completed_on": "15/03/2026",
            "evidence_number": "335-BC/ĐU",
            "evidence_date": "15/03/2026",
        },
        _check_claim,
        "tasks.assignment.claimed",
        {"completed_on": "31/02/2026", "evidence_number": "335-BC/ĐU"},
        "Enter a valid date as dd/mm/yyyy.",
        forbidden=UNIT_SIDE,
    ),
    Act(
        "confirm",
        "office_a",
        "confirm/",
        {},
        _check_confirm,
        "tasks.assignment.confirmed",
        {},
        "There is no completion claim awaiting a decision.",
        prepare=_claimed,
        prepare_bad=_nothing,
        forbidden=OFFICE_SIDE,
    ),
    Act(
        "return",
        "office_a",
        "return/",
        {"reason": "Thiếu văn bản kèm theo"},
        _check_return,
        "tasks.assignment.returned",
        {"reason": ""},
        "This field is required.",
        prepare=_claimed,
        forbidden=OFFICE_SIDE,
    ),
    Act(
        "extension",
        "unit_a",
        "extension/",
        {"new_deadline": "31/03/2028", "reason": "Chờ hướng dẫn"},
        _check_extension,
        "tasks.assignment.extension_requested",
        {"new_deadline": "abc", "reason": "x"},
        "Enter a valid date as dd/mm/yyyy.",
        forbidden=UNIT_SIDE,
    ),
    Act(
        "extension_decide",
        "office_a",
        "extension/{req}/decide/",
        {"approve": "1", "reason": "Đồng ý"},
        _check_decide,
        "tasks.assignment.extension_approved",
        {"approve": "0", "reason": ""},
        "Say why the request is rejected.",
        prepare=_extension_asked,
        forbidden=OFFICE_SIDE,
    ),
    Act(
        "cancel",
        "office_a",
        "cancel/",
        {"reason": "Điều chỉnh tại 98-TB/TU"},
        _check_cancel,
        "tasks.assignment.cancelled",
        {"reason": "  "},
        "This field is required.",
        forbidden=OFFICE_SIDE,
    ),
]
IDS = [a.name for a in ACTS]


def _url(cast, act: Act) -> str:
    path = act.path
    if "{req}" in path:
        path = path.format(req=ExtensionRequest.objects.get(assignment=cast.asg_a).pk)
    return f"/tasks/assignments/{cast.asg_a.pk}/{path}"


@pytest.mark.parametrize("act", ACTS, ids=IDS)
def test_act_happy_path(cast, login, act):
    act.prepare(cast)
    url = _url(cast, act)
    before = AuditEntry.objects.count()
    response = login(getattr(cast, act.actor)).post(url, act.good)
    assert response.status_code == 302
    assert response["Location"] == f"/tasks/assignments/{cast.asg_a.pk}/"
    act.check(cast)
    assert AuditEntry.objects.count() == before + 1
    entry = audit_for(cast.asg_a)[-1]
    assert (entry.action, entry.actor) == (act.action, getattr(cast, act.actor))
    # the page it lands on shows the success message
    page = login(getattr(cast, act.actor)).get(response["Location"])
    assert page.status_code == 200 and 'class="alert alert-success' in page.content.decode()


@pytest.mark.parametrize("act", ACTS, ids=IDS)
def test_act_htmx_answers_the_panel(cast, login, act):
    act.prepare(cast)
    response = login(getattr(cast, act.actor)).post(_url(cast, act), act.good, **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body and 'id="status-badge"' in body and 'id="timeline"' in body
    act.check(cast)


@pytest.mark.parametrize("act", ACTS, ids=IDS)
def test_act_anonymous_goes_to_login(cast, client, act):
    act.prepare(cast)
    url = _url(cast, act)
    before = row_counts()
    response = client.post(url, act.good)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"
    assert row_counts() == before


@pytest.mark.parametrize("who", ["unit_b", "office_b", "unit_a2"])
@pytest.mark.parametrize("act", ACTS, ids=IDS)
def test_act_on_another_units_assignment_is_404(cast, login, act, who):
    act.prepare(cast)
    before = row_counts()
    assert login(getattr(cast, who)).post(_url(cast, act), act.good).status_code == 404
    assert row_counts() == before


@pytest.mark.parametrize("act", ACTS, ids=IDS)
def test_act_by_a_role_without_the_right_is_403(cast, login, act):
    act.prepare(cast)
    url = _url(cast, act)
    before = row_counts()
    for who in act.forbidden:
        assert login(getattr(cast, who)).post(url, act.good).status_code == 403, who
    assert row_counts() == before


@pytest.mark.parametrize("method", ["put", "delete"])
@pytest.mark.parametrize("act", ACTS, ids=IDS)
def test_act_wrong_method_is_405(cast, login, act, method):
    act.prepare(cast)
    assert getattr(login(getattr(cast, act.actor)), method)(_url(cast, act)).status_code == 405


@pytest.mark.parametrize("act", ACTS, ids=IDS)
def test_a_get_on_an_act_goes_back_to_the_assignment(cast, login, act):
    """A reloaded or bookmarked action URL is not a bare 405 with an empty body."""
    act.prepare(cast)
    response = login(getattr(cast, act.actor)).get(_url(cast, act), follow=True)
    assert response.redirect_chain[-1][0] == f"/tasks/assignments/{cast.asg_a.pk}/"
    assert response.status_code == 200


@pytest.mark.parametrize("act", ACTS, ids=IDS)
def test_act_bad_input_is_400_in_vietnamese_and_saves_nothing(cast, login, act):
    (act.prepare_bad or act.prepare)(cast)
    url = _url(cast, act)
    before = row_counts()
    state = _state(cast)
    response = login(getattr(cast, act.actor)).post(url, act.bad)
    assert response.status_code == 400
    body = response.content.decode()
    assert "<html" in body and vi(act.bad_msgid) in body
    assert row_counts() == before
    after = _state(cast)
    assert (after.state, after.deadline, after.progress_percent) == (
        state.state,
        state.deadline,
        state.progress_percent,
    )
    # the same through htmx: the panel with the errors, still 400
    response = login(getattr(cast, act.actor)).post(url, act.bad, **HTMX)
    assert response.status_code == 400
    assert (
        "<html" not in response.content.decode() and vi(act.bad_msgid) in response.content.decode()
    )
    assert row_counts() == before


@pytest.mark.parametrize("act", ACTS, ids=IDS)
def test_act_bad_input_in_english_when_the_language_is_switched(cast, login, act):
    (act.prepare_bad or act.prepare)(cast)
    client = login(getattr(cast, act.actor))
    client.cookies["django_language"] = "en"
    response = client.post(_url(cast, act), act.bad)
    assert response.status_code == 400
    assert escape(act.bad_msgid) in response.content.decode()
    assert '<html lang="en">' in response.content.decode()


@pytest.mark.parametrize("bad", ["31/02/2026", "abc", "2026-13-01", "16/3"])
def test_claim_with_impossible_dates(cast, login, bad):
    before = row_counts()
    response = login(cast.unit_a).post(
        f"/tasks/assignments/{cast.asg_a.pk}/claim/",
        {"completed_on": bad, "evidence_number": "335-BC/ĐU"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "Enter a valid date as dd/mm/yyyy." in response.content.decode()
    assert row_counts() == before


def test_claim_without_evidence_shows_the_service_message(cast, login):
    response = login(cast.unit_a).post(
        f"/tasks/assignments/{cast.asg_a.pk}/claim/",
        {"completed_on": "15/03/2026"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert (
        escape("Give the output document's number, or attach a file, as evidence.")
        in response.content.decode()
    )
    assert CompletionClaim.objects.count() == 0


def test_claim_on_a_cancelled_assignment_is_refused(cast, login):
    services.cancel_assignment(assignment=cast.asg_a, user=cast.office_a, reason="Điều chỉnh")
    before = row_counts()
    response = login(cast.unit_a).post(
        f"/tasks/assignments/{cast.asg_a.pk}/claim/",
        {"completed_on": "15/03/2026", "evidence_number": "335-BC/ĐU"},
    )
    assert response.status_code == 400
    assert vi("This assignment has been cancelled.") in response.content.decode()
    assert row_counts() == before


def test_the_requester_cannot_decide_their_own_extension(cast, login):
    Membership.objects.create(user=cast.office_a, unit=cast.board_a, role=Role.UNIT)
    forget_scope(cast.office_a)
    services.request_extension(
        assignment=cast.asg_a, user=cast.office_a, new_deadline=date(2028, 3, 31), reason="x"
    )
    req = ExtensionRequest.objects.get()
    response = login(cast.office_a).post(
        f"/tasks/assignments/{cast.asg_a.pk}/extension/{req.pk}/decide/", {"approve": "1"}
    )
    assert response.status_code == 403
    req.refresh_from_db()
    assert req.decision == Decision.PENDING
    assert _state(cast).deadline == date(2027, 12, 31)


def test_decision_on_another_assignments_request_is_404(cast, login):
    other = cast.assignment(cast.task_a, cast.board_a2)
    services.request_extension(
        assignment=other, user=cast.unit_a2, new_deadline=date(2028, 3, 31), reason="x"
    )
    req = ExtensionRequest.objects.get()
    response = login(cast.office_a).post(
        f"/tasks/assignments/{cast.asg_a.pk}/extension/{req.pk}/decide/", {"approve": "1"}
    )
    assert response.status_code == 404
    assert ExtensionRequest.objects.get().decision == Decision.PENDING


# -- the assignment page ----------------------------------------------------------


def test_detail_for_the_unit_shows_its_forms(cast, login):
    url = f"/tasks/assignments/{cast.asg_a.pk}/"
    body = login(cast.unit_a).get(url).content.decode()
    assert (
        'id="progress-form"' in body and 'id="claim-form"' in body and 'id="extension-form"' in body
    )
    assert 'id="cancel-form"' not in body
    assert "Rà soát, hoàn thiện kế hoạch công tác tuyên giáo năm" in body
    assert "90-TB/TU ngày 01/01/2026, mục 1" in body and "31/12/2027" in body


def test_detail_for_the_office_shows_its_decisions(cast, login):
    _claimed(cast)
    _extension_asked(cast)
    body = login(cast.office_a).get(f"/tasks/assignments/{cast.asg_a.pk}/").content.decode()
    assert 'id="confirm-form"' in body and 'id="decide-form"' in body and 'id="cancel-form"' in body
    assert 'id="progress-form"' not in body
    assert "Số 335-BC/ĐU ngày 10/03/2026" in body


@pytest.mark.parametrize("who", ["leader_a", "admin"])
def test_detail_is_read_only_for_leader_and_admin(cast, login, who):
    _claimed(cast)
    response = login(getattr(cast, who)).get(f"/tasks/assignments/{cast.asg_a.pk}/")
    assert response.status_code == 200
    assert '<form method="post" action="/tasks/' not in response.content.decode()


def test_detail_shows_the_extension_history(cast, login):
    _extension_asked(cast)
    services.decide_extension(
        request=ExtensionRequest.objects.get(), user=cast.office_a, approve=True
    )
    body = (
        login(cast.unit_a)
        .get(f"/tasks/assignments/{cast.asg_a.pk}/", HTTP_ACCEPT_LANGUAGE="en")
        .content.decode()
    )
    assert "31/03/2028" in body and "originally 31/12/2027, extended 1×" in body
    assert "Extension approved" in body  # the audit entry, by its readable label


def test_detail_access(cast, login, client):
    url = f"/tasks/assignments/{cast.asg_a.pk}/"
    assert client.get(url)["Location"] == f"/accounts/login/?next={url}"
    for who in ("office_a", "leader_a", "unit_a", "admin"):
        assert login(getattr(cast, who)).get(url).status_code == 200, who
    for who in ("unit_b", "office_b", "unit_a2"):
        assert login(getattr(cast, who)).get(url).status_code == 404, who
    assert login(cast.unit_a).post(url).status_code == 405
    assert login(cast.office_a).get("/tasks/assignments/999999/").status_code == 404
