"""The evidence of a completion (a unit's claim, or the office recording work done): one rule
for both, with each message on the field the user typed the value in."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from giaoban.core.references import parse_reference
from giaoban.core.text import clean_identifier


def checked_evidence(
    *,
    task_doc_date: date,
    today: date,
    completed_on: date,
    evidence_number: str,
    evidence_date: date | None,
    has_attachment: bool,
    date_needs_number: bool = True,
) -> tuple[str, date | None]:
    """The evidence number and date to store, or a ValidationError by field.

    A reference pasted whole into the number field ("Báo cáo số 335-BC/ĐU ngày 29/6/2026") is
    split into number and date; a wrong date read from it is reported on the number field,
    where the user typed it, not on the empty date field."""
    evidence_number = clean_identifier(evidence_number)
    date_field = "evidence_date"
    reference = parse_reference(evidence_number) if evidence_number.strip() else None
    if reference is not None:
        evidence_number = reference.number
        if evidence_date is None and reference.date is not None:
            evidence_date, date_field = reference.date, "evidence_number"
    errors: dict[str, list[str]] = {}
    if completed_on > today:
        errors.setdefault("completed_on", []).append(
            _("The completion date cannot be in the future.")
        )
    if completed_on < task_doc_date:
        errors.setdefault("completed_on", []).append(
            _("The completion date cannot be before the task was given.")
        )
    if evidence_date is not None and evidence_date > today:
        message = (
            _("The document date cannot be in the future.")
            if date_field == "evidence_date"
            else _("The date in this reference (%(d)s) is in the future.")
            % {"d": evidence_date.strftime("%d/%m/%Y")}
        )
        errors.setdefault(date_field, []).append(message)
    if not evidence_number.strip() and not has_attachment:
        errors.setdefault("evidence_number", []).append(
            _("Give the output document's number, or attach a file, as evidence.")
        )
    if date_needs_number and evidence_date is not None and not evidence_number.strip():
        errors.setdefault("evidence_number", []).append(
            _("Give the number of the document dated %(d)s.")
            % {"d": evidence_date.strftime("%d/%m/%Y")}
        )
    if errors:
        raise ValidationError(errors)
    return evidence_number.strip(), evidence_date
