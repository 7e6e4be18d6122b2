"""Demo and scale data: a realistic province after the 2025 reform, or the whole country.

``build_province`` goes through the services for tasks (so the data obeys the
same rules as real input) and then moves assignments into every status class.
``build_national`` writes millions of rows by bulk insert (COPY on
PostgreSQL) for load tests; it does not write audit entries.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TextIO

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from giaoban.accounts.models import Membership, Role, User
from giaoban.core.cache import forget_tree
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

DEMO_PASSWORD = "giaoban2026"

#: the 34 provinces and cities after the 2025 merger
PROVINCES = [
    ("Thành ủy", "Hà Nội"),
    ("Thành ủy", "Huế"),
    ("Tỉnh ủy", "Lai Châu"),
    ("Tỉnh ủy", "Điện Biên"),
    ("Tỉnh ủy", "Sơn La"),
    ("Tỉnh ủy", "Lạng Sơn"),
    ("Tỉnh ủy", "Quảng Ninh"),
    ("Tỉnh ủy", "Thanh Hóa"),
    ("Tỉnh ủy", "Nghệ An"),
    ("Tỉnh ủy", "Hà Tĩnh"),
    ("Tỉnh ủy", "Cao Bằng"),
    ("Tỉnh ủy", "Tuyên Quang"),
    ("Tỉnh ủy", "Lào Cai"),
    ("Tỉnh ủy", "Thái Nguyên"),
    ("Tỉnh ủy", "Phú Thọ"),
    ("Tỉnh ủy", "Bắc Ninh"),
    ("Tỉnh ủy", "Hưng Yên"),
    ("Thành ủy", "Hải Phòng"),
    ("Tỉnh ủy", "Ninh Bình"),
    ("Tỉnh ủy", "Quảng Trị"),
    ("Thành ủy", "Đà Nẵng"),
    ("Tỉnh ủy", "Quảng Ngãi"),
    ("Tỉnh ủy", "Gia Lai"),
    ("Tỉnh ủy", "Khánh Hòa"),
    ("Tỉnh ủy", "Lâm Đồng"),
    ("Tỉnh ủy", "Đắk Lắk"),
    ("Thành ủy", "Hồ Chí Minh"),
    ("Tỉnh ủy", "Đồng Nai"),
    ("Tỉnh ủy", "Tây Ninh"),
    ("Thành ủy", "Cần Thơ"),
    ("Tỉnh ủy", "Vĩnh Long"),
    ("Tỉnh ủy", "Đồng Tháp"),
    ("Tỉnh ủy", "Cà Mau"),
    ("Tỉnh ủy", "An Giang"),
]

#: provincial bloc units after the 2025 reform: (kind, name pattern, short name, username)
BLOC_UNITS = [
    (UnitKind.OFFICE, "Văn phòng {c}", "Văn phòng", "vanphong"),
    (UnitKind.BOARD, "Ban Tổ chức {c}", "Ban Tổ chức", "bantochuc"),
    (UnitKind.BOARD, "Ban Tuyên giáo và Dân vận {c}", "Ban TG&DV", "bantuyengiao"),
    (UnitKind.BOARD, "Ban Nội chính {c}", "Ban Nội chính", "bannoichinh"),
    (UnitKind.INSPECTION, "Ủy ban Kiểm tra {c}", "UBKT", "ubkt"),
    (UnitKind.NEWSPAPER, "Báo và Phát thanh, Truyền hình {p}", "Báo và PT-TH", "bao"),
    (UnitKind.SCHOOL, "Trường Chính trị tỉnh {p}", "Trường Chính trị", "truongct"),
    (UnitKind.BLOC_COMMITTEE, "Đảng ủy các cơ quan Đảng tỉnh", "ĐU các cơ quan Đảng", "dangcqd"),
    (UnitKind.BLOC_COMMITTEE, "Đảng ủy Ủy ban nhân dân tỉnh", "ĐU UBND tỉnh", "dangubnd"),
]

_SYLLABLES = [
    "An",
    "Bình",
    "Phước",
    "Tân",
    "Long",
    "Hòa",
    "Thạnh",
    "Xuân",
    "Phú",
    "Thuận",
    "Trảng",
    "Định",
    "Quán",
    "Hưng",
    "Lộc",
    "Mỹ",
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Vĩnh",
    "Thống",
    "Nhất",
    "Gia",
    "Kiệm",
    "Sơn",
    "Hải",
    "Trị",
    "Lâm",
    "Phong",
    "Thọ",
    "Hiệp",
    "Đức",
    "Thành",
    "Trung",
    "Cát",
]

TASK_TEXTS = [
    "Rà soát, hoàn thiện kế hoạch thực hiện nhiệm vụ trọng tâm, báo cáo Thường trực Tỉnh ủy",
    "Tham mưu tổ chức hội nghị sơ kết việc thực hiện Nghị quyết của Ban Chấp hành Đảng bộ tỉnh",
    "Đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động của cơ quan",
    "Tăng cường công tác tuyên truyền, vận động Nhân dân bàn giao mặt bằng các dự án trọng điểm",
    "Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên theo quy định",
    "Rà soát, bổ sung quy hoạch cán bộ, kiện toàn nhân sự cấp ủy",
    "Tham mưu giải quyết dứt điểm các đơn thư khiếu nại, tố cáo kéo dài",
    "Xây dựng báo cáo tổng kết công tác năm và phương hướng nhiệm vụ năm sau",
    "Tập trung thực hiện phát triển đảng viên đạt chỉ tiêu đề ra, nhất là trong doanh nghiệp và trường học",
    "Chuẩn bị nội dung phục vụ hội nghị Ban Chấp hành Đảng bộ tỉnh",
    "Thực hiện nghiêm quy chế bảo vệ bí mật nhà nước trong cơ quan",
    "Báo cáo tiến độ thực hiện các kết luận của Thường trực Tỉnh ủy",
    "Tổ chức sinh hoạt chi bộ hằng tháng bằng Sổ tay đảng viên điện tử",
    "Tăng cường kiểm tra, giám sát việc thực hiện quy chế làm việc của cấp ủy",
]


def commune_names(n: int, rng: random.Random) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < n:
        name = f"{rng.choice(_SYLLABLES)} {rng.choice(_SYLLABLES)}"
        if name.split()[0] == name.split()[1] or name in seen:
            continue
        seen.add(name)
        names.append(name)
    return names


def last_quarters(today: date, count: int) -> list[tuple[int, int]]:
    """The ``count`` most recent finished quarters as (year, quarter), oldest first."""
    year, quarter = today.year, (today.month - 1) // 3 + 1
    out = []
    for _ in range(count):
        quarter -= 1
        if quarter == 0:
            year, quarter = year - 1, 4
        out.append((year, quarter))
    return list(reversed(out))


def quarter_end(year: int, quarter: int) -> date:
    month = quarter * 3
    return (date(year + (month == 12), (month % 12) + 1, 1)) - timedelta(days=1)


def _unit_objects(
    committee: Unit, prefix: str, province: str, code: str, rng: random.Random, communes: int
) -> tuple[list[Unit], list[Unit]]:
    """A province's bloc units and commune committees after the 2025 reform, not yet saved."""
    bloc = [
        Unit(
            kind=kind,
            name=pattern.format(c=prefix, p=province),
            short_name=short,
            parent=committee,
            sort_order=order,
            valid_from=date(2025, 7, 1),
            code=f"{code}.{order:02d}",
            code_scheme="demo",
        )
        for order, (kind, pattern, short, _user) in enumerate(BLOC_UNITS, start=1)
    ]
    comm = []
    for i, name in enumerate(commune_names(communes, rng), start=1):
        word = "phường" if i % 4 == 0 else "xã"
        comm.append(
            Unit(
                kind=UnitKind.COMMUNE_COMMITTEE,
                name=f"Đảng ủy {word} {name}",
                short_name=f"ĐU {word} {name}",
                parent=committee,
                sort_order=100 + i,
                valid_from=date(2025, 7, 1),
                code=f"{code}.{100 + i:03d}",
                code_scheme="demo",
            )
        )
    return bloc, comm


