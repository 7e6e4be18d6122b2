"""The whole country at scale, for load tests: every province, millions of assignments.

Everything here writes rows straight into the tables (``giaoban.core.bulk``: no services, no audit
entries, no model save()), so it fills the derived columns itself (Unit.name_folded,
Task.doc_year and Task.search_folded) the way save() does.
"""

from __future__ import annotations

import random
import time as _time
from collections.abc import Callable
from datetime import date, datetime

from django.contrib.auth.hashers import make_password
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from giaoban.accounts.models import Membership, Role, User
from giaoban.core.bulk import (
    LoadMark,
    indexes_dropped,
    reset_sequences,
    resume_load,
    start_load,
)
from giaoban.core.cache import forget_tree
from giaoban.core.models import BulkLoad

#: tasks generated, written and committed together: bounds memory and transaction size
from giaoban.demo.national_rows import (
    _national_units,
    _province_rows,
)
from giaoban.demo.shared import DEMO_PASSWORD, PROVINCES
from giaoban.org.models import Unit, UnitKind
from giaoban.tasks.models import Assignment, CompletionClaim, ExtensionRequest, Task

NATIONAL_KIND = "demo-national"


def build_national(
    *,
    provinces: int = 34,
    min_assignments: int = 3_000_000,
    seed: int = 2026,
    today: date | None = None,
    communes: int = 90,
    progress: Callable[[str], object] = print,
    resume: BulkLoad | None = None,
) -> str:
    """Every province (committee, 9 bloc units, ``communes`` communes), users and enough tasks to reach
    ``min_assignments`` assignments, written by bulk insert in batches of NATIONAL_BATCH_TASKS tasks.

    Users (password DEMO_PASSWORD): ``admin``; per province ``vpNN`` (office), ``ttNN`` (leader of
    the committee), ``unitNN`` (staff of its Ban Tổ chức), ``xaNN`` (staff of its first commune).
    Claimed assignments get their pending completion claim, extended ones their approved extension
    request, and some open ones a pending request. Needs an empty database; writes no audit entries.

    The load marks itself (``BulkLoad``, kind NATIONAL_KIND) in progress with its parameters, each
    step as it commits (the units and users, then each province) and finished at the end.
    ``resume``: an unfinished mark of this kind; the load carries on from its last committed step
    with the parameters recorded (each province draws from its own seeded generator, so a resumed
    load writes the same rows as an uninterrupted one).
    """
    if resume is None:
        if Unit.objects.exists() or User.objects.exists():
            raise ValueError("build_national needs an empty database")
        if not 1 <= provinces <= len(PROVINCES):
            raise ValueError(f"provinces must be between 1 and {len(PROVINCES)}")
        today = today or timezone.localdate()
        params = {
            "provinces": provinces,
            "min_assignments": min_assignments,
            "seed": seed,
            "today": today.isoformat(),
            "communes": communes,
        }
        mark = start_load(NATIONAL_KIND, params)
    else:
        params = resume.parameters
        mark = resume_load(resume)
    try:
        summary = _load(mark, progress=progress, **params)
    except BaseException as exc:  # KeyboardInterrupt too: the mark says what stopped it
        try:
            mark.failed(f"{type(exc).__name__}: {exc}")
        except DatabaseError:
            pass
        raise
    mark.finish(summary)
    return summary


