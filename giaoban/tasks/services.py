"""Every write to tasks and assignments: keyword-only, typed, atomic, audited.

Services check the business rules (what state allows what, who may decide)
and raise ``ValidationError`` with a user-facing message; views and the API
turn it into a form error or a 400/422 answer. Nothing is half-saved: each
service runs in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from giaoban.core import dates
from giaoban.core.audit import log_action, snapshot
from giaoban.core.decisions import decide, ensure_not_own_request
from giaoban.core.files import validate_attachment
from giaoban.core.permissions import check_action, scope_for
from giaoban.core.references import parse_reference
from giaoban.core.text import clean_identifier
from giaoban.org.models import Unit, subtree_ids
from giaoban.tasks.evidence import check_evidence
from giaoban.tasks.models import (
    ASSIGNMENT_FIELDS,
    Assignment,
    AssignmentRole,
    AssignmentState,
    CompletionClaim,
    Decision,
    ExtensionRequest,
    ProgressUpdate,
    Task,
)
from giaoban.tasks.queries import active_units_of
from giaoban.tasks.settle import settle_pending

__all__ = ["ASSIGNMENT_FIELDS", "active_units_of"]  # re-exported from models.py and queries.py


def today() -> date:
    return dates.today()


@dataclass(frozen=True)
class UnitAssignmentSpec:
    unit: Unit
    role: str = AssignmentRole.LEAD


@transaction.atomic
def create_task(
    *,
    committee: Unit,
    doc_number: str,
    doc_date: date,
    text: str,
    created_by: Any,
    item_number: str = "",
    deadline: date | None = None,
    directed_by: Any | None = None,
    directed_by_name: str = "",
    lead_units: Iterable[Unit] = (),
    coordinating_units: Iterable[Unit] = (),
    all_units: bool = False,
    created_on: date | None = None,
    check_permission: bool = True,
) -> Task:
    """Create a task and fan it out: one assignment per unit.

    An older notice may be entered after its deadline (deadline ≥ document date only): it is
    overdue until its completion is recorded; ``created_on`` (entry) stays apart from ``doc_date``.

    ``all_units`` expands to the committee's active units; units named as
    lead stay lead. Raises ValidationError (nothing saved) on bad input.
    """
    created_on = created_on or today()
    if check_permission and committee.pk not in _office_committees(created_by):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if deadline is not None and deadline < doc_date:
        errors.setdefault("deadline", []).append(
            _("The deadline cannot be before the document date.")
        )
    if doc_date > created_on:
        errors.setdefault("doc_date", []).append(_("The document date cannot be in the future."))
    doc_number, item_number = clean_identifier(doc_number), clean_identifier(item_number)
    reference = parse_reference(doc_number)
    if reference is None:
        errors.setdefault("doc_number", []).append(
            _("Write the document number as offices do, e.g. 90-TB/TU or 45/KH-UBND.")
        )
    else:
        doc_number = reference.number
    lead = list(dict.fromkeys(lead_units))
    coord = [u for u in dict.fromkeys(coordinating_units) if u not in lead]
    if all_units:
        for unit in active_units_of(committee, on=created_on):
            if unit not in lead and unit not in coord:
                lead.append(unit)
    if not lead and not coord:
        errors.setdefault("units", []).append(_("Choose at least one unit, or 'all units'."))
    allowed = _units_under(committee)
    outside = [u for u in lead + coord if u.pk not in allowed]
    if outside:
        errors.setdefault("units", []).append(
            _("Unknown unit for this committee: %(names)s.")
            % {"names": ", ".join(u.name for u in outside)}
        )
    closed = [u for u in lead + coord if u.pk in allowed and not u.is_active(created_on)]
    if closed:
        errors.setdefault("units", []).append(
            _("This unit no longer exists: %(names)s.")
            % {"names": ", ".join(u.name for u in closed)}
        )
    if errors:
        raise ValidationError(errors)

    task = Task(
        committee=committee,
        doc_number=doc_number.strip(),
        doc_date=doc_date,
        item_number=item_number.strip(),
        text=text.strip(),
        deadline=deadline,
        directed_by=directed_by,
        directed_by_name=directed_by_name.strip(),
        created_by=created_by,
        created_on=created_on,
    )
    task.full_clean()
    try:
        with transaction.atomic():
            task.save()
    except IntegrityError:
        raise ValidationError(
            {"item_number": _("This item of this document has already been entered.")}
        )
    specs = [UnitAssignmentSpec(u, AssignmentRole.LEAD) for u in lead] + [
        UnitAssignmentSpec(u, AssignmentRole.COORDINATING) for u in coord
    ]
    Assignment.objects.bulk_create(
        Assignment(
            task=task, unit=s.unit, role=s.role, deadline=deadline, original_deadline=deadline
        )
        for s in specs
    )
    log_action(
        task,
        "tasks.task.created",
        user=created_by,
        unit=committee,
        data={
            **snapshot(
                task,
                ["doc_number", "doc_date", "item_number", "text", "deadline", "directed_by_name"],
            ),
            "units": [{"unit": s.unit.pk, "role": s.role} for s in specs],
        },
    )
    return task


def _office_committees(user: Any) -> set[int]:
    return set(scope_for(user).office_committee_ids)


def _units_under(committee: Unit) -> set[int]:
    return subtree_ids([committee.pk], include_roots=False)


def _lock(assignment: Assignment) -> Assignment:
    """Re-read the assignment under a row lock so two acts cannot interleave."""
    return (
        Assignment.objects.select_for_update().select_related("task", "unit").get(pk=assignment.pk)
    )


def _ensure_open(assignment: Assignment, field: str = "__all__") -> None:
    if assignment.state == AssignmentState.CANCELLED:
        raise ValidationError({field: _("This assignment has been cancelled.")})
    if assignment.state == AssignmentState.DONE:
        raise ValidationError({field: _("This assignment has already been confirmed as done.")})


@transaction.atomic
def add_progress(
    *,
    assignment: Assignment,
    user: Any,
    text: str,
    percent: int | None = None,
    attachment: UploadedFile | None = None,
) -> ProgressUpdate:
    check_action(user, assignment, "progress")
    assignment = _lock(assignment)
    _ensure_open(assignment)
    validate_attachment(attachment)
    if percent is not None and not 0 <= percent <= 100:
        raise ValidationError({"percent": _("Progress must be between 0 and 100%.")})
    update = ProgressUpdate(assignment=assignment, author=user, text=text.strip(), percent=percent)
    if attachment is not None:
        update.attachment = attachment
    update.full_clean()
    update.save()
    before = snapshot(assignment, ["progress_percent"])
    if percent is not None and percent != assignment.progress_percent:
        assignment.progress_percent = percent
        assignment.save(update_fields=["progress_percent", "updated_at"])
    log_action(
        assignment,
        "tasks.assignment.progress",
        user=user,
        unit=assignment.unit,
        before=before,
        data={
            "text": update.text,
            "percent": percent,
            "attachment": update.attachment.name or None,
            "progress_update": update.pk,
        },
    )
    return update


@transaction.atomic
def claim_completion(
    *,
    assignment: Assignment,
    user: Any,
    completed_on: date,
    evidence_number: str = "",
    evidence_date: date | None = None,
    note: str = "",
    attachment: UploadedFile | None = None,
) -> CompletionClaim:
    """The unit says the work is done; it needs evidence: an output document or a file."""
    check_action(user, assignment, "claim")
    assignment = _lock(assignment)
    _ensure_open(assignment)
    if assignment.state == AssignmentState.CLAIMED:
        raise ValidationError(_("A completion claim is already awaiting the office's decision."))
    evidence_number, evidence_date = check_evidence(
        assignment,
        completed_on=completed_on,
        evidence_number=evidence_number,
        evidence_date=evidence_date,
        attachment=attachment,
    )
    claim = CompletionClaim(
        assignment=assignment,
        claimed_by=user,
        completed_on=completed_on,
        evidence_number=evidence_number.strip(),
        evidence_date=evidence_date,
        note=note.strip(),
    )
    if attachment is not None:
        claim.attachment = attachment
    claim.full_clean()
    claim.save()
    before = snapshot(assignment, ASSIGNMENT_FIELDS)
    assignment.state = AssignmentState.CLAIMED
    assignment.save(update_fields=["state", "updated_at"])
    log_action(
        assignment,
        "tasks.assignment.claimed",
        user=user,
        unit=assignment.unit,
        before=before,
        data={
            "claim": claim.pk,
            "completed_on": completed_on,
            "evidence": claim.evidence_label,
            "attachment": claim.attachment.name or None,
            "note": claim.note,
        },
    )
    return claim


def _pending_claim(assignment: Assignment) -> CompletionClaim:
    claim = assignment.claims.filter(decision=Decision.PENDING).first()
    if claim is None or assignment.state != AssignmentState.CLAIMED:
        raise ValidationError(_("There is no completion claim awaiting a decision."))
    return claim


@transaction.atomic
def confirm_completion(*, assignment: Assignment, user: Any) -> Assignment:
    check_action(user, assignment, "confirm")
    assignment = _lock(assignment)
    _ensure_open(assignment)
    claim = _pending_claim(assignment)
    before = snapshot(assignment, ASSIGNMENT_FIELDS)
    decide(claim, user=user, approve=True)
    settled = settle_pending(assignment, user=user, on="confirm")  # extension requests
    assignment.state = AssignmentState.DONE
    assignment.completed_on = claim.completed_on
    assignment.confirmed_at, assignment.confirmed_by = claim.decided_at, user
    assignment.progress_percent = 100
    assignment.full_clean()
    assignment.save(
        update_fields=[
            "state",
            "completed_on",
            "confirmed_at",
            "confirmed_by",
            "progress_percent",
            "extension_pending",
            "updated_at",
        ]
    )
    log_action(
        assignment,
        "tasks.assignment.confirmed",
        user=user,
        unit=assignment.unit,
        before=before,
        data={**snapshot(assignment, ASSIGNMENT_FIELDS), "claim": claim.pk, "settled": settled},
    )
    return assignment


@transaction.atomic
def return_completion(*, assignment: Assignment, user: Any, reason: str) -> Assignment:
    check_action(user, assignment, "return")
    assignment = _lock(assignment)
    _ensure_open(assignment)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the claim is returned.")})
    claim = _pending_claim(assignment)
    before = snapshot(assignment, ASSIGNMENT_FIELDS)
    decide(claim, user=user, approve=False, reason=reason)
    assignment.state = AssignmentState.OPEN
    assignment.save(update_fields=["state", "updated_at"])
    log_action(
        assignment,
        "tasks.assignment.returned",
        user=user,
        unit=assignment.unit,
        before=before,
        data={"state": assignment.state, "claim": claim.pk, "reason": claim.decision_reason},
    )
    return assignment


@transaction.atomic
def request_extension(
    *, assignment: Assignment, user: Any, new_deadline: date, reason: str
) -> ExtensionRequest:
    check_action(user, assignment, "request_extension")
    assignment = _lock(assignment)
    _ensure_open(assignment, "new_deadline")
    errors: dict[str, list[str]] = {}
    if assignment.deadline is None:
        errors.setdefault("new_deadline", []).append(
            _("A standing task has no deadline to extend.")
        )
    elif new_deadline <= assignment.deadline:
        errors.setdefault("new_deadline", []).append(
            _("The new deadline must be after the current one (%(d)s).")
            % {"d": assignment.deadline.strftime("%d/%m/%Y")}
        )
    if new_deadline < today():
        errors.setdefault("new_deadline", []).append(_("The new deadline cannot be in the past."))
    if not reason.strip():
        errors.setdefault("reason", []).append(_("Say why more time is needed."))
    if assignment.extensions.filter(decision=Decision.PENDING).exists():
        errors.setdefault("new_deadline", []).append(
            _("An extension request is already awaiting the office's decision.")
        )
    if errors:
        raise ValidationError(errors)
    req = ExtensionRequest(
        assignment=assignment,
        requested_by=user,
        old_deadline=assignment.deadline,
        new_deadline=new_deadline,
        reason=reason.strip(),
    )
    req.full_clean()
    req.save()
    assignment.extension_pending = True
    assignment.save(update_fields=["extension_pending", "updated_at"])
    log_action(
        assignment,
        "tasks.assignment.extension_requested",
        user=user,
        unit=assignment.unit,
        before=snapshot(assignment, ASSIGNMENT_FIELDS),
        data={
            "request": req.pk,
            "old_deadline": req.old_deadline,
            "new_deadline": new_deadline,
            "reason": req.reason,
        },
    )
    return req


@transaction.atomic
def decide_extension(
    *, request: ExtensionRequest, user: Any, approve: bool, reason: str = ""
) -> ExtensionRequest:
    """Approve or reject; never by the person who asked."""
    assignment = _lock(request.assignment)
    check_action(user, assignment, "approve_extension" if approve else "reject_extension")
    request = ExtensionRequest.objects.select_for_update().get(pk=request.pk)
    ensure_not_own_request(user, request)
    if request.decision != Decision.PENDING:
        raise ValidationError(_("This request has already been decided."))
    _ensure_open(assignment)
    if not approve and not reason.strip():
        raise ValidationError({"reason": _("Say why the request is rejected.")})
    before = snapshot(assignment, ASSIGNMENT_FIELDS)
    decide(request, user=user, approve=approve, reason=reason)
    assignment.extension_pending = False
    if approve:
        assignment.deadline = request.new_deadline
        assignment.extension_count += 1
    assignment.save(
        update_fields=["deadline", "extension_count", "extension_pending", "updated_at"]
    )
    log_action(
        assignment,
        "tasks.assignment.extension_" + ("approved" if approve else "rejected"),
        user=user,
        unit=assignment.unit,
        before=before,
        data={
            "request": request.pk,
            "deadline": assignment.deadline,
            "reason": request.decision_reason,
        },
    )
    return request


@transaction.atomic
def cancel_assignment(*, assignment: Assignment, user: Any, reason: str) -> Assignment:
    check_action(user, assignment, "cancel")
    assignment = _lock(assignment)
    if assignment.state == AssignmentState.CANCELLED:
        raise ValidationError(_("This assignment has already been cancelled."))
    if assignment.state == AssignmentState.DONE:
        raise ValidationError(_("This assignment has already been confirmed as done."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the assignment is cancelled.")})
    before = snapshot(assignment, ASSIGNMENT_FIELDS)
    assignment.state = AssignmentState.CANCELLED
    assignment.cancelled_on = today()
    assignment.cancel_reason = reason.strip()
    assignment.extension_pending = False
    assignment.full_clean()
    assignment.save(
        update_fields=["state", "cancelled_on", "cancel_reason", "extension_pending", "updated_at"]
    )
    # a pending claim or extension request dies with the assignment
    settled = settle_pending(assignment, user=user, on="cancel")
    log_action(
        assignment,
        "tasks.assignment.cancelled",
        user=user,
        unit=assignment.unit,
        before=before,
        data={**snapshot(assignment, ASSIGNMENT_FIELDS), "settled": settled},
    )
    return assignment
