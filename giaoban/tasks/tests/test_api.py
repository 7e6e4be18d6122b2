"""The tasks API: lists, details and every act; 404 outside the scope, 403 for a role without
the right, 400/422 with clear messages for bad input, and nothing half-saved. (How the API
authenticates, and its document, are tested with the API layer: giaoban/api/tests.)"""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation
from django.utils.translation import gettext

from giaoban.accounts.models import Membership, Role
from giaoban.api.tests.support import api
from giaoban.core.permissions import forget_scope
from giaoban.core.tests.support import TODAY, audit_for, frozen, row_counts  # noqa: F401
from giaoban.tasks import services
from giaoban.tasks.models import (
    Assignment,
    CompletionClaim,
    Decision,
    ExtensionRequest,
    ProgressUpdate,
    Task,
)

pytestmark = pytest.mark.usefixtures("frozen")


def _asg(cast, suffix: str = "") -> str:
    return f"/api/assignments/{cast.asg_a.pk}{suffix}"


def _claimed(cast):
    services.claim_completion(
        assignment=cast.asg_a,
        user=cast.unit_a,
        completed_on=date(2026, 3, 10),
        evidence_number="335-BC/ĐU",
        evidence_date=date(2026, 3, 10),
    )


def _task_payload(cast, **kw):
    data = {
        "committee": cast.committee_a.pk,
        "doc_number": "95-TB/TU",
        "doc_date": "2026-03-02",
        "item_number": "2",
        "text": "Sơ kết công tác kiểm tra, giám sát quý I",
        "deadline": "2026-06-30",
        "lead_units": [cast.board_a.pk],
        "coordinating_units": [cast.board_a2.pk],
    }
    data.update(kw)
    return data


# -- reading ------------------------------------------------------------------------------


def test_list_tasks(cast):
    body = api(cast, "office_a").get("/api/tasks").json()
    assert body["count"] == 1
    [task] = body["items"]
    assert (task["id"], task["doc_number"], task["doc_date"], task["deadline"]) == (
        cast.task_a.pk,
        "90-TB/TU",
        "2026-01-01",
        "2027-12-31",
    )
    assert (task["n_units"], task["n_done"], task["n_overdue"]) == (2, 0, 0)
    assert [t["doc_number"] for t in api(cast, "unit_b").get("/api/tasks").json()["items"]] == [
        "12-TB/TU"
    ]
    assert api(cast, "admin").get("/api/tasks").json()["count"] == 2


def test_task_detail(cast):
    assert (
        api(cast, "unit_a").get(f"/api/tasks/{cast.task_a.pk}").json()["text"].startswith("Rà soát")
    )
    assert api(cast, "unit_b").get(f"/api/tasks/{cast.task_a.pk}").status_code == 404
    assert api(cast, "unit_a").get("/api/tasks/999999").status_code == 404


def test_list_and_detail_of_assignments(cast):
    items = api(cast, "unit_a").get("/api/assignments").json()["items"]
    assert [a["id"] for a in items] == [cast.asg_a.pk]
    a = api(cast, "unit_a").get(_asg(cast)).json()
    assert a == {
        "id": cast.asg_a.pk,
        "task_id": cast.task_a.pk,
        "unit_id": cast.board_a.pk,
        "unit_name": "Ban Tổ chức Tỉnh ủy Alpha",
        "doc_number": "90-TB/TU",
        "text": "Rà soát, hoàn thiện kế hoạch công tác tuyên giáo năm",
        "role": "lead",
        "state": "open",
        "status": "open_in_time",
        "deadline": "2027-12-31",
        "original_deadline": "2027-12-31",
        "extension_count": 0,
        "progress_percent": 0,
        "completed_on": None,
    }
    assert api(cast, "office_a").get("/api/assignments").json()["count"] == 2


@pytest.mark.parametrize("who", ["unit_b", "office_b", "unit_a2"])
def test_another_units_assignment_is_404(cast, who):
    client = api(cast, who)
    assert client.get(_asg(cast)).status_code == 404
    before = row_counts()
    for suffix, payload in [
        ("/progress", {"text": "x"}),
        ("/claim", {"completed_on": "2026-03-10", "evidence_number": "1-BC/ĐU"}),
        ("/confirm", {}),
        ("/return", {"reason": "x"}),
        ("/extensions", {"new_deadline": "2028-01-31", "reason": "x"}),
        ("/cancel", {"reason": "x"}),
    ]:
        response = client.post(_asg(cast, suffix), payload)
        assert response.status_code == 404, suffix
        assert response.json() == {"detail": "Not found."}
    assert row_counts() == before


# -- unit acts ----------------------------------------------------------------------------


