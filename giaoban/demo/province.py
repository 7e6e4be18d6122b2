"""One province (Đồng Nai) after the 2025 reform, entered through the services.

Tasks go through ``create_task`` (so the data obeys the rules of real input); the assignments are
then moved into every status class with claims, extensions and progress notes whose dates agree
with the status rule. Claims and extension requests are made by each unit's own staff and decided
by the office: nobody decides on their own request.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from giaoban.accounts.models import Membership, Role, User
from giaoban.demo.shared import (
    BLOC_UNITS,
    DEMO_PASSWORD,
    TASK_TEXTS,
    choose_fate,
    finished_quarters,
    unit_objects,
)
from giaoban.org.models import Unit, UnitKind
from giaoban.tasks.models import (
    Assignment,
    AssignmentState,
    CompletionClaim,
    Decision,
    ExtensionRequest,
    ProgressUpdate,
    Task,
)
from giaoban.tasks.services import create_task


@dataclass
class ProvinceDemo:
    """The built province, handed to every app's demo builder (see ``giaoban.demo``)."""

    committee: Unit
    #: the bloc units in BLOC_UNITS order (the Office first)
    bloc: list[Unit]
    communes: list[Unit]
    #: every demo user by username
    users: dict[str, User]
    #: the Office's clerk and the standing committee's leader
    office: User
    leader: User
    #: one staff user per unit (unit role), by unit id
    unit_staff: dict[int, User]
    tasks: list[Task]
    today: date
    rng: random.Random
    #: lines of the summary printed by ``giaoban demo``; builders may append theirs
    summary: list[str] = field(default_factory=list)

    @property
    def office_unit(self) -> Unit:
        return self.bloc[0]

    @property
    def boards(self) -> list[Unit]:
        return [u for u in self.bloc if u.kind != UnitKind.OFFICE]


def _make_units(rng: random.Random) -> tuple[Unit, list[Unit], list[Unit]]:
    name = "Tỉnh ủy Đồng Nai"
    committee = Unit.objects.create(
        kind=UnitKind.COMMITTEE,
        name=name,
        short_name=name,
        code="DN",
        code_scheme="demo",
        valid_from=date(2025, 7, 1),
    )
    bloc, communes = unit_objects(committee, "Tỉnh ủy", "Đồng Nai", "DN", rng, 90)
    for u in bloc + communes:
        u.save()
    return committee, bloc, communes


def build(*, seed: int = 2026, today: date | None = None) -> ProvinceDemo:
    """The province, its users and six quarters of tasks moved into every status class."""
    rng = random.Random(seed)
    today = today or timezone.localdate()
    committee, bloc, communes = _make_units(rng)
    by_user = {b[3]: u for b, u in zip(BLOC_UNITS, bloc)}
    password = make_password(DEMO_PASSWORD)
    users: dict[str, User] = {}
    staff: dict[int, User] = {}

    def user(username: str, full_name: str, position: str, unit: Unit, role: str, **extra) -> User:
        u = User.objects.create(
            username=username,
            full_name=full_name,
            position=position,
            password=password,
            # a reserved domain: the demo's digests are written under var/mail/, never delivered
            email=f"{username}@demo.giaoban.invalid",
            **extra,
        )
        Membership.objects.create(user=u, unit=unit, role=role)
        users[username] = u
        if role == Role.UNIT:
            staff[unit.pk] = u
        return u

    user(
        "admin",
        "Quản trị hệ thống",
        "Quản trị",
        committee,
        Role.ADMIN,
        is_staff=True,
        is_superuser=True,
    )
    office = user(
        "vanphong",
        "Nguyễn Văn Phòng",
        "Chuyên viên Văn phòng Tỉnh ủy",
        by_user["vanphong"],
        Role.OFFICE,
    )
    leader = user(
        "thuongtruc", "Hồ Thanh Sơn", "Phó Bí thư Thường trực Tỉnh ủy", committee, Role.LEADER
    )
    for username, unit in by_user.items():
        if username != "vanphong":
            user(username, f"Cán bộ {unit.short_name}", "Chuyên viên", unit, Role.UNIT)
    # the Office also carries tasks as a unit: its own staff claims them, the clerk above decides
    user("cbvanphong", "Trần Thị Mai", "Chuyên viên Văn phòng Tỉnh ủy", bloc[0], Role.UNIT)
    for i, unit in enumerate(communes, start=1):
        user(f"xa{i:02d}", f"Cán bộ {unit.short_name}", "Chánh Văn phòng Đảng ủy", unit, Role.UNIT)

    state = ProvinceDemo(
        committee=committee,
        bloc=bloc,
        communes=communes,
        users=users,
        office=office,
        leader=leader,
        unit_staff=staff,
        tasks=[],
        today=today,
        rng=rng,
    )
    _tasks(state)
    _evolve(state)
    return state


