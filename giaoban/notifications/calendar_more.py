"""Calendar events of the briefings and of reporting, registered with ``calendar.feed_provider``.

- Meetings the person takes part in: of the committees they serve as office or leader, where
  they are named as a participant, or where their unit takes part (participant or connection
  point). The committee feed: the committee's meetings. Timed events in Asia/Ho_Chi_Minh; UID
  ``giaoban-meeting-<id>``, SEQUENCE grows with each change of the meeting.
- Report due dates: a unit's staff see each announced period their unit must report in
  (``giaoban-report-<period>-<unit>``, marked ✓ once sent); office and leaders, and the
  committee feed, one event per period (``giaoban-period-<id>``) with the number still missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse

from giaoban.notifications.calendar import (
    TZ,
    CalendarEvent,
    FeedRequest,
    _base,
    _domain,
    feed_provider,
)

#: SEQUENCE counts seconds of change since this moment (it only ever grows as a meeting changes)
_EPOCH = datetime(2024, 1, 1, tzinfo=ZoneInfo("UTC"))


def _window(req: FeedRequest) -> tuple[datetime, datetime]:
    zone = ZoneInfo(TZ)
    return (
        datetime.combine(req.first, time.min, tzinfo=zone),
        datetime.combine(req.last + timedelta(days=1), time.min, tzinfo=zone),
    )


@feed_provider
def meeting_events(user: Any, req: FeedRequest) -> Iterator[CalendarEvent]:
    from giaoban.core.permissions import scope_for
    from giaoban.meetings.models import ConnectionPoint, Meeting, Participant

    start, end = _window(req)
    qs = Meeting.objects.filter(starts_at__gte=start, starts_at__lt=end)
    if req.committee_id is not None:
        qs = qs.filter(committee_id=req.committee_id)
    else:
        scope = scope_for(user)
        mine = Q(committee_id__in=scope.reach_root_ids) | Exists(
            Participant.objects.filter(meeting=OuterRef("pk"), user_id=user.pk)
        )
        if scope.own_unit_ids:
            mine |= Exists(
                Participant.objects.filter(meeting=OuterRef("pk"), unit_id__in=scope.own_unit_ids)
            ) | Exists(
                ConnectionPoint.objects.filter(
                    meeting=OuterRef("pk"), unit_id__in=scope.own_unit_ids
                )
            )
        qs = qs.filter(mine)
    for m in qs.select_related("committee").order_by("starts_at", "id").iterator(chunk_size=500):
        lines = [m.committee.name]
        if m.period_label:
            lines.append(m.period_label)
        if m.online:
            lines.append("Trực tuyến (có điểm cầu)")
        yield CalendarEvent(
            uid=f"giaoban-meeting-{m.pk}@{_domain()}",
            summary=m.title,
            start=m.starts_at,
            end=m.ends_at,
            description="\n".join(lines),
            url=_base() + reverse("meetings:detail", args=[m.pk]),
            location=m.place,
            sequence=max(0, int((m.updated_at - _EPOCH).total_seconds())),
        )


@feed_provider
def report_due_events(user: Any, req: FeedRequest) -> Iterator[CalendarEvent]:
    from giaoban.core.permissions import scope_for
    from giaoban.reports.models import ExpectedReport, PeriodState, ReportingPeriod, UnitReport

    window = Q(due_date__range=(req.first, req.last))
    if req.committee_id is not None:
        committees: set[int] = {req.committee_id}
        own: frozenset[int] = frozenset()
    else:
        scope = scope_for(user)
        committees = set(scope.reach_root_ids)
        own = scope.own_unit_ids
    sent = UnitReport.objects.filter(
        period=OuterRef("period"), unit=OuterRef("unit"), first_submitted_at__isnull=False
    )
    if committees:
        periods = (
            ReportingPeriod.objects.filter(window, committee_id__in=committees)
            .exclude(state=PeriodState.PLANNED)
            .select_related("committee")
            .annotate(expected_n=Count("expected", distinct=True))
            .order_by("due_date", "id")
        )
        missing = dict(
            ExpectedReport.objects.filter(period__in=[p.pk for p in periods])
            .exclude(Exists(sent))
            .values("period_id")
            .annotate(n=Count("id"))
            .values_list("period_id", "n")
        )
        for p in periods:
            left = missing.get(p.pk, 0)
            yield CalendarEvent(
                uid=f"giaoban-period-{p.pk}@{_domain()}",
                summary=f"Hạn báo cáo {p.label} — {p.committee.name}",
                start=p.due_date,
                description=f"Còn {left}/{p.expected_n} đơn vị chưa gửi báo cáo",
                url=_base() + reverse("reports:period", args=[p.pk]),
            )
    if own:
        rows = (
            ExpectedReport.objects.filter(unit_id__in=own)
            .filter(period__due_date__range=(req.first, req.last))
            .exclude(period__state=PeriodState.PLANNED)
            .exclude(period__committee_id__in=committees)
            .annotate(is_sent=Exists(sent))
            .select_related("period__committee", "unit")
            .order_by("period__due_date", "id")
        )
        for e in rows:
            p = e.period
            yield CalendarEvent(
                uid=f"giaoban-report-{p.pk}-{e.unit_id}@{_domain()}",
                summary=("✓ " if e.is_sent else "")
                + f"Hạn gửi báo cáo {p.label} — {e.unit.display_name}",
                start=p.due_date,
                description=f"{p.committee.name}\nSố liệu từ {p.cutoff_start:%d/%m/%Y} "
                f"đến {p.cutoff_end:%d/%m/%Y}",
                url=_base() + reverse("reports:period", args=[p.pk]),
            )