def test_progress(cast):
    response = api(cast, "unit_a").post(
        _asg(cast, "/progress"), {"text": "Đã có dự thảo", "percent": 60}
    )
    assert response.status_code == 201 and response.json()["progress_percent"] == 60
    assert ProgressUpdate.objects.get().text == "Đã có dự thảo"
    assert audit_for(cast.asg_a)[-1].action == "tasks.assignment.progress"


def test_claim(cast):
    response = api(cast, "unit_a").post(
        _asg(cast, "/claim"),
        {
            "completed_on": "2026-03-10",
            "evidence_number": "335-BC/ĐU",
            "evidence_date": "2026-03-10",
            "note": "Đã ban hành",
        },
    )
    assert response.status_code == 201 and response.json()["state"] == "claimed"
    claim = CompletionClaim.objects.get()
    assert (claim.evidence_number, claim.evidence_date) == ("335-BC/ĐU", date(2026, 3, 10))
    assert audit_for(cast.asg_a)[-1].action == "tasks.assignment.claimed"


def test_claim_without_evidence_is_400(cast):
    before = row_counts()
    response = api(cast, "unit_a").post(_asg(cast, "/claim"), {"completed_on": "2026-03-10"})
    assert response.status_code == 400
    assert response.json() == {
        "detail": "The request is not valid.",
        "errors": {
            "evidence_number": ["Give the output document's number, or attach a file, as evidence."]
        },
    }
    assert row_counts() == before


def test_claim_on_a_cancelled_assignment_is_400(cast):
    services.cancel_assignment(assignment=cast.asg_a, user=cast.office_a, reason="Điều chỉnh")
    before = row_counts()
    response = api(cast, "unit_a").post(
        _asg(cast, "/claim"), {"completed_on": "2026-03-10", "evidence_number": "335-BC/ĐU"}
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"__all__": ["This assignment has been cancelled."]}
    assert row_counts() == before


def test_messages_in_vietnamese_by_default(cast):
    services.cancel_assignment(assignment=cast.asg_a, user=cast.office_a, reason="Điều chỉnh")
    response = api(cast, "unit_a", lang="vi").post(
        _asg(cast, "/claim"), {"completed_on": "2026-03-10", "evidence_number": "335-BC/ĐU"}
    )
    with translation.override("vi"):
        expected = gettext("This assignment has been cancelled.")
        detail = gettext("The request is not valid.")
    assert expected != "This assignment has been cancelled."
    assert response.json() == {"detail": detail, "errors": {"__all__": [expected]}}


@pytest.mark.parametrize(
    "suffix,payload,field",
    [
        ("/claim", {"completed_on": "31/02/2026", "evidence_number": "1-BC/ĐU"}, "completed_on"),
        ("/claim", {"completed_on": "2026-02-31", "evidence_number": "1-BC/ĐU"}, "completed_on"),
        ("/claim", {"evidence_number": "1-BC/ĐU"}, "completed_on"),
        ("/claim", {"completed_on": "2026-03-10", "note": "x" * 2001}, "note"),
        ("/progress", {"text": "x" * 2001}, "text"),
        ("/progress", {"text": ""}, "text"),
        ("/progress", {"text": "x", "percent": 101}, "percent"),
        ("/progress", {"text": "x", "percent": "abc"}, "percent"),
        ("/extensions", {"new_deadline": "abc", "reason": "x"}, "new_deadline"),
        ("/extensions", {"new_deadline": "2028-01-31", "reason": "x" * 2001}, "reason"),
    ],
)
def test_unit_act_schema_errors_are_422(cast, suffix, payload, field):
    before = row_counts()
    response = api(cast, "unit_a").post(_asg(cast, suffix), payload)
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["detail"] == "The request is not valid." and field in body["errors"], body
    assert all(isinstance(m, str) and m for m in body["errors"][field])
    assert row_counts() == before


def test_request_extension(cast):
    response = api(cast, "unit_a").post(
        _asg(cast, "/extensions"), {"new_deadline": "2028-03-31", "reason": "Chờ hướng dẫn"}
    )
    assert response.status_code == 201
    body = response.json()
    req = ExtensionRequest.objects.get()
    assert (body["id"], body["old_deadline"], body["new_deadline"], body["decision"]) == (
        req.pk,
        "2027-12-31",
        "2028-03-31",
        "pending",
    )


def test_extension_on_a_confirmed_assignment_is_400(cast):
    _claimed(cast)
    services.confirm_completion(assignment=cast.asg_a, user=cast.office_a)
    before = row_counts()
    response = api(cast, "unit_a").post(
        _asg(cast, "/extensions"), {"new_deadline": "2028-03-31", "reason": "x"}
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "new_deadline": ["This assignment has already been confirmed as done."]
    }
    assert row_counts() == before