def _make_province_units(
    prefix: str,
    province: str,
    code: str,
    rng: random.Random,
    communes: int,
    parent: Unit | None = None,
) -> tuple[Unit, list[Unit], list[Unit]]:
    committee_name = f"{prefix} {province}"
    committee = Unit.objects.create(
        kind=UnitKind.COMMITTEE,
        name=committee_name,
        short_name=committee_name,
        code=code,
        code_scheme="demo",
        parent=parent,
        valid_from=date(2025, 7, 1),
    )
    units, comm = _unit_objects(committee, prefix, province, code, rng, communes)
    for u in units + comm:
        u.save()
    return committee, units, comm


@dataclass
class Login:
    username: str
    role: str
    unit: str


LOGINS: list[Login] = []


def print_logins(out: TextIO) -> None:
    users = (
        Membership.objects.select_related("user", "unit")
        .filter(
            user__username__in=[
                "admin",
                "vanphong",
                "thuongtruc",
                "bantochuc",
                "bantuyengiao",
                "ubkt",
                "xa01",
            ]
        )
        .order_by("user__username")
    )
    out.write(f"Tài khoản mẫu / demo logins (mật khẩu / password: {DEMO_PASSWORD}):")
    for m in users:
        out.write(f"  {m.user.username:<14} {m.get_role_display():<28} {m.unit.name}")


