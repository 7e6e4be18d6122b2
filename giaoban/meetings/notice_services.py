"""Every write to conclusion notices: draft, submit, approve (a leader, never the person who
asked nor the drafter: core.decisions), return, issue (the tasks are created then), supplement. Keyword-only, atomic, audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from giaoban.core.audit import log_action, snapshot
from giaoban.core.decisions import Decision, decide, ensure_not_own_request
from giaoban.core.references import parse_reference
from giaoban.meetings.models import (
    ItemTask,
    Meeting,
    Notice,
    NoticeApproval,
    NoticeItem,
    NoticeState,
)
from giaoban.meetings.notice_rules import check_complete
from giaoban.meetings.services import _units_of, can_approve, require_record
from giaoban.org.models import Unit
from giaoban.tasks.models import Task
from giaoban.tasks.services import create_task

NOTICE_FIELDS = [
    "number",
    "doc_date",
    "issuer_parent",
    "issuer",
    "place",
    "title",
    "opening",
    "closing",
    "signing_formula",
    "signer_name",
    "recipients",
    "in_force",
]


@dataclass(frozen=True)
class TaskSpec:
    """A task an item gives: its text, units and deadline; or an existing task to link."""

    text: str = ""
    deadline: date | None = None
    all_units: bool = False
    lead_units: Sequence[Unit] = ()
    coordinating_units: Sequence[Unit] = ()
    task: Task | None = None


@dataclass(frozen=True)
class ItemSpec:
    number: int
    text: str
    heading: str = ""
    no_task: bool = False
    no_task_reason: str = ""
    tasks: Sequence[TaskSpec] = field(default_factory=tuple)


def _check_number(notice: Notice) -> None:
    if not notice.number:
        return
    reference = parse_reference(notice.number)
    if reference is None or reference.number != notice.number.strip():
        raise ValidationError({"number": _("Write the number as offices do, e.g. 123-TB/TU.")})
    if notice.doc_date is None:
        raise ValidationError({"doc_date": _("Give the date of the notice with its number.")})
    taken = (
        Notice.objects.filter(
            committee_id=notice.committee_id, year=notice.doc_date.year, number=notice.number
        )
        .exclude(pk=notice.pk)
        .exists()
    )
    if taken:
        raise ValidationError(
            {
                "number": _(
                    "Number %(number)s is already used by another notice of this committee in "
                    "%(year)s."
                )
                % {"number": notice.number, "year": notice.doc_date.year}
            }
        )


def _write_items(notice: Notice, items: Sequence[ItemSpec]) -> list[dict[str, Any]]:
    allowed = _units_of(notice.committee)
    errors: dict[str, list[str]] = {}
    numbers = [i.number for i in items]
    if len(set(numbers)) != len(numbers):
        errors.setdefault("items", []).append(_("Two items of the notice have the same number."))
    for spec in items:
        if not spec.text.strip():
            errors.setdefault("items", []).append(_("Item %(n)s has no text.") % {"n": spec.number})
        for t in spec.tasks:
            outside = [u for u in [*t.lead_units, *t.coordinating_units] if u.pk not in allowed]
            if outside:
                errors.setdefault("items", []).append(
                    _("Unknown unit for this committee: %(names)s.")
                    % {"names": ", ".join(u.name for u in outside)}
                )
            if t.task is not None and t.task.committee_id != notice.committee_id:
                errors.setdefault("items", []).append(
                    _("The linked task belongs to another committee.")
                )
            if t.task is None and not t.text.strip():
                errors.setdefault("items", []).append(
                    _("A task of item %(n)s has no text.") % {"n": spec.number}
                )
    if errors:
        raise ValidationError(errors)
    # linked tasks of the rows being replaced are released (they were never created by us)
    ItemTask.objects.filter(item__notice=notice).delete()
    notice.items.all().delete()
    audit: list[dict[str, Any]] = []
    for spec in items:
        item = NoticeItem(
            notice=notice,
            number=spec.number,
            heading=spec.heading.strip(),
            text=spec.text.strip(),
            no_task=spec.no_task and not spec.tasks,
            no_task_reason=spec.no_task_reason.strip() if spec.no_task and not spec.tasks else "",
        )
        item.full_clean(exclude=["notice"])
        item.save()
        rows = []
        for order, t in enumerate(spec.tasks):
            row = ItemTask.objects.create(
                item=item,
                text=(t.text or (t.task.text if t.task else "")).strip(),
                deadline=t.task.deadline if t.task else t.deadline,
                all_units=t.all_units,
                task=t.task,
                sort_order=order,
            )
            row.lead_units.set(t.lead_units)
            row.coordinating_units.set([u for u in t.coordinating_units if u not in t.lead_units])
            rows.append(
                {
                    "text": row.text,
                    "deadline": row.deadline,
                    "all_units": row.all_units,
                    "lead": [u.pk for u in t.lead_units],
                    "coordinating": [u.pk for u in t.coordinating_units],
                    "task": t.task.pk if t.task else None,
                }
            )
        audit.append(
            {
                "number": item.number,
                "heading": item.heading,
                "text": item.text,
                "no_task": item.no_task,
                "no_task_reason": item.no_task_reason,
                "tasks": rows,
            }
        )
    return audit


@transaction.atomic
def create_notice(
    *,
    committee: Unit,
    user: Any,
    title: str,
    issuer: str,
    signing_formula: str,
    meeting: Meeting | None = None,
    supplements: Notice | None = None,
    items: Sequence[ItemSpec] = (),
    check_permission: bool = True,
    **fields: Any,
) -> Notice:
    """A draft notice (fields: any of NOTICE_FIELDS) with its items."""
    if check_permission:
        require_record(user, committee.pk)
    if meeting is not None and meeting.committee_id != committee.pk:
        raise ValidationError({"meeting": _("The meeting belongs to another committee.")})
    if supplements is not None and (
        supplements.committee_id != committee.pk or supplements.state != NoticeState.ISSUED
    ):
        raise ValidationError({"supplements": _("Only an issued notice can be supplemented.")})
    unknown = set(fields) - set(NOTICE_FIELDS)
    if unknown:
        raise ValueError(f"unknown notice fields {sorted(unknown)}")
    notice = Notice(
        committee=committee,
        meeting=meeting,
        supplements=supplements,
        title=title.strip(),
        issuer=issuer.strip(),
        signing_formula=signing_formula.strip(),
        created_by=user,
        **{k: v.strip() if isinstance(v, str) else v for k, v in fields.items()},
    )
    notice.full_clean(exclude=["year"])
    _check_number(notice)
    notice.save()
    item_audit = _write_items(notice, items)
    log_action(
        notice,
        "meetings.notice.created",
        user=user,
        unit=committee,
        data={
            **snapshot(notice, NOTICE_FIELDS),
            "meeting": notice.meeting_id,
            "supplements": notice.supplements_id,
            "items": item_audit,
        },
    )
    return notice


def _lock(notice: Notice) -> Notice:
    return Notice.objects.select_for_update().select_related("committee").get(pk=notice.pk)


def _editable(notice: Notice) -> None:
    if notice.state == NoticeState.ISSUED:
        raise ValidationError(
            _("An issued notice is locked; correct it with a supplementary notice.")
        )
    if notice.state != NoticeState.DRAFT:
        raise ValidationError(
            _(
                "The notice is awaiting approval or approved; it can be changed only after it is "
                "returned to draft."
            )
        )


@transaction.atomic
def update_notice(
    *, notice: Notice, user: Any, fields: dict[str, Any], items: Sequence[ItemSpec] | None = None
) -> Notice:
    notice = _lock(notice)
    require_record(user, notice.committee_id)
    _editable(notice)
    before = snapshot(notice, NOTICE_FIELDS)
    for name, value in fields.items():
        if name not in NOTICE_FIELDS:
            raise ValueError(f"cannot set {name!r}")
        setattr(notice, name, value.strip() if isinstance(value, str) else value)
    notice.full_clean(exclude=["year"])
    _check_number(notice)
    notice.save()
    data: dict[str, Any] = snapshot(notice, NOTICE_FIELDS)
    if items is not None:
        data["items"] = _write_items(notice, items)
    log_action(
        notice,
        "meetings.notice.changed",
        user=user,
        unit=notice.committee,
        before=before,
        data=data,
    )
    return notice


@transaction.atomic
def submit_notice(*, notice: Notice, user: Any) -> Notice:
    """The office asks a leader to approve the draft: a pending NoticeApproval (who asked, when)."""
    notice = _lock(notice)
    require_record(user, notice.committee_id)
    if notice.state != NoticeState.DRAFT:
        raise ValidationError(_("Only a draft can be submitted for approval."))
    check_complete(notice)
    before = snapshot(notice, ["state"])
    approval = NoticeApproval(notice=notice, requested_by=user, requested_at=timezone.now())
    approval.full_clean()
    approval.save()
    notice.state = NoticeState.SUBMITTED
    notice.save(update_fields=["state", "updated_at"])
    log_action(
        notice,
        "meetings.notice.submitted",
        user=user,
        unit=notice.committee,
        before=before,
        data={"state": notice.state, "approval": approval.pk},
    )
    return notice


def _decide(notice: Notice, user: Any, *, approve: bool, reason: str = "") -> NoticeApproval:
    """A leader of the committee answers the pending request; core.decisions refuses the person
    who asked and the drafter (whatever roles they hold) and records who, when and why."""
    if not can_approve(user, notice.committee_id):
        raise PermissionDenied
    pending = (
        NoticeApproval.objects.select_for_update()
        .select_related("notice")
        .filter(notice=notice, decision=Decision.PENDING)
        .first()
    )
    if notice.state != NoticeState.SUBMITTED or pending is None:
        raise ValidationError(_("The notice is not awaiting approval."))
    ensure_not_own_request(user, pending)
    if approve:
        check_complete(notice)
    elif not reason.strip():
        raise ValidationError({"reason": _("Say why the notice is returned.")})
    decide(pending, user=user, approve=approve, reason=reason.strip()[:2000])
    return pending


def _answered(notice: Notice, user: Any, approval: NoticeApproval, state: str, action: str):
    before = snapshot(notice, ["state"])
    notice.state = state
    notice.save(update_fields=["state", "updated_at"])
    data = {"state": notice.state, "approval": approval.pk}
    if approval.decision_reason:
        data["reason"] = approval.decision_reason
    log_action(notice, action, user=user, unit=notice.committee, before=before, data=data)
    return notice


@transaction.atomic
def approve_notice(*, notice: Notice, user: Any) -> Notice:
    notice = _lock(notice)
    approval = _decide(notice, user, approve=True)
    return _answered(notice, user, approval, NoticeState.APPROVED, "meetings.notice.approved")


@transaction.atomic
def return_notice(*, notice: Notice, user: Any, reason: str) -> Notice:
    """The leader returns the notice to draft, saying why (kept on its NoticeApproval)."""
    notice = _lock(notice)
    approval = _decide(notice, user, approve=False, reason=reason)
    return _answered(notice, user, approval, NoticeState.DRAFT, "meetings.notice.returned")


@transaction.atomic
def withdraw_notice(*, notice: Notice, user: Any, reason: str) -> Notice:
    """The office takes an approved, not yet issued notice back to draft to correct it (a date,
    a unit), saying why; it must then be approved again. The approval stays in the history."""
    notice = _lock(notice)
    require_record(user, notice.committee_id)
    if notice.state != NoticeState.APPROVED:
        raise ValidationError(_("Only an approved notice that is not issued can be taken back."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the notice is taken back to draft.")})
    before = snapshot(notice, ["state"])
    notice.state = NoticeState.DRAFT
    notice.save(update_fields=["state", "updated_at"])
    log_action(
        notice,
        "meetings.notice.withdrawn",
        user=user,
        unit=notice.committee,
        before=before,
        data={"state": notice.state, "reason": reason.strip()[:2000]},
    )
    return notice


@transaction.atomic
def issue_notice(
    *, notice: Notice, user: Any, number: str | None = None, doc_date: date | None = None
) -> Notice:
    """Issue an approved notice: give it its number and date, lock it, and create each item's
    tasks (one assignment per unit) — all or nothing."""
    notice = _lock(notice)
    require_record(user, notice.committee_id)
    if notice.state == NoticeState.ISSUED:
        raise ValidationError(_("This notice has already been issued."))
    if notice.state != NoticeState.APPROVED:
        raise ValidationError(_("A leader must approve the notice before it is issued."))
    before = snapshot(notice, ["state", "number", "doc_date"])
    if number is not None:
        notice.number = number.strip()
    if doc_date is not None:
        notice.doc_date = doc_date
    errors = {}
    if not notice.number:
        errors["number"] = [_("Give the notice its number.")]
    if notice.doc_date is None:
        errors["doc_date"] = [_("Give the date of the notice.")]
    elif notice.doc_date > timezone.localdate():
        errors["doc_date"] = [_("The date of the notice cannot be in the future.")]
    if errors:
        raise ValidationError(errors)
    _check_number(notice)
    check_complete(notice)
    notice.state, notice.issued_by, notice.issued_at = NoticeState.ISSUED, user, timezone.now()
    try:
        with transaction.atomic():
            notice.save(
                update_fields=[
                    "state",
                    "number",
                    "doc_date",
                    "issued_by",
                    "issued_at",
                    "updated_at",
                ]
            )
    except IntegrityError:
        raise ValidationError(
            {
                "number": _(
                    "This number is already used by another notice of this committee this year."
                )
            }
        )
    created = _create_tasks(notice, user)
    log_action(
        notice,
        "meetings.notice.issued",
        user=user,
        unit=notice.committee,
        before=before,
        data={**snapshot(notice, ["state", "number", "doc_date"]), "tasks": created},
    )
    return notice


def _create_tasks(notice: Notice, user: Any) -> list[int]:
    created: list[int] = []
    signer = notice.signer_name
    rows = (
        ItemTask.objects.filter(item__notice=notice, task__isnull=True)
        .select_related("item")
        .prefetch_related("lead_units", "coordinating_units")
        .order_by("item__number", "sort_order", "id")
    )
    seen: dict[int, int] = {}
    for row in rows:
        k = seen.get(row.item.number, 0) + 1
        seen[row.item.number] = k
        item_number = str(row.item.number) if k == 1 else f"{row.item.number}.{k}"
        try:
            task = create_task(
                committee=notice.committee,
                doc_number=notice.number,
                doc_date=notice.doc_date,
                item_number=item_number,
                text=row.text,
                deadline=row.deadline,
                created_by=user,
                directed_by_name=signer,
                lead_units=list(row.lead_units.all()),
                coordinating_units=list(row.coordinating_units.all()),
                all_units=row.all_units,
                created_on=notice.doc_date,
            )
        except ValidationError as exc:
            raise ValidationError(
                _("Item %(n)s: %(error)s") % {"n": row.item.number, "error": " ".join(exc.messages)}
            )
        row.task = task
        row.save(update_fields=["task"])
        created.append(task.pk)
    return created


@transaction.atomic
def set_in_force(*, notice: Notice, user: Any, in_force: bool) -> Notice:
    """Whether the next briefings still review this notice (its text stays locked)."""
    notice = _lock(notice)
    require_record(user, notice.committee_id)
    before = snapshot(notice, ["in_force"])
    notice.in_force = in_force
    notice.save(update_fields=["in_force", "updated_at"])
    log_action(
        notice,
        "meetings.notice.in_force",
        user=user,
        unit=notice.committee,
        before=before,
        data={"in_force": in_force},
    )
    return notice