@pytest.mark.parametrize("who", ["office_a", "leader_a", "admin"])
def test_unit_acts_by_other_roles_are_403(cast, who):
    client = api(cast, who)
    before = row_counts()
    for suffix, payload in [
        ("/progress", {"text": "x"}),
        ("/claim", {"completed_on": "2026-03-10", "evidence_number": "1-BC/ĐU"}),
        ("/extensions", {"new_deadline": "2028-01-31", "reason": "x"}),
    ]:
        response = client.post(_asg(cast, suffix), payload)
        assert response.status_code == 403, suffix
        assert response.json() == {"detail": "You do not have permission to do this."}
    assert row_counts() == before


# -- office acts ----------------------------------------------------------------------------


def test_confirm(cast):
    _claimed(cast)
    response = api(cast, "office_a").post(_asg(cast, "/confirm"))
    assert response.status_code == 200
    body = response.json()
    assert (body["state"], body["status"], body["completed_on"], body["progress_percent"]) == (
        "done",
        "done_on_time",
        "2026-03-10",
        100,
    )
    assert audit_for(cast.asg_a)[-1].action == "tasks.assignment.confirmed"


def test_confirm_without_a_claim_is_400(cast):
    before = row_counts()
    response = api(cast, "office_a").post(_asg(cast, "/confirm"))
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "__all__": ["There is no completion claim awaiting a decision."]
    }
    assert row_counts() == before


def test_return(cast):
    _claimed(cast)
    response = api(cast, "office_a").post(_asg(cast, "/return"), {"reason": "Thiếu văn bản"})
    assert response.status_code == 200 and response.json()["state"] == "open"
    assert CompletionClaim.objects.get().decision == Decision.REJECTED
    before = row_counts()
    _claimed(cast)
    assert api(cast, "office_a").post(_asg(cast, "/return"), {"reason": ""}).status_code == 422
    assert api(cast, "office_a").post(_asg(cast, "/return"), {}).status_code == 422
    assert row_counts()["CompletionClaim"] == before["CompletionClaim"] + 1
    assert Assignment.objects.get(pk=cast.asg_a.pk).state == "claimed"


def test_extension_decision(cast):
    req = services.request_extension(
        assignment=cast.asg_a, user=cast.unit_a, new_deadline=date(2028, 3, 31), reason="x"
    )
    url = _asg(cast, f"/extensions/{req.pk}/decide")
    assert api(cast, "leader_a").post(url, {"approve": True}).status_code == 403
    assert api(cast, "unit_a").post(url, {"approve": True}).status_code == 403
    assert api(cast, "unit_b").post(url, {"approve": True}).status_code == 404
    assert (
        api(cast, "office_a").post(url, {"approve": False}).status_code == 400
    )  # a rejection needs a reason
    assert api(cast, "office_a").post(url, {"approve": "maybe"}).status_code == 422
    assert ExtensionRequest.objects.get().decision == Decision.PENDING
    response = api(cast, "office_a").post(url, {"approve": True, "reason": "Đồng ý"})
    assert response.status_code == 200 and response.json()["decision"] == "approved"
    a = Assignment.objects.get(pk=cast.asg_a.pk)
    assert (a.deadline, a.original_deadline, a.extension_count) == (
        date(2028, 3, 31),
        date(2027, 12, 31),
        1,
    )
    assert api(cast, "office_a").post(url, {"approve": True}).status_code == 400  # already decided


def test_extension_decision_by_the_requester_is_403(cast):
    Membership.objects.create(user=cast.office_a, unit=cast.board_a, role=Role.UNIT)
    forget_scope(cast.office_a)
    req = services.request_extension(
        assignment=cast.asg_a, user=cast.office_a, new_deadline=date(2028, 3, 31), reason="x"
    )
    response = api(cast, "office_a").post(
        _asg(cast, f"/extensions/{req.pk}/decide"), {"approve": True}
    )
    assert response.status_code == 403
    assert ExtensionRequest.objects.get().decision == Decision.PENDING


def test_extension_decision_of_another_assignments_request_is_404(cast):
    other = cast.assignment(cast.task_a, cast.board_a2)
    req = services.request_extension(
        assignment=other, user=cast.unit_a2, new_deadline=date(2028, 3, 31), reason="x"
    )
    assert (
        api(cast, "office_a")
        .post(_asg(cast, f"/extensions/{req.pk}/decide"), {"approve": True})
        .status_code
        == 404
    )