@transaction.atomic
def build_province(*, seed: int = 2026, today: date | None = None) -> str:
    """One province (Đồng Nai) with its bloc units, ~90 communes, users and six quarters of tasks."""
    rng = random.Random(seed)
    today = today or timezone.localdate()
    committee, units, communes = _make_province_units("Tỉnh ủy", "Đồng Nai", "DN", rng, communes=90)
    by_user = {b[3]: u for b, u in zip(BLOC_UNITS, units)}
    password = make_password(DEMO_PASSWORD)

    def user(username: str, full_name: str, position: str, unit: Unit, role: str, **extra) -> User:
        u = User.objects.create(
            username=username, full_name=full_name, position=position, password=password, **extra
        )
        Membership.objects.create(user=u, unit=unit, role=role)
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
    for i, unit in enumerate(communes[:5], start=1):
        user(f"xa{i:02d}", f"Cán bộ {unit.short_name}", "Chánh Văn phòng Đảng ủy", unit, Role.UNIT)

    boards = [u for u in units if u.kind != UnitKind.OFFICE]
    tasks = 0
    for n, (year, quarter) in enumerate(last_quarters(today, 6), start=1):
        doc_date = quarter_end(year, quarter) + timedelta(days=rng.randint(8, 20))
        if doc_date > today:
            doc_date = today
        number = f"{40 + n * 7}-TB/TU"
        for item in range(1, 9):
            text = rng.choice(TASK_TEXTS)
            kind = item % 4
            if kind == 3:
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
                kwargs["lead_units"] = rng.sample(communes, 30)
            else:
                kwargs["lead_units"] = rng.sample(boards, 3)
            create_task(
                committee=committee,
                doc_number=number,
                doc_date=doc_date,
                item_number=str(item),
                text=f"{text} (Quý {'I' * quarter if quarter < 4 else 'IV'}/{year}).",
                deadline=deadline,
                directed_by=leader,
                directed_by_name="Hồ Thanh Sơn, Phó Bí thư Thường trực Tỉnh ủy",
                created_by=office,
                created_on=doc_date,
                check_permission=False,
                **kwargs,
            )
            tasks += 1
    _evolve(rng, today, office)
    n_asg = Assignment.objects.count()
    from giaoban.reports.demo import build_reports

    reporting = build_reports(committee=committee, seed=seed, today=today)
    return f"1 province, {Unit.objects.count()} units, {User.objects.count()} users, {tasks} tasks, {n_asg} assignments; {reporting}"


