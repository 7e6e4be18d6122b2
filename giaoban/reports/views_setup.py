"""The office's setup pages (rules, forms) and the period's exports (Excel, synthesis DOCX)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from giaoban.core.permissions import scope_for
from giaoban.core.views import apply_validation_error
from giaoban.org.models import Unit
from giaoban.reports import exports, services_setup
from giaoban.reports.forms import ReportFormForm, RulesForm
from giaoban.reports.models import Indicator, ReportForm, SectionKey, default_sections, rules_for
from giaoban.reports.permissions import get_for_user, periods_for


def _office_committee(request: HttpRequest, committee_id: int) -> Unit:
    scope = scope_for(request.user)
    if (
        committee_id not in scope.office_committee_ids | scope.leader_unit_ids
        and not scope.is_admin
    ):
        raise Http404
    try:
        committee = Unit.objects.get(pk=committee_id)
    except Unit.DoesNotExist:
        raise Http404 from None
    if committee_id not in scope.office_committee_ids:
        raise PermissionDenied
    return committee


@login_required
@require_http_methods(["GET", "POST"])
def rules_edit(request: HttpRequest, committee_id: int) -> HttpResponse:
    committee = _office_committee(request, committee_id)
    rules = rules_for(committee.pk)
    form = RulesForm(request.POST or None, instance=rules)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in RulesForm.Meta.fields}
        try:
            services_setup.save_rules(committee=committee, user=request.user, **values)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Reporting rules saved."))
            return redirect("reports:rules", committee.pk)
    status = 400 if form.errors else 200
    return render(
        request, "reports/rules_form.html", {"form": form, "committee": committee}, status=status
    )


@login_required
@require_http_methods(["GET", "POST"])
def form_edit(request: HttpRequest, committee_id: int, period_type: str) -> HttpResponse:
    committee = _office_committee(request, committee_id)
    if period_type not in dict(ReportForm._meta.get_field("period_type").choices):
        raise Http404
    if request.method == "GET":
        report_form = ReportForm.objects.filter(
            committee=committee, period_type=period_type
        ).first()
    else:
        report_form = services_setup.form_for(committee, period_type)
    sections = report_form.sections if report_form else []
    form = ReportFormForm(
        request.POST or None,
        indicators=Indicator.objects.filter(committee=committee),
        sections=sections or default_sections(),
        initial={
            "name": report_form.name if report_form else f"Báo cáo {committee.display_name}",
            "indicators": list(report_form.indicators.all()) if report_form else [],
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services_setup.save_form(
                form=report_form,
                user=request.user,
                name=form.cleaned_data["name"],
                sections=form.chosen_sections(),
                indicators=form.cleaned_data["indicators"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Report form saved."))
            return redirect("reports:form_edit", committee.pk, period_type)
    pairs = [(form[f"use_{k.value}"], form[f"title_{k.value}"]) for k in SectionKey]
    status = 400 if form.errors else 200
    return render(
        request,
        "reports/form_edit.html",
        {"form": form, "pairs": pairs, "committee": committee},
        status=status,
    )


@login_required
@require_GET
def completeness_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    period = get_for_user(request.user, periods_for(request.user).select_related("committee"), pk)
    scope = scope_for(request.user)
    if not (scope.is_admin or scope.is_overseer):
        raise PermissionDenied
    data = exports.completeness_xlsx(period)
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="tinh-hinh-bao-cao-{period.period.code}.xlsx"'
    )
    return response


@login_required
@require_POST
def synthesis_create(request: HttpRequest, pk: int) -> HttpResponse:
    period = get_for_user(
        request.user,
        periods_for(request.user).select_related("committee", "form"),
        pk,
        "manage_period",
    )
    synthesis = exports.issue_synthesis(period=period, user=request.user)
    messages.success(
        request,
        _("Synthesis report drafted (version %(n)s): download it, edit it in Word.")
        % {"n": synthesis.number},
    )
    return redirect(reverse("reports:period", args=[period.pk]) + "#synthesis")


@login_required
@require_POST
def synthesis_upload(request: HttpRequest, pk: int) -> HttpResponse:
    period = get_for_user(request.user, periods_for(request.user), pk, "manage_period")
    try:
        synthesis = exports.upload_issued(
            period=period, user=request.user, document=request.FILES.get("document")
        )
    except ValidationError as exc:
        for messages_ in exc.message_dict.values():
            for m in messages_:
                messages.error(request, m)
    else:
        messages.success(request, _("Issued version %(n)s kept.") % {"n": synthesis.number})
    return redirect("reports:period", period.pk)


def _synthesis(request: HttpRequest, pk: int, number: int):
    """A kept synthesis version of a period the user may read: office, leaders and admin only."""
    period = get_for_user(request.user, periods_for(request.user), pk)
    scope = scope_for(request.user)
    if not (scope.is_admin or scope.is_overseer):
        raise PermissionDenied
    synthesis = period.syntheses.filter(number=number).first()
    if synthesis is None:
        raise Http404
    return period, synthesis


@login_required
@require_GET
def synthesis_file(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    period, synthesis = _synthesis(request, pk, number)
    try:
        handle = synthesis.document.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    ext = synthesis.document.name.rsplit(".", 1)[-1]
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"bao-cao-tong-hop-{period.period.code}-v{number}.{ext}",
    )


@login_required
@require_GET
def synthesis_pdf(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """A kept synthesis version as PDF (LibreOffice headless); without it, back with the reason."""
    from giaoban.documents import DocumentError

    period, synthesis = _synthesis(request, pk, number)
    try:
        pdf = exports.synthesis_pdf(synthesis)
    except FileNotFoundError:
        raise Http404 from None
    except DocumentError as exc:
        messages.error(request, str(exc))
        return redirect("reports:period", period.pk)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="bao-cao-tong-hop-{period.period.code}-v{number}.pdf"'
    )
    return response
