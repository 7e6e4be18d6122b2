"""Notice approval as a decision record (core.decisions): from the pages and the API, a leader
approves or returns a notice; the page shows who asked, who decided and when; nobody decides on a
notice they drafted or sent; the migration carries the notices' old approval fields over."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from giaoban.core.decisions import Decision
from giaoban.meetings import notice_services as ns
from giaoban.meetings.models import Notice, NoticeApproval, NoticeState
from giaoban.meetings.tests.conftest import make_briefing

pytestmark = pytest.mark.usefixtures("frozen")
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def _submitted(cast) -> Notice:
    _, notice = make_briefing(cast, issue=False)
    ns.submit_notice(notice=notice, user=cast.office_a)
    return notice


def test_a_leader_approves_from_the_page_and_the_page_says_who_and_when(cast, client):
    notice = _submitted(cast)
    url = reverse("meetings:notice", args=[notice.pk])
    client.force_login(cast.office_a)
    html = client.get(url).content.decode()
    # the clerk who sent it sees who asked, and no decision buttons
    assert 'id="notice-approval"' in html and "approve-notice" not in html
    assert "own-request" in html
    client.force_login(cast.leader_a)
    html = client.get(url).content.decode()
    assert 'id="approve-notice"' in html and 'id="return-notice-form"' in html
    response = client.post(reverse("meetings:notice_approve", args=[notice.pk]))
    assert response.status_code == 302
    approval = notice.approvals.get()
    assert (approval.decision, approval.decided_by) == (Decision.APPROVED, cast.leader_a)
    html = client.get(url).content.decode()
    assert "16/03/2026" in html and cast.leader_a.get_full_name() in html
    assert Notice.objects.get(pk=notice.pk).state == NoticeState.APPROVED


def test_a_leader_returns_from_the_page_with_the_reason(cast, client):
    notice = _submitted(cast)
    client.force_login(cast.leader_a)
    back = client.post(reverse("meetings:notice_return", args=[notice.pk]), {"reason": " "})
    assert back.status_code == 302
    assert notice.approvals.get().decision == Decision.PENDING  # a reason is needed
    client.post(
        reverse("meetings:notice_return", args=[notice.pk]), {"reason": "Bổ sung thời hạn mục 2"}
    )
    approval = notice.approvals.get()
    assert approval.returned and approval.decision_reason == "Bổ sung thời hạn mục 2"
    client.force_login(cast.office_a)
    html = client.get(reverse("meetings:notice", args=[notice.pk])).content.decode()
    assert "Bổ sung thời hạn mục 2" in html and 'id="submit-notice"' in html


def test_the_api_approves_returns_and_lists_the_requests(cast, client):
    notice = _submitted(cast)
    client.force_login(cast.leader_a)
    r = client.post(
        f"/api/notices/{notice.pk}/return",
        {"reason": "Thiếu thời hạn"},
        content_type="application/json",
    )
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["state"] == "draft"
    assert [(a["decision"], a["decision_reason"]) for a in body["approvals"]] == [
        ("rejected", "Thiếu thời hạn")
    ]
    assert body["approvals"][0]["requested_by_id"] == cast.office_a.pk
    r = client.post(f"/api/notices/{notice.pk}/return", {}, content_type="application/json")
    assert r.status_code == 422  # the reason is required by the schema
    client.force_login(cast.office_a)
    assert client.post(f"/api/notices/{notice.pk}/submit").status_code == 200
    assert client.post(f"/api/notices/{notice.pk}/approve").status_code == 403  # the sender
    client.force_login(cast.leader_a)
    r = client.post(f"/api/notices/{notice.pk}/approve")
    assert r.status_code == 200 and r.json()["state"] == "approved"
    assert [a["decision"] for a in r.json()["approvals"]] == ["approved", "rejected"]
    r = client.post(
        f"/api/notices/{notice.pk}/return", {"reason": "x"}, content_type="application/json"
    )
    assert r.status_code == 400  # no longer awaiting approval


@pytest.mark.django_db(transaction=True)
def test_the_migration_carries_the_old_approval_fields_over(frozen):
    """Notices written before the decision records (0002): issued, awaiting approval, returned
    (the returner is read from the audit log) and a plain draft."""
    executor = MigrationExecutor(connection)
    before = ("meetings", "0002_review_index")
    executor.migrate([before])
    old = executor.loader.project_state([before, ("core", "0002_redact_audit_secrets")]).apps
    User, Unit = old.get_model("accounts", "User"), old.get_model("org", "Unit")
    Notice0, Audit = old.get_model("meetings", "Notice"), old.get_model("core", "AuditEntry")
    office = User.objects.create(username="vp", full_name="Văn phòng")
    leader = User.objects.create(username="ld", full_name="Lãnh đạo")
    committee = Unit.objects.create(name="Tỉnh ủy Alpha", kind="committee")
    at = datetime(2026, 1, 25, 8, 0, tzinfo=TZ)
    base = dict(committee=committee, issuer="TỈNH ỦY", title="kết luận", created_by=office)
    issued = Notice0.objects.create(
        **base,
        state="issued",
        number="12-TB/TU",
        doc_date=at.date(),
        submitted_by=office,
        submitted_at=at,
        approved_by=leader,
        approved_at=at,
    )
    waiting = Notice0.objects.create(
        **base, state="submitted", submitted_by=office, submitted_at=at
    )
    returned = Notice0.objects.create(
        **base, state="draft", submitted_by=office, submitted_at=at, return_reason="Bổ sung"
    )
    Audit.objects.create(
        actor=leader,
        action="meetings.notice.returned",
        object_type="meetings.notice",
        object_id=str(returned.pk),
        object_repr="x",
    )
    draft = Notice0.objects.create(**base, state="draft")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    got = {
        a.notice_id: (a.decision, a.requested_by_id, a.decided_by_id, a.decision_reason)
        for a in NoticeApproval.objects.all()
    }
    assert got == {
        issued.pk: (Decision.APPROVED, office.pk, leader.pk, ""),
        waiting.pk: (Decision.PENDING, office.pk, None, ""),
        returned.pk: (Decision.REJECTED, office.pk, leader.pk, "Bổ sung"),
    }
    assert draft.pk not in got
    assert NoticeApproval.objects.get(notice_id=issued.pk).decided_at == at