def _tasks(demo: ProvinceDemo) -> None:
    """Eight items of one conclusion notice per finished quarter, six quarters back."""
    rng, today, boards = demo.rng, demo.today, demo.boards
    for n, quarter in enumerate(finished_quarters(today, 6), start=1):
        doc_date = min(today, quarter.last_day + timedelta(days=rng.randint(8, 20)))
        number = f"{40 + n * 7}-TB/TU"
        for item in range(1, 9):
            text = rng.choice(TASK_TEXTS)
            if item % 4 == 3:
                deadline = None  # standing
            else:
                deadline = doc_date + timedelta(days=rng.choice([20, 45, 60, 80]))
            kwargs: dict = {}
            if item in (1, 5):
                kwargs["all_units"] = True
            elif item in (2, 6):
                kwargs["lead_units"] = [rng.choice(boards)]
                kwargs["coordinating_units"] = rng.sample(
                    [b for b in boards if b not in kwargs["lead_units"]], 2
                )
            elif item == 4:
                kwargs["lead_units"] = rng.sample(demo.communes, 30)
            else:
                kwargs["lead_units"] = rng.sample(boards, 3)
            demo.tasks.append(
                create_task(
                    committee=demo.committee,
                    doc_number=number,
                    doc_date=doc_date,
                    item_number=str(item),
                    text=f"{text} ({quarter.label}).",
                    deadline=deadline,
                    directed_by=demo.leader,
                    directed_by_name="Hồ Thanh Sơn, Phó Bí thư Thường trực Tỉnh ủy",
                    created_by=demo.office,
                    created_on=doc_date,
                    check_permission=False,
                    **kwargs,
                )
            )


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _evolve(demo: ProvinceDemo) -> None:
    """Move assignments into every status class, with claims, extensions and progress."""
    rng, today, office = demo.rng, demo.today, demo.office
    changed: list[Assignment] = []
    claims: list[CompletionClaim] = []
    extensions: list[ExtensionRequest] = []
    progress: list[ProgressUpdate] = []
    for a in Assignment.objects.select_related("task").order_by("id"):
        doc_date = a.task.doc_date
        author = demo.unit_staff[a.unit_id]
        fate = choose_fate(rng, today, doc_date, a.deadline)
        a.state, a.deadline, a.extension_count = fate.state, fate.deadline, fate.extensions
        a.progress_percent, a.completed_on = fate.percent, fate.completed_on
        if fate.extensions:
            # asked ten days before the first deadline, granted the next working morning
            asked = max(doc_date, a.original_deadline - timedelta(days=10))
            extensions.append(
                ExtensionRequest(
                    assignment=a,
                    requested_by=author,
                    old_deadline=a.original_deadline,
                    new_deadline=a.deadline,
                    reason="Cần thêm thời gian phối hợp.",
                    decision=Decision.APPROVED,
                    decided_by=office,
                    decided_at=_at(min(today, asked + timedelta(days=1)), 9),
                )
            )
        if fate.asks_extension:
            extensions.append(
                ExtensionRequest(
                    assignment=a,
                    requested_by=author,
                    old_deadline=a.deadline,
                    new_deadline=a.deadline + timedelta(days=30),
                    reason="Chờ ý kiến của các sở, ngành liên quan.",
                )
            )
            a.extension_pending = True
        if fate.state == AssignmentState.CANCELLED:
            a.cancelled_on = fate.cancelled_on
            a.cancel_reason = "Điều chỉnh theo kết luận mới của Thường trực Tỉnh ủy."
        elif fate.state == AssignmentState.DONE:
            a.confirmed_by = office
            a.confirmed_at = _at(fate.completed_on, 16)
            claims.append(
                CompletionClaim(
                    assignment=a,
                    claimed_by=author,
                    completed_on=fate.completed_on,
                    evidence_number=f"{rng.randint(10, 400)}-BC/ĐU",
                    evidence_date=fate.completed_on,
                    decision=Decision.APPROVED,
                    decided_by=office,
                    decided_at=a.confirmed_at,
                )
            )
        elif fate.state == AssignmentState.CLAIMED:
            claims.append(
                CompletionClaim(
                    assignment=a,
                    claimed_by=author,
                    completed_on=fate.claimed_on,
                    evidence_number=f"{rng.randint(10, 400)}-BC/ĐU",
                    evidence_date=fate.claimed_on,
                )
            )
        elif fate.percent:
            progress.append(
                ProgressUpdate(
                    assignment=a,
                    author=author,
                    percent=fate.percent,
                    text="Đang triển khai, đã hoàn thành dự thảo văn bản.",
                )
            )
        changed.append(a)
    Assignment.objects.bulk_update(
        changed,
        [
            "state",
            "completed_on",
            "deadline",
            "extension_count",
            "extension_pending",
            "cancelled_on",
            "cancel_reason",
            "progress_percent",
            "confirmed_by",
            "confirmed_at",
        ],
        batch_size=500,
    )
    CompletionClaim.objects.bulk_create(claims, batch_size=500)
    ExtensionRequest.objects.bulk_create(extensions, batch_size=500)
    ProgressUpdate.objects.bulk_create(progress, batch_size=500)
