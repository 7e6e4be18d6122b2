"""Every write to reporting periods and unit reports: keyword-only, atomic, audited.

Services check the business rules and raise ``ValidationError`` with a
user-facing message (a 400/422 on the API, a form error on the page);
nothing is half-saved. Indicators and work plans: ``services_plans.py``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from giaoban.core.audit import log_action, snapshot
from giaoban.core.decisions import decide, ensure_not_own_request
from giaoban.org.models import Unit
from giaoban.reports import permissions, signals
from giaoban.reports.content import RawContent, clean_content, clean_draft, raw_from_content
from giaoban.reports.models import (
    REASON_MAX,
    IndicatorValue,
    PeriodState,
    PlanItemProgress,
    ReportingPeriod,
    ReportState,
    ReportVersion,
    UnitReport,
    rules_for,  # noqa: F401  (callers use services.rules_for)
)
from giaoban.reports.plans import plan_items_for  # noqa: F401  (callers use services.plan_items_for)
from giaoban.reports.services_periods import (  # noqa: F401  (callers use services.*)
    close_period,
    create_period,
    default_expected_units,
    open_period,
    set_expected,
)
from giaoban.tasks.services import validate_attachment

REPORT_FIELDS = [
    "state",
    "doc_number",
    "doc_date",
    "document",
    "first_submitted_at",
    "submitted_at",
    "late",
    "version_count",
    "return_reason",
    "returned_count",
    "decided_by",
    "decided_at",
]


def today() -> date:
    return timezone.localdate()


# -- unit reports ----------------------------------------------------------------------


@transaction.atomic
def start_report(*, period: ReportingPeriod, unit: Unit, user: Any) -> UnitReport:
    """The unit's report for the period: the existing one, or a new empty draft."""
    existing = UnitReport.objects.filter(period=period, unit=unit).first()
    if existing is not None:
        permissions.check(user, existing, "edit_report")
        return existing
    report = UnitReport(period=period, unit=unit, created_by=user, content={})
    permissions.check(user, report, "edit_report")
    if not period.expected.filter(unit=unit).exists():
        raise ValidationError(
            _("%(unit)s is not expected to report in %(period)s.")
            % {"unit": unit, "period": period.display_label}
        )
    if not period.accepts_reports:
        raise ValidationError(_closed_message(period))
    report.content = _carried_content(period, unit)
    report.full_clean()
    report.save()
    log_action(report, "reports.report.started", user=user, unit=unit)
    return report


def _carried_content(period: ReportingPeriod, unit: Unit) -> dict[str, Any]:
    """A new draft starts with no text; the office sees what was promised last time on the page."""
    return {
        "sections": {},
        "next_tasks": [],
        "recommendations": [],
        "indicators": {},
        "plan_progress": {},
    }


def _closed_message(period: ReportingPeriod) -> str:
    if period.state == PeriodState.PLANNED:
        return _("The period %(period)s has not been opened yet.") % {
            "period": period.display_label
        }
    return _(
        "The period %(period)s is closed: reports are no longer accepted. Ask the office to accept late reports."
    ) % {"period": period.display_label}