def _load(
    mark: LoadMark,
    *,
    provinces: int,
    min_assignments: int,
    seed: int,
    today: str,
    communes: int,
    progress: Callable[[str], object],
) -> str:
    started = _time.perf_counter()
    postgres = connection.vendor == "postgresql"
    ref = date.fromisoformat(today)

    def db_dt(value: datetime):
        return value if postgres else connection.ops.adapt_datetimefield_value(value)

    def db_date(value: date | None):
        return value if postgres or value is None else value.isoformat()

    resumed = bool(mark.row.steps)
    if not mark.done("units"):
        if not Unit.objects.exists():  # (one transaction: present means complete)
            _units_and_users(provinces, seed, communes)
        mark.step_done("units")
    trees, office_of, staff_of = _trees()
    progress(
        f"  {len(trees)} provinces, {Unit.objects.count()} units, {User.objects.count()} users "
        f"({_time.perf_counter() - started:.1f} s)"
    )

    # -- tasks and assignments, streamed in batches, one committed step per province --
    per_province = -(-min_assignments // len(trees))
    tables = [
        Task._meta.db_table,
        Assignment._meta.db_table,
        CompletionClaim._meta.db_table,
        ExtensionRequest._meta.db_table,
    ]
    now_db = db_dt(timezone.now())
    with indexes_dropped(tables, mark):
        for number, (committee, bloc, comm) in enumerate(trees, start=1):
            step = f"province:{committee.code}"
            if mark.done(step):
                continue
            if resumed:  # the one province an interrupted run may have written in part
                _forget_province(committee)
                resumed = False
            ids = _next_ids()
            rng = random.Random(seed * 1000 + number)
            tasks, _asg = _province_rows(
                committee,
                bloc,
                comm,
                office_of[committee.pk],
                staff_of[committee.pk],
                per_province,
                rng,
                ref,
                ids,
                now_db,
                db_date,
                db_dt,
            )
            mark.step_done(step)
            progress(
                f"  {committee.name}: {tasks} tasks ({ids[1] - 1:,} assignments so far, "
                f"{_time.perf_counter() - started:.0f} s)"
            )
    progress(f"  indexes built ({_time.perf_counter() - started:.0f} s)")
    reset_sequences([Task, Assignment])
    with connection.cursor() as cursor:
        if postgres:
            # VACUUM (outside a transaction only) also sets the visibility map: index-only scans
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        else:
            cursor.execute("PRAGMA analysis_limit=1000")
            cursor.execute("ANALYZE")
    from giaoban.meetings.demo import build_national_briefings  # the meetings app's shape

    briefings = "briefings loaded before"
    if not mark.done("briefings"):
        with transaction.atomic():
            briefings = build_national_briefings(today=ref, progress=progress)
        mark.step_done("briefings")
    from giaoban.reports.demo_national import build_national_reports  # the reporting app's shape

    reporting = "reports loaded before"
    if not mark.done("reports"):
        with transaction.atomic():
            reporting = build_national_reports(today=ref, seed=seed, progress=progress)
        mark.step_done("reports")
    forget_tree()  # rows written around the services: every cached aggregate is void
    return (
        f"{len(trees)} provinces, {Unit.objects.count()} units, {User.objects.count()} users, "
        f"{Task.objects.count():,} tasks, {Assignment.objects.count():,} assignments, {briefings}, "
        f"{reporting}"
    )


def _units_and_users(provinces: int, seed: int, communes: int) -> None:
    """The nation, every province's units and the demo users, in one transaction."""
    rng = random.Random(seed)
    password = make_password(DEMO_PASSWORD)
    trees = []
    with transaction.atomic():
        nation = Unit.objects.create(
            kind=UnitKind.NATIONAL,
            name="Toàn quốc",
            short_name="Toàn quốc",
            code="VN",
            code_scheme="demo",
        )
        users: list[User] = [
            User(
                username="admin",
                full_name="Quản trị hệ thống",
                position="Quản trị",
                password=password,
                is_staff=True,
                is_superuser=True,
            )
        ]
        members: list[tuple[int, Unit, str]] = [(0, nation, Role.ADMIN)]
        for i, (prefix, name) in enumerate(PROVINCES[:provinces], start=1):
            committee, bloc, comm = _national_units(nation, i, prefix, name, rng, communes)
            trees.append((committee, bloc, comm))
            for username, full_name, position, unit, role in (
                (
                    f"vp{i:02d}",
                    f"Chuyên viên Văn phòng {committee.name}",
                    "Chuyên viên",
                    bloc[0],
                    Role.OFFICE,
                ),
                (
                    f"tt{i:02d}",
                    f"Thường trực {committee.name}",
                    "Phó Bí thư Thường trực",
                    committee,
                    Role.LEADER,
                ),
                (f"unit{i:02d}", f"Cán bộ {bloc[1].name}", "Chuyên viên", bloc[1], Role.UNIT),
                (
                    f"xa{i:02d}",
                    f"Cán bộ {comm[0].name}",
                    "Chánh Văn phòng Đảng ủy",
                    comm[0],
                    Role.UNIT,
                ),
            ):
                members.append((len(users), unit, role))
                users.append(
                    User(
                        username=username, full_name=full_name, position=position, password=password
                    )
                )
        User.objects.bulk_create(users)
        if any(u.pk is None for u in users):
            pks = dict(User.objects.values_list("username", "pk"))
            for u in users:
                u.pk = pks[u.username]
        Membership.objects.bulk_create(
            [Membership(user=users[k], unit=unit, role=role) for k, unit, role in members]
        )


def _trees() -> tuple[list[tuple[Unit, list[Unit], list[Unit]]], dict, dict]:
    """The provinces as written by _units_and_users: (committee, bloc units, communes) in
    order, and each committee's office clerk and board staff user."""
    committees = list(
        Unit.objects.filter(kind=UnitKind.COMMITTEE, code_scheme="demo").order_by("sort_order")
    )
    children: dict[int, list[Unit]] = {c.pk: [] for c in committees}
    for unit in Unit.objects.filter(parent__in=committees).order_by("parent_id", "sort_order"):
        children[unit.parent_id].append(unit)
    users = {u.username: u for u in User.objects.all()}
    trees, office_of, staff_of = [], {}, {}
    for c in committees:
        units = children[c.pk]
        trees.append(
            (c, [u for u in units if u.sort_order < 100], [u for u in units if u.sort_order >= 100])
        )
        office_of[c.pk] = users[f"vp{c.sort_order:02d}"]
        staff_of[c.pk] = users[f"unit{c.sort_order:02d}"]
    return trees, office_of, staff_of


def _next_ids() -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {Task._meta.db_table}")
        task = cursor.fetchone()[0]
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {Assignment._meta.db_table}")
        return [task, cursor.fetchone()[0]]


def _forget_province(committee: Unit) -> None:
    """Delete what an interrupted run wrote of one province (its committed batches)."""
    task, asg = Task._meta.db_table, Assignment._meta.db_table
    mine = f"SELECT a.id FROM {asg} a JOIN {task} t ON t.id = a.task_id WHERE t.committee_id = %s"
    with transaction.atomic(), connection.cursor() as cursor:
        for model in (ExtensionRequest, CompletionClaim):
            cursor.execute(
                f"DELETE FROM {model._meta.db_table} WHERE assignment_id IN ({mine})",
                [committee.pk],
            )
        cursor.execute(
            f"DELETE FROM {asg} WHERE task_id IN (SELECT id FROM {task} WHERE committee_id = %s)",
            [committee.pk],
        )
        cursor.execute(f"DELETE FROM {task} WHERE committee_id = %s", [committee.pk])
