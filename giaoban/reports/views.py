"""Reporting pages: periods, the units' reports and their review. Short function views:
load through the scope helpers, bind a form, call a service, redirect or render."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from giaoban.core.decisions import may_decide
from giaoban.core.models import AuditEntry
from giaoban.core.permissions import scope_for
from giaoban.core.views import apply_validation_error
from giaoban.documents import pdf_unavailable_reason
from giaoban.org.models import Unit
from giaoban.org.permissions import units_for
from giaoban.reports import services, services_plans
from giaoban.reports.completeness import (
    PeriodRow,
    completeness,
    history_totals,
    submission_counts,
    unit_history,
)
from giaoban.reports.content import draft_errors, raw_from_post
from giaoban.reports.diff import version_diff
from giaoban.reports.forms import CloseForm, ExpectedForm, PeriodForm, ReasonForm, SubmitForm
from giaoban.reports.indicators import form_hints
from giaoban.reports.models import ExpectedReport, PeriodState, ReportState
from giaoban.reports.permissions import get_for_user, periods_for, reports_for
from giaoban.reports.views_common import error_messages, may, run_act


@login_required
@require_GET
def period_list(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    periods = list(
        periods_for(request.user).select_related("committee").order_by("-cutoff_end", "-id")[:60]
    )
    mine = {}
    if scope.own_unit_ids:
        mine = {
            r.period_id: r
            for r in reports_for(request.user)
            .filter(period__in=[p.pk for p in periods], unit_id__in=scope.own_unit_ids)
            .select_related("unit")
        }
    expected_mine: set[int] = set()
    if scope.own_unit_ids:
        expected_mine = set(
            ExpectedReport.objects.filter(
                period__in=[p.pk for p in periods], unit_id__in=scope.own_unit_ids
            ).values_list("period_id", flat=True)
        )
    counts = submission_counts(periods, scope)
    rows = [
        PeriodRow(p, mine.get(p.pk), p.pk in expected_mine, *counts.get(p.pk, (0, 0)))
        for p in periods
    ]
    return render(
        request,
        "reports/period_list.html",
        {
            "rows": rows,
            "can_create": bool(scope.office_committee_ids),
            "show_counts": bool(scope.reach_root_ids or scope.is_admin),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def period_create(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    if not scope.office_committee_ids:
        raise PermissionDenied
    form = PeriodForm(
        request.POST or None, committees=Unit.objects.filter(pk__in=scope.office_committee_ids)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            period = services.create_period(
                committee=data["committee"],
                period=data["period"],
                user=request.user,
                due_date=data["due_date"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request, _("Period prepared: check the units that must report, then open it.")
            )
            return redirect("reports:period", period.pk)
    return render(
        request, "reports/period_form.html", {"form": form}, status=400 if form.errors else 200
    )


def _period_context(request: HttpRequest, period) -> dict:
    can_manage = may(request.user, period, "manage_period")
    scope = scope_for(request.user)
    reach = None if (scope.is_admin or scope.is_overseer) else scope.own_unit_ids
    stats = completeness(period, unit_ids=reach)
    ctx = {
        "period": period,
        "stats": stats,
        "can_manage": can_manage,
        "close_form": CloseForm(initial={"allow_late": period.allow_late}),
        "own_rows": [r for r in stats.rows if r.unit.pk in scope.own_unit_ids],
        "pdf_reason": pdf_unavailable_reason() if can_manage else None,
        "syntheses": list(period.syntheses.select_related("created_by"))
        if scope.is_overseer
        else [],
    }
    if can_manage and period.state == PeriodState.PLANNED:
        units = Unit.objects.filter(parent=period.committee).order_by("sort_order", "name")
        ctx["expected_form"] = ExpectedForm(
            units=units, initial={"units": list(period.expected.values_list("unit_id", flat=True))}
        )
    return ctx


@login_required
@require_GET
def period_detail(request: HttpRequest, pk: int) -> HttpResponse:
    period = get_for_user(
        request.user, periods_for(request.user).select_related("committee", "form"), pk
    )
    return render(request, "reports/period_detail.html", _period_context(request, period))


def _period_act(request: HttpRequest, pk: int, act) -> HttpResponse:
    period = get_for_user(
        request.user, periods_for(request.user).select_related("committee"), pk, "manage_period"
    )
    return run_act(request, lambda: act(period), back=("reports:period", period.pk))


@login_required
@require_POST
def period_expected(request: HttpRequest, pk: int) -> HttpResponse:
    def act(period):
        form = ExpectedForm(request.POST, units=Unit.objects.filter(parent=period.committee))
        if not form.is_valid():
            raise ValidationError(_("Choose units of this committee."))
        services.set_expected(period=period, units=form.cleaned_data["units"], user=request.user)
        messages.success(request, _("Expected units saved."))

    return _period_act(request, pk, act)


@login_required
@require_POST
def period_open(request: HttpRequest, pk: int) -> HttpResponse:
    def act(period):
        services.open_period(period=period, user=request.user)
        messages.success(request, _("The period is open: the units can report."))

    return _period_act(request, pk, act)


@login_required
@require_POST
def period_close(request: HttpRequest, pk: int) -> HttpResponse:
    def act(period):
        form = CloseForm(request.POST)
        form.is_valid()
        services.close_period(
            period=period, user=request.user, allow_late=form.cleaned_data.get("allow_late", False)
        )
        messages.success(request, _("The period is closed."))

    return _period_act(request, pk, act)


@login_required
@require_POST
def report_start(request: HttpRequest, pk: int) -> HttpResponse:
    period = get_for_user(request.user, periods_for(request.user), pk)
    scope = scope_for(request.user)
    own = period.expected.filter(unit_id__in=scope.own_unit_ids).select_related("unit").first()
    if own is None:
        raise PermissionDenied
    try:
        report = services.start_report(period=period, unit=own.unit, user=request.user)
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)
        return redirect("reports:period", period.pk)
    return redirect("reports:report", report.pk)


def _load_report(request: HttpRequest, pk: int, action: str = "view"):
    qs = reports_for(request.user).select_related("period__committee", "period__form", "unit")
    return get_for_user(request.user, qs, pk, action)


def _report_context(request: HttpRequest, report, **extra) -> dict:
    versions = list(report.versions.select_related("submitted_by").order_by("-number"))
    last = versions[0] if versions else None
    indicators = list(report.period.form.indicators.all())
    content = report.content or {}
    recs = list(content.get("recommendations", []))
    ctx = {
        "report": report,
        "period": report.period,
        "sections": report.period.form.sections,
        "content": content,
        "indicators": indicators,
        "plan_items": services.plan_items_for(report),
        "next_tasks": list(content.get("next_tasks", [])) + ["", "", ""],
        "recs": recs + [{"text": "", "addressed_to": "", "rec_id": None}] * 2,
        "versions": versions,
        "can_edit": report.editable and may(request.user, report, "edit_report"),
        "hints": form_hints(report, indicators),
        # a saved draft may hold a wrong figure kept as typed: flag it
        "field_errors": draft_errors(content, indicators) if report.editable else {},
        "can_decide": report.state == ReportState.SUBMITTED
        and may(request.user, report, "decide_report")
        and may_decide(request.user, last),
        "own_request": report.state == ReportState.SUBMITTED
        and last is not None
        and not may_decide(request.user, last)
        and may(request.user, report, "decide_report"),
        "submit_form": SubmitForm(
            initial={"doc_number": report.doc_number, "doc_date": report.doc_date}
        ),
        "reason_form": ReasonForm(),
        "carry": services_plans.next_quarter(report)
        if services_plans.may_carry(request.user, report)
        else None,
        "history": AuditEntry.objects.filter(
            object_type="reports.unitreport", object_id=str(report.pk)
        ).select_related("actor")[:30],
    }
    ctx.update(extra)
    return ctx


@login_required
@require_GET
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _load_report(request, pk)
    return render(request, "reports/report_detail.html", _report_context(request, report))


def _save(request: HttpRequest, report):
    """Save the typed draft, every valid field of it. Returns (error, raw, saved): the
    ValidationError of the wrong fields (or of a refusal: then ``saved`` is False) or None."""
    raw = raw_from_post(request.POST, section_keys=report.period.form.section_keys)
    try:
        services.save_draft(report=report, user=request.user, raw=raw, keep_valid=True)
    except ValidationError as exc:
        return exc, raw, False
    if report.draft_errors:
        return ValidationError(report.draft_errors), raw, True
    return None, raw, True


def _field_errors(exc: ValidationError | None) -> dict[str, str]:
    """{"indicator_DV01": "…"} for the fields to mark on the page."""
    if exc is None or not hasattr(exc, "error_dict"):
        return {}
    return {k: " ".join(v) for k, v in exc.message_dict.items() if k != "__all__"}


def _typed_context(request, report, raw, errors, field_errors=None) -> dict:
    """The page as the unit typed it (so a refused save never loses the text)."""
    content = {
        "sections": raw.sections,
        "indicators": raw.indicators,
        "plan_progress": raw.plan_progress,
    }
    return _report_context(
        request,
        report,
        content=content,
        next_tasks=[t for t in raw.next_tasks] + [""],
        recs=raw.recommendations + [{"text": "", "addressed_to": "", "rec_id": None}],
        errors=errors,
        field_errors=field_errors or {},
    )


@login_required
@require_POST
def report_save(request: HttpRequest, pk: int) -> HttpResponse:
    report = _load_report(request, pk, "edit_report")
    exc, raw, saved = _save(request, report)
    if request.htmx:
        ctx = {
            "errors": error_messages(exc) if exc else [],
            "field_errors": json.dumps(_field_errors(exc), ensure_ascii=False),
            "saved": saved,
            "saved_at": timezone.localtime(),
        }
        return render(
            request, "reports/_partials/save_status.html", ctx, status=200 if saved else 400
        )
    if exc is not None:
        if saved:
            messages.warning(request, _("Draft saved, except the fields marked in red."))
        return render(
            request,
            "reports/report_detail.html",
            _typed_context(request, report, raw, error_messages(exc), _field_errors(exc)),
            status=400,
        )
    messages.success(request, _("Draft saved."))
    return redirect("reports:report", report.pk)


@login_required
@require_POST
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _load_report(request, pk, "edit_report")
    exc, raw, _saved = _save(request, report)  # the draft is kept even if sending is refused
    form = SubmitForm(request.POST, request.FILES)
    if exc is None and form.is_valid():
        try:
            services.submit_report(
                report=report,
                user=request.user,
                doc_number=form.cleaned_data["doc_number"],
                doc_date=form.cleaned_data["doc_date"],
                document=form.cleaned_data["document"],
            )
        except ValidationError as err:
            exc = err
        else:
            messages.success(request, _("Report sent to the office."))
            return redirect("reports:report", report.pk)
    errors = error_messages(exc) if exc else [m for msgs in form.errors.values() for m in msgs]
    report.refresh_from_db()
    ctx = _typed_context(request, report, raw, errors, _field_errors(exc))
    ctx["submit_form"] = form
    return render(request, "reports/report_detail.html", ctx, status=400)


@login_required
@require_POST
def report_accept(request: HttpRequest, pk: int) -> HttpResponse:
    report = _load_report(request, pk, "decide_report")
    return run_act(
        request,
        lambda: services.accept_report(report=report, user=request.user),
        back=("reports:report", report.pk),
        success=_("Report accepted."),
    )


@login_required
@require_POST
def report_return(request: HttpRequest, pk: int) -> HttpResponse:
    report = _load_report(request, pk, "decide_report")
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            services.return_report(
                report=report, user=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Report returned to the unit."))
            return redirect("reports:report", report.pk)
    return render(
        request,
        "reports/report_detail.html",
        _report_context(request, report, reason_form=form),
        status=400,
    )


@login_required
@require_GET
def version_detail(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    report = _load_report(request, pk)
    versions = {
        v.number: v
        for v in report.versions.filter(number__in=[number, number - 1]).select_related(
            "submitted_by"
        )
    }
    version = versions.get(number)
    if version is None:
        raise Http404
    previous = versions.get(number - 1)

    def label(v):
        return (
            f"{v.doc_number} {v.doc_date:%d/%m/%Y}"
            if v and v.doc_date
            else (v.doc_number if v else "")
        )  # noqa: E731

    diff = version_diff(
        previous.content if previous else None,
        version.content,
        doc_old=label(previous),
        doc_new=label(version),
    )
    return render(
        request,
        "reports/version_detail.html",
        {"report": report, "version": version, "previous": previous, "diff": diff},
    )


@login_required
@require_GET
def version_file(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    report = _load_report(request, pk)
    version = report.versions.filter(number=number).first()
    if version is None or not version.document:
        raise Http404
    try:
        handle = version.document.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle, as_attachment=True, filename=version.document.name.rsplit("/", 1)[-1]
    )


@login_required
@require_GET
def unit_history_view(request: HttpRequest, unit_id: int) -> HttpResponse:
    try:
        unit = units_for(request.user).get(pk=unit_id)
    except (Unit.DoesNotExist, ValueError):
        raise Http404 from None
    rows = unit_history(unit)
    return render(
        request,
        "reports/unit_history.html",
        {"unit": unit, "rows": rows, "totals": history_totals(rows)},
    )
