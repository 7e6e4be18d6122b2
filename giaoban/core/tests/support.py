"""Helpers shared by the core test files: a frozen "today", row counts, audit look-ups.

Use the frozen day with ``pytestmark = pytest.mark.usefixtures("frozen")`` and
``from giaoban.core.tests.support import frozen``: the fixture is listed before
``cast`` so the cast (whose dates follow "today") is built on the frozen day.
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
    with time_machine.travel(NOW, tick=False):
        yield TODAY


def row_counts() -> dict[str, int]:
    """Rows of every table a task service writes to, to prove nothing was half-saved."""
    from giaoban.tasks.models import Assignment, CompletionClaim, ExtensionRequest, ProgressUpdate, Task

    return {m.__name__: m.objects.count()
            for m in (Task, Assignment, ProgressUpdate, CompletionClaim, ExtensionRequest, AuditEntry)}


def audit_for(obj) -> list[AuditEntry]:
    """Audit entries of one object, oldest first."""
    return list(AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
                .order_by("created_at", "id"))
