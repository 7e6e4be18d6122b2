"""Closing an assignment (confirm, cancel) settles its pending extension request with a
recorded reason: none stays pending for ever, and the office's "awaiting" list empties."""

from __future__ import annotations

import importlib
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from giaoban.core.models import AuditEntry
from giaoban.core.tests.support import TODAY, frozen  # noqa: F401
from giaoban.dashboard.queries import awaiting_decision
from giaoban.tasks import services
from giaoban.tasks.models import Assignment, AssignmentState, Decision, ExtensionRequest

pytestmark = pytest.mark.usefixtures("frozen")
D = timedelta(days=1)


def _request_then_claim(cast) -> ExtensionRequest:
    a = cast.asg_a
    req = services.request_extension(
        assignment=a, user=cast.unit_a, new_deadline=a.deadline + 30 * D, reason="Chờ hướng dẫn"
    )
    services.claim_completion(
        assignment=a, user=cast.unit_a, completed_on=TODAY - D, evidence_number="335-BC/ĐU"
    )
    return req


def test_confirming_settles_the_pending_extension_request(cast):
    req = _request_then_claim(cast)
    assert [a.pk for a in awaiting_decision(cast.office_a)] == [cast.asg_a.pk]
    with translation.override("vi"):
        services.confirm_completion(assignment=cast.asg_a, user=cast.office_a)
    req.refresh_from_db()
    assert req.decision == Decision.REJECTED
    assert req.decided_by == cast.office_a and req.decided_at is not None
    assert req.decision_reason == "Nhiệm vụ đã hoàn thành: không cần gia hạn"
    asg = Assignment.objects.get(pk=cast.asg_a.pk)
    assert asg.state == AssignmentState.DONE and asg.extension_pending is False
    assert asg.deadline == asg.original_deadline  # the request was not granted
    assert awaiting_decision(cast.office_a) == []
    entry = AuditEntry.objects.get(action="tasks.assignment.confirmed")
    assert entry.data["settled"] == [req.pk]
    assert entry.before["extension_count"] == 0
    # and it can no longer be decided
    with pytest.raises(ValidationError):
        services.decide_extension(request=req, user=cast.office_a, approve=True)


def test_cancelling_settles_the_pending_extension_request(cast):
    req = _request_then_claim(cast)
    services.cancel_assignment(assignment=cast.asg_a, user=cast.office_a, reason="Điều chỉnh")
    req.refresh_from_db()
    assert req.decision == Decision.REJECTED and req.decision_reason
    assert AuditEntry.objects.get(action="tasks.assignment.cancelled").data["settled"] == [req.pk]
    assert awaiting_decision(cast.office_a) == []


def test_migration_settles_requests_left_pending_on_closed_assignments(cast):
    from django.apps import apps

    req = _request_then_claim(cast)
    # the state an older version left: confirmed while the request stayed pending
    services.confirm_completion(assignment=cast.asg_a, user=cast.office_a)
    ExtensionRequest.objects.filter(pk=req.pk).update(
        decision=Decision.PENDING, decided_by=None, decided_at=None, decision_reason=""
    )
    Assignment.objects.filter(pk=cast.asg_a.pk).update(extension_pending=True)
    open_req = services.request_extension(
        assignment=cast.assignment(cast.task_b, cast.board_b),
        user=cast.unit_b,
        new_deadline=cast.task_b.deadline + 10 * D,
        reason="Chờ",
    )
    migration = importlib.import_module("giaoban.tasks.migrations.0004_settle_closed_extensions")
    migration.settle(apps, None)
    req.refresh_from_db()
    assert req.decision == Decision.REJECTED and "hoàn thành" in req.decision_reason
    assert Assignment.objects.get(pk=cast.asg_a.pk).extension_pending is False
    open_req.refresh_from_db()
    assert open_req.decision == Decision.PENDING  # an open assignment's request is left alone
