"""Indicator pages (committee table, per-unit view, targets) and work plan pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from giaoban.core.permissions import scope_for
from giaoban.core.text import fold
from giaoban.core.views import apply_validation_error
from giaoban.org.models import Unit
from giaoban.org.permissions import units_for
from giaoban.reports import services_plans
from giaoban.reports.forms import (
    CarryFormSet,
    IndicatorForm,
    PlanCreateForm,
    PlanDecisionForm,
    PlanItemForm,
    TargetForm,
)
from giaoban.reports.indicators import indicator_table
from giaoban.reports.models import PeriodState, PlanState, WorkPlan
from giaoban.reports.permissions import (
    get_for_user,
    indicators_for,
    periods_for,
    plans_for,
    reports_for,
)
from giaoban.reports.plans import plan_progress
from giaoban.reports.views_common import error_messages, may, run_act


def _chosen_period(request: HttpRequest):
    periods = (
        periods_for(request.user).exclude(state=PeriodState.PLANNED).select_related("committee")
    )
    pk = request.GET.get("period")
    if pk:
        return get_for_user(request.user, periods, pk)
    return periods.order_by("-cutoff_end", "-id").first()


@login_required
@require_GET
def indicator_list(request: HttpRequest) -> HttpResponse:
    period = _chosen_period(request)
    scope = scope_for(request.user)
    units, table = [], []
    if period is not None:
        reach = None if (scope.is_admin or scope.is_overseer) else set(scope.own_unit_ids)
        units, table = indicator_table(period, unit_ids=reach)
    periods = (
        periods_for(request.user)
        .exclude(state=PeriodState.PLANNED)
        .select_related("committee")
        .order_by("-cutoff_end", "-id")[:40]
    )
    ctx = {
        "period": period,
        "periods": periods,
        "units": units,
        "table": table,
        "can_create": bool(scope.office_committee_ids),
    }
    return render(request, "reports/indicator_list.html", ctx)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_create(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    if not scope.office_committee_ids:
        raise PermissionDenied
    committee = Unit.objects.get(pk=min(scope.office_committee_ids))
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        values = {f: form.cleaned_data[f] for f in IndicatorForm.Meta.fields}
        try:
            ind = services_plans.save_indicator(committee=committee, user=request.user, **values)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Indicator saved."))
            return redirect("reports:indicator", ind.pk)
    return render(
        request,
        "reports/indicator_form.html",
        {"form": form, "committee": committee},
        status=400 if form.errors else 200,
    )


def _target_units(indicator):
    return Unit.objects.filter(parent_id=indicator.committee_id).order_by("sort_order", "name")


@login_required
@require_GET
def indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_for_user(
        request.user, indicators_for(request.user).select_related("committee"), pk
    )
    scope = scope_for(request.user)
    targets = indicator.targets.select_related("unit").order_by("-year", "unit__sort_order")
    if not (scope.is_admin or scope.is_overseer):
        targets = targets.filter(unit_id__in=scope.own_unit_ids)
    ctx = {
        "indicator": indicator,
        "targets": targets,
        "can_manage": may(request.user, indicator, "manage_indicator"),
        "target_form": TargetForm(units=_target_units(indicator)),
    }
    return render(request, "reports/indicator_detail.html", ctx)


@login_required
@require_POST
def indicator_target(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_for_user(request.user, indicators_for(request.user), pk, "manage_indicator")
    form = TargetForm(request.POST, units=_target_units(indicator))
    if form.is_valid():
        d = form.cleaned_data
        try:
            services_plans.set_target(
                indicator=indicator,
                user=request.user,
                year=d["year"],
                unit=d["unit"],
                target=d["target"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Target saved."))
            return redirect("reports:indicator", indicator.pk)
    ctx = {
        "indicator": indicator,
        "targets": indicator.targets.select_related("unit"),
        "can_manage": True,
        "target_form": form,
    }
    return render(request, "reports/indicator_detail.html", ctx, status=400)


@login_required
@require_GET
def indicator_unit(request: HttpRequest, unit_id: int) -> HttpResponse:
    try:
        unit = units_for(request.user).get(pk=unit_id)
    except (Unit.DoesNotExist, ValueError):
        raise Http404 from None
    period = _chosen_period(request)
    table = []
    if period is not None:
        _units, rows = indicator_table(period, unit_ids={unit.pk})
        table = [(r.indicator, r.units.get(unit.pk)) for r in rows]
    return render(
        request, "reports/indicator_unit.html", {"unit": unit, "period": period, "table": table}
    )


# -- work plans ------------------------------------------------------------------------------


@login_required
@require_GET
def plan_list(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    plans = (
        plans_for(request.user)
        .select_related("unit")
        .order_by("-year", "unit__sort_order", "unit__name")[:200]
    )
    form = (
        PlanCreateForm(units=Unit.objects.filter(pk__in=scope.own_unit_ids))
        if scope.own_unit_ids
        else None
    )
    rows = [(p, plan_progress(p)) for p in plans]
    return render(request, "reports/plan_list.html", {"rows": rows, "create_form": form})


@login_required
@require_POST
def plan_create(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    if not scope.own_unit_ids:
        raise PermissionDenied
    form = PlanCreateForm(request.POST, units=Unit.objects.filter(pk__in=scope.own_unit_ids))
    if form.is_valid():
        try:
            plan = services_plans.create_plan(
                unit=form.cleaned_data["unit"], year=form.cleaned_data["year"], user=request.user
            )
        except ValidationError as exc:
            for m in exc.messages:
                messages.error(request, m)
        else:
            return redirect("reports:plan", plan.pk)
    else:
        messages.error(request, _("Choose your unit and a year."))
    return redirect("reports:plans")


def _plan_context(request: HttpRequest, plan, **extra) -> dict:
    ctx = {
        "plan": plan,
        "progress": plan_progress(plan),
        "deadlines": services_plans.plan_deadlines(plan),
        "can_edit": plan.state in (PlanState.DRAFT, PlanState.RETURNED)
        and may(request.user, plan, "edit_plan"),
        "can_decide": plan.state == PlanState.SUBMITTED and may(request.user, plan, "decide_plan"),
        "item_form": PlanItemForm(),
        "decision_form": PlanDecisionForm(),
    }
    ctx.update(extra)
    return ctx


def _load_plan(request: HttpRequest, pk: int, action: str = "view"):
    return get_for_user(request.user, plans_for(request.user).select_related("unit"), pk, action)


@login_required
@require_GET
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(
        request, "reports/plan_detail.html", _plan_context(request, _load_plan(request, pk))
    )


@login_required
@require_POST
def plan_item_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _load_plan(request, pk, "edit_plan")
    form = PlanItemForm(request.POST)
    if form.is_valid():
        try:
            services_plans.add_item(plan=plan, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            return redirect("reports:plan", plan.pk)
    return render(
        request,
        "reports/plan_detail.html",
        _plan_context(request, plan, item_form=form),
        status=400,
    )


@login_required
@require_POST
def plan_item_remove(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    plan = _load_plan(request, pk, "edit_plan")
    item = plan.items.filter(pk=item_pk).first()
    if item is None:
        raise Http404
    return run_act(
        request,
        lambda: services_plans.remove_item(item=item, user=request.user),
        back=("reports:plan", plan.pk),
    )


@login_required
@require_POST
def plan_submit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _load_plan(request, pk, "edit_plan")
    return run_act(
        request,
        lambda: services_plans.submit_plan(plan=plan, user=request.user),
        back=("reports:plan", plan.pk),
        success=_("Plan sent to the office."),
    )


@login_required
@require_POST
def plan_decide(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _load_plan(request, pk, "decide_plan")
    form = PlanDecisionForm(request.POST)
    form.is_valid()
    return run_act(
        request,
        lambda: services_plans.decide_plan(
            plan=plan,
            user=request.user,
            approve=form.cleaned_data.get("approve", False),
            reason=form.cleaned_data.get("reason", ""),
        ),
        back=("reports:plan", plan.pk),
    )


# -- next period's tasks -> next quarter's plan ------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def report_carry(request: HttpRequest, pk: int) -> HttpResponse:
    """The report's "next period's tasks" as draft items of the next quarter's plan: pre-filled,
    editable, chosen one by one; the unit or the committee's office saves them into the plan."""
    report = get_for_user(
        request.user, reports_for(request.user).select_related("period__committee", "unit"), pk
    )
    if not services_plans.may_carry(request.user, report):
        raise PermissionDenied
    year, quarter = services_plans.next_quarter(report)
    plan = WorkPlan.objects.filter(unit_id=report.unit_id, year=year).first()
    done = services_plans.carried_texts(plan, quarter)
    tasks = [t for t in (report.content or {}).get("next_tasks", []) if t]
    initial = [{"carry": fold(t) not in done, "text": t, "weight": 1} for t in tasks]
    formset = CarryFormSet(request.POST or None, initial=initial, prefix="item")
    errors: list[str] = []
    if request.method == "POST" and formset.is_valid():
        chosen = [f.cleaned_data for f in formset if f.cleaned_data.get("carry")]
        try:
            plan, new = services_plans.carry_next_tasks(
                report=report, user=request.user, items=chosen
            )
        except ValidationError as exc:
            errors = error_messages(exc)
        else:
            messages.success(
                request,
                _("%(n)s items added to quarter %(q)s of the %(y)s plan.")
                % {"n": len(new), "q": quarter, "y": year},
            )
            return redirect("reports:plan", plan.pk)
    if request.method == "POST" and not formset.is_valid():
        errors = [str(e) for e in formset.non_form_errors()] or [
            _("Check the items marked in red.")
        ]
    ctx = {
        "report": report,
        "period": report.period,
        "year": year,
        "quarter": quarter,
        "plan": plan,
        "formset": formset,
        "rows": [(f, i < len(tasks) and fold(tasks[i]) in done) for i, f in enumerate(formset)],
        "errors": errors,
    }
    return render(request, "reports/carry_tasks.html", ctx, status=400 if errors else 200)
