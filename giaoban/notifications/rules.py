"""The committee's reminder rules: which reminders fall due on a given day.

Two views of one rule, tested to agree: ``steps(deadline, day)`` says which reminders a
deadline gives on a day (pure, no database); ``deadlines_due(day)`` lists the deadlines that
give a reminder on that day, so the database selects only those assignments (an index range
on ``deadline``, not a scan of every open assignment).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Q

from giaoban.notifications import recipients
from giaoban.notifications.models import Kind, ReminderRule
from giaoban.notifications.outbox import Spec
from giaoban.periods.workdays import WorkCalendar, default_calendar

#: overdue reminders stop after this many days (an assignment two years late is a matter for
#: the briefing, not for a reminder every three days)
OVERDUE_HORIZON_DAYS = 730


@dataclass(frozen=True)
class Rules:
    days_before: int = 3
    on_the_day: bool = True
    overdue_every: int = 3
    escalate_after: int = 7
    claim_unconfirmed_after: int = 5
    report_missing_after: int = 1
    recommendation_unanswered: bool = True

    def __post_init__(self) -> None:
        for name in (
            "days_before",
            "overdue_every",
            "escalate_after",
            "claim_unconfirmed_after",
            "report_missing_after",
        ):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} cannot be negative")

    @classmethod
    def of(cls, rule: ReminderRule) -> Rules:
        return cls(
            days_before=rule.days_before,
            on_the_day=rule.on_the_day,
            overdue_every=rule.overdue_every,
            escalate_after=rule.escalate_after,
            claim_unconfirmed_after=rule.claim_unconfirmed_after,
            report_missing_after=rule.report_missing_after,
            recommendation_unanswered=rule.recommendation_unanswered,
        )


@dataclass(frozen=True)
class Step:
    kind: str
    key: str  # the step's part of the de-duplication key
    days: int  # working days left (due soon) or calendar days overdue


def steps(deadline: date, day: date, rules: Rules, cal: WorkCalendar | None = None) -> list[Step]:
    """The reminders ``deadline`` gives on ``day`` under ``rules`` (pure)."""
    cal = cal or default_calendar()
    out: list[Step] = []
    if rules.days_before and day < deadline:
        if cal.add_working_days(deadline, -rules.days_before) == day:
            out.append(Step(Kind.DUE_SOON, f"soon:{deadline}", rules.days_before))
    if rules.on_the_day and day == deadline:
        out.append(Step(Kind.DUE_TODAY, f"today:{deadline}", 0))
    over = (day - deadline).days
    if rules.overdue_every and 1 <= over <= OVERDUE_HORIZON_DAYS:
        if (over - 1) % rules.overdue_every == 0:
            out.append(Step(Kind.OVERDUE, f"over:{deadline}:{over}", over))
    if rules.escalate_after and over == rules.escalate_after:
        out.append(Step(Kind.ESCALATION, f"esc:{deadline}", over))
    return out


def deadlines_due(day: date, rules: Rules, cal: WorkCalendar | None = None) -> set[date]:
    """Every deadline for which ``steps(deadline, day)`` is not empty."""
    cal = cal or default_calendar()
    found: set[date] = set()
    if rules.days_before:
        # the n-th working day before a deadline is at most ~n + 20 calendar days before it (Tết)
        for ahead in range(1, rules.days_before * 2 + 25):
            d = day + timedelta(days=ahead)
            if cal.add_working_days(d, -rules.days_before) == day:
                found.add(d)
    if rules.on_the_day:
        found.add(day)
    if rules.overdue_every:
        found.update(
            day - timedelta(days=over)
            for over in range(1, OVERDUE_HORIZON_DAYS + 1, rules.overdue_every)
        )
    if rules.escalate_after:
        found.add(day - timedelta(days=rules.escalate_after))
    return found


# -- evaluation against the database ----------------------------------------------------------

RuleProvider = Callable[[date, "RuleBook"], Iterable[Spec]]
_PROVIDERS: list[RuleProvider] = []


def rule_provider(fn: RuleProvider) -> RuleProvider:
    """Register reminders computed by another app (report missing, recommendation unanswered)."""
    _PROVIDERS.append(fn)
    return fn


class RuleBook:
    """The rules of every committee that saved its own, and the default for the others."""

    def __init__(self) -> None:
        self.custom: dict[int, Rules] = {
            r.committee_id: Rules.of(r) for r in ReminderRule.objects.all()
        }
        self.default = Rules()

    def for_committee(self, committee_id: int) -> Rules:
        return self.custom.get(committee_id, self.default)

    def groups(self) -> Iterator[tuple[Rules, Q]]:
        """(rules, committee filter on ``task__committee``) covering every committee once."""
        by_rules: dict[Rules, list[int]] = {}
        for committee_id, rules in self.custom.items():
            by_rules.setdefault(rules, []).append(committee_id)
        custom_ids = list(self.custom)
        default_q = ~Q(task__committee_id__in=custom_ids) if custom_ids else Q()
        yield self.default, default_q
        for rules, ids in by_rules.items():
            yield rules, Q(task__committee_id__in=ids)


def assignment_specs(day: date, book: RuleBook, cal: WorkCalendar | None = None) -> Iterator[Spec]:
    """Deadline reminders of open assignments on ``day`` (due soon, today, overdue, escalation)."""
    from django.urls import reverse

    from giaoban.tasks.models import Assignment, AssignmentState

    cal = cal or default_calendar()
    for rules, committee_q in book.groups():
        dates = deadlines_due(day, rules, cal)
        if not dates:
            continue
        qs = (
            Assignment.objects.filter(committee_q, state=AssignmentState.OPEN, deadline__in=dates)
            .order_by()
            .values_list(
                "pk",
                "unit_id",
                "deadline",
                "unit__name",
                "unit__short_name",
                "task__doc_number",
                "task__doc_date",
                "task__item_number",
                "task__text",
            )
        )
        chunk: list[tuple] = []
        for row in qs.iterator(chunk_size=5000):
            chunk.append(row)
            if len(chunk) >= 5000:
                yield from _chunk_specs(chunk, day, rules, cal, reverse)
                chunk = []
        if chunk:
            yield from _chunk_specs(chunk, day, rules, cal, reverse)


def _chunk_specs(chunk, day, rules, cal, reverse) -> Iterator[Spec]:
    units = {row[1] for row in chunk}
    staff = recipients.unit_staff(units)
    heads = recipients.unit_heads(units)
    for pk, unit_id, deadline, name, short, number, doc_date, item, text in chunk:
        item_part = f", mục {item}" if item else ""
        for step in steps(deadline, day, rules, cal):
            who = heads.get(unit_id, []) if step.kind == Kind.ESCALATION else staff.get(unit_id, [])
            if not who:
                continue
            yield Spec(
                recipients=tuple(who),
                kind=step.kind,
                key=f"asg:{pk}:{step.key}",
                params={
                    "doc": f"{number} ngày {doc_date:%d/%m/%Y}{item_part}",
                    "text": text[:200],
                    "unit": short or name,
                    "deadline": deadline.isoformat(),
                    "days": step.days,
                },
                url=reverse("tasks:assignment", args=[pk]),
                unit_id=unit_id,
                object_type="tasks.assignment",
                object_id=str(pk),
            )


def claim_specs(day: date, book: RuleBook) -> Iterator[Spec]:
    """Completion claims left unconfirmed for K days: the office is told once per claim.

    Only claims made exactly K days before ``day`` are read (K of each committee's rule): the
    run of every day (missed days are caught up one by one) meets each claim on its K-th day,
    so no scan of every pending claim is needed (at national scale that scan cost a minute and
    800 MB)."""
    from django.urls import reverse
    from django.utils import timezone

    from giaoban.tasks.models import AssignmentState, CompletionClaim, Decision

    ks = {r.claim_unconfirmed_after for r in [book.default, *book.custom.values()]} - {0}
    if not ks:
        return
    tz = timezone.get_current_timezone()
    window = Q()
    for k in ks:
        start = datetime.combine(day - timedelta(days=k), datetime.min.time(), tzinfo=tz)
        window |= Q(claimed_at__gte=start, claimed_at__lt=start + timedelta(days=1))
    # two steps: the claims of those days first (a range on the claims alone), then their
    # details; one joined query let SQLite walk every claimed assignment instead
    pks = list(
        CompletionClaim.objects.filter(window, decision=Decision.PENDING).values_list(
            "pk", flat=True
        )
    )
    if not pks:
        return
    rows = list(
        CompletionClaim.objects.filter(pk__in=pks, assignment__state=AssignmentState.CLAIMED)
        .order_by("pk")
        .values_list(
            "pk",
            "claimed_at",
            "assignment_id",
            "assignment__unit_id",
            "assignment__unit__name",
            "assignment__unit__short_name",
            "assignment__task__committee_id",
            "assignment__task__doc_number",
            "assignment__task__doc_date",
            "assignment__task__item_number",
            "assignment__task__text",
        )
    )
    office = recipients.office_staff({r[6] for r in rows})
    for pk, claimed_at, asg, unit_id, name, short, committee, number, doc_date, item, text in rows:
        rules = book.for_committee(committee)
        waited = (day - timezone.localtime(claimed_at).date()).days
        if not rules.claim_unconfirmed_after or waited != rules.claim_unconfirmed_after:
            continue
        item_part = f", mục {item}" if item else ""
        yield Spec(
            recipients=tuple(office.get(committee, [])),
            kind=Kind.CLAIM_UNCONFIRMED,
            key=f"claim:{pk}:unconfirmed",
            params={
                "doc": f"{number} ngày {doc_date:%d/%m/%Y}{item_part}",
                "text": text[:200],
                "unit": short or name,
                "days": waited,
            },
            url=reverse("tasks:assignment", args=[asg]),
            unit_id=unit_id,
            object_type="tasks.assignment",
            object_id=str(asg),
        )


def all_specs(day: date, book: RuleBook | None = None) -> Iterator[Spec]:
    book = book or RuleBook()
    yield from assignment_specs(day, book)
    yield from claim_specs(day, book)
    for provider in _PROVIDERS:
        yield from provider(day, book)
