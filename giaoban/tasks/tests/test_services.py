"""Every write service of tasks: the happy path, then the database, then the audit entry;
then each rule that refuses an act, with nothing half-saved."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from giaoban.accounts.models import Membership, Role
from giaoban.core.audit import snapshot
from giaoban.core.models import AuditEntry
from giaoban.core.permissions import forget_scope
from giaoban.core.tests.support import TODAY, audit_for, frozen, row_counts  # noqa: F401
from giaoban.tasks import services
from giaoban.tasks.models import (
    Assignment,
    AssignmentRole,
    AssignmentState,
    CompletionClaim,
    Decision,
    ExtensionRequest,
    ProgressUpdate,
    Task,
)
from giaoban.tasks.status import StatusClass, status_case

pytestmark = pytest.mark.usefixtures("frozen", "english")
D = timedelta(days=1)


@pytest.fixture
def english():
    """Messages are checked against their English msgids (Vietnamese is checked on the pages)."""
    with translation.override("en"):
        yield


def _pdf(name: str = "bao-cao.pdf", size: int = 100) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF" + b"x" * (size - 4), content_type="application/pdf")


def _status(assignment: Assignment, ref: date = TODAY) -> str:
    return (
        Assignment.objects.annotate(status=status_case(ref, today=TODAY))
        .get(pk=assignment.pk)
        .status
    )


def _new_task(cast, **kw) -> Task:
    args = dict(
        committee=cast.committee_a,
        doc_number="95-TB/TU",
        doc_date=date(2026, 3, 2),
        item_number="2",
        text="Tổng kết 5 năm thực hiện Chỉ thị 05-CT/TW",
        deadline=date(2026, 6, 30),
        created_by=cast.office_a,
    )
    args.update(kw)
    return services.create_task(**args)


def _claim(cast, assignment=None, **kw) -> CompletionClaim:
    args = dict(
        assignment=assignment or cast.asg_a,
        user=cast.unit_a,
        completed_on=TODAY - D,
        evidence_number="335-BC/ĐU",
        evidence_date=TODAY - D,
    )
    args.update(kw)
    return services.claim_completion(**args)


def _extension(cast, new_deadline: date | None = None, **kw) -> ExtensionRequest:
    a = kw.pop("assignment", None) or cast.asg_a
    return services.request_extension(
        assignment=a,
        user=kw.pop("user", cast.unit_a),
        new_deadline=new_deadline or a.deadline + 30 * D,
        reason=kw.pop("reason", "Chờ ý kiến các sở, ngành"),
    )


def _overdue(cast) -> Assignment:
    """Make cast.asg_a overdue today: its deadline (and original deadline) was last week."""
    Assignment.objects.filter(pk=cast.asg_a.pk).update(
        deadline=TODAY - 7 * D, original_deadline=TODAY - 7 * D
    )
    return cast.asg_a


def _user_with_both_roles(cast):
    """office_a who also works for Ban Tổ chức A: may request and may decide, never both on one request."""
    Membership.objects.create(user=cast.office_a, unit=cast.board_a, role=Role.UNIT)
    forget_scope(cast.office_a)
    return cast.office_a


# -- create_task -------------------------------------------------------------


def test_create_task_fans_out_lead_and_coordinating(cast):
    task = _new_task(
        cast,
        lead_units=[cast.board_a],
        coordinating_units=[cast.board_a2, cast.commune_a],
        directed_by=cast.leader_a,
        directed_by_name="Phó Bí thư Thường trực",
    )

    task.refresh_from_db()
    assert (task.doc_year, task.created_on, task.created_by, task.committee) == (
        2026,
        TODAY,
        cast.office_a,
        cast.committee_a,
    )
    assert "tong ket 5 nam" in task.search_folded and "pho bi thu" in task.search_folded
    rows = {
        a.unit: (a.role, a.state, a.deadline, a.original_deadline, a.extension_count)
        for a in task.assignments.all()
    }
    assert rows == {
        cast.board_a: ("lead", "open", date(2026, 6, 30), date(2026, 6, 30), 0),
        cast.board_a2: ("coordinating", "open", date(2026, 6, 30), date(2026, 6, 30), 0),
        cast.commune_a: ("coordinating", "open", date(2026, 6, 30), date(2026, 6, 30), 0),
    }

    [entry] = audit_for(task)
    assert (entry.action, entry.actor, entry.unit, entry.before) == (
        "tasks.task.created",
        cast.office_a,
        cast.committee_a,
        None,
    )
    assert entry.data["doc_number"] == "95-TB/TU" and entry.data["deadline"] == "2026-06-30"
    assert sorted((u["unit"], u["role"]) for u in entry.data["units"]) == sorted(
        [
            (cast.board_a.pk, "lead"),
            (cast.board_a2.pk, "coordinating"),
            (cast.commune_a.pk, "coordinating"),
        ]
    )


def test_create_task_unit_named_lead_and_coordinating_is_lead_once(cast):
    task = _new_task(
        cast, lead_units=[cast.board_a, cast.board_a], coordinating_units=[cast.board_a]
    )
    assert list(task.assignments.values_list("unit", "role")) == [(cast.board_a.pk, "lead")]


def test_all_units_means_the_active_units_only(cast):
    task = _new_task(cast, all_units=True, coordinating_units=[cast.board_a2])

    roles = dict(task.assignments.values_list("unit", "role"))
    assert cast.closed_a.pk not in roles, "a unit closed on 30/06/2025 gets no new task"
    assert cast.committee_a.pk not in roles and cast.board_b.pk not in roles
    assert roles == {
        cast.office_unit_a.pk: AssignmentRole.LEAD,
        cast.board_a.pk: AssignmentRole.LEAD,
        cast.board_a2.pk: AssignmentRole.COORDINATING,  # named coordinating stays coordinating
        cast.commune_a.pk: AssignmentRole.LEAD,
    }
    [entry] = audit_for(task)
    assert len(entry.data["units"]) == 4


def test_all_units_as_of_an_older_creation_day_includes_the_then_active_unit(cast):
    task = _new_task(
        cast,
        doc_number="7-TB/TU",
        doc_date=date(2025, 3, 1),
        deadline=date(2025, 12, 31),
        created_on=date(2025, 3, 5),
        all_units=True,
    )
    assert task.assignments.filter(unit=cast.closed_a).exists()


def test_closed_unit_named_explicitly_is_rejected(cast):
    before = row_counts()
    with pytest.raises(ValidationError) as exc:
        _new_task(cast, lead_units=[cast.board_a, cast.closed_a])
    assert "units" in exc.value.message_dict
    assert "Ban Cũ" in " ".join(exc.value.message_dict["units"])
    assert row_counts() == before


def test_unit_of_another_committee_is_rejected(cast):
    before = row_counts()
    with pytest.raises(ValidationError) as exc:
        _new_task(cast, lead_units=[cast.board_a], coordinating_units=[cast.board_b])
    assert exc.value.message_dict["units"] == [
        "Unknown unit for this committee: Ban Tổ chức Tỉnh ủy Beta."
    ]
    assert row_counts() == before


@pytest.mark.parametrize(
    "kw,field",
    [
        (dict(deadline=date(2026, 3, 1)), "deadline"),  # before the document date (02/03/2026)
        (dict(doc_date=TODAY + D, deadline=None), "doc_date"),  # document from the future
        (dict(lead_units=[]), "units"),  # nobody to carry it
    ],
)
def test_create_task_bad_input_saves_nothing(cast, kw, field):
    kw.setdefault("lead_units", [cast.board_a])
    before = row_counts()
    with pytest.raises(ValidationError) as exc:
        _new_task(cast, **kw)
    assert field in exc.value.message_dict
    assert row_counts() == before


def test_deadline_before_document_date_message(cast):
    with pytest.raises(ValidationError) as exc:
        _new_task(cast, lead_units=[cast.board_a], deadline=date(2026, 3, 1))
    assert "The deadline cannot be before the document date." in exc.value.message_dict["deadline"]


def test_duplicate_item_is_rejected_but_numbering_restarts_each_year(cast):
    _new_task(cast, lead_units=[cast.board_a])
    before = row_counts()
    with pytest.raises(ValidationError) as exc:
        _new_task(cast, lead_units=[cast.board_a2], text="Khác")
    assert exc.value.message_dict == {
        "item_number": ["This item of this document has already been entered."]
    }
    assert row_counts() == before
    # the same number and item in 2025 is another document; the same item in Beta another committee
    _new_task(cast, doc_date=date(2025, 3, 2), deadline=None, lead_units=[cast.board_a])
    _new_task(cast, committee=cast.committee_b, created_by=cast.office_b, lead_units=[cast.board_b])
    assert Task.objects.filter(doc_number="95-TB/TU", item_number="2").count() == 3


def test_standing_task_has_no_deadline(cast):
    task = _new_task(cast, deadline=None, lead_units=[cast.board_a])
    a = task.assignments.get()
    assert (a.deadline, a.original_deadline) == (None, None)
    assert _status(a) == StatusClass.STANDING


@pytest.mark.parametrize("who", ["unit_a", "leader_a", "office_b", "admin"])
def test_only_the_committee_office_creates_tasks(cast, who):
    before = row_counts()
    with pytest.raises(PermissionDenied):
        _new_task(cast, created_by=getattr(cast, who), lead_units=[cast.board_a])
    assert row_counts() == before


# -- add_progress -------------------------------------------------------------


def test_add_progress(cast):
    update = services.add_progress(
        assignment=cast.asg_a,
        user=cast.unit_a,
        text="  Đã xây dựng dự thảo  ",
        percent=40,
        attachment=_pdf(),
    )

    update.refresh_from_db()
    assert (update.text, update.percent, update.author) == ("Đã xây dựng dự thảo", 40, cast.unit_a)
    assert update.attachment.name.endswith(".pdf")
    assert Assignment.objects.get(pk=cast.asg_a.pk).progress_percent == 40
    [entry] = audit_for(cast.asg_a)
    assert (entry.action, entry.actor, entry.unit) == (
        "tasks.assignment.progress",
        cast.unit_a,
        cast.board_a,
    )
    assert entry.before == {"progress_percent": 0}
    assert entry.data == {
        "text": "Đã xây dựng dự thảo",
        "percent": 40,
        "attachment": update.attachment.name,
        "progress_update": update.pk,
    }


def test_progress_without_percent_keeps_the_percent(cast):
    Assignment.objects.filter(pk=cast.asg_a.pk).update(progress_percent=30)
    services.add_progress(assignment=cast.asg_a, user=cast.unit_a, text="Đang lấy ý kiến")
    assert Assignment.objects.get(pk=cast.asg_a.pk).progress_percent == 30


@pytest.mark.parametrize("name", ["virus.exe", "script.sh", "noextension", "page.html"])
def test_attachment_type_is_checked(cast, name):
    before = row_counts()
    with pytest.raises(ValidationError) as exc:
        services.add_progress(
            assignment=cast.asg_a, user=cast.unit_a, text="x", attachment=_pdf(name)
        )
    assert "attachment" in exc.value.message_dict
    assert row_counts() == before


def test_attachment_size_is_checked(cast, settings):
    settings.GIAOBAN_MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024
    before = row_counts()
    with pytest.raises(ValidationError) as exc:
        services.add_progress(
            assignment=cast.asg_a,
            user=cast.unit_a,
            text="x",
            attachment=_pdf(size=2 * 1024 * 1024 + 1),
        )
    assert exc.value.message_dict["attachment"] == ["The file is larger than 2 MB."]
    assert row_counts() == before
    # exactly the limit, upper-case extension: accepted
    services.add_progress(
        assignment=cast.asg_a,
        user=cast.unit_a,
        text="x",
        attachment=_pdf("BAO-CAO.PDF", size=2 * 1024 * 1024),
    )
    assert ProgressUpdate.objects.count() == 1


@pytest.mark.parametrize("percent", [-1, 101])
def test_progress_percent_range(cast, percent):
    before = row_counts()
    with pytest.raises(ValidationError):
        services.add_progress(assignment=cast.asg_a, user=cast.unit_a, text="x", percent=percent)
    assert row_counts() == before


@pytest.mark.parametrize("who", ["unit_a2", "office_a", "leader_a", "unit_b", "admin"])
def test_progress_only_by_the_unit(cast, who):
    with pytest.raises(PermissionDenied):
        services.add_progress(assignment=cast.asg_a, user=getattr(cast, who), text="x")
    assert ProgressUpdate.objects.count() == 0


# -- claim_completion ---------------------------------------------------------


def test_claim_with_output_document(cast):
    claim = _claim(cast, note="Đã ban hành")

    claim.refresh_from_db()
    assert (claim.decision, claim.claimed_by, claim.completed_on) == (
        Decision.PENDING,
        cast.unit_a,
        TODAY - D,
    )
    assert claim.evidence_label == "Số 335-BC/ĐU ngày 15/03/2026"
    a = Assignment.objects.get(pk=cast.asg_a.pk)
    assert a.state == AssignmentState.CLAIMED and a.completed_on is None, (
        "not done until the office confirms"
    )
    [entry] = audit_for(a)
    assert (entry.action, entry.actor) == ("tasks.assignment.claimed", cast.unit_a)
    assert entry.before["state"] == "open"
    assert entry.data == {
        "claim": claim.pk,
        "completed_on": "2026-03-15",
        "evidence": "Số 335-BC/ĐU ngày 15/03/2026",
        "attachment": None,
        "note": "Đã ban hành",
    }


def test_claim_with_a_file_only(cast):
    claim = _claim(cast, evidence_number="", evidence_date=None, attachment=_pdf())
    assert claim.attachment.name.endswith(".pdf") and claim.evidence_label == ""
    assert audit_for(cast.asg_a)[0].data["attachment"] == claim.attachment.name


@pytest.mark.parametrize(
    "kw,field",
    [
        (dict(evidence_number="", evidence_date=None), "evidence_number"),  # no evidence at all
        (
            dict(evidence_number="  ", evidence_date=TODAY),
            "evidence_number",
        ),  # a date without a number
        (dict(completed_on=TODAY + D), "completed_on"),  # done tomorrow?
        (dict(completed_on=date(2025, 12, 31)), "completed_on"),  # before the task was given
        (dict(evidence_date=TODAY + D), "evidence_date"),
        (dict(evidence_date=date(2025, 12, 31)), "evidence_date"),  # older than the task
        (dict(evidence_number="3-BC/BTC ngày 31/12/2025", evidence_date=None), "evidence_number"),
    ],
)
def test_claim_needs_evidence_and_sane_dates(cast, kw, field):
    before = row_counts()
    with pytest.raises(ValidationError) as exc:
        _claim(cast, **kw)
    assert field in exc.value.message_dict
    assert row_counts() == before
    assert Assignment.objects.get(pk=cast.asg_a.pk).state == AssignmentState.OPEN


def test_claim_on_cancelled_assignment_rejected(cast):
    services.cancel_assignment(assignment=cast.asg_a, user=cast.office_a, reason="Điều chỉnh")
    before = row_counts()
    with pytest.raises(ValidationError) as exc:
        _claim(cast)
    assert exc.value.messages == ["This assignment has been cancelled."]
    assert row_counts() == before


def test_second_claim_while_one_is_pending_rejected(cast):
    _claim(cast)
    before = row_counts()
    with pytest.raises(ValidationError):
        _claim(cast)
    assert row_counts() == before


@pytest.mark.parametrize("who", ["unit_a2", "office_a", "leader_a", "unit_b", "admin"])
def test_claim_only_by_the_unit(cast, who):
    with pytest.raises(PermissionDenied):
        _claim(cast, user=getattr(cast, who))
    assert CompletionClaim.objects.count() == 0


# -- confirm / return -----------------------------------------------------------


def test_confirm_completion(cast):
    claim = _claim(cast)
    a = services.confirm_completion(assignment=cast.asg_a, user=cast.office_a)

    a.refresh_from_db()
    claim.refresh_from_db()
    assert (a.state, a.completed_on, a.confirmed_by, a.progress_percent) == (
        "done",
        TODAY - D,
        cast.office_a,
        100,
    )
    assert a.confirmed_at is not None
    assert (claim.decision, claim.decided_by) == (Decision.APPROVED, cast.office_a)
    assert _status(a) == StatusClass.DONE_ON_TIME
    entry = audit_for(a)[-1]
    assert (entry.action, entry.actor, entry.unit) == (
        "tasks.assignment.confirmed",
        cast.office_a,
        cast.board_a,
    )
    assert (entry.before["state"], entry.before["completed_on"]) == ("claimed", None)
    assert (entry.data["state"], entry.data["completed_on"], entry.data["claim"]) == (
        "done",
        "2026-03-15",
        claim.pk,
    )


def test_confirm_after_the_deadline_is_done_late(cast):
    _overdue(cast)
    _claim(cast)
    services.confirm_completion(assignment=cast.asg_a, user=cast.office_a)
    assert _status(cast.asg_a) == StatusClass.DONE_LATE


def test_confirm_without_a_claim_rejected(cast):
    before = row_counts()
    with pytest.raises(ValidationError) as exc:
        services.confirm_completion(assignment=cast.asg_a, user=cast.office_a)
    assert exc.value.messages == ["There is no completion claim awaiting a decision."]
    assert row_counts() == before


@pytest.mark.parametrize("who", ["unit_a", "leader_a", "office_b", "admin"])
def test_confirm_only_by_the_office(cast, who):
    _claim(cast)
    with pytest.raises(PermissionDenied):
        services.confirm_completion(assignment=cast.asg_a, user=getattr(cast, who))
    assert Assignment.objects.get(pk=cast.asg_a.pk).state == AssignmentState.CLAIMED


def test_return_completion(cast):
    claim = _claim(cast)
    services.return_completion(
        assignment=cast.asg_a, user=cast.office_a, reason="  Chưa có văn bản kèm theo "
    )

    claim.refresh_from_db()
    assert (claim.decision, claim.decision_reason, claim.decided_by) == (
        Decision.REJECTED,
        "Chưa có văn bản kèm theo",
        cast.office_a,
    )
    assert Assignment.objects.get(pk=cast.asg_a.pk).state == AssignmentState.OPEN
    entry = audit_for(cast.asg_a)[-1]
    assert (entry.action, entry.actor, entry.before["state"]) == (
        "tasks.assignment.returned",
        cast.office_a,
        "claimed",
    )
    assert entry.data == {"state": "open", "claim": claim.pk, "reason": "Chưa có văn bản kèm theo"}
    # the unit may claim again
    _claim(cast)
    assert CompletionClaim.objects.filter(decision=Decision.PENDING).count() == 1


def test_return_needs_a_reason(cast):
    _claim(cast)
    before = row_counts()
    with pytest.raises(ValidationError) as exc:
        services.return_completion(assignment=cast.asg_a, user=cast.office_a, reason="   ")
    assert "reason" in exc.value.message_dict
    assert row_counts() == before
    assert Assignment.objects.get(pk=cast.asg_a.pk).state == AssignmentState.CLAIMED
    assert CompletionClaim.objects.get().decision == Decision.PENDING


# -- extensions -----------------------------------------------------------------


def test_request_extension(cast):
    req = _extension(cast, new_deadline=date(2028, 3, 31))

    req.refresh_from_db()
    assert (req.old_deadline, req.new_deadline, req.decision, req.requested_by) == (
        date(2027, 12, 31),
        date(2028, 3, 31),
        Decision.PENDING,
        cast.unit_a,
    )
    assert Assignment.objects.get(pk=cast.asg_a.pk).deadline == date(2027, 12, 31), (
        "unchanged until approved"
    )
    [entry] = audit_for(cast.asg_a)
    assert (entry.action, entry.actor) == ("tasks.assignment.extension_requested", cast.unit_a)
    assert entry.before["deadline"] == "2027-12-31"
    assert entry.data == {
        "request": req.pk,
        "old_deadline": "2027-12-31",
        "new_deadline": "2028-03-31",
        "reason": "Chờ ý kiến các sở, ngành",
    }


@pytest.mark.parametrize(
    "kw,field",
    [
        (dict(new_deadline=date(2027, 12, 31)), "new_deadline"),  # not after the current one
        (dict(new_deadline=date(2027, 6, 30)), "new_deadline"),  # earlier than the current one
        (dict(reason=" "), "reason"),
    ],
)
def test_request_extension_bad_input(cast, kw, field):
    before = row_counts()
    with pytest.raises(ValidationError) as exc:
        _extension(cast, **kw)
    assert field in exc.value.message_dict
    assert row_counts() == before


def test_extension_to_a_past_day_rejected(cast):
    _overdue(cast)
    with pytest.raises(ValidationError) as exc:
        _extension(cast, new_deadline=TODAY - D)
    assert "The new deadline cannot be in the past." in exc.value.message_dict["new_deadline"]


def test_extension_of_a_standing_task_rejected(cast):
    task = _new_task(cast, deadline=None, lead_units=[cast.board_a])
    with pytest.raises(ValidationError) as exc:
        _extension(cast, assignment=task.assignments.get(), new_deadline=TODAY + 9 * D)
    assert exc.value.message_dict["new_deadline"] == ["A standing task has no deadline to extend."]


def test_one_pending_extension_at_a_time(cast):
    _extension(cast)
    before = row_counts()
    with pytest.raises(ValidationError):
        _extension(cast, new_deadline=date(2029, 1, 1))
    assert row_counts() == before


def test_extension_on_a_confirmed_assignment_rejected(cast):
    _claim(cast)
    services.confirm_completion(assignment=cast.asg_a, user=cast.office_a)
    before = row_counts()
    with pytest.raises(ValidationError) as exc:
        _extension(cast)
    assert exc.value.message_dict == {
        "new_deadline": ["This assignment has already been confirmed as done."]
    }
    assert row_counts() == before


def test_approved_extension_moves_the_deadline_and_the_status(cast):
    a = _overdue(cast)
    assert _status(a) == StatusClass.OPEN_OVERDUE
    req = _extension(cast, new_deadline=TODAY + 30 * D)
    services.decide_extension(request=req, user=cast.office_a, approve=True, reason="Đồng ý")

    a.refresh_from_db()
    req.refresh_from_db()
    assert (a.deadline, a.original_deadline, a.extension_count) == (
        TODAY + 30 * D,
        TODAY - 7 * D,
        1,
    )
    assert (req.decision, req.decided_by, req.decision_reason) == (
        Decision.APPROVED,
        cast.office_a,
        "Đồng ý",
    )
    assert _status(a) == StatusClass.OPEN_IN_TIME, "the status class follows the deadline in force"
    entry = audit_for(a)[-1]
    assert (entry.action, entry.actor) == ("tasks.assignment.extension_approved", cast.office_a)
    assert (entry.before["deadline"], entry.before["extension_count"]) == ("2026-03-09", 0)
    assert entry.data == {"request": req.pk, "deadline": "2026-04-15", "reason": "Đồng ý"}

    # a second extension: the count grows, the original deadline stays
    req2 = _extension(cast, new_deadline=TODAY + 60 * D)
    services.decide_extension(request=req2, user=cast.office_a, approve=True)
    a.refresh_from_db()
    assert (a.deadline, a.original_deadline, a.extension_count) == (
        TODAY + 60 * D,
        TODAY - 7 * D,
        2,
    )


def test_rejected_extension_keeps_the_deadline_and_needs_a_reason(cast):
    req = _extension(cast)
    before = row_counts()
    with pytest.raises(ValidationError):
        services.decide_extension(request=req, user=cast.office_a, approve=False, reason="")
    assert row_counts() == before
    services.decide_extension(
        request=req, user=cast.office_a, approve=False, reason="Không có căn cứ"
    )
    a = Assignment.objects.get(pk=cast.asg_a.pk)
    assert (a.deadline, a.extension_count) == (date(2027, 12, 31), 0)
    assert ExtensionRequest.objects.get().decision == Decision.REJECTED
    assert audit_for(a)[-1].action == "tasks.assignment.extension_rejected"


def test_the_requester_may_not_approve_their_own_extension(cast):
    both = _user_with_both_roles(cast)
    req = _extension(cast, user=both)
    before = row_counts()
    with pytest.raises(PermissionDenied):
        services.decide_extension(request=req, user=both, approve=True)
    assert row_counts() == before
    assert ExtensionRequest.objects.get().decision == Decision.PENDING
    # another office member may
    services.decide_extension(request=req, user=_second_office_user(cast), approve=True)
    assert ExtensionRequest.objects.get().decision == Decision.APPROVED


def _second_office_user(cast):
    from giaoban.accounts.models import User

    u = User.objects.create(username="office_a2")
    Membership.objects.create(user=u, unit=cast.office_unit_a, role=Role.OFFICE)
    return u


def test_extension_decided_twice_rejected(cast):
    req = _extension(cast)
    services.decide_extension(request=req, user=cast.office_a, approve=True)
    with pytest.raises(ValidationError) as exc:
        services.decide_extension(request=req, user=cast.office_a, approve=True)
    assert exc.value.messages == ["This request has already been decided."]
    assert Assignment.objects.get(pk=cast.asg_a.pk).extension_count == 1


@pytest.mark.parametrize("who", ["unit_a", "leader_a", "office_b", "admin"])
def test_extension_decided_only_by_the_office(cast, who):
    req = _extension(cast)
    with pytest.raises(PermissionDenied):
        services.decide_extension(request=req, user=getattr(cast, who), approve=True)
    assert ExtensionRequest.objects.get().decision == Decision.PENDING


# -- cancel ------------------------------------------------------------------------


def test_cancel_assignment_with_reason(cast):
    claim = _claim(cast)
    req = _extension(cast)
    before_fields = snapshot(Assignment.objects.get(pk=cast.asg_a.pk), services.ASSIGNMENT_FIELDS)
    services.cancel_assignment(
        assignment=cast.asg_a, user=cast.office_a, reason=" Đã điều chỉnh tại 98-TB/TU "
    )

    a = Assignment.objects.get(pk=cast.asg_a.pk)
    assert (a.state, a.cancelled_on, a.cancel_reason) == (
        "cancelled",
        TODAY,
        "Đã điều chỉnh tại 98-TB/TU",
    )
    assert _status(a) == StatusClass.CANCELLED
    # what was pending dies with the assignment
    claim.refresh_from_db()
    req.refresh_from_db()
    assert claim.decision == req.decision == Decision.REJECTED
    entry = audit_for(a)[-1]
    assert (entry.action, entry.actor) == ("tasks.assignment.cancelled", cast.office_a)
    assert entry.before == before_fields
    assert (entry.data["state"], entry.data["cancel_reason"]) == (
        "cancelled",
        "Đã điều chỉnh tại 98-TB/TU",
    )
    # the coordinating unit's assignment of the same task is untouched
    assert cast.assignment(cast.task_a, cast.board_a2).state == AssignmentState.OPEN


def test_cancel_needs_a_reason_and_an_open_assignment(cast):
    before = row_counts()
    with pytest.raises(ValidationError) as exc:
        services.cancel_assignment(assignment=cast.asg_a, user=cast.office_a, reason="")
    assert "reason" in exc.value.message_dict
    assert row_counts() == before
    services.cancel_assignment(assignment=cast.asg_a, user=cast.office_a, reason="Điều chỉnh")
    with pytest.raises(ValidationError):
        services.cancel_assignment(assignment=cast.asg_a, user=cast.office_a, reason="Lần nữa")
    assert AuditEntry.objects.filter(action="tasks.assignment.cancelled").count() == 1


def test_cancel_a_confirmed_assignment_rejected(cast):
    _claim(cast)
    services.confirm_completion(assignment=cast.asg_a, user=cast.office_a)
    with pytest.raises(ValidationError):
        services.cancel_assignment(assignment=cast.asg_a, user=cast.office_a, reason="x")
    assert Assignment.objects.get(pk=cast.asg_a.pk).state == AssignmentState.DONE


@pytest.mark.parametrize("who", ["unit_a", "leader_a", "office_b", "admin"])
def test_cancel_only_by_the_office(cast, who):
    with pytest.raises(PermissionDenied):
        services.cancel_assignment(assignment=cast.asg_a, user=getattr(cast, who), reason="x")
    assert Assignment.objects.get(pk=cast.asg_a.pk).state == AssignmentState.OPEN


# -- atomicity ---------------------------------------------------------------------


def test_a_failure_after_the_first_write_rolls_everything_back(cast, monkeypatch):
    """The audit entry is written last: if it fails, the claim and the state change go too."""

    def broken(*args, **kwargs):
        raise ValidationError("audit log unavailable")

    monkeypatch.setattr(services, "log_action", broken)
    before = row_counts()
    with pytest.raises(ValidationError):
        _claim(cast)
    assert row_counts() == before
    assert Assignment.objects.get(pk=cast.asg_a.pk).state == AssignmentState.OPEN
    with pytest.raises(ValidationError):
        _new_task(cast, lead_units=[cast.board_a])
    assert row_counts() == before