def _evolve(rng: random.Random, today: date, office: User) -> None:
    """Move assignments into every status class, with claims, extensions and progress."""
    changed: list[Assignment] = []
    claims: list[CompletionClaim] = []
    extensions: list[ExtensionRequest] = []
    progress: list[ProgressUpdate] = []
    unit_users = {
        m.unit_id: m.user for m in Membership.objects.filter(role=Role.UNIT).select_related("user")
    }
    for a in Assignment.objects.select_related("task"):
        doc_date = a.task.doc_date
        author = unit_users.get(a.unit_id, office)
        roll = rng.random()
        if a.deadline is None:
            if roll < 0.25:
                a.state, a.completed_on = (
                    AssignmentState.DONE,
                    min(today, doc_date + timedelta(days=rng.randint(10, 90))),
                )
        elif a.deadline < today:
            if roll < 0.10:  # extended once, then done within the new deadline
                a.extension_count, a.deadline = 1, a.deadline + timedelta(days=30)
                extensions.append(
                    ExtensionRequest(
                        assignment=a,
                        requested_by=author,
                        old_deadline=a.original_deadline,
                        new_deadline=a.deadline,
                        reason="Cần thêm thời gian phối hợp.",
                        decision=Decision.APPROVED,
                        decided_by=office,
                    )
                )
                if a.deadline < today:
                    a.state, a.completed_on = (
                        AssignmentState.DONE,
                        a.deadline - timedelta(days=rng.randint(0, 10)),
                    )
            elif roll < 0.60:
                a.state, a.completed_on = (
                    AssignmentState.DONE,
                    a.deadline - timedelta(days=rng.randint(0, 15)),
                )
            elif roll < 0.75:
                a.state, a.completed_on = (
                    AssignmentState.DONE,
                    min(today, a.deadline + timedelta(days=rng.randint(1, 20))),
                )
            elif roll < 0.80:
                a.state, a.cancelled_on, a.cancel_reason = (
                    AssignmentState.CANCELLED,
                    a.deadline,
                    "Điều chỉnh theo kết luận mới của Thường trực Tỉnh ủy.",
                )
            elif roll < 0.86:
                a.state = AssignmentState.CLAIMED
        else:
            if roll < 0.25:
                a.state, a.completed_on = (
                    AssignmentState.DONE,
                    min(today, doc_date + timedelta(days=rng.randint(5, 20))),
                )
            elif roll < 0.35:
                a.state = AssignmentState.CLAIMED
            elif roll < 0.40:
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
        if a.completed_on is not None and a.completed_on < doc_date:
            a.completed_on = doc_date
        if a.state == AssignmentState.DONE:
            a.progress_percent = 100
            a.confirmed_by = office
            a.confirmed_at = timezone.make_aware(datetime.combine(a.completed_on, time(16, 0)))
            claims.append(
                CompletionClaim(
                    assignment=a,
                    claimed_by=author,
                    completed_on=a.completed_on,
                    evidence_number=f"{rng.randint(10, 400)}-BC/ĐU",
                    evidence_date=a.completed_on,
                    decision=Decision.APPROVED,
                    decided_by=office,
                )
            )
        elif a.state == AssignmentState.CLAIMED:
            a.progress_percent = 100
            claims.append(
                CompletionClaim(
                    assignment=a,
                    claimed_by=author,
                    completed_on=min(today, max(doc_date, today - timedelta(days=2))),
                    evidence_number=f"{rng.randint(10, 400)}-BC/ĐU",
                    evidence_date=today,
                )
            )
        elif a.state == AssignmentState.OPEN:
            a.progress_percent = rng.choice([0, 20, 40, 60, 80])
            if a.progress_percent:
                progress.append(
                    ProgressUpdate(
                        assignment=a,
                        author=author,
                        percent=a.progress_percent,
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


# -- national scale -----------------------------------------------------------
#
# Everything below writes rows straight into the tables (no services, no audit
# entries, no model save()), so it must fill the derived columns itself
# (Unit.name_folded, Task.doc_year and Task.search_folded) the way save() does.

#: tasks generated, written and committed together: bounds memory and transaction size
NATIONAL_BATCH_TASKS = 2_000

_TASK_COLS = [
    "id",
    "committee_id",
    "doc_number",
    "doc_date",
    "doc_year",
    "item_number",
    "text",
    "deadline",
    "directed_by_id",
    "directed_by_name",
    "created_by_id",
    "created_at",
    "created_on",
    "search_folded",
]
_ASG_COLS = [
    "id",
    "task_id",
    "unit_id",
    "role",
    "state",
    "deadline",
    "original_deadline",
    "extension_count",
    "progress_percent",
    "completed_on",
    "confirmed_at",
    "confirmed_by_id",
    "cancelled_on",
    "cancel_reason",
    "created_at",
    "updated_at",
    "extension_pending",
]
_CLAIM_COLS = [
    "assignment_id",
    "claimed_by_id",
    "claimed_at",
    "completed_on",
    "evidence_number",
    "evidence_date",
    "note",
    "attachment",
    "decision",
    "decided_by_id",
    "decided_at",
    "decision_reason",
]
_EXT_COLS = [
    "assignment_id",
    "requested_by_id",
    "requested_at",
    "old_deadline",
    "new_deadline",
    "reason",
    "decision",
    "decided_by_id",
    "decided_at",
    "decision_reason",
]


def _copy_rows(table: str, columns: list[str], rows: Iterable[tuple]) -> int:
    """Bulk insert ``rows`` (an iterable, consumed once): COPY on PostgreSQL,
    executemany in slices of 20,000 on SQLite. Returns the number of rows."""
    n = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    n += 1
        else:
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
            batch: list[tuple] = []
            for row in rows:
                batch.append(row)
                if len(batch) >= 20_000:
                    cursor.executemany(sql, batch)
                    n += len(batch)
                    batch.clear()
            if batch:
                cursor.executemany(sql, batch)
                n += len(batch)
    return n


def _secondary_indexes(tables: list[str]) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the plain (non-unique, non-constraint) indexes of ``tables``."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) "
                "AND indexdef NOT LIKE 'CREATE UNIQUE%%' "
                "AND indexname NOT IN (SELECT conname FROM pg_constraint)",
                [tables],
            )
        else:
            cursor.execute(
                f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                f"AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ({', '.join(['%s'] * len(tables))})",
                tables,
            )
        return list(cursor.fetchall())


@contextmanager
def _indexes_dropped(tables: list[str]):
    """Drop the plain indexes of ``tables`` for a bulk load and build them again afterwards
    (one sorted build per index is several times faster than millions of inserts into each)."""
    indexes = _secondary_indexes(tables)
    with connection.cursor() as cursor:
        for name, _sql in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            deferred = connection.vendor == "postgresql" and connection.in_atomic_block
            if deferred:  # PostgreSQL builds no index while deferred foreign-key checks are pending
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for _name, sql in indexes:
                cursor.execute(sql)
            if deferred:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _reset_sequences() -> None:
    if connection.vendor != "postgresql":
        return
    from django.core.management.color import no_style

    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Task, Assignment]):
            cursor.execute(sql)