@transaction.atomic
def save_draft(
    *, report: UnitReport, user: Any, raw: RawContent, keep_valid: bool = False
) -> UnitReport:
    """Save what the unit typed. Raises ValidationError (and saves nothing) on bad input —
    or, with ``keep_valid`` (the report page's autosave and "Save draft"), saves every valid
    field, keeps the wrong figures as typed and sets ``report.draft_errors`` to the messages
    of the wrong fields (``content.clean_draft``): one wrong box never holds back the rest.

    Autosave calls this every few seconds: the row is locked and its state and content read
    again (two columns); the period, form and unit come with ``report`` as the caller loaded it."""
    # no ordering: the model's default one joins the period and two units, and FOR UPDATE would
    # lock those rows too (every unit of the period typing would wait on the period's row)
    locked = (
        UnitReport.objects.select_for_update(of=("self",))
        .filter(pk=report.pk)
        .order_by()
        .values_list("state", "content", "first_submitted_at")
        .first()
    )
    if locked is None:
        raise ValidationError(_("This report no longer exists."))
    report.state, report.content, report.first_submitted_at = locked
    permissions.check(user, report, "edit_report")
    if not report.editable:
        raise ValidationError(_("This report has been sent and can no longer be edited."))
    # the form's indicators are its committee's: their order needs no join of the committee
    indicators = list(report.period.form.indicators.order_by("sort_order", "code"))
    args = {
        "section_keys": report.period.form.section_keys,
        "indicators": indicators,
        # the plan items are read only to check progress typed for them
        "plan_items": plan_items_for(report)
        if any((v or "").strip() for v in raw.plan_progress.values())
        else [],
    }
    report.draft_errors = {}
    if keep_valid:
        cleaned, report.draft_errors = clean_draft(raw, previous=report.content, **args)
    else:
        cleaned = clean_content(
            raw, existing_recs=report.content.get("recommendations", []), **args
        )
    changed = sorted(
        k
        for k in set(cleaned.content) | set(report.content)
        if cleaned.content.get(k) != report.content.get(k)
    )
    report.content = cleaned.content
    report.save(update_fields=["content", "saved_at"])
    # once sent, the rows are the sent version's figures (``reports.sent``): a report returned
    # for correction changes them when it is sent again, not while its unit edits the draft
    if report.first_submitted_at is None and (
        "indicators" in changed or "plan_progress" in changed
    ):
        _sync_rows(IndicatorValue, report, "indicator_id", "value", cleaned.values)
        _sync_rows(PlanItemProgress, report, "item_id", "percent", cleaned.progress)
    if changed:
        # the text itself is kept by the versions; the log says which parts changed
        log_action(
            report,
            "reports.report.draft_saved",
            user=user,
            data={"changed": changed},
            unit=report.unit,
            stales_aggregates=False,  # drafts count nowhere: no cached figure reads them
        )
    return report


def _sync_rows(model, report: UnitReport, key: str, field: str, wanted: dict) -> None:
    """Make the report's rows of ``model`` equal ``wanted`` ({key: value}) in at most 3 queries."""
    existing = {getattr(r, key): r for r in model.objects.filter(report=report)}
    gone = [r.pk for k, r in existing.items() if k not in wanted]
    if gone:
        model.objects.filter(pk__in=gone).delete()
    changed = []
    for k, value in wanted.items():
        row = existing.get(k)
        if row is not None and getattr(row, field) != value:
            setattr(row, field, value)
            changed.append(row)
    if changed:
        model.objects.bulk_update(changed, [field])
    new = [
        model(report=report, **{key: k, field: v}) for k, v in wanted.items() if k not in existing
    ]
    if new:
        model.objects.bulk_create(new)


