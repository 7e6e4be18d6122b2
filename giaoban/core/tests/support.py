"""Helpers shared by the core test files: a frozen "today", row counts, audit look-ups.

The ``cast`` fixture (conftest.py) freezes time at NOW for the whole test and builds the cast on
TODAY; ``frozen`` alone freezes time in tests without the cast.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from giaoban.core.models import AuditEntry

#: a Monday in the middle of a quarter: the cast's task_a is dated 01/01/2026, due 31/12/2027
TODAY = date(2026, 3, 16)
NOW = datetime(2026, 3, 16, 9, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture
def frozen():
    """The same as the project-wide ``frozen`` fixture (conftest.py); kept for the imports."""
    with time_machine.travel(NOW, tick=False):
        yield TODAY


def row_counts() -> dict[str, int]:
    """Rows of every table a task service writes to, to prove nothing was half-saved."""
    from giaoban.tasks.models import (
        Assignment,
        CompletionClaim,
        ExtensionRequest,
        ProgressUpdate,
        Task,
    )

    return {
        m.__name__: m.objects.count()
        for m in (Task, Assignment, ProgressUpdate, CompletionClaim, ExtensionRequest, AuditEntry)
    }


def audit_for(obj) -> list[AuditEntry]:
    """Audit entries of one object, oldest first."""
    return list(
        AuditEntry.objects.filter(
            object_type=obj._meta.label_lower, object_id=str(obj.pk)
        ).order_by("created_at", "id")
    )


def grow(cast, tasks: int = 12, start: int = 0) -> None:
    """Many more rows for the query-count tests: ``tasks`` tasks in each committee given to every
    active unit, in every workflow state (claimed, extension pending, done, cancelled, overdue),
    with progress notes, and a dozen more units, so that an N+1 query would show. Call again
    with a higher ``start`` to add more."""
    from datetime import timedelta

    from giaoban.org.models import Unit, UnitKind
    from giaoban.tasks import services
    from giaoban.tasks.models import Assignment

    for i in range(start, start + 12):
        Unit.objects.create(
            kind=UnitKind.COMMUNE_COMMITTEE,
            name=f"Đảng ủy phường {i}",
            parent=cast.committee_a,
            sort_order=10 + i,
        )
    D = timedelta(days=1)
    for committee, office, units in (
        (cast.committee_a, cast.office_a, None),
        (cast.committee_b, cast.office_b, [cast.board_b]),
    ):
        for i in range(start, start + tasks):
            task = services.create_task(
                committee=committee,
                doc_number=f"{300 + i}-TB/TU",
                doc_date=date(2026, 1, 5),
                item_number="1",
                text=f"Nhiệm vụ tăng thêm số {i}",
                deadline=[TODAY + 3 * D, TODAY - 3 * D, None][i % 3],
                created_by=office,
                all_units=units is None,
                lead_units=units or (),
                created_on=date(2026, 1, 5),
            )
            for a in task.assignments.select_related("unit"):
                unit_user = {
                    cast.board_a.pk: cast.unit_a,
                    cast.board_a2.pk: cast.unit_a2,
                    cast.board_b.pk: cast.unit_b,
                }.get(a.unit_id)
                if unit_user is None:
                    continue
                services.add_progress(
                    assignment=a, user=unit_user, text="Đang triển khai", percent=30
                )
                step = i % 4
                if step >= 1:
                    services.claim_completion(
                        assignment=a,
                        user=unit_user,
                        completed_on=TODAY - D,
                        evidence_number=f"{i}-BC/ĐU",
                    )
                if step == 2:
                    services.confirm_completion(assignment=a, user=office)
                if step == 3:
                    services.cancel_assignment(assignment=a, user=office, reason="Điều chỉnh")
                if step == 1 and a.deadline is not None:
                    services.request_extension(
                        assignment=Assignment.objects.get(pk=a.pk),
                        user=unit_user,
                        new_deadline=TODAY + 60 * D,
                        reason="Cần thêm thời gian",
                    )
