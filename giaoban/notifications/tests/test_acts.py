"""Acts write their notifications in the act's own transaction, once, never to the actor."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import transaction

from giaoban.core.models import AuditEntry
from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.notifications import acts
from giaoban.notifications.models import Kind, Notification
from giaoban.tasks import services

pytestmark = pytest.mark.usefixtures("frozen")


def kinds(user) -> list[str]:
    return list(
        Notification.objects.filter(recipient=user).order_by("id").values_list("kind", flat=True)
    )


def test_a_new_task_tells_each_units_staff_not_the_office(cast):
    # the cast gave task_a to Ban Tổ chức A (lead) and Ban Tuyên giáo A (coordinating)
    assert kinds(cast.unit_a) == [Kind.ASSIGNMENT_GIVEN]
    assert kinds(cast.unit_a2) == [Kind.ASSIGNMENT_GIVEN]
    assert kinds(cast.office_a) == []
    assert kinds(cast.unit_b) == [Kind.ASSIGNMENT_GIVEN]  # task_b of Beta
    n = Notification.objects.get(recipient=cast.unit_a)
    assert n.url == f"/tasks/assignments/{cast.asg_a.pk}/"
    assert n.params["doc"] == cast.task_a.source_label and n.unit == cast.board_a


def test_claim_and_extension_tell_the_office_and_the_decision_tells_the_unit(cast):
    services.claim_completion(
        assignment=cast.asg_a,
        user=cast.unit_a,
        completed_on=date(2026, 3, 10),
        evidence_number="1-BC/BTC",
    )
    assert kinds(cast.office_a) == [Kind.CLAIM_TO_CONFIRM]
    assert kinds(cast.leader_a) == [] and kinds(cast.office_b) == []
    services.return_completion(assignment=cast.asg_a, user=cast.office_a, reason="Thiếu phụ lục")
    assert kinds(cast.unit_a)[-1] == Kind.CLAIM_RETURNED
    assert (
        Notification.objects.filter(recipient=cast.unit_a).first().params["reason"]
        == "Thiếu phụ lục"
    )
    req = services.request_extension(
        assignment=cast.asg_a, user=cast.unit_a, new_deadline=date(2028, 3, 1), reason="Chờ"
    )
    assert kinds(cast.office_a)[-1] == Kind.EXTENSION_TO_DECIDE
    services.decide_extension(
        request=req, user=cast.office_a, approve=False, reason="Không đủ căn cứ"
    )
    assert kinds(cast.unit_a)[-1] == Kind.EXTENSION_DECIDED
    assert kinds(cast.office_a) == [Kind.CLAIM_TO_CONFIRM, Kind.EXTENSION_TO_DECIDE]


def test_a_rolled_back_act_leaves_no_notification(cast):
    before = Notification.objects.count()
    with transaction.atomic():
        services.claim_completion(
            assignment=cast.asg_a,
            user=cast.unit_a,
            completed_on=date(2026, 3, 10),
            evidence_number="1-BC/BTC",
        )
        assert Notification.objects.count() == before + 1
        transaction.set_rollback(True)
    assert Notification.objects.count() == before


def test_the_same_act_delivered_twice_writes_one_row(cast):
    entry = AuditEntry.objects.get(action="tasks.task.created", object_id=str(cast.task_a.pk))
    before = Notification.objects.count()
    acts._receiver(AuditEntry, entry, created=True)
    acts._receiver(AuditEntry, entry, created=True)
    assert Notification.objects.count() == before


def test_nobody_is_told_of_their_own_act(cast):
    """An office member who is also the unit's staff creates a task for that unit: not told."""
    from giaoban.accounts.models import Membership, Role

    Membership.objects.create(user=cast.office_a, unit=cast.board_a2, role=Role.UNIT)
    from giaoban.core.permissions import forget_scope

    forget_scope(cast.office_a)
    services.create_task(
        committee=cast.committee_a,
        doc_number="7-TB/TU",
        doc_date=date(2026, 3, 2),
        text="Tổng hợp ý kiến",
        created_by=cast.office_a,
        lead_units=[cast.board_a2],
    )
    assert kinds(cast.office_a) == []
    assert kinds(cast.unit_a2) == [Kind.ASSIGNMENT_GIVEN, Kind.ASSIGNMENT_GIVEN]
