"""Figures and desk items of the reporting apps, registered with the evidence app's hooks.

For a unit and an evidence period (quarter or year) at reference date R:

- report timeliness: the reports the unit was expected to send in reporting periods due in the
  period (by R, announced ones), and of them those first sent by their due date;
- indicators achieved: the indicators with a target for the unit in the period's year, and of
  them those on track at the period's reporting period (actual at or past the pro-rata
  target, as ``reports.indicators`` computes it; a year uses the year's report, else the last
  report of the year);
- recommendations answered: the recommendations the unit raised in the period (by R), and of
  them those answered by R.

And on the leader's desk, "waiting for my decision": the notices submitted for approval to the
committees this person may approve for (never their own submission).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from giaoban.evidence.desk import Decision, decision_provider
from giaoban.evidence.stats import UnitFigures, figure_provider
from giaoban.periods.period import Period, PeriodType


@figure_provider
def report_timeliness(out: dict[int, UnitFigures], period: Period, ref: date) -> None:
    from giaoban.reports.models import ExpectedReport, PeriodState, UnitReport

    if not out:
        return
    on_time = UnitReport.objects.filter(
        period=OuterRef("period"),
        unit=OuterRef("unit"),
        first_submitted_at__isnull=False,
        late=False,
    )
    rows = (
        ExpectedReport.objects.filter(
            unit_id__in=list(out),
            period__due_date__range=(period.first_day, min(period.last_day, ref)),
        )
        .exclude(period__state=PeriodState.PLANNED)
        .order_by()
        .values("unit_id")
        .annotate(due=Count("id"), on_time=Count("id", filter=Q(Exists(on_time))))
    )
    for f in out.values():
        f.reports_due, f.reports_on_time = 0, 0
    for row in rows:
        f = out[row["unit_id"]]
        f.reports_due, f.reports_on_time = row["due"], row["on_time"]


def _reporting_period_for(committee_id: int, period: Period):
    from giaoban.reports.models import PeriodState, ReportingPeriod

    qs = ReportingPeriod.objects.filter(
        committee_id=committee_id, year=period.year, cutoff_end__lte=period.last_day
    ).exclude(state=PeriodState.PLANNED)
    if period.type == PeriodType.QUARTER:
        return qs.filter(period_type=PeriodType.QUARTER.value, number=period.number).first()
    return (
        qs.filter(period_type=PeriodType.YEAR.value).first() or qs.order_by("-cutoff_end").first()
    )


@figure_provider
def indicators_achieved(out: dict[int, UnitFigures], period: Period, ref: date) -> None:
    from giaoban.reports.indicators import indicator_table
    from giaoban.reports.models import IndicatorTarget

    if not out:
        return
    for f in out.values():
        f.indicators, f.indicators_achieved = 0, 0
    # the committees that set targets for these units this year (one query)
    by_committee: dict[int, set[int]] = defaultdict(set)
    pairs = (
        IndicatorTarget.objects.filter(unit_id__in=list(out), year=period.year)
        .order_by()
        .values_list("indicator__committee_id", "unit_id")
        .distinct()
    )
    for committee_id, unit_id in pairs:
        by_committee[committee_id].add(unit_id)
    for committee_id, unit_ids in by_committee.items():
        rp = _reporting_period_for(committee_id, period)
        if rp is None:
            continue
        _units, table = indicator_table(rp, unit_ids=unit_ids)
        for row in table:
            for unit_id, ach in row.units.items():
                if ach.target is None or unit_id not in out:
                    continue
                f = out[unit_id]
                f.indicators = (f.indicators or 0) + 1
                if ach.actual is not None and not ach.lagging:
                    f.indicators_achieved = (f.indicators_achieved or 0) + 1


@figure_provider
def recommendations_answered(out: dict[int, UnitFigures], period: Period, ref: date) -> None:
    from giaoban.recommendations.models import Recommendation

    if not out:
        return
    rows = (
        Recommendation.objects.filter(
            unit_id__in=list(out), raised_on__range=(period.first_day, min(period.last_day, ref))
        )
        .order_by()
        .values("unit_id")
        .annotate(n=Count("id"), answered=Count("id", filter=Q(answered_on__lte=ref)))
    )
    for f in out.values():
        f.recommendations, f.recommendations_answered = 0, 0
    for row in rows:
        f = out[row["unit_id"]]
        f.recommendations, f.recommendations_answered = row["n"], row["answered"]


@decision_provider
def notices_to_approve(user: Any) -> list[Decision]:
    from giaoban.core.permissions import scope_for
    from giaoban.meetings.models import Notice, NoticeApproval, NoticeState

    scope = scope_for(user)
    if not scope.leader_unit_ids:
        return []
    pending = NoticeApproval.objects.filter(notice=OuterRef("pk"), decision="pending")
    qs = (
        Notice.objects.filter(state=NoticeState.SUBMITTED, committee_id__in=scope.leader_unit_ids)
        .annotate(
            submitted_at=Subquery(pending.values("requested_at")[:1]),
            submitted_by_id=Subquery(pending.values("requested_by_id")[:1]),
        )
        .exclude(submitted_by_id=user.pk)
        .exclude(created_by_id=user.pk)
        .select_related("committee")
        .order_by("submitted_at", "id")
    )
    return [
        Decision(
            kind="notice",
            label=_("Notice to approve: %(title)s") % {"title": n.title[:120]},
            url=reverse("meetings:notice", args=[n.pk]),
            when=timezone.localtime(n.submitted_at).date() if n.submitted_at else None,
            unit=n.committee.name,
        )
        for n in qs[:50]
    ]
