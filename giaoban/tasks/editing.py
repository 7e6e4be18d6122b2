"""Corrections after a task was entered: its text and source, its deadline, its units.

Kept apart from services.py (which holds the entry and the assignment acts) so neither
passes 500 lines; the same rules apply: keyword-only, atomic, ``full_clean`` before
``save``, one audit entry per change with the before and after values.

A deadline *correction* is not an extension: the deadline typed at entry was wrong, so
the original deadline of every assignment becomes the corrected one; an assignment whose
deadline was extended keeps the later of its extension and the corrected deadline. The
status classes read the assignment's deadline, so they follow the correction at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from giaoban.core.audit import log_action, snapshot
from giaoban.core.permissions import check_action
from giaoban.core.references import parse_reference
from giaoban.org.models import Unit, subtree_ids
from giaoban.tasks import services
from giaoban.tasks.evidence import check_evidence
from giaoban.tasks.models import (
    Assignment,
    AssignmentRole,
    AssignmentState,
    CompletionClaim,
    Decision,
    Task,
)

#: the task fields a correction may change (the deadline has its own rule, below)
TASK_FIELDS = [
    "doc_number",
    "doc_date",
    "item_number",
    "text",
    "deadline",
    "directed_by",
    "directed_by_name",
]


def has_activity(assignment: Assignment) -> bool:
    """Has the unit done anything on it (progress, claim, extension request, a decision)?"""
    return (
        assignment.state != AssignmentState.OPEN
        or assignment.progress_percent > 0
        or assignment.extension_count > 0
        or assignment.progress_updates.exists()
        or assignment.claims.exists()
        or assignment.extensions.exists()
    )


@transaction.atomic
def edit_task(
    *,
    task: Task,
    user: Any,
    doc_number: str,
    doc_date: date,
    item_number: str,
    text: str,
    deadline: date | None,
    directed_by: Any | None,
    directed_by_name: str,
    reason: str = "",
) -> Task:
    """Correct what was entered. A changed deadline needs a reason (it changes the statistics)."""
    check_action(user, task, "edit_task")
    task = Task.objects.select_for_update().get(pk=task.pk)
    before = snapshot(task, TASK_FIELDS)
    old_leader = task.directed_by
    errors: dict[str, list[str]] = {}
    reference = parse_reference(doc_number)
    if reference is None:
        errors.setdefault("doc_number", []).append(
            _("Write the document number as offices do, e.g. 90-TB/TU or 45/KH-UBND.")
        )
    else:
        doc_number = reference.number
    if doc_date > services.today():
        errors.setdefault("doc_date", []).append(_("The document date cannot be in the future."))
    if deadline is not None and deadline < doc_date:
        errors.setdefault("deadline", []).append(
            _("The deadline cannot be before the document date.")
        )
    deadline_changed = deadline != task.deadline
    if deadline_changed and not reason.strip():
        errors.setdefault("reason", []).append(
            _("Say why the deadline is corrected: the statistics of every unit change with it.")
        )
    if errors:
        raise ValidationError(errors)
    task.doc_number = doc_number.strip()
    task.doc_date = doc_date
    task.item_number = item_number.strip()
    task.text = text.strip()
    task.deadline = deadline
    task.directed_by = directed_by
    task.directed_by_name = directed_by_name.strip()
    task.full_clean()
    after = snapshot(task, TASK_FIELDS)
    changed = [f for f in TASK_FIELDS if before[f] != after[f]]
    if not changed:
        raise ValidationError(_("Nothing was changed."))
    try:
        with transaction.atomic():
            task.save()
    except IntegrityError:
        raise ValidationError(
            {"item_number": _("This item of this document has already been entered.")}
        )
    # the history names the leader, not a user id
    before["directed_by"] = str(old_leader) if old_leader else None
    after["directed_by"] = str(directed_by) if directed_by else None
    log_action(
        task,
        "tasks.task.edited",
        user=user,
        unit=task.committee,
        before={f: before[f] for f in changed},
        data={**{f: after[f] for f in changed}, "reason": reason.strip()},
    )
    if deadline_changed:
        _correct_assignment_deadlines(task, user=user, reason=reason.strip())
    return task


def _correct_assignment_deadlines(task: Task, *, user: Any, reason: str) -> None:
    for assignment in task.assignments.select_for_update().select_related("unit"):
        before = snapshot(assignment, ["deadline", "original_deadline"])
        assignment.original_deadline = task.deadline
        if assignment.extension_count == 0 or task.deadline is None:
            assignment.deadline = task.deadline
        elif assignment.deadline is None or task.deadline > assignment.deadline:
            # a correction later than the extension granted makes the extension moot
            assignment.deadline = task.deadline
        assignment.save(update_fields=["deadline", "original_deadline", "updated_at"])
        log_action(
            assignment,
            "tasks.assignment.deadline_corrected",
            user=user,
            unit=assignment.unit,
            before=before,
            data={**snapshot(assignment, ["deadline", "original_deadline"]), "reason": reason},
        )


@transaction.atomic
def add_units(
    *,
    task: Task,
    user: Any,
    lead_units: Iterable[Unit] = (),
    coordinating_units: Iterable[Unit] = (),
) -> list[Assignment]:
    """Give the task to more units after the fan-out."""
    check_action(user, task, "edit_task")
    task = Task.objects.select_for_update().select_related("committee").get(pk=task.pk)
    lead = list(dict.fromkeys(lead_units))
    coord = [u for u in dict.fromkeys(coordinating_units) if u not in lead]
    wanted = lead + coord
    errors: list[str] = []
    if not wanted:
        errors.append(_("Choose at least one unit."))
    allowed = subtree_ids([task.committee_id], include_roots=False)
    outside = [u for u in wanted if u.pk not in allowed]
    if outside:
        errors.append(
            _("Unknown unit for this committee: %(names)s.")
            % {"names": ", ".join(u.name for u in outside)}
        )
    closed = [u for u in wanted if u.pk in allowed and not u.is_active(services.today())]
    if closed:
        errors.append(
            _("This unit no longer exists: %(names)s.")
            % {"names": ", ".join(u.name for u in closed)}
        )
    present = set(task.assignments.values_list("unit_id", flat=True))
    already = [u for u in wanted if u.pk in present]
    if already:
        errors.append(
            _("These units already have this task: %(names)s.")
            % {"names": ", ".join(u.name for u in already)}
        )
    if errors:
        raise ValidationError({"units": errors})
    created = [
        Assignment(
            task=task,
            unit=unit,
            role=AssignmentRole.LEAD if unit in lead else AssignmentRole.COORDINATING,
            deadline=task.deadline,
            original_deadline=task.deadline,
        )
        for unit in wanted
    ]
    for assignment in created:
        assignment.full_clean()
        assignment.save()
        log_action(
            assignment,
            "tasks.assignment.added",
            user=user,
            unit=assignment.unit,
            data=snapshot(assignment, ["unit", "role", "deadline"]),
        )
    log_action(
        task,
        "tasks.task.units_added",
        user=user,
        unit=task.committee,
        data={
            "units": [{"unit": a.unit.pk, "role": a.role} for a in created],
            "unit": ", ".join(a.unit.name for a in created),
        },
    )
    return created


@transaction.atomic
def remove_unit(*, assignment: Assignment, user: Any, reason: str = "") -> Assignment | None:
    """Take a unit off the task. Untouched: the assignment goes (audited on the task). With
    progress or a decision on it the history must stay: it is cancelled instead, with a reason.
    Returns the cancelled assignment, or None when it was removed."""
    check_action(user, assignment, "cancel")
    assignment = (
        Assignment.objects.select_for_update().select_related("task", "unit").get(pk=assignment.pk)
    )
    if not has_activity(assignment):
        task, unit = assignment.task, assignment.unit
        before = snapshot(assignment, ["unit", "role", "deadline", "state"])
        assignment.delete()
        log_action(
            task,
            "tasks.task.unit_removed",
            user=user,
            unit=unit,
            before=before,
            data={"unit": unit.name, "reason": reason.strip()},
        )
        return None
    if not reason.strip():
        raise ValidationError(
            {
                "reason": _(
                    "%(unit)s has already worked on this task: its history is kept and the "
                    "assignment is cancelled instead. Say why."
                )
                % {"unit": assignment.unit.name}
            }
        )
    return services.cancel_assignment(assignment=assignment, user=user, reason=reason)


@transaction.atomic
def record_completion(
    *,
    assignment: Assignment,
    user: Any,
    completed_on: date,
    evidence_number: str = "",
    evidence_date: date | None = None,
    note: str = "",
    attachment: UploadedFile | None = None,
) -> Assignment:
    """The office records work done before the task was entered (an older notice): the real
    completion date and the evidence, confirmed at once. Not a unit's claim, so nobody decides
    on their own request: the office records a fact it holds the document for."""
    check_action(user, assignment, "confirm")
    assignment = (
        Assignment.objects.select_for_update().select_related("task", "unit").get(pk=assignment.pk)
    )
    if assignment.state != AssignmentState.OPEN:
        raise ValidationError(
            _("Only an assignment in progress, without a pending claim, can be recorded as done.")
        )
    evidence_number, evidence_date = check_evidence(
        assignment,
        completed_on=completed_on,
        evidence_number=evidence_number,
        evidence_date=evidence_date,
        attachment=attachment,
    )
    now = timezone.now()
    claim = CompletionClaim(
        assignment=assignment,
        claimed_by=user,
        completed_on=completed_on,
        evidence_number=evidence_number.strip(),
        evidence_date=evidence_date,
        note=note.strip(),
        decision=Decision.APPROVED,
        decided_by=user,
        decided_at=now,
    )
    if attachment is not None:
        claim.attachment = attachment
    claim.full_clean()
    claim.save()
    before = snapshot(assignment, services.ASSIGNMENT_FIELDS)
    assignment.state = AssignmentState.DONE
    assignment.completed_on = completed_on
    assignment.confirmed_at, assignment.confirmed_by = now, user
    assignment.progress_percent = 100
    assignment.full_clean()
    assignment.save(
        update_fields=[
            "state",
            "completed_on",
            "confirmed_at",
            "confirmed_by",
            "progress_percent",
            "updated_at",
        ]
    )
    log_action(
        assignment,
        "tasks.assignment.completion_recorded",
        user=user,
        unit=assignment.unit,
        before=before,
        data={
            **snapshot(assignment, services.ASSIGNMENT_FIELDS),
            "claim": claim.pk,
            "evidence": claim.evidence_label,
            "note": claim.note,
        },
    )
    return assignment