@transaction.atomic
def submit_report(
    *,
    report: UnitReport,
    user: Any,
    doc_number: str,
    doc_date: date | None,
    document: UploadedFile | None = None,
) -> UnitReport:
    """Send the report: a new version kept whole; recommendations enter the register."""
    from giaoban.recommendations import services as rec_services

    report = (
        UnitReport.objects.select_for_update().select_related("period", "unit").get(pk=report.pk)
    )
    permissions.check(user, report, "edit_report")
    period = report.period
    if not report.editable:
        raise ValidationError(_("This report has already been sent."))
    if not period.accepts_reports:
        raise ValidationError(_closed_message(period))
    errors: dict[str, list[str]] = {}
    doc_number = (doc_number or "").strip()
    if not doc_number:
        errors["doc_number"] = [_("Give the number of the signed report, e.g. 335-BC/ĐU.")]
    elif len(doc_number) > 64:
        errors["doc_number"] = [_("The document number is at most 64 characters.")]
    if doc_date is None:
        errors["doc_date"] = [_("Give the date of the signed report.")]
    elif doc_date > today():
        errors["doc_date"] = [_("The document date cannot be in the future.")]
    try:
        validate_attachment(document)
    except ValidationError as exc:
        errors["document"] = exc.message_dict.get("attachment", exc.messages)
    # the draft is checked whole again: it may hold a wrong figure kept as typed
    try:
        cleaned = clean_content(
            raw_from_content(report.content),
            section_keys=period.form.section_keys,
            indicators=list(period.form.indicators.order_by("sort_order", "code")),
            plan_items=plan_items_for(report),
            existing_recs=report.content.get("recommendations", []),
        )
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    report.content = cleaned.content
    before = snapshot(report, REPORT_FIELDS)
    now = timezone.now()
    if document is not None:
        report.document = document
    report.doc_number, report.doc_date = doc_number, doc_date
    if report.first_submitted_at is None:
        report.first_submitted_at = now
        report.late = (
            period.state == PeriodState.CLOSED or timezone.localdate(now) > period.due_date
        )
    report.submitted_at = now
    report.state = ReportState.SUBMITTED
    report.version_count += 1
    report.return_reason = ""
    report.content = rec_services.sync_from_report(report=report, user=user)
    report.full_clean()
    report.save()
    _sync_rows(IndicatorValue, report, "indicator_id", "value", cleaned.values)
    _sync_rows(PlanItemProgress, report, "item_id", "percent", cleaned.progress)
    ReportVersion.objects.create(
        report=report,
        number=report.version_count,
        content=report.content,
        doc_number=doc_number,
        doc_date=doc_date,
        document=report.document.name if report.document else "",
        submitted_at=now,
        submitted_by=user,
    )
    log_action(
        report,
        "reports.report.submitted",
        user=user,
        before=before,
        data=snapshot(report, REPORT_FIELDS),
        unit=report.unit,
    )
    signals.report_submitted.send(sender=UnitReport, report=report, user=user)
    return report


def _decide(report: UnitReport, user: Any, *, approve: bool, reason: str = "") -> UnitReport:
    """Lock the report, check the right to decide, record the decision on its last version.

    ``core.decisions`` enforces the one rule: not the person who sent it, nor anyone of the
    reporting unit (``ReportVersion.requester_unit_field``)."""
    report = (
        UnitReport.objects.select_for_update().select_related("period", "unit").get(pk=report.pk)
    )
    permissions.check(user, report, "decide_report")
    if report.state != ReportState.SUBMITTED:
        raise ValidationError(_("Only a submitted report can be accepted or returned."))
    version = report.versions.select_for_update().order_by("-number").first()
    if version is None:
        raise ValidationError(_("Only a submitted report can be accepted or returned."))
    ensure_not_own_request(user, version)  # the sender, and anyone of the reporting unit
    decide(version, user=user, approve=approve, reason=reason)
    return report


@transaction.atomic
def return_report(*, report: UnitReport, user: Any, reason: str) -> UnitReport:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the report is returned.")})
    if len(reason) > REASON_MAX:
        raise ValidationError(
            {"reason": _("The reason is at most %(max)s characters.") % {"max": REASON_MAX}}
        )
    report = _decide(report, user, approve=False, reason=reason)
    before = snapshot(report, REPORT_FIELDS)
    report.state = ReportState.RETURNED
    report.return_reason = reason
    report.returned_count += 1
    report.decided_by, report.decided_at = user, timezone.now()
    report.save(
        update_fields=["state", "return_reason", "returned_count", "decided_by", "decided_at"]
    )
    log_action(
        report,
        "reports.report.returned",
        user=user,
        before=before,
        data=snapshot(report, REPORT_FIELDS),
        unit=report.unit,
    )
    signals.report_returned.send(sender=UnitReport, report=report, user=user)
    return report


@transaction.atomic
def accept_report(*, report: UnitReport, user: Any) -> UnitReport:
    report = _decide(report, user, approve=True)
    before = snapshot(report, REPORT_FIELDS)
    report.state = ReportState.ACCEPTED
    report.decided_by, report.decided_at = user, timezone.now()
    report.save(update_fields=["state", "decided_by", "decided_at"])
    log_action(
        report,
        "reports.report.accepted",
        user=user,
        before=before,
        data=snapshot(report, REPORT_FIELDS),
        unit=report.unit,
    )
    signals.report_accepted.send(sender=UnitReport, report=report, user=user)
    return report
