"""Calendar feeds (RFC 5545, the icalendar package): a secret, revocable URL per person, and
per committee for its office. Events: assignment deadlines (all-day), plus whatever other apps
provide (meetings, report due dates) through ``feed_provider``.

UIDs are stable (``giaoban-<kind>-<id>@<domain>``): a deadline that moves is the same event
with a higher SEQUENCE, so calendar programs update it instead of adding a second one.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, Timezone

TZ = "Asia/Ho_Chi_Minh"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    summary: str
    start: date | datetime
    end: date | datetime | None = None
    description: str = ""
    url: str = ""
    sequence: int = 0
    location: str = ""
    status: str = "CONFIRMED"  # or CANCELLED


FeedProvider = Callable[[Any, "FeedRequest"], Iterable[CalendarEvent]]
_PROVIDERS: list[FeedProvider] = []


def feed_provider(fn: FeedProvider) -> FeedProvider:
    """Register events of another app (meetings a person takes part in, report due dates)."""
    _PROVIDERS.append(fn)
    return fn


@dataclass(frozen=True)
class FeedRequest:
    """What a feed covers: a person's own work, or a whole committee (office feed)."""

    user: Any
    committee_id: int | None
    first: date
    last: date


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_secret() -> str:
    return secrets.token_urlsafe(24)


_DUMMY = hash_secret("giaoban-no-such-feed")


def secret_matches(stored_hash: str | None, secret: str) -> bool:
    """Constant-time comparison; an unknown feed is compared against a dummy hash so a wrong
    id and a wrong secret take the same time."""
    return hmac.compare_digest((stored_hash or _DUMMY).encode(), hash_secret(secret).encode()) and (
        stored_hash is not None
    )


def _vtimezone() -> Timezone:
    """VTIMEZONE for Asia/Ho_Chi_Minh (UTC+7, no daylight saving since 1975)."""
    tz = Timezone()
    tz.add("tzid", TZ)
    tz.add("x-lic-location", TZ)
    from icalendar import TimezoneStandard

    std = TimezoneStandard()
    std.add("dtstart", datetime(1975, 6, 13))
    std.add("tzoffsetfrom", timedelta(hours=7))
    std.add("tzoffsetto", timedelta(hours=7))
    std.add("tzname", "+07")
    tz.add_component(std)
    return tz


def shorten(text: str, limit: int = 80) -> str:
    """``text`` cut for an event's title: at the last word boundary within ``limit``
    characters, without a dangling opening bracket or punctuation, and "…" when cut (the
    whole text is in the event's description)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    space = cut.rfind(" ")
    cut = cut[:space] if space > limit // 2 else text[:limit]
    return cut.rstrip(" ,;:.-–—(/[") + "…"


def build_calendar(name: str, events: Iterable[CalendarEvent]) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//giaoban//giaoban calendar//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TZ)
    cal.add_component(_vtimezone())
    stamp = timezone.now().astimezone(ZoneInfo("UTC"))
    zone = ZoneInfo(TZ)
    for e in events:
        ev = Event()
        ev.add("uid", e.uid)
        ev.add("dtstamp", stamp)
        ev.add("summary", e.summary)
        if isinstance(e.start, datetime):
            ev.add("dtstart", e.start.astimezone(zone))
            ev.add("dtend", (e.end or e.start + timedelta(hours=2)).astimezone(zone))
        else:
            ev.add("dtstart", e.start)
            ev.add("dtend", e.end or e.start + timedelta(days=1))
            ev.add("transp", "TRANSPARENT")
        if e.description:
            ev.add("description", e.description)
        if e.url:
            ev.add("url", e.url)
        if e.location:
            ev.add("location", e.location)
        ev.add("sequence", e.sequence)
        ev.add("status", e.status)
        cal.add_component(ev)
    return cal.to_ical()


def _base() -> str:
    return settings.GIAOBAN_BASE_URL.rstrip("/")


def _domain() -> str:
    return settings.GIAOBAN_EMAIL_DOMAIN


def assignment_events(req: FeedRequest) -> Iterator[CalendarEvent]:
    """Personal feed: deadlines of the assignments of the person's own units.
    Committee feed: one event per task deadline with the roll-up."""
    from django.urls import reverse

    from giaoban.core.permissions import scope_for
    from giaoban.tasks.models import Assignment, AssignmentState, Task

    if req.committee_id is not None:
        tasks = Task.objects.filter(
            committee_id=req.committee_id, deadline__range=(req.first, req.last)
        ).order_by("deadline", "id")
        for t in tasks.iterator(chunk_size=2000):
            yield CalendarEvent(
                uid=f"giaoban-task-{t.pk}@{_domain()}",
                summary=f"Hạn: {t.doc_number}{f' mục {t.item_number}' if t.item_number else ''} — {shorten(t.text)}",
                start=t.deadline,
                description=f"{t.source_label}\n{t.text}",
                url=_base() + reverse("tasks:detail", args=[t.pk]),
            )
        return
    own = scope_for(req.user).own_unit_ids
    if not own:
        return
    qs = (
        Assignment.objects.filter(unit_id__in=own, deadline__range=(req.first, req.last))
        .exclude(state=AssignmentState.CANCELLED)
        .select_related("task", "unit")
        .order_by("deadline", "id")
    )
    for a in qs.iterator(chunk_size=2000):
        done = a.state == AssignmentState.DONE
        yield CalendarEvent(
            uid=f"giaoban-assignment-{a.pk}@{_domain()}",
            summary=("✓ " if done else "") + f"Hạn: {a.task.doc_number} — {shorten(a.task.text)}",
            start=a.deadline,
            description=f"{a.unit.display_name}\n{a.task.source_label}\n{a.task.text}",
            url=_base() + reverse("tasks:assignment", args=[a.pk]),
            sequence=a.extension_count,
        )


def events_for(req: FeedRequest) -> Iterator[CalendarEvent]:
    yield from assignment_events(req)
    for provider in _PROVIDERS:
        yield from provider(req.user, req)
