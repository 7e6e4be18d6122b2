"""The reminder letter ("văn bản đôn đốc"): for one unit, or for every unit with overdue or
soon-due work, a DOCX from the editable template ``docx/reminder_letter.docx`` in the
Hướng dẫn 36-HD/VPTW layout, numbered "Số …-CV/VPTU". The letter is recorded, each assignment
it lists gets an entry on its timeline, and the units' staff are notified."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from giaoban.core.audit import log_action
from giaoban.core.permissions import scope_for
from giaoban.notifications import outbox, recipients
from giaoban.notifications.models import Kind, ReminderLetter
from giaoban.org.models import Unit, subtree_ids
from giaoban.tasks.models import Assignment, AssignmentState
from giaoban.tasks.status import StatusClass, status_case

TEMPLATE = Path(__file__).resolve().parent / "docx" / "reminder_letter.docx"
SOON_DAYS = 7
SUFFIX = "-CV/VPTU"
STATE_VI = {
    StatusClass.OPEN_OVERDUE: "Quá hạn",
    StatusClass.OPEN_IN_TIME: "Sắp đến hạn",
}


def items_for(committee: Unit, unit: Unit | None, today: date) -> list[Assignment]:
    """Open assignments of the committee's units (or of ``unit``) overdue or due within a week."""
    units = subtree_ids([committee.pk], include_roots=False)
    qs = (
        Assignment.objects.filter(unit_id__in=units, state=AssignmentState.OPEN)
        .filter(deadline__isnull=False, deadline__lte=today + timedelta(days=SOON_DAYS))
        .select_related("task", "unit")
        .annotate(status=status_case(today, today=today))
        .order_by("unit__sort_order", "unit__name", "deadline", "id")
    )
    if unit is not None:
        qs = qs.filter(unit=unit)
    return list(qs)


def next_number(committee: Unit, year: int) -> int:
    found = ReminderLetter.objects.filter(committee=committee, year=year).aggregate(m=Max("number"))
    return (found["m"] or 0) + 1


@dataclass(frozen=True)
class LetterInput:
    committee: Unit
    unit: Unit | None
    number: int
    signer_title: str
    signer_name: str
    reply_by: date


def render_docx(letter: ReminderLetter, items: list[Assignment]) -> bytes:
    from docxtpl import DocxTemplate

    committee = letter.committee
    recipient = letter.unit.name if letter.unit else "Các đơn vị có tên trong danh sách"
    doc = DocxTemplate(TEMPLATE)
    day = letter.created_on
    doc.render(
        {
            "committee": committee.name,
            "committee_upper": committee.name.upper(),
            "issuer": "Văn phòng " + committee.name,
            "issuer_upper": "VĂN PHÒNG",
            "number": letter.label,
            "place": committee.place_name,
            "day": f"{day:%d}",
            "month": f"{day:%m}",
            "year": f"{day:%Y}",
            "recipient": recipient,
            "as_of": f"{day:%d/%m/%Y}",
            "reply_by": f"{letter.reply_by:%d/%m/%Y}",
            "signer_title": letter.signer_title,
            "signer_name": letter.signer_name,
            "rows": [
                {
                    "stt": i,
                    "text": a.task.text,
                    "source": a.task.source_label,
                    "unit": a.unit.name,  # an official letter names the unit in full
                    "deadline": f"{a.deadline:%d/%m/%Y}",
                    "state": STATE_VI.get(a.status, ""),
                }
                for i, a in enumerate(items, start=1)
            ],
        },
        autoescape=True,  # "Ban TG&DV", "<", ">" are text, not XML
    )
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


@transaction.atomic
def create_letter(*, data: LetterInput, user: Any, today: date | None = None) -> ReminderLetter:
    today = today or timezone.localdate()
    if data.committee.pk not in scope_for(user).office_committee_ids:
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if data.unit is not None and data.unit.pk not in subtree_ids(
        [data.committee.pk], include_roots=False
    ):
        errors.setdefault("unit", []).append(_("Unknown unit for this committee."))
    if data.number < 1:
        errors.setdefault("number", []).append(_("The number must be a positive whole number."))
    if data.reply_by < today:
        errors.setdefault("reply_by", []).append(_("The reply date cannot be in the past."))
    if errors:
        raise ValidationError(errors)
    items = items_for(data.committee, data.unit, today)
    if not items:
        raise ValidationError(_("No overdue or soon-due work: there is nothing to remind of."))
    letter = ReminderLetter(
        committee=data.committee,
        unit=data.unit,
        year=today.year,
        number=data.number,
        created_on=today,
        reply_by=data.reply_by,
        signer_title=data.signer_title.strip(),
        signer_name=data.signer_name.strip(),
        created_by=user,
        item_count=len(items),
    )
    letter.full_clean(exclude=["file"])
    try:
        with transaction.atomic():
            letter.save()
    except IntegrityError:
        raise ValidationError(
            {"number": [_("Letter number %(n)s is already used this year.") % {"n": letter.label}]}
        ) from None
    letter.file.save(
        f"{letter.label.replace('/', '-')}.docx",
        ContentFile(render_docx(letter, items)),
        save=False,
    )
    letter.save(update_fields=["file"])
    letter.assignments.set(items)
    log_action(
        letter,
        "notifications.letter.created",
        user=user,
        unit=data.committee,
        data={
            "number": letter.label,
            "unit": data.unit.pk if data.unit else None,
            "items": len(items),
        },
    )
    for a in items:
        log_action(
            a,
            "notifications.letter.sent",
            user=user,
            unit=a.unit,
            data={"letter": letter.pk, "number": letter.label},
        )
    staff = recipients.unit_staff({a.unit_id for a in items})
    url = reverse("notifications:letter_file", args=[letter.pk])
    outbox.write(
        (
            outbox.Spec(
                recipients=tuple(staff.get(unit_id, [])),
                kind=Kind.LETTER,
                key=f"letter:{letter.pk}",
                params={"number": letter.label, "unit": name},
                url=url,
                unit_id=unit_id,
                object_type="notifications.reminderletter",
                object_id=str(letter.pk),
            )
            for unit_id, name in {(a.unit_id, a.unit.display_name) for a in items}
        ),
        actor_id=user.pk,
    )
    return letter
