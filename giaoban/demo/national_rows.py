"""Row generation of the national load: the task, assignment, claim and extension rows of one
province, and the unit tree, written straight into the tables (see ``national``)."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from giaoban.core.bulk import (
    copy_rows,
)
from giaoban.core.text import fold
from giaoban.demo.shared import TASK_TEXTS, choose_fate, unit_objects
from giaoban.org.models import Unit, UnitKind
from giaoban.tasks.models import Assignment, CompletionClaim, ExtensionRequest, Task

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


def _national_units(
    nation: Unit, number: int, prefix: str, province: str, rng: random.Random, communes: int
) -> tuple[Unit, list[Unit], list[Unit]]:
    """One province's committee, bloc units and communes (bulk insert, codes P01, P01.01, P01.101, …)."""
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
    bloc, comm = unit_objects(committee, prefix, province, code, rng, communes)
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


#: the kind of the national load's BulkLoad mark


def _province_rows(
    committee, bloc, comm, office, staff, per_province, rng, today, ids, now_db, db_date, db_dt
) -> tuple[int, int]:
    """Tasks, assignments, claims and extension requests of one province, in batches of
    NATIONAL_BATCH_TASKS tasks (each committed). ``ids``: the next task and assignment ids,
    advanced. Returns (tasks, assignments) written."""
    next_task, next_asg = ids
    total_tasks = total_asg = 0
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
                None if item % 4 == 3 else doc_date + timedelta(days=rng.choice((15, 30, 60, 90)))
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
                fate = choose_fate(rng, today, doc_date, deadline)
                state, in_force, ext = fate.state, fate.deadline, fate.extensions
                completed, cancelled, asks = (
                    fate.completed_on,
                    fate.cancelled_on,
                    fate.asks_extension,
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
                        fate.percent,
                        db_date(completed),
                        confirmed_at,
                        office.pk if state == "done" else None,
                        db_date(cancelled),
                        "Điều chỉnh theo kết luận mới." if state == "cancelled" else "",
                        now_db,
                        now_db,
                        asks,
                    )
                )
                if state == "claimed":
                    claim_rows.append(
                        (
                            next_asg,
                            staff.pk,
                            now_db,
                            db_date(fate.claimed_on),
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
                    # asked ten days before the first deadline, granted the next morning:
                    # the status rule counts the extension from that day
                    asked = min(today, max(doc_date, deadline - timedelta(days=10)))
                    granted = min(today, asked + timedelta(days=1))
                    ext_rows.append(
                        (
                            next_asg,
                            staff.pk,
                            db_dt(timezone.make_aware(datetime.combine(asked, time(15, 0)))),
                            db_date(deadline),
                            db_date(in_force),
                            "Cần thêm thời gian phối hợp.",
                            "approved",
                            office.pk,
                            db_dt(timezone.make_aware(datetime.combine(granted, time(9, 0)))),
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
            total_tasks += copy_rows(Task._meta.db_table, _TASK_COLS, task_rows)
            total_asg += copy_rows(Assignment._meta.db_table, _ASG_COLS, asg_rows)
            copy_rows(CompletionClaim._meta.db_table, _CLAIM_COLS, claim_rows)
            copy_rows(ExtensionRequest._meta.db_table, _EXT_COLS, ext_rows)
    ids[:] = [next_task, next_asg]
    return total_tasks, total_asg
