"""Notices: draft → submitted → approved by a leader (never the drafter) → issued (tasks created,
locked); numbers unique per committee and year; supplementary notices."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from giaoban.core.decisions import Decision, may_decide, self_decided, unsigned_decisions
from giaoban.core.tests.support import audit_for
from giaoban.meetings import notice_services as ns
from giaoban.meetings.models import ItemTask, Notice, NoticeApproval, NoticeState
from giaoban.meetings.tests.conftest import make_briefing
from giaoban.tasks.models import Assignment, AssignmentRole, Task

pytestmark = pytest.mark.usefixtures("frozen")


def test_issue_creates_each_items_tasks_with_their_units(cast):
    meeting, notice = make_briefing(cast)
    assert notice.state == NoticeState.ISSUED and notice.number == "12-TB/TU"
    t1 = ItemTask.objects.get(item__notice=notice, item__number=1).task
    assert (t1.doc_number, t1.item_number, t1.doc_date) == ("12-TB/TU", "1", date(2026, 1, 25))
    roles = dict(Assignment.objects.filter(task=t1).values_list("unit__name", "role"))
    assert roles == {
        "Ban Tổ chức Tỉnh ủy Alpha": AssignmentRole.LEAD,
        "Ban Tuyên giáo Tỉnh ủy Alpha": AssignmentRole.COORDINATING,
    }
    t2 = ItemTask.objects.get(item__notice=notice, item__number=2).task
    # all units: the committee's active units below it (the closed board is not one)
    names = set(Assignment.objects.filter(task=t2).values_list("unit__name", flat=True))
    assert names == {
        "Văn phòng Tỉnh ủy Alpha",
        "Ban Tổ chức Tỉnh ủy Alpha",
        "Ban Tuyên giáo Tỉnh ủy Alpha",
        "Đảng ủy xã Tân An",
    }
    assert not ItemTask.objects.filter(item__notice=notice, item__number=3).exists()
    actions = [e.action for e in audit_for(notice)]
    assert actions == [
        "meetings.notice.created",
        "meetings.notice.submitted",
        "meetings.notice.approved",
        "meetings.notice.issued",
    ]
    assert audit_for(notice)[-1].data["tasks"] == [t1.pk, t2.pk]


def test_nobody_approves_their_own_request(cast):
    _, notice = make_briefing(cast, issue=False)
    ns.submit_notice(notice=notice, user=cast.office_a)
    with pytest.raises(PermissionDenied):
        ns.approve_notice(notice=notice, user=cast.office_a)  # not a leader, and the requester
    from giaoban.accounts.models import Membership, Role

    Membership.objects.create(user=cast.office_a, unit=cast.committee_a, role=Role.LEADER)
    from giaoban.core.permissions import forget_scope

    forget_scope(cast.office_a)
    with pytest.raises(PermissionDenied):
        ns.approve_notice(
            notice=notice, user=cast.office_a
        )  # a leader now, but still the requester
    with pytest.raises(PermissionDenied):
        ns.approve_notice(notice=notice, user=cast.unit_a)
    ns.approve_notice(notice=notice, user=cast.leader_a)
    approval = Notice.objects.get(pk=notice.pk).last_approval
    assert (approval.requested_by, approval.decided_by) == (cast.office_a, cast.leader_a)
    assert approval.decision == Decision.APPROVED and approval.decided_at is not None
    assert self_decided() == {} and unsigned_decisions() == {}


def test_the_drafter_does_not_approve_what_a_colleague_sent(cast):
    """The drafter counts as a requester (NoticeApproval.co_requester_fields): a drafter who is
    also a leader may not approve the notice, even when another clerk asked for the approval."""
    from giaoban.accounts.models import Membership, Role, User
    from giaoban.core.permissions import forget_scope

    _, notice = make_briefing(cast, issue=False)
    Membership.objects.create(user=cast.office_a, unit=cast.committee_a, role=Role.LEADER)
    forget_scope(cast.office_a)
    colleague = User.objects.create_user("colleague", password="x", full_name="Phan Thị Hà")
    Membership.objects.create(user=colleague, unit=cast.office_unit_a, role=Role.OFFICE)
    ns.submit_notice(notice=notice, user=colleague)
    approval = notice.approvals.get()
    assert approval.requester_ids() == {colleague.pk, cast.office_a.pk}
    assert not may_decide(cast.office_a, approval) and may_decide(cast.leader_a, approval)
    with pytest.raises(PermissionDenied):
        ns.approve_notice(notice=notice, user=cast.office_a)
    with pytest.raises(PermissionDenied):
        ns.return_notice(notice=notice, user=cast.office_a, reason="Tự trả")
    assert notice.approvals.get().decision == Decision.PENDING
    # rows written around the service are found by the data check
    NoticeApproval.objects.filter(pk=approval.pk).update(
        decision=Decision.APPROVED, decided_by=cast.office_a
    )
    assert self_decided() == {"meetings.NoticeApproval": 1}


def test_each_request_for_approval_is_kept_with_its_answer(cast):
    """Submitted, returned, submitted again, approved: two decision records, newest first."""
    _, notice = make_briefing(cast, issue=False)
    ns.submit_notice(notice=notice, user=cast.office_a)
    with pytest.raises(ValidationError, match="already awaiting"):
        NoticeApproval(
            notice=notice, requested_by=cast.office_a, requested_at=notice.created_at
        ).full_clean()
    ns.return_notice(notice=notice, user=cast.leader_a, reason="Bổ sung thời hạn")
    ns.submit_notice(notice=notice, user=cast.office_a)
    ns.approve_notice(notice=notice, user=cast.leader_a)
    rows = list(notice.approvals.values_list("decision", "decided_by", "decision_reason"))
    assert rows == [
        (Decision.APPROVED, cast.leader_a.pk, ""),
        (Decision.REJECTED, cast.leader_a.pk, "Bổ sung thời hạn"),
    ]
    returned = [e for e in audit_for(notice) if e.action == "meetings.notice.returned"]
    assert returned[0].data["reason"] == "Bổ sung thời hạn"
    with pytest.raises(ValidationError, match="not awaiting"):
        ns.approve_notice(notice=notice, user=cast.leader_a)


def test_issue_needs_approval_and_an_issued_notice_is_locked(cast):
    _, notice = make_briefing(cast, issue=False)
    with pytest.raises(ValidationError, match="approve"):
        ns.issue_notice(
            notice=notice, user=cast.office_a, number="13-TB/TU", doc_date=date(2026, 1, 25)
        )
    ns.submit_notice(notice=notice, user=cast.office_a)
    with pytest.raises(ValidationError, match="returned to draft"):
        ns.update_notice(notice=notice, user=cast.office_a, fields={"title": "khác"})
    ns.approve_notice(notice=notice, user=cast.leader_a)
    ns.issue_notice(
        notice=notice, user=cast.office_a, number="13-TB/TU", doc_date=date(2026, 1, 25)
    )
    with pytest.raises(ValidationError, match="supplementary"):
        ns.update_notice(notice=notice, user=cast.office_a, fields={"title": "khác"})
    with pytest.raises(ValidationError, match="already been issued"):
        ns.issue_notice(notice=notice, user=cast.office_a)


def test_returned_notice_goes_back_to_draft_with_the_reason(cast):
    _, notice = make_briefing(cast, issue=False)
    ns.submit_notice(notice=notice, user=cast.office_a)
    with pytest.raises(ValidationError):
        ns.return_notice(notice=notice, user=cast.leader_a, reason=" ")
    ns.return_notice(notice=notice, user=cast.leader_a, reason="Bổ sung thời hạn mục 2")
    notice.refresh_from_db()
    approval = notice.last_approval
    assert notice.state == NoticeState.DRAFT and approval.returned
    assert (approval.decision_reason, approval.decided_by) == (
        "Bổ sung thời hạn mục 2",
        cast.leader_a,
    )
    ns.update_notice(
        notice=notice, user=cast.office_a, fields={"closing": "Đề nghị các đơn vị thực hiện."}
    )


def test_number_is_unique_per_committee_and_year(cast):
    make_briefing(cast, number="12-TB/TU")
    _, draft = _draft(cast)
    ns.submit_notice(notice=draft, user=cast.office_a)
    ns.approve_notice(notice=draft, user=cast.leader_a)
    before = Task.objects.count()
    with pytest.raises(ValidationError) as exc:
        ns.issue_notice(
            notice=draft, user=cast.office_a, number="12-TB/TU", doc_date=date(2026, 2, 1)
        )
    assert "12-TB/TU" in str(exc.value) and "2026" in str(exc.value)
    assert (
        Task.objects.count() == before
        and Notice.objects.get(pk=draft.pk).state == NoticeState.APPROVED
    )
    # numbering restarts each year: the other committee and another year may use it
    ns.issue_notice(
        notice=draft, user=cast.office_a, number="12-TB/TU", doc_date=date(2025, 12, 30)
    )


def _draft(cast, items=None):
    return None, ns.create_notice(
        committee=cast.committee_a,
        user=cast.office_a,
        title="kết luận tại buổi làm việc",
        issuer="TỈNH ỦY",
        signing_formula="T/M THƯỜNG TRỰC TỈNH ỦY",
        items=items
        if items is not None
        else [
            ns.ItemSpec(
                number=1,
                text="Báo cáo kết quả",
                tasks=[ns.TaskSpec(text="Báo cáo kết quả", lead_units=[cast.board_a2])],
            )
        ],
    )


def test_bad_drafts_are_refused_with_clear_messages(cast):
    _, empty = _draft(cast, items=[])
    with pytest.raises(ValidationError, match="no items"):
        ns.submit_notice(notice=empty, user=cast.office_a)
    _, bare = _draft(
        cast,
        items=[
            ns.ItemSpec(number=1, text="Chỉ đạo chung"),
            ns.ItemSpec(number=2, text="Ghi nhận", no_task=True),
        ],
    )
    with pytest.raises(ValidationError, match="Items 1 give no task"):
        ns.submit_notice(notice=bare, user=cast.office_a)
    with pytest.raises(ValidationError, match="same number"):
        _draft(
            cast,
            items=[
                ns.ItemSpec(number=1, text="a", no_task=True),
                ns.ItemSpec(number=1, text="b", no_task=True),
            ],
        )
    with pytest.raises(ValidationError, match="Unknown unit"):
        _draft(
            cast,
            items=[
                ns.ItemSpec(
                    number=1, text="a", tasks=[ns.TaskSpec(text="a", lead_units=[cast.board_b])]
                )
            ],
        )
    with pytest.raises(ValidationError, match="123-TB/TU"):
        ns.create_notice(
            committee=cast.committee_a,
            user=cast.office_a,
            title="t",
            issuer="TỈNH ỦY",
            signing_formula="x",
            number="số mười",
            doc_date=date(2026, 1, 2),
        )
    with pytest.raises(PermissionDenied):
        _draft_as(cast, cast.office_b)


def _draft_as(cast, user):
    return ns.create_notice(
        committee=cast.committee_a, user=user, title="t", issuer="TỈNH ỦY", signing_formula="x"
    )


def test_an_existing_task_can_be_linked_to_an_item(cast):
    _, draft = _draft(
        cast,
        items=[
            ns.ItemSpec(number=1, text="Kế hoạch tuyên giáo", tasks=[ns.TaskSpec(task=cast.task_a)])
        ],
    )
    ns.submit_notice(notice=draft, user=cast.office_a)
    ns.approve_notice(notice=draft, user=cast.leader_a)
    ns.issue_notice(notice=draft, user=cast.office_a, number="20-TB/TU", doc_date=date(2026, 1, 2))
    link = ItemTask.objects.get(item__notice=draft)
    assert link.task == cast.task_a and Task.objects.count() == 2  # no new task was made


def test_supplementary_notice_points_to_the_issued_one(cast):
    _, notice = make_briefing(cast)
    _, draft = _draft(cast)
    with pytest.raises(ValidationError, match="issued notice"):
        ns.create_notice(
            committee=cast.committee_a,
            user=cast.office_a,
            title="bổ sung",
            issuer="TỈNH ỦY",
            signing_formula="x",
            supplements=draft,
        )
    sup = ns.create_notice(
        committee=cast.committee_a,
        user=cast.office_a,
        title="bổ sung",
        issuer="TỈNH ỦY",
        signing_formula="x",
        supplements=notice,
    )
    assert list(notice.supplementary.all()) == [sup]


def test_units_must_exist_on_the_notices_date_said_plainly(cast):
    """A backlog notice dated before a reform: its tasks count from its date, so its units must
    exist then — the message names the units and the dates, not 'choose a unit'."""
    from giaoban.core.tests.support import row_counts
    from giaoban.org.models import Unit

    _, notice = make_briefing(cast, issue=False)
    Unit.objects.filter(parent=cast.committee_a, valid_to__isnull=True).update(
        valid_from=date(2025, 7, 1)
    )
    Unit.objects.filter(pk=cast.closed_a.pk).update(valid_from=date(2025, 1, 1))
    Notice.objects.filter(pk=notice.pk).update(doc_date=date(2024, 6, 25))
    notice.refresh_from_db()
    before = row_counts()
    with pytest.raises(ValidationError) as exc:
        ns.submit_notice(notice=notice, user=cast.office_a)
    text = " ".join(exc.value.messages)
    assert "Item 1" in text and "25/06/2024" in text and "Ban Tổ chức Tỉnh ủy Alpha" in text
    assert "from 01/07/2025" in text
    assert "Item 2" in text and "no unit yet" in text
    assert row_counts() == before
    Notice.objects.filter(pk=notice.pk).update(doc_date=date(2025, 7, 2))
    notice.refresh_from_db()
    ns.submit_notice(notice=notice, user=cast.office_a)  # dated after the reform: fine
    assert Notice.objects.get(pk=notice.pk).state == NoticeState.SUBMITTED


def test_the_office_takes_an_approved_notice_back_to_draft_with_a_reason(cast):
    _, notice = make_briefing(cast, issue=False)
    ns.submit_notice(notice=notice, user=cast.office_a)
    ns.approve_notice(notice=notice, user=cast.leader_a)
    with pytest.raises(ValidationError):
        ns.withdraw_notice(notice=notice, user=cast.office_a, reason=" ")
    with pytest.raises(PermissionDenied):
        ns.withdraw_notice(notice=notice, user=cast.unit_a, reason="Sửa ngày")
    ns.withdraw_notice(notice=notice, user=cast.office_a, reason="Sửa ngày của thông báo")
    notice.refresh_from_db()
    assert notice.state == NoticeState.DRAFT
    entry = audit_for(notice)[-1]
    assert (entry.action, entry.data["reason"]) == (
        "meetings.notice.withdrawn",
        "Sửa ngày của thông báo",
    )
    with pytest.raises(ValidationError):  # only an approved one
        ns.withdraw_notice(notice=notice, user=cast.office_a, reason="x")
    ns.submit_notice(notice=notice, user=cast.office_a)  # and it goes round again
    ns.approve_notice(notice=notice, user=cast.leader_a)
    assert Notice.objects.get(pk=notice.pk).state == NoticeState.APPROVED
