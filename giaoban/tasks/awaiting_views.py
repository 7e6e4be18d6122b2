"""The office's full list of what awaits its decision, its count for the menu, and the bulk
confirmation of selected claims (a confirmation page lists them first: one confirmation)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from giaoban.core.forms import BootstrapMixin
from giaoban.core.permissions import scope_for
from giaoban.core.views import paginate, querystring_without_page
from giaoban.org.models import Unit
from giaoban.tasks.awaiting import (
    KIND_CLAIM,
    KIND_EXTENSION,
    AwaitingFilters,
    awaiting,
    awaiting_count,
    confirm_many,
)


class AwaitingFilterForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Request"),
        required=False,
        choices=[
            ("", gettext_lazy("All")),
            (KIND_CLAIM, gettext_lazy("Completion claimed")),
            (KIND_EXTENSION, gettext_lazy("Extension requested")),
        ],
        error_messages={"invalid_choice": gettext_lazy("Unknown kind of request.")},
    )
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Unit"),
        queryset=Unit.objects.none(),
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Unknown unit.")},
    )
    q = forms.CharField(label=gettext_lazy("Search"), max_length=200, required=False)
    source = forms.CharField(label=gettext_lazy("Source document"), max_length=64, required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units

    def filters(self) -> AwaitingFilters:
        if not self.is_bound or not self.is_valid():
            return AwaitingFilters()
        d = self.cleaned_data
        return AwaitingFilters(
            kind=d["kind"] or "",
            unit_id=d["unit"].pk if d["unit"] else None,
            q=d["q"].strip(),
            source=d["source"].strip(),
        )


def _office(request: HttpRequest):
    scope = scope_for(request.user)
    if not scope.office_unit_ids:
        raise PermissionDenied
    return scope


@login_required
@require_GET
def awaiting_list(request: HttpRequest) -> HttpResponse:
    scope = _office(request)
    units = Unit.objects.filter(pk__in=scope.office_unit_ids).order_by("sort_order", "name")
    form = AwaitingFilterForm(request.GET or None, units=units)
    # an invalid filter shows its message and lists nothing rather than everything
    qs = awaiting(request.user, form.filters())
    if form.is_bound and not form.is_valid():
        qs = qs.none()
    page = paginate(request, qs)
    status = 400 if form.is_bound and not form.is_valid() else 200
    ctx = {"form": form, "page": page, "qs": querystring_without_page(request)}
    return render(request, "tasks/awaiting_list.html", ctx, status=status)


@login_required
@require_GET
def awaiting_badge(request: HttpRequest) -> HttpResponse:
    """The number in the menu, fetched after the page (so no page pays for it)."""
    n = awaiting_count(request.user)
    return HttpResponse(str(n) if n else "", content_type="text/plain; charset=utf-8")


@login_required
@require_POST
def bulk_confirm(request: HttpRequest) -> HttpResponse:
    _office(request)
    ids = [int(v) for v in request.POST.getlist("ids") if v.isdigit()]
    selected = list(awaiting(request.user, AwaitingFilters(kind=KIND_CLAIM)).filter(pk__in=ids))
    if not selected:
        messages.error(request, _("Select at least one completion claim to confirm."))
        return redirect("tasks:awaiting")
    if request.POST.get("confirmed") != "1":
        return render(request, "tasks/awaiting_confirm.html", {"rows": selected})
    result = confirm_many(assignments=selected, user=request.user)
    if result.confirmed:
        messages.success(
            request,
            _("Completion claims confirmed: %(n)s.") % {"n": len(result.confirmed)},
        )
    for assignment, reason in result.refused:
        messages.error(
            request,
            _("%(unit)s, %(doc)s: not confirmed — %(reason)s")
            % {"unit": assignment.unit.name, "doc": assignment.task.doc_number, "reason": reason},
        )
    return redirect("tasks:awaiting")