def test_cancel(cast):
    response = api(cast, "office_a").post(
        _asg(cast, "/cancel"), {"reason": "Điều chỉnh tại 98-TB/TU"}
    )
    assert response.status_code == 200
    assert (response.json()["state"], response.json()["status"]) == ("cancelled", "cancelled")
    assert Assignment.objects.get(pk=cast.asg_a.pk).cancel_reason == "Điều chỉnh tại 98-TB/TU"
    assert api(cast, "office_a").post(_asg(cast, "/cancel"), {"reason": "x"}).status_code == 400


@pytest.mark.parametrize("who", ["unit_a", "leader_a", "admin"])
def test_office_acts_by_other_roles_are_403(cast, who):
    _claimed(cast)
    client = api(cast, who)
    before = row_counts()
    for suffix, payload in [
        ("/confirm", {}),
        ("/return", {"reason": "x"}),
        ("/cancel", {"reason": "x"}),
    ]:
        assert client.post(_asg(cast, suffix), payload).status_code == 403, suffix
    assert row_counts() == before


def test_cancel_reason_over_the_limit_is_422(cast):
    response = api(cast, "office_a").post(_asg(cast, "/cancel"), {"reason": "x" * 2001})
    assert response.status_code == 422
    assert response.json()["errors"]["reason"] == [
        "The text is too long (at most 2000 characters)."
    ]
    assert Assignment.objects.get(pk=cast.asg_a.pk).state == "open"


# -- creating tasks --------------------------------------------------------------------------


def test_create_task(cast):
    response = api(cast, "office_a").post("/api/tasks", _task_payload(cast))
    assert response.status_code == 201, response.content
    body = response.json()
    task = Task.objects.get(pk=body["id"])
    assert (body["doc_number"], body["n_units"], body["deadline"]) == ("95-TB/TU", 2, "2026-06-30")
    assert task.created_by == cast.office_a
    assert dict(task.assignments.values_list("unit", "role")) == {
        cast.board_a.pk: "lead",
        cast.board_a2.pk: "coordinating",
    }
    assert [e.action for e in audit_for(task)] == ["tasks.task.created"]


def test_create_task_for_all_units(cast):
    response = api(cast, "office_a").post(
        "/api/tasks", _task_payload(cast, lead_units=[], coordinating_units=[], all_units=True)
    )
    assert (
        response.status_code == 201 and response.json()["n_units"] == 4
    )  # the closed unit is left out


@pytest.mark.parametrize(
    "kw,status,field",
    [
        (dict(deadline="2026-03-01"), 400, "deadline"),  # before the document date
        (dict(doc_date="2026-03-20", deadline=None), 400, "doc_date"),  # in the future
        (dict(lead_units=[999999]), 400, "units"),  # unknown unit
        (dict(lead_units=["abc"]), 422, "lead_units.0"),
        (dict(coordinating_units=[0]), 422, "coordinating_units.0"),  # ids start at 1
        (dict(deadline="30/06/2026"), 422, "deadline"),  # not ISO
        (dict(doc_date="2026-02-30"), 422, "doc_date"),
        (dict(text="x" * 4001), 422, "text"),
        (dict(text=""), 422, "text"),
        (dict(doc_number="x" * 65), 422, "doc_number"),
        (dict(committee=999999), 400, "committee"),
    ],
)
def test_create_task_bad_input(cast, kw, status, field):
    before = row_counts()
    response = api(cast, "office_a").post("/api/tasks", _task_payload(cast, **kw))
    assert response.status_code == status, response.content
    body = response.json()
    assert body["detail"] == "The request is not valid." and field in body["errors"], body
    assert row_counts() == before


@pytest.mark.parametrize("unit", ["board_b", "closed_a"])
def test_create_task_for_a_unit_of_another_committee_or_closed_is_400(cast, unit):
    before = row_counts()
    response = api(cast, "office_a").post(
        "/api/tasks", _task_payload(cast, lead_units=[getattr(cast, unit).pk])
    )
    assert response.status_code == 400
    assert "units" in response.json()["errors"]
    assert row_counts() == before


def test_create_task_in_another_committee_is_400(cast):
    response = api(cast, "office_a").post(
        "/api/tasks",
        _task_payload(cast, committee=cast.committee_b.pk, lead_units=[cast.board_b.pk]),
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"committee": ["Unknown committee."]}


@pytest.mark.parametrize("who", ["unit_a", "leader_a", "admin"])
def test_create_task_by_other_roles_is_403(cast, who):
    before = row_counts()
    assert api(cast, who).post("/api/tasks", _task_payload(cast)).status_code == 403
    assert row_counts() == before


def test_create_task_duplicate_item_is_400(cast):
    api(cast, "office_a").post("/api/tasks", _task_payload(cast))
    before = row_counts()
    response = api(cast, "office_a").post("/api/tasks", _task_payload(cast))
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "item_number": ["This item of this document has already been entered."]
    }
    assert row_counts() == before