def _national_units(
    nation: Unit, number: int, prefix: str, province: str, rng: random.Random, communes: int
) -> tuple[Unit, list[Unit], list[Unit]]:
    """One province's committee, bloc units and communes (bulk insert, codes P01, P01.01, P01.101, …)."""
    from giaoban.core.text import fold

    code = f"P{number:02d}"
    name = f"{prefix} {province}"
    committee = Unit.objects.create(
        kind=UnitKind.COMMITTEE,
        name=name,
        short_name=name,
        code=code,
        code_scheme="demo",
        parent=nation,
        sort_order=number,
        valid_from=date(2025, 7, 1),
    )
    bloc, comm = _unit_objects(committee, prefix, province, code, rng, communes)
    for u in bloc + comm:
        u.name_folded = fold(f"{u.name} {u.short_name}")  # bulk_create skips Unit.save
    Unit.objects.bulk_create(bloc + comm)
    if any(u.pk is None for u in bloc + comm):  # backends without RETURNING
        by_code = dict(Unit.objects.filter(parent=committee).values_list("code", "pk"))
        for u in bloc + comm:
            u.pk = by_code[u.code]
    return committee, bloc, comm


def _national_fanout(
    rng: random.Random, bloc: list[Unit], communes: list[Unit]
) -> list[tuple[Unit, str]]:
    """Which units get one task, as build_province spreads them: every unit, one lead board with two
    coordinating boards, a set of communes, or three boards."""
    boards = [u for u in bloc if u.kind != UnitKind.OFFICE]
    roll = rng.random()
    if roll < 0.2:
        return [(u, "lead") for u in bloc[1:] + communes]
    if roll < 0.5:
        lead, *coord = rng.sample(boards, 3)
        return [(lead, "lead")] + [(u, "coordinating") for u in coord]
    if roll < 0.7:
        return [(u, "lead") for u in rng.sample(communes, rng.randint(10, 40))]
    return [(u, "lead") for u in rng.sample(boards, 3)]


