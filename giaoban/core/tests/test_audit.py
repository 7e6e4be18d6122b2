"""Every state change writes exactly one audit entry, through log_action, with the
state before and the data after; and nothing else writes the audit log."""

from __future__ import annotations

import inspect
import re
from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from giaoban.core import audit
from giaoban.core.models import AuditEntry
from giaoban.core.tests.support import TODAY, frozen  # noqa: F401
from giaoban.tasks import services

pytestmark = pytest.mark.usefixtures("frozen")


def _claimed(cast):
    services.claim_completion(
        assignment=cast.asg_a,
        user=cast.unit_a,
        completed_on=date(2026, 3, 10),
        evidence_number="335-BC/ĐU",
    )


def _asked(cast):
    return services.request_extension(
        assignment=cast.asg_a,
        user=cast.unit_a,
        new_deadline=date(2028, 3, 31),
        reason="Chờ hướng dẫn",
    )


#: service -> (prepare, call, action, is_creation); the call returns the audited object's (type, id)
ACTS = {
    "create_task": (
        lambda c: None,
        lambda c: services.create_task(
            committee=c.committee_a,
            doc_number="95-TB/TU",
            doc_date=date(2026, 3, 2),
            text="Sơ kết",
            created_by=c.office_a,
            lead_units=[c.board_a],
        ),
        "tasks.task.created",
        True,
    ),
    "add_progress": (
        lambda c: None,
        lambda c: services.add_progress(
            assignment=c.asg_a, user=c.unit_a, text="Dự thảo", percent=20
        ),
        "tasks.assignment.progress",
        False,
    ),
    "claim_completion": (lambda c: None, _claimed, "tasks.assignment.claimed", False),
    "confirm_completion": (
        _claimed,
        lambda c: services.confirm_completion(assignment=c.asg_a, user=c.office_a),
        "tasks.assignment.confirmed",
        False,
    ),
    "return_completion": (
        _claimed,
        lambda c: services.return_completion(
            assignment=c.asg_a, user=c.office_a, reason="Thiếu văn bản"
        ),
        "tasks.assignment.returned",
        False,
    ),
    "request_extension": (lambda c: None, _asked, "tasks.assignment.extension_requested", False),
    "decide_extension": (
        _asked,
        lambda c: services.decide_extension(
            request=c.asg_a.extensions.get(), user=c.office_a, approve=True
        ),
        "tasks.assignment.extension_approved",
        False,
    ),
    "cancel_assignment": (
        lambda c: None,
        lambda c: services.cancel_assignment(
            assignment=c.asg_a, user=c.office_a, reason="Điều chỉnh"
        ),
        "tasks.assignment.cancelled",
        False,
    ),
}
#: functions of services.py that change nothing
READ_ONLY = {
    "today",
    "validate_attachment",
    "active_units_of",
    "parse_reference",
    "log_action",
    "snapshot",
    "check_action",
}


def test_every_service_is_in_the_table():
    public = {
        name
        for name, fn in inspect.getmembers(services, inspect.isfunction)
        if not name.startswith("_") and fn.__module__ == services.__name__
    }
    assert public - READ_ONLY == set(ACTS), "a new service: add it to ACTS (and audit it)"


@pytest.mark.parametrize("name", sorted(ACTS))
def test_each_state_change_writes_one_entry_through_log_action(cast, monkeypatch, name):
    prepare, call, action, is_creation = ACTS[name]
    prepare(cast)
    calls = []

    def spy(obj, act, **kwargs):
        calls.append(act)
        return audit.log_action(obj, act, **kwargs)

    monkeypatch.setattr(services, "log_action", spy)
    before = AuditEntry.objects.count()
    call(cast)
    assert calls == [action]
    assert AuditEntry.objects.count() == before + 1
    entry = AuditEntry.objects.order_by("-id").first()
    assert entry.action == action and entry.actor_id is not None and entry.unit_id is not None
    assert entry.data, "the data after the change"
    if is_creation:
        assert entry.before is None
    else:
        assert entry.object_type == "tasks.assignment" and entry.object_id == str(cast.asg_a.pk)
        assert isinstance(entry.before, dict) and entry.before, "the state before the change"
        # what changed is visible: some field's value after differs from before, or the act adds a record
        changed = {k for k, v in entry.before.items() if k in entry.data and entry.data[k] != v}
        assert changed or {"claim", "request", "progress_update"} & set(entry.data), entry.data


def test_a_refused_act_writes_no_entry(cast):
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError):
        services.confirm_completion(assignment=cast.asg_a, user=cast.office_a)  # nothing to confirm
    with pytest.raises(PermissionDenied):
        services.cancel_assignment(
            assignment=cast.asg_a, user=cast.unit_a, reason="x"
        )  # not the office
    assert AuditEntry.objects.count() == before


def test_entries_are_json_with_dates_as_iso(cast):
    services.cancel_assignment(assignment=cast.asg_a, user=cast.office_a, reason="Điều chỉnh")
    entry = AuditEntry.objects.get(action="tasks.assignment.cancelled")
    entry.refresh_from_db()
    assert (
        entry.data["cancelled_on"] == TODAY.isoformat() and entry.before["deadline"] == "2027-12-31"
    )
    assert entry.before["confirmed_by"] is None and entry.object_repr == "90-TB/TU → Ban Tổ chức A"


def test_nothing_but_log_action_writes_the_audit_log():
    root = Path(__file__).resolve().parents[2]
    offenders = []
    for path in root.rglob("*.py"):
        if "tests" in path.parts or path.name == "audit.py" or "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(
            r"(?<!class )AuditEntry\s*\(|AuditEntry\.objects\.(create|bulk_create|update|filter\([^)]*\)\.(update|delete))",
            text,
        ):
            offenders.append(str(path.relative_to(root)))
    assert offenders == []


def test_history_with_related_objects(cast):
    """history(task) holds the task's entries and, registered by the tasks app, those of its
    assignments; other tasks' entries never; newest first."""
    from giaoban.core.audit import history

    services.claim_completion(
        assignment=cast.asg_a, user=cast.unit_a, completed_on=TODAY, evidence_number="1-BC/BTC"
    )
    services.confirm_completion(assignment=cast.asg_a, user=cast.office_a)
    services.add_progress(assignment=cast.asg_b, user=cast.unit_b, text="Đang làm")
    actions = [e.action for e in history(cast.task_a)]
    assert actions == [
        "tasks.assignment.confirmed",
        "tasks.assignment.claimed",
        "tasks.task.created",
    ]
    assert [e.action for e in history(cast.task_a, related=())] == ["tasks.task.created"]
    assert [e.action for e in history(cast.asg_a)] == actions[:2]
    assert [e.action for e in history(cast.task_b)][0] == "tasks.assignment.progress"
