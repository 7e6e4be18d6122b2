"""The recommendation register: list with filters, raise, forward, answer, close."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from giaoban.core.models import AuditEntry
from giaoban.core.permissions import scope_for
from giaoban.core.views import apply_validation_error, paginate, querystring_without_page
from giaoban.org.models import Unit
from giaoban.org.permissions import units_for
from giaoban.recommendations import queries, services
from giaoban.recommendations.forms import AnswerForm, FilterForm, ForwardForm, RaiseForm
from giaoban.recommendations.permissions import get_for_user, may


def _filters(form: FilterForm) -> queries.Filters:
    if not (form.is_bound and form.is_valid()):
        return queries.Filters()
    d = form.cleaned_data
    return queries.Filters(
        q=d["q"],
        state=d["state"],
        unit_id=d["unit"].pk if d["unit"] else None,
        overdue=d["overdue"],
        raised_from=d["raised_from"],
        raised_to=d["raised_to"],
    )


@login_required
@require_GET
def register(request: HttpRequest) -> HttpResponse:
    form = FilterForm(
        request.GET or None, units=units_for(request.user).order_by("sort_order", "name")
    )
    today = timezone.localdate()
    page = paginate(request, queries.register(request.user, _filters(form), today))
    ctx = {
        "form": form,
        "page": page,
        "qs": querystring_without_page(request),
        "today": today,
        "counts": queries.counts(request.user, today),
        "can_raise": bool(scope_for(request.user).own_unit_ids),
    }
    return render(request, "recommendations/register.html", ctx, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def raise_view(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    if not scope.own_unit_ids:
        raise PermissionDenied
    form = RaiseForm(request.POST or None, units=Unit.objects.filter(pk__in=scope.own_unit_ids))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            rec = services.raise_recommendation(
                unit=d["unit"],
                user=request.user,
                text=d["text"],
                addressed_to=d["addressed_to"],
                response_deadline=d["response_deadline"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Recommendation sent to the committee."))
            return redirect("recommendations:detail", rec.pk)
    return render(
        request, "recommendations/raise.html", {"form": form}, status=400 if form.errors else 200
    )


def _detail_context(request: HttpRequest, rec, **extra) -> dict:
    forward_units = (
        Unit.objects.active()
        .filter(parent=rec.committee)
        .exclude(pk=rec.unit_id)
        .order_by("sort_order", "name")
    )
    ctx = {
        "rec": rec,
        "today": timezone.localdate(),
        "can_forward": rec.is_open and may(request.user, rec, "forward"),
        "can_answer": rec.state != "closed" and may(request.user, rec, "answer"),
        "can_close": rec.state == "answered" and may(request.user, rec, "close"),
        "forward_form": ForwardForm(
            units=forward_units, initial={"response_deadline": rec.response_deadline}
        ),
        "answer_form": AnswerForm(initial={"answer": rec.answer}),
        "history": AuditEntry.objects.filter(
            object_type="recommendations.recommendation", object_id=str(rec.pk)
        ).select_related("actor")[:30],
    }
    ctx.update(extra)
    return ctx


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    rec = get_for_user(request.user, pk)
    return render(request, "recommendations/detail.html", _detail_context(request, rec))


@login_required
@require_POST
def forward(request: HttpRequest, pk: int) -> HttpResponse:
    rec = get_for_user(request.user, pk, "forward")
    form = ForwardForm(request.POST, units=Unit.objects.filter(parent=rec.committee))
    if form.is_valid():
        try:
            services.forward(
                rec=rec,
                user=request.user,
                to_unit=form.cleaned_data["to_unit"],
                response_deadline=form.cleaned_data["response_deadline"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Recommendation forwarded."))
            return redirect("recommendations:detail", rec.pk)
    return render(
        request,
        "recommendations/detail.html",
        _detail_context(request, rec, forward_form=form),
        status=400,
    )


@login_required
@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    rec = get_for_user(request.user, pk)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.answer(rec=rec, user=request.user, text=form.cleaned_data["answer"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Answer saved."))
            return redirect("recommendations:detail", rec.pk)
    return render(
        request,
        "recommendations/detail.html",
        _detail_context(request, rec, answer_form=form),
        status=400,
    )


@login_required
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    rec = get_for_user(request.user, pk, "close")
    try:
        services.close(rec=rec, user=request.user)
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)
    else:
        messages.success(request, _("Recommendation closed."))
    return redirect("recommendations:detail", rec.pk)