def _national_state(
    rng: random.Random, today: date, doc_date: date, deadline: date | None
) -> tuple:
    """(state, deadline in force, extension_count, progress, completed_on, cancelled_on, pending extension)
    for one assignment, spread over every status class at ``today``."""
    roll = rng.random()
    asks = False
    ext, state, completed, cancelled = 0, "open", None, None
    if deadline is None:
        if roll < 0.25:
            state, completed = "done", doc_date + timedelta(days=rng.randint(10, 90))
        elif roll < 0.28:
            state, cancelled = "cancelled", doc_date + timedelta(days=rng.randint(5, 60))
        elif roll < 0.33:
            state = "claimed"
    elif deadline < today:
        if roll < 0.10:  # extended once by 30 days; done within the new deadline if it has passed
            ext, deadline = 1, deadline + timedelta(days=30)
            if deadline < today:
                state, completed = "done", deadline - timedelta(days=rng.randint(0, 10))
        elif roll < 0.55:
            state, completed = "done", deadline - timedelta(days=rng.randint(0, 15))
        elif roll < 0.72:
            state, completed = "done", deadline + timedelta(days=rng.randint(1, 30))
        elif roll < 0.76:
            state, cancelled = "cancelled", deadline
        elif roll < 0.82:
            state = "claimed"
    else:
        if roll < 0.25:
            state, completed = "done", doc_date + timedelta(days=rng.randint(5, 20))
        elif roll < 0.33:
            state = "claimed"
        elif roll < 0.36:
            state, cancelled = "cancelled", doc_date + timedelta(days=rng.randint(1, 10))
        elif roll < 0.40:
            asks = True  # an extension request awaiting the office
    if completed is not None:
        completed = max(doc_date, min(today, completed))
    if cancelled is not None:
        cancelled = max(doc_date, min(today, cancelled))
    if state in ("done", "claimed"):
        percent = 100
    elif state == "open":
        percent = rng.choice((0, 0, 20, 40, 60, 80))
    else:
        percent = 0
    return state, deadline, ext, percent, completed, cancelled, asks


