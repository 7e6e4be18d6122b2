"""The notification centre (bell, list, mark read, open), preferences and committee rules."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from giaoban.core.permissions import scope_for
from giaoban.core.views import apply_validation_error, paginate
from giaoban.notifications import services
from giaoban.notifications.forms import PreferenceForm, RuleForm
from giaoban.notifications.messages import message
from giaoban.notifications.models import Notification
from giaoban.org.models import Unit


def _mine(request: HttpRequest):
    return Notification.objects.filter(recipient=request.user)


def _get_mine(request: HttpRequest, pk: int) -> Notification:
    # another person's notification does not exist for this user
    found = _mine(request).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


@login_required
@require_GET
def centre(request: HttpRequest) -> HttpResponse:
    unread_only = request.GET.get("unread") == "1"
    qs = _mine(request)
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    page = paginate(request, qs.order_by("-created_at", "-id"), per_page=30)
    rows = [(n, message(n.kind, n.params)) for n in page.object_list]
    unread = _mine(request).filter(read_at__isnull=True).count()
    ctx = {"page": page, "rows": rows, "unread_only": unread_only, "unread": unread}
    return render(request, "notifications/centre.html", ctx)


@login_required
@require_GET
def bell(request: HttpRequest) -> HttpResponse:
    """The header's unread count, fetched by htmx after the page (pages keep their query count)."""
    unread = _mine(request).filter(read_at__isnull=True).count()
    return render(request, "notifications/_partials/bell.html", {"unread": unread})


@login_required
@require_GET
def open_notification(request: HttpRequest, pk: int) -> HttpResponse:
    """Follow the link: mark read, then go to the object (whose own view checks the scope)."""
    notification = _get_mine(request, pk)
    services.mark_read(notification=notification, user=request.user)
    target = notification.url or "/notifications/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/notifications/"
    return redirect(target)


@login_required
@require_POST
def mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    services.mark_read(notification=_get_mine(request, pk), user=request.user)
    return redirect("notifications:centre")


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    count = services.mark_all_read(user=request.user)
    messages.success(request, _("%(n)s notifications marked as read.") % {"n": count})
    return redirect("notifications:centre")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    pref = services.preference_of(request.user)
    form = PreferenceForm(
        request.POST or None, initial={"email_enabled": pref.email_enabled, "digest": pref.digest}
    )
    if request.method == "POST" and form.is_valid():
        services.save_preference(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:preferences")
    ctx = {"form": form, "has_email": bool(request.user.email)}
    return render(request, "notifications/preferences.html", ctx)


@login_required
@require_http_methods(["GET", "POST"])
def rules(request: HttpRequest) -> HttpResponse:
    """The office sets its committee's reminder rules (one committee per office membership)."""
    scope = scope_for(request.user)
    committees = list(Unit.objects.filter(pk__in=scope.office_committee_ids).order_by("name"))
    if not committees:
        raise PermissionDenied
    committee = committees[0]
    if request.GET.get("committee"):
        committee = next((c for c in committees if str(c.pk) == request.GET["committee"]), None)
        if committee is None:
            raise Http404
    rule = services.rule_of(committee)
    form = RuleForm(request.POST or None, instance=rule)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in services.RULE_FIELDS}
        try:
            services.save_rule(committee=committee, user=request.user, **values)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The reminder rules are saved."))
            return redirect(f"{request.path}?committee={committee.pk}")
    status = 400 if request.method == "POST" else 200
    ctx = {"form": form, "committee": committee, "committees": committees}
    return render(request, "notifications/rules.html", ctx, status=status)
