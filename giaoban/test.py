"""The fixed test cast: two committees, their units, one user per role.

    Tỉnh ủy Alpha                      Tỉnh ủy Beta
    ├── Văn phòng Tỉnh ủy Alpha        ├── Văn phòng Tỉnh ủy Beta
    ├── Ban Tổ chức Tỉnh ủy Alpha      └── Ban Tổ chức Tỉnh ủy Beta
    ├── Ban Tuyên giáo Tỉnh ủy Alpha
    ├── Đảng ủy xã Tân An
    └── Ban Cũ (closed 2025-06-30)

Users: office_a, leader_a, unit_a (Ban Tổ chức A), unit_a2 (Ban Tuyên giáo A),
office_b, unit_b (Ban Tổ chức B), admin. Password for all: ``PASSWORD``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.hashers import make_password

from giaoban.accounts.models import Membership, Role, User
from giaoban.org.models import Unit, UnitKind
from giaoban.tasks.models import Assignment, Task
from giaoban.tasks.services import create_task

PASSWORD = "test-password-123"


@dataclass
class Cast:
    committee_a: Unit
    office_unit_a: Unit
    board_a: Unit
    board_a2: Unit
    commune_a: Unit
    closed_a: Unit
    committee_b: Unit
    office_unit_b: Unit
    board_b: Unit
    office_a: User
    leader_a: User
    unit_a: User
    unit_a2: User
    office_b: User
    unit_b: User
    admin: User
    task_a: Task
    task_b: Task

    def assignment(self, task: Task, unit: Unit) -> Assignment:
        return Assignment.objects.get(task=task, unit=unit)

    @property
    def asg_a(self) -> Assignment:
        """Ban Tổ chức A's assignment of task_a (unit_a acts on it)."""
        return self.assignment(self.task_a, self.board_a)

    @property
    def asg_b(self) -> Assignment:
        return self.assignment(self.task_b, self.board_b)


def make_cast(today: date) -> Cast:
    """The cast with its dates following ``today`` (tests pass a frozen day; see conftest.py)."""
    pw = make_password(PASSWORD)

    def unit(kind, name, parent=None, **kw):
        return Unit.objects.create(kind=kind, name=name, parent=parent, **kw)

    def user(username, unit_, role, **kw):
        u = User.objects.create(username=username, password=pw, full_name=username, **kw)
        Membership.objects.create(user=u, unit=unit_, role=role)
        return u

    ca = unit(UnitKind.COMMITTEE, "Tỉnh ủy Alpha")
    oa = unit(UnitKind.OFFICE, "Văn phòng Tỉnh ủy Alpha", ca, sort_order=1)
    ba = unit(
        UnitKind.BOARD, "Ban Tổ chức Tỉnh ủy Alpha", ca, sort_order=2, short_name="Ban Tổ chức A"
    )
    ba2 = unit(
        UnitKind.BOARD,
        "Ban Tuyên giáo Tỉnh ủy Alpha",
        ca,
        sort_order=3,
        short_name="Ban Tuyên giáo A",
    )
    xa = unit(UnitKind.COMMUNE_COMMITTEE, "Đảng ủy xã Tân An", ca, sort_order=4)
    closed = unit(
        UnitKind.BOARD,
        "Ban Cũ Tỉnh ủy Alpha",
        ca,
        sort_order=5,
        valid_from=date(2020, 1, 1),
        valid_to=date(2025, 6, 30),
    )
    cb = unit(UnitKind.COMMITTEE, "Tỉnh ủy Beta")
    ob = unit(UnitKind.OFFICE, "Văn phòng Tỉnh ủy Beta", cb, sort_order=1)
    bb = unit(UnitKind.BOARD, "Ban Tổ chức Tỉnh ủy Beta", cb, sort_order=2)

    office_a = user("office_a", oa, Role.OFFICE)
    leader_a = user("leader_a", ca, Role.LEADER)
    unit_a = user("unit_a", ba, Role.UNIT)
    unit_a2 = user("unit_a2", ba2, Role.UNIT)
    office_b = user("office_b", ob, Role.OFFICE)
    unit_b = user("unit_b", bb, Role.UNIT)
    admin = user("admin", ca, Role.ADMIN, is_staff=True, is_superuser=True)

    doc_date = date(today.year, 1, 1) if today.month > 1 else date(today.year - 1, 12, 1)
    task_a = create_task(
        committee=ca,
        doc_number="90-TB/TU",
        doc_date=doc_date,
        item_number="1",
        text="Rà soát, hoàn thiện kế hoạch công tác tuyên giáo năm",
        deadline=date(today.year + 1, 12, 31),
        created_by=office_a,
        directed_by=leader_a,
        directed_by_name="Bí thư Tỉnh ủy",
        lead_units=[ba],
        coordinating_units=[ba2],
        created_on=doc_date,
    )
    task_b = create_task(
        committee=cb,
        doc_number="12-TB/TU",
        doc_date=doc_date,
        item_number="1",
        text="Kiện toàn nhân sự cấp ủy",
        deadline=date(today.year + 1, 12, 31),
        created_by=office_b,
        lead_units=[bb],
        created_on=doc_date,
    )
    return Cast(
        ca,
        oa,
        ba,
        ba2,
        xa,
        closed,
        cb,
        ob,
        bb,
        office_a,
        leader_a,
        unit_a,
        unit_a2,
        office_b,
        unit_b,
        admin,
        task_a,
        task_b,
    )