def build_national(
    *,
    provinces: int = 34,
    min_assignments: int = 3_000_000,
    seed: int = 2026,
    today: date | None = None,
    communes: int = 90,
    progress: Callable[[str], object] = print,
) -> str:
    """Every province (committee, 9 bloc units, ``communes`` communes), users and enough tasks to reach
    ``min_assignments`` assignments, written by bulk insert in batches of NATIONAL_BATCH_TASKS tasks.

    Users (password DEMO_PASSWORD): ``admin``; per province ``vpNN`` (office), ``ttNN`` (leader of
    the committee), ``unitNN`` (staff of its Ban Tổ chức), ``xaNN`` (staff of its first commune).
    Claimed assignments get their pending completion claim, extended ones their approved extension
    request, and some open ones a pending request. Needs an empty database; writes no audit entries.
    """
    import time as _time

    if Unit.objects.exists() or User.objects.exists():
        raise ValueError("build_national needs an empty database")
    if not 1 <= provinces <= len(PROVINCES):
        raise ValueError(f"provinces must be between 1 and {len(PROVINCES)}")
    rng = random.Random(seed)
    today = today or timezone.localdate()
    started = _time.perf_counter()
    postgres = connection.vendor == "postgresql"

    def db_dt(value: datetime):
        return value if postgres else connection.ops.adapt_datetimefield_value(value)

    def db_date(value: date | None):
        return value if postgres or value is None else value.isoformat()

    # -- units and users (small: ordinary bulk_create) --
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
    office_of = {c.pk: users[1 + 4 * n] for n, (c, _b, _m) in enumerate(trees)}
    staff_of = {c.pk: users[3 + 4 * n] for n, (c, _b, _m) in enumerate(trees)}
    progress(
        f"  {len(trees)} provinces, {Unit.objects.count()} units, {len(users)} users "
        f"({_time.perf_counter() - started:.1f} s)"
    )

    # -- tasks and assignments, streamed in batches --
    per_province = -(-min_assignments // len(trees))
    tables = [
        Task._meta.db_table,
        Assignment._meta.db_table,
        CompletionClaim._meta.db_table,
        ExtensionRequest._meta.db_table,
    ]
    with _indexes_dropped(tables):
        total_tasks, total_asg = _national_rows(
            trees, office_of, staff_of, per_province, rng, today, progress, started, db_date, db_dt
        )
    progress(f"  indexes built ({_time.perf_counter() - started:.0f} s)")
    _reset_sequences()
    with connection.cursor() as cursor:
        if postgres:
            # VACUUM (outside a transaction only) also sets the visibility map: index-only scans
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        else:
            cursor.execute("PRAGMA analysis_limit=1000")
            cursor.execute("ANALYZE")
    forget_tree()  # rows written around the services: every cached aggregate is void
    return (
        f"{len(trees)} provinces, {Unit.objects.count()} units, {len(users)} users, {total_tasks:,} tasks, "
        f"{total_asg:,} assignments"
    )


def _national_rows(
    trees, office_of, staff_of, per_province, rng, today, progress, started, db_date, db_dt
):
    """Tasks, assignments, claims and extension requests of every province, in batches."""
    import time as _time

    from giaoban.core.text import fold

    next_task = next_asg = 1
    now = timezone.now()
    now_db = db_dt(now)
    total_tasks = total_asg = 0
    for committee, bloc, comm in trees:
        office, staff = office_of[committee.pk], staff_of[committee.pk]
        remaining = per_province
        number = 0
        while remaining > 0:
            task_rows: list[tuple] = []
            asg_rows: list[tuple] = []
            claim_rows: list[tuple] = []
            ext_rows: list[tuple] = []
            for _ in range(NATIONAL_BATCH_TASKS):
                if remaining <= 0:
                    break
                number += 1
                # documents of eight items each, spread over the last eighteen months
                doc, item = divmod(number - 1, 8)
                if item == 0:
                    doc_date = today - timedelta(days=rng.randint(5, 540))
                    doc_number = f"{doc + 1}-TB/TU"
                deadline = (
                    None
                    if item % 4 == 3
                    else doc_date + timedelta(days=rng.choice((15, 30, 60, 90)))
                )
                text = rng.choice(TASK_TEXTS)
                directed = f"Thường trực {committee.name}"
                task_rows.append(
                    (
                        next_task,
                        committee.pk,
                        doc_number,
                        db_date(doc_date),
                        doc_date.year,
                        str(item + 1),
                        text,
                        db_date(deadline),
                        None,
                        directed,
                        office.pk,
                        now_db,
                        db_date(doc_date),
                        fold(f"{doc_number} {text} {directed}"),
                    )
                )
                for unit, role in _national_fanout(rng, bloc, comm):
                    state, in_force, ext, percent, completed, cancelled, asks = _national_state(
                        rng, today, doc_date, deadline
                    )
                    confirmed_at = (
                        db_dt(timezone.make_aware(datetime.combine(completed, time(16, 0))))
                        if state == "done"
                        else None
                    )
                    asg_rows.append(
                        (
                            next_asg,
                            next_task,
                            unit.pk,
                            role,
                            state,
                            db_date(in_force),
                            db_date(deadline),
                            ext,
                            percent,
                            db_date(completed),
                            confirmed_at,
                            office.pk if state == "done" else None,
                            db_date(cancelled),
                            "Điều chỉnh theo kết luận mới." if state == "cancelled" else "",
                            now_db,
                            now_db,
                            bool(asks and not ext),
                        )
                    )
                    if state == "claimed":
                        claimed_on = min(today, max(doc_date, today - timedelta(days=2)))
                        claim_rows.append(
                            (
                                next_asg,
                                staff.pk,
                                now_db,
                                db_date(claimed_on),
                                "15-BC/ĐU",
                                db_date(today),
                                "",
                                "",
                                "pending",
                                None,
                                None,
                                "",
                            )
                        )
                    if ext:
                        ext_rows.append(
                            (
                                next_asg,
                                staff.pk,
                                now_db,
                                db_date(deadline),
                                db_date(in_force),
                                "Cần thêm thời gian phối hợp.",
                                "approved",
                                office.pk,
                                now_db,
                                "",
                            )
                        )
                    elif asks:
                        ext_rows.append(
                            (
                                next_asg,
                                staff.pk,
                                now_db,
                                db_date(in_force),
                                db_date(in_force + timedelta(days=30)),
                                "Chờ ý kiến của các sở, ngành liên quan.",
                                "pending",
                                None,
                                None,
                                "",
                            )
                        )
                    next_asg += 1
                    remaining -= 1
                next_task += 1
            with transaction.atomic():
                total_tasks += _copy_rows(Task._meta.db_table, _TASK_COLS, task_rows)
                total_asg += _copy_rows(Assignment._meta.db_table, _ASG_COLS, asg_rows)
                _copy_rows(CompletionClaim._meta.db_table, _CLAIM_COLS, claim_rows)
                _copy_rows(ExtensionRequest._meta.db_table, _EXT_COLS, ext_rows)
        progress(
            f"  {committee.name}: {number} tasks ({total_asg:,} assignments so far, "
            f"{_time.perf_counter() - started:.0f} s)"
        )
    return total_tasks, total_asg
