"""Every write to reporting periods and unit reports: keyword-only, atomic, audited.

Services check the business rules and raise ``ValidationError`` with a
user-facing message (a 400/422 on the API, a form error on the page);
nothing is half-saved. Indicators and work plans: ``services_plans.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from giaoban.core.audit import log_action, snapshot
from giaoban.core.decisions import decide, ensure_not_own_request
from giaoban.org.models import Unit, subtree_ids
from giaoban.periods import Period
from giaoban.reports import permissions, signals
from giaoban.reports.content import RawContent, clean_content
from giaoban.reports.models import (
    REASON_MAX,
    ExpectedReport,
    IndicatorValue,
    PeriodState,
    PlanItemProgress,
    ReportingPeriod,
    ReportState,
    ReportVersion,
    UnitReport,
    rules_for,
)
from giaoban.reports.plans import plan_items_for  # noqa: F401  (callers use services.plan_items_for)
from giaoban.reports.sent import sent_figures
from giaoban.reports.services_setup import form_for, office_only
from giaoban.tasks.services import validate_attachment

PERIOD_FIELDS = ["state", "allow_late", "opened_at", "closed_at", "due_date"]
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


# -- periods ---------------------------------------------------------------------------


def default_expected_units(committee: Unit, on: date) -> list[Unit]:
    """All active units directly below the committee (the committee itself does not report)."""
    return list(Unit.objects.active(on).filter(parent=committee).order_by("sort_order", "name"))


@transaction.atomic
def create_period(
    *,
    committee: Unit,
    period: Period,
    user: Any,
    due_date: date | None = None,
    expected_units: Iterable[Unit] | None = None,
) -> ReportingPeriod:
    """Prepare a period (state 'planned'): cut-off and due date from the committee's rules."""
    office_only(user, committee)
    rules = rules_for(committee.pk).as_rules()
    start, end = rules.cutoff_window(period)
    computed_due = rules.due_date(period)
    if due_date is not None and due_date < end:
        raise ValidationError(
            {"due_date": _("The due date cannot be before the data cut-off day.")}
        )
    obj = ReportingPeriod(
        committee=committee,
        period_type=period.type.value,
        year=period.year,
        number=period.number,
        form=form_for(committee, period.type.value),
        cutoff_start=start,
        cutoff_end=end,
        due_date=due_date or computed_due,
        created_by=user,
    )
    obj.full_clean()
    obj.save()
    units = (
        list(expected_units)
        if expected_units is not None
        else default_expected_units(committee, today())
    )
    _check_units(obj, units)
    ExpectedReport.objects.bulk_create([ExpectedReport(period=obj, unit=u) for u in units])
    log_action(
        obj,
        "reports.period.created",
        user=user,
        data={
            **snapshot(obj),
            "expected": sorted(u.pk for u in units),
            "computed_due": computed_due,
        },
        unit=committee,
    )
    return obj


def _check_units(period: ReportingPeriod, units: list[Unit]) -> None:
    allowed = subtree_ids([period.committee_id], include_roots=False)
    wrong = [u for u in units if u.pk not in allowed]
    if wrong:
        raise ValidationError(
            {
                "units": _("Not a unit of this committee: %(names)s.")
                % {"names": ", ".join(str(u) for u in wrong)}
            }
        )
    closed = [u for u in units if not u.is_active(period.cutoff_end)]
    if closed:
        raise ValidationError(
            {
                "units": _("No longer active: %(names)s.")
                % {"names": ", ".join(str(u) for u in closed)}
            }
        )


@transaction.atomic
def set_expected(*, period: ReportingPeriod, units: Iterable[Unit], user: Any) -> ReportingPeriod:
    """Change the units that must report; only while the period is being prepared."""
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    permissions.check(user, period, "manage_period")
    if period.state != PeriodState.PLANNED:
        raise ValidationError(
            _("The expected units can only be changed before the period is opened.")
        )
    units = list(units)
    if not units:
        raise ValidationError({"units": _("At least one unit must report.")})
    _check_units(period, units)
    before = sorted(period.expected.values_list("unit_id", flat=True))
    after = sorted({u.pk for u in units})
    period.expected.exclude(unit_id__in=after).delete()
    ExpectedReport.objects.bulk_create(
        [ExpectedReport(period=period, unit_id=uid) for uid in after if uid not in before]
    )
    log_action(
        period,
        "reports.period.expected_changed",
        user=user,
        before={"expected": before},
        data={"expected": after},
        unit=period.committee,
    )
    return period


@transaction.atomic
def open_period(*, period: ReportingPeriod, user: Any) -> ReportingPeriod:
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    permissions.check(user, period, "manage_period")
    if period.state != PeriodState.PLANNED:
        raise ValidationError(_("Only a period being prepared can be opened."))
    if not period.expected.exists():
        raise ValidationError(_("Choose the units that must report before opening."))
    before = snapshot(period, PERIOD_FIELDS)
    period.state = PeriodState.OPEN
    period.opened_at = timezone.now()
    period.save(update_fields=["state", "opened_at"])
    log_action(
        period,
        "reports.period.opened",
        user=user,
        before=before,
        data=snapshot(period, PERIOD_FIELDS),
        unit=period.committee,
    )
    return period


@transaction.atomic
def close_period(
    *, period: ReportingPeriod, user: Any, allow_late: bool = False
) -> ReportingPeriod:
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    permissions.check(user, period, "manage_period")
    if period.state == PeriodState.PLANNED:
        raise ValidationError(_("A period that was never opened cannot be closed."))
    before = snapshot(period, PERIOD_FIELDS)
    if period.state == PeriodState.OPEN:
        period.state = PeriodState.CLOSED
        period.closed_at = timezone.now()
    period.allow_late = allow_late
    period.save(update_fields=["state", "closed_at", "allow_late"])
    log_action(
        period,
        "reports.period.closed",
        user=user,
        before=before,
        data=snapshot(period, PERIOD_FIELDS),
        unit=period.committee,
    )
    return period


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
            % {"unit": unit, "period": period.label}
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
        return _("The period %(period)s has not been opened yet.") % {"period": period.label}
    return _(
        "The period %(period)s is closed: reports are no longer accepted. Ask the office to accept late reports."
    ) % {"period": period.label}


@transaction.atomic
def save_draft(*, report: UnitReport, user: Any, raw: RawContent) -> UnitReport:
    """Save what the unit typed. Raises ValidationError (and saves nothing) on bad input.

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
    cleaned = clean_content(
        raw,
        section_keys=report.period.form.section_keys,
        indicators=indicators,
        # the plan items are read only to check progress typed for them
        plan_items=plan_items_for(report)
        if any((v or "").strip() for v in raw.plan_progress.values())
        else [],
        existing_recs=report.content.get("recommendations", []),
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
    if errors:
        raise ValidationError(errors)
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
    values, progress = sent_figures(
        report,
        indicators=list(period.form.indicators.all()),
        plan_items=plan_items_for(report),
    )
    _sync_rows(IndicatorValue, report, "indicator_id", "value", values)
    _sync_rows(PlanItemProgress, report, "item_id", "percent", progress)
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
