"""Calendar feeds: the page that makes and revokes links, and the feed itself (no login:
the secret in the URL is the key; a wrong, guessed or revoked one is a plain 404)."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from giaoban.core.permissions import scope_for
from giaoban.notifications import calendar, services
from giaoban.notifications.models import CalendarFeed
from giaoban.org.models import Unit

SHOW_KEY = "calendar_new_url"


def feed_url(request: HttpRequest, feed: CalendarFeed, secret: str) -> str:
    return request.build_absolute_uri(reverse("notifications:feed", args=[feed.pk, secret]))


@login_required
@require_GET
def calendar_page(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    feeds = CalendarFeed.objects.filter(user=request.user, revoked_at__isnull=True).select_related(
        "committee"
    )
    committees = Unit.objects.filter(pk__in=scope.office_committee_ids).order_by("name")
    ctx = {
        "feeds": list(feeds),
        "committees": list(committees),
        "new_url": request.session.pop(SHOW_KEY, None),
    }
    return render(request, "notifications/calendar.html", ctx)


@login_required
@require_POST
def calendar_create(request: HttpRequest) -> HttpResponse:
    committee = None
    if request.POST.get("committee"):
        scope = scope_for(request.user)
        committee = Unit.objects.filter(
            pk__in=scope.office_committee_ids, pk=request.POST["committee"]
        ).first()
        if committee is None:
            raise PermissionDenied
    feed, secret = services.create_feed(user=request.user, committee=committee)
    request.session[SHOW_KEY] = feed_url(request, feed, secret)
    messages.success(request, _("Your calendar link is ready: copy it now, it is shown only once."))
    return redirect("notifications:calendar")


@login_required
@require_POST
def calendar_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    feed = CalendarFeed.objects.filter(user=request.user, pk=pk, revoked_at__isnull=True).first()
    if feed is None:
        raise Http404
    services.revoke_feed(feed=feed, user=request.user)
    messages.success(
        request, _("The calendar link is revoked: calendars using it get nothing more.")
    )
    return redirect("notifications:calendar")


@require_GET
def feed(request: HttpRequest, pk: int, secret: str) -> HttpResponse:
    found = (
        CalendarFeed.objects.filter(pk=pk, revoked_at__isnull=True)
        .select_related("user", "committee")
        .first()
    )
    if not calendar.secret_matches(found.secret_hash if found else None, secret):
        raise Http404
    assert found is not None
    if not found.user.is_active:
        raise Http404
    if (
        found.committee_id is not None
        and found.committee_id not in scope_for(found.user).office_committee_ids
    ):
        raise Http404  # the person has left the committee's office since
    today = timezone.localdate()
    req = calendar.FeedRequest(
        user=found.user,
        committee_id=found.committee_id,
        first=today - timedelta(days=180),
        last=today + timedelta(days=730),
    )
    name = f"giaoban — {found.committee.name}" if found.committee else f"giaoban — {found.user}"
    body = calendar.build_calendar(name, calendar.events_for(req))
    services.touch_feed(found)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="giaoban.ics"'
    response["Cache-Control"] = "private, max-age=300"
    return response
