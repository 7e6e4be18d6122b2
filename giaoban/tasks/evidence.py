"""The evidence of a completion: one rule whether a unit claims it (services.claim_completion)
or the office records it (editing.record_completion)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from giaoban.core import dates
from giaoban.core.files import validate_attachment
from giaoban.core.references import parse_reference
from giaoban.core.text import clean_identifier
from giaoban.tasks.models import Assignment


def check_evidence(
    assignment: Assignment,
    *,
    completed_on: date,
    evidence_number: str,
    evidence_date: date | None,
    attachment: UploadedFile | None,
) -> tuple[str, date | None]:
    """The one rule for the evidence of a completion, whether a unit claims it or the office
    records it (editing.record_completion): a completion date neither in the future nor before
    the task, an output document (number, with its date not before the task's document) or a
    file. Evidence pasted whole
    ("Báo cáo số 335-BC/ĐU ngày 29/6/2026") is split into number and date. Returns the cleaned
    (number, date); raises ValidationError with every field's errors."""
    validate_attachment(attachment)
    evidence_number = clean_identifier(evidence_number)
    # a wrong date read from a reference pasted into the number field is reported on that
    # field, where the user typed it, not on the (empty) date field
    date_field = "evidence_date"
    reference = parse_reference(evidence_number) if evidence_number.strip() else None
    if reference is not None:
        evidence_number = reference.number
        if evidence_date is None and reference.date is not None:
            evidence_date, date_field = reference.date, "evidence_number"
    errors: dict[str, list[str]] = {}
    if completed_on > dates.today():
        errors.setdefault("completed_on", []).append(
            _("The completion date cannot be in the future.")
        )
    if completed_on < assignment.task.doc_date:
        errors.setdefault("completed_on", []).append(
            _("The completion date cannot be before the task was given.")
        )
    if evidence_date is not None and evidence_date > dates.today():
        errors.setdefault(date_field, []).append(
            _("The document date cannot be in the future.")
            if date_field == "evidence_date"
            else _("The date in this reference (%(d)s) is in the future.")
            % {"d": evidence_date.strftime("%d/%m/%Y")}
        )
    if evidence_date is not None and evidence_date < assignment.task.doc_date:
        errors.setdefault(date_field, []).append(
            _(
                "The output document (dated %(d)s) cannot be older than the document that gave"
                " the task (%(t)s)."
            )
            % {
                "d": evidence_date.strftime("%d/%m/%Y"),
                "t": assignment.task.doc_date.strftime("%d/%m/%Y"),
            }
        )
    if not evidence_number.strip() and attachment is None:
        errors.setdefault("evidence_number", []).append(
            _("Give the output document's number, or attach a file, as evidence.")
        )
    if evidence_date is not None and not evidence_number.strip():
        errors.setdefault("evidence_number", []).append(
            _("Give the number of the document dated %(d)s.")
            % {"d": evidence_date.strftime("%d/%m/%Y")}
        )
    if errors:
        raise ValidationError(errors)
    return evidence_number.strip(), evidence_date
