"""Reminders of reporting, by the committee's rules: a report still missing after its due date
(to the unit's reporters) and a recommendation unanswered by its deadline (to whoever answers
it: the board or office it was forwarded to, else the committee's office).

Both follow the overdue cadence of the assignments: first ``report_missing_after`` days after
the due date (a recommendation: the day after its deadline), then every ``overdue_every``
days while still missing or unanswered. Each step has its own key, so ``giaoban remind`` run
twice on a day writes nothing twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from django.urls import reverse

from giaoban.notifications import recipients
from giaoban.notifications.models import Kind
from giaoban.notifications.outbox import Spec
from giaoban.notifications.rules import OVERDUE_HORIZON_DAYS, RuleBook, Rules, rule_provider


def late_step(over: int, first: int, every: int) -> bool:
    """Whether ``over`` days past due is a reminder day: ``first``, then every ``every`` days."""
    if not first or over < first or over > OVERDUE_HORIZON_DAYS:
        return False
    if over == first:
        return True
    return bool(every) and (over - first) % every == 0


def _dates(day: date, first: int, every: int) -> list[date]:
    """The due dates that give a reminder on ``day`` (the inverse of ``late_step``)."""
    if not first:
        return []
    step = every or OVERDUE_HORIZON_DAYS + 1
    return [day - timedelta(days=over) for over in range(first, OVERDUE_HORIZON_DAYS + 1, step)]


@rule_provider
def missing_report_specs(day: date, book: RuleBook) -> Iterator[Spec]:
    from giaoban.reports.queries import missing_reports

    missing = [m for m in missing_reports(on=day, due_within_days=0) if m.period.due_date < day]
    staff = recipients.unit_staff({m.unit.pk for m in missing})
    for m in missing:
        rules: Rules = book.for_committee(m.period.committee_id)
        over = (day - m.period.due_date).days
        if not late_step(over, rules.report_missing_after, rules.overdue_every):
            continue
        who = staff.get(m.unit.pk, [])
        if not who:
            continue
        yield Spec(
            recipients=tuple(who),
            kind=Kind.REPORT_MISSING,
            key=f"report:{m.period.pk}:{m.unit.pk}:missing:{over}",
            params={
                "unit": m.unit.display_name,
                "title": m.period.label,
                "deadline": m.period.due_date.isoformat(),
                "days": over,
            },
            url=reverse("reports:period", args=[m.period.pk]),
            unit_id=m.unit.pk,
            object_type="reports.reportingperiod",
            object_id=str(m.period.pk),
        )


@rule_provider
def unanswered_specs(day: date, book: RuleBook) -> Iterator[Spec]:
    from giaoban.recommendations.queries import awaiting_answer

    wanted: set[date] = set()
    for rules in [book.default, *book.custom.values()]:
        if rules.recommendation_unanswered:
            wanted.update(_dates(day, 1, rules.overdue_every))
    if not wanted:
        return
    recs = list(awaiting_answer(day).filter(response_deadline__in=wanted))
    office = recipients.office_staff({r.committee_id for r in recs if not r.forwarded_to_id})
    boards: dict[tuple[int, int], list[int]] = {}
    for r in recs:
        if r.forwarded_to_id and (r.forwarded_to_id, r.unit_id) not in boards:
            found = recipients.members([r.forwarded_to_id], exclude_units=[r.unit_id])
            boards[(r.forwarded_to_id, r.unit_id)] = found.get(r.forwarded_to_id, [])
    for r in recs:
        rules = book.for_committee(r.committee_id)
        over = (day - r.response_deadline).days
        if not rules.recommendation_unanswered or not late_step(over, 1, rules.overdue_every):
            continue
        if r.forwarded_to_id:
            who = boards[(r.forwarded_to_id, r.unit_id)]
        else:
            who = office.get(r.committee_id, [])
        if not who:
            continue
        yield Spec(
            recipients=tuple(who),
            kind=Kind.RECOMMENDATION_UNANSWERED,
            key=f"rec:{r.pk}:unanswered:{r.response_deadline}:{over}",
            params={
                "unit": r.unit.display_name,
                "text": r.text[:200],
                "deadline": r.response_deadline.isoformat(),
                "days": over,
            },
            url=reverse("recommendations:detail", args=[r.pk]),
            unit_id=r.unit_id,
            object_type="recommendations.recommendation",
            object_id=str(r.pk),
        )
