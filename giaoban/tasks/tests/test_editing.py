"""Corrections after entry (issue: tasks cannot be edited; older notices cannot be entered):
the services, then the pages; each asserts the response, the database and the audit entry."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from giaoban.core.tests.support import TODAY, audit_for, frozen, row_counts  # noqa: F401
from giaoban.tasks import editing, services
from giaoban.tasks.models import Assignment, AssignmentState, Task
from giaoban.tasks.status import StatusClass, status_case

pytestmark = pytest.mark.usefixtures("frozen", "english")
D = timedelta(days=1)


@pytest.fixture
def english():
    with translation.override("en"):
        yield


def _status(assignment: Assignment, ref: date = TODAY) -> str:
    return (
        Assignment.objects.annotate(status=status_case(ref, today=TODAY))
        .get(pk=assignment.pk)
        .status
    )


def _edit(cast, task=None, **kw) -> Task:
    task = task or cast.task_a
    args = dict(
        task=task,
        user=cast.office_a,
        doc_number=task.doc_number,
        doc_date=task.doc_date,
        item_number=task.item_number,
        text=task.text,
        deadline=task.deadline,
        directed_by=task.directed_by,
        directed_by_name=task.directed_by_name,
    )
    args.update(kw)
    return editing.edit_task(**args)


def _old_notice(cast, **kw) -> Task:
    """A notice of last month entered today, its deadline already past."""
    args = dict(
        committee=cast.committee_a,
        doc_number="88-TB/TU",
        doc_date=date(2026, 2, 2),
        item_number="1",
        text="Báo cáo sơ kết công tác dân vận tháng 2",
        deadline=date(2026, 2, 28),
        created_by=cast.office_a,
        lead_units=[cast.board_a, cast.board_a2],
    )
    args.update(kw)
    return services.create_task(**args)


# -- item 5: older notices ---------------------------------------------------------


def test_an_older_notice_with_a_past_deadline_is_entered_and_is_overdue(cast):
    task = _old_notice(cast)
    assert (task.doc_date, task.created_on) == (date(2026, 2, 2), TODAY)  # kept apart
    asg = task.assignments.get(unit=cast.board_a)
    assert _status(asg) == StatusClass.OPEN_OVERDUE


def test_an_older_notice_still_refuses_a_deadline_before_its_document_date(cast):
    with pytest.raises(ValidationError) as exc:
        _old_notice(cast, deadline=date(2026, 2, 1))
    assert exc.value.message_dict["deadline"] == [
        "The deadline cannot be before the document date."
    ]


def test_office_records_an_older_completion_with_its_real_date(cast):
    task = _old_notice(cast)
    asg = task.assignments.get(unit=cast.board_a)
    editing.record_completion(
        assignment=asg,
        user=cast.office_a,
        completed_on=date(2026, 2, 20),
        evidence_number="Báo cáo số 41-BC/BTG ngày 20/02/2026",
    )
    asg.refresh_from_db()
    assert (asg.state, asg.completed_on, asg.progress_percent) == ("done", date(2026, 2, 20), 100)
    assert _status(asg) == StatusClass.DONE_ON_TIME
    claim = asg.claims.get()
    assert (claim.decision, claim.evidence_number, claim.evidence_date) == (
        "approved",
        "41-BC/BTG",
        date(2026, 2, 20),
    )
    assert audit_for(asg)[-1].action == "tasks.assignment.completion_recorded"


def test_recording_a_completion_needs_evidence_and_the_office(cast):
    asg = _old_notice(cast).assignments.get(unit=cast.board_a)
    before = row_counts()
    with pytest.raises(ValidationError) as exc:
        editing.record_completion(assignment=asg, user=cast.office_a, completed_on=TODAY)
    assert "evidence_number" in exc.value.message_dict
    with pytest.raises(PermissionDenied):
        editing.record_completion(
            assignment=asg, user=cast.unit_a, completed_on=TODAY, evidence_number="1-BC/BTC"
        )
    assert row_counts() == before


@pytest.mark.parametrize("act", ["claim", "record"])
def test_claim_and_record_take_the_same_evidence_rule(cast, act):
    """One rule (services.check_evidence) for the unit's claim and the office's record: a dated
    document needs its number, and the number is stored cleaned (no invisible characters)."""
    asg = _old_notice(cast).assignments.get(unit=cast.board_a)
    call, user = (
        (services.claim_completion, cast.unit_a)
        if act == "claim"
        else (editing.record_completion, cast.office_a)
    )
    upload = SimpleUploadedFile("bc.pdf", b"%PDF-1.4 x", content_type="application/pdf")
    before = row_counts()
    with pytest.raises(ValidationError) as exc:
        call(
            assignment=asg,
            user=user,
            completed_on=date(2026, 2, 20),
            evidence_date=date(2026, 2, 20),
            attachment=upload,
        )
    assert exc.value.message_dict["evidence_number"] == [
        "Give the number of the document dated 20/02/2026."
    ]
    assert row_counts() == before
    call(
        assignment=asg,
        user=user,
        completed_on=date(2026, 2, 20),
        evidence_number="41-BC/BTG\u200b",
    )
    assert asg.claims.get().evidence_number == "41-BC/BTG"


# -- item 4: corrections -------------------------------------------------------------


def test_correcting_the_text_and_source_is_audited_with_before_and_after(cast):
    _edit(cast, text="Rà soát kế hoạch công tác năm", doc_number="Số 91-TB/TU", item_number="2")
    task = Task.objects.get(pk=cast.task_a.pk)
    assert (task.text, task.doc_number, task.item_number) == (
        "Rà soát kế hoạch công tác năm",
        "91-TB/TU",
        "2",
    )
    assert "ra soat ke hoach" in task.search_folded
    entry = audit_for(task)[-1]
    assert entry.action == "tasks.task.edited"
    assert entry.before == {
        "doc_number": "90-TB/TU",
        "item_number": "1",
        "text": "Rà soát, hoàn thiện kế hoạch công tác tuyên giáo năm",
    }
    assert entry.data["doc_number"] == "91-TB/TU" and entry.data["item_number"] == "2"


def test_a_deadline_correction_needs_a_reason_and_moves_the_status(cast):
    asg = cast.asg_a
    assert _status(asg) == StatusClass.OPEN_IN_TIME
    before = row_counts()
    with pytest.raises(ValidationError) as exc:
        _edit(cast, deadline=date(2026, 3, 1))
    assert "reason" in exc.value.message_dict
    assert row_counts() == before

    _edit(cast, deadline=date(2026, 3, 1), reason="Gõ nhầm năm khi nhập")
    asg.refresh_from_db()
    assert (asg.deadline, asg.original_deadline, asg.extension_count) == (
        date(2026, 3, 1),
        date(2026, 3, 1),
        0,
    )
    assert _status(asg) == StatusClass.OPEN_OVERDUE  # the status rule uses the correction
    [corrected] = [e for e in audit_for(asg) if e.action == "tasks.assignment.deadline_corrected"]
    assert corrected.before == {"deadline": "2027-12-31", "original_deadline": "2027-12-31"}
    assert corrected.data["reason"] == "Gõ nhầm năm khi nhập"
    task_entry = audit_for(cast.task_a)[-1]
    assert task_entry.before == {"deadline": "2027-12-31"}
    assert task_entry.data == {"deadline": "2026-03-01", "reason": "Gõ nhầm năm khi nhập"}


def test_a_correction_keeps_a_later_extension(cast):
    asg = cast.asg_a
    req = services.request_extension(
        assignment=asg, user=cast.unit_a, new_deadline=date(2028, 6, 30), reason="Chờ số liệu"
    )
    services.decide_extension(request=req, user=cast.office_a, approve=True)
    _edit(cast, deadline=date(2027, 6, 30), reason="Sai ngày")
    asg.refresh_from_db()
    assert (asg.deadline, asg.original_deadline) == (date(2028, 6, 30), date(2027, 6, 30))


@pytest.mark.parametrize(
    "kw,field",
    [
        (dict(deadline=date(2025, 12, 1), reason="x"), "deadline"),  # before the document date
        (dict(doc_date=TODAY + D), "doc_date"),
        (dict(doc_number="công văn"), "doc_number"),
    ],
)
def test_bad_corrections_save_nothing(cast, kw, field):
    before = row_counts()
    with pytest.raises(ValidationError) as exc:
        _edit(cast, **kw)
    assert field in exc.value.message_dict
    assert row_counts() == before
    assert Task.objects.get(pk=cast.task_a.pk).doc_number == "90-TB/TU"


def test_only_the_committees_office_corrects(cast):
    for who in ("unit_a", "leader_a", "office_b"):
        with pytest.raises(PermissionDenied):
            _edit(cast, user=getattr(cast, who), text="Khác")


def test_adding_a_unit_after_the_fan_out(cast):
    [added] = editing.add_units(task=cast.task_a, user=cast.office_a, lead_units=[cast.commune_a])
    assert (added.unit, added.role, added.deadline) == (cast.commune_a, "lead", date(2027, 12, 31))
    assert audit_for(cast.task_a)[-1].action == "tasks.task.units_added"
    assert audit_for(added)[-1].action == "tasks.assignment.added"


@pytest.mark.parametrize(
    "unit,message",
    [
        ("board_a", "already have this task"),
        ("board_b", "Unknown unit for this committee"),
        ("closed_a", "no longer exists"),
    ],
)
def test_adding_a_wrong_unit_is_refused(cast, unit, message):
    before = row_counts()
    with pytest.raises(ValidationError) as exc:
        editing.add_units(task=cast.task_a, user=cast.office_a, lead_units=[getattr(cast, unit)])
    assert message in " ".join(exc.value.message_dict["units"])
    assert row_counts() == before


def test_removing_an_untouched_unit_deletes_its_assignment_with_an_audit_entry(cast):
    asg = cast.assignment(cast.task_a, cast.board_a2)
    assert editing.remove_unit(assignment=asg, user=cast.office_a) is None
    assert not Assignment.objects.filter(pk=asg.pk).exists()
    entry = audit_for(cast.task_a)[-1]
    assert (entry.action, entry.data["unit"]) == (
        "tasks.task.unit_removed",
        "Ban Tuyên giáo Tỉnh ủy Alpha",
    )


def test_removing_a_unit_with_progress_asks_for_a_cancellation_with_a_reason(cast):
    asg = cast.asg_a
    services.add_progress(assignment=asg, user=cast.unit_a, text="Đã họp triển khai", percent=20)
    before = row_counts()
    with pytest.raises(ValidationError) as exc:
        editing.remove_unit(assignment=asg, user=cast.office_a)
    assert "cancelled instead" in exc.value.message_dict["reason"][0]
    assert row_counts() == before
    kept = editing.remove_unit(assignment=asg, user=cast.office_a, reason="Chuyển cho Ban khác")
    assert kept is not None and kept.state == AssignmentState.CANCELLED
    assert kept.progress_updates.count() == 1  # history kept


# -- pages ------------------------------------------------------------------------------


def _post_edit(client, cast, **kw):
    data = {
        "doc_number": "90-TB/TU",
        "doc_date": "01/01/2026",
        "item_number": "1",
        "text": cast.task_a.text,
        "deadline": "31/12/2027",
        "directed_by": cast.leader_a.pk,
        "directed_by_name": "Bí thư Tỉnh ủy",
        "reason": "",
    }
    data.update(kw)
    return client.post(f"/tasks/{cast.task_a.pk}/edit/", data)


def test_edit_page_for_the_office_and_the_history_shows_before_and_after(cast, login):
    client = login(cast.office_a)
    page = client.get(f"/tasks/{cast.task_a.pk}/")
    assert f'href="/tasks/{cast.task_a.pk}/edit/"' in page.content.decode()
    assert client.get(f"/tasks/{cast.task_a.pk}/edit/").status_code == 200
    response = _post_edit(client, cast, deadline="30/06/2027", reason="Sai ngày khi nhập")
    assert response.status_code == 302
    html = client.get(f"/tasks/{cast.task_a.pk}/").content.decode()
    assert "<del>31/12/2027</del> → <ins>30/06/2027</ins>" in html
    assert "Sai ngày khi nhập" in html
    html = client.get(f"/tasks/assignments/{cast.asg_a.pk}/").content.decode()
    assert "<del>31/12/2027</del> → <ins>30/06/2027</ins>" in html


def test_edit_page_refuses_a_deadline_change_without_reason_in_vietnamese(cast, login):
    client = login(cast.office_a)
    with translation.override("vi"):
        response = _post_edit(client, cast, deadline="30/06/2027", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 400
    assert "Ghi lý do đính chính thời hạn" in response.content.decode()
    assert Task.objects.get(pk=cast.task_a.pk).deadline == date(2027, 12, 31)


@pytest.mark.parametrize("who,code", [("unit_a", 403), ("leader_a", 403), ("office_b", 404)])
def test_edit_page_access(cast, login, who, code):
    client = login(getattr(cast, who))
    assert client.get(f"/tasks/{cast.task_a.pk}/edit/").status_code == code
    assert _post_edit(client, cast, text="Khác").status_code == code


def test_add_and_remove_units_from_the_page(cast, login):
    client = login(cast.office_a)
    r = client.post(f"/tasks/{cast.task_a.pk}/units/", {"lead_units": [cast.commune_a.pk]})
    assert r.status_code == 302
    asg = cast.assignment(cast.task_a, cast.commune_a)
    r = client.post(f"/tasks/{cast.task_a.pk}/units/{asg.pk}/remove/", {"reason": ""})
    assert r.status_code == 302 and not Assignment.objects.filter(pk=asg.pk).exists()
    services.add_progress(assignment=cast.asg_a, user=cast.unit_a, text="Đang làm")
    r = client.post(f"/tasks/{cast.task_a.pk}/units/{cast.asg_a.pk}/remove/", {"reason": ""})
    assert r.status_code == 400
    assert "sẽ được hủy thay vì gỡ bỏ" in r.content.decode()
    assert Assignment.objects.get(pk=cast.asg_a.pk).state == "open"


def test_record_completion_from_the_assignment_page(cast, login):
    client = login(cast.office_a)
    asg = _old_notice(cast).assignments.get(unit=cast.board_a)
    html = client.get(f"/tasks/assignments/{asg.pk}/").content.decode()
    assert 'id="record-form"' in html
    r = client.post(
        f"/tasks/assignments/{asg.pk}/record/",
        {"completed_on": "20/02/2026", "evidence_number": "41-BC/BTG"},
    )
    assert r.status_code == 302
    asg.refresh_from_db()
    assert (asg.state, asg.completed_on) == ("done", date(2026, 2, 20))
    r = login(cast.unit_a).post(
        f"/tasks/assignments/{asg.pk}/record/",
        {"completed_on": "20/02/2026", "evidence_number": "41-BC/BTG"},
    )
    assert r.status_code == 403


# -- API --------------------------------------------------------------------------------


def test_api_corrects_a_deadline_only_with_a_reason(cast, client):
    client.force_login(cast.office_a)
    url = f"/api/tasks/{cast.task_a.pk}"
    r = client.patch(url, {"deadline": "2027-06-30"}, content_type="application/json")
    assert r.status_code == 400 and "reason" in r.json()["errors"]
    r = client.patch(
        url, {"deadline": "2027-06-30", "reason": "Sai ngày"}, content_type="application/json"
    )
    assert r.status_code == 200 and r.json()["deadline"] == "2027-06-30"
    assert Assignment.objects.get(pk=cast.asg_a.pk).deadline == date(2027, 6, 30)


def test_api_adds_removes_and_records(cast, client):
    client.force_login(cast.office_a)
    r = client.post(
        f"/api/tasks/{cast.task_a.pk}/units",
        {"lead_units": [cast.commune_a.pk]},
        content_type="application/json",
    )
    assert r.status_code == 201 and r.json()[0]["unit_id"] == cast.commune_a.pk
    new = cast.assignment(cast.task_a, cast.commune_a)
    r = client.post(
        f"/api/assignments/{new.pk}/record",
        {"completed_on": "2026-03-10", "evidence_number": "5-BC/ĐU"},
        content_type="application/json",
    )
    assert r.status_code == 200 and r.json()["state"] == "done"
    r = client.post(f"/api/assignments/{new.pk}/remove", {}, content_type="application/json")
    assert r.status_code == 400  # it has a completion: cancel with a reason instead
    other = cast.assignment(cast.task_a, cast.board_a2)
    r = client.post(f"/api/assignments/{other.pk}/remove", {}, content_type="application/json")
    assert r.status_code == 204 and not Assignment.objects.filter(pk=other.pk).exists()


def test_api_add_units_never_names_another_committees_units(cast, client):
    """An id of another province's unit reads as unknown (by id), as on task creation."""
    client.force_login(cast.office_a)
    r = client.post(
        f"/api/tasks/{cast.task_a.pk}/units",
        {"lead_units": [cast.board_b.pk]},
        content_type="application/json",
    )
    assert r.status_code == 400
    body = str(r.json())  # decoded: JSON escapes the Vietnamese letters of a name
    assert str(cast.board_b.pk) in body and cast.board_b.name not in body
    assert not Assignment.objects.filter(task=cast.task_a, unit=cast.board_b).exists()
