"""The as-of status rule on rows extended several times.

``status_case`` at a past date looks the extension in force up once per extended row (one
correlated subquery returning the class) instead of evaluating "the latest extension granted by
R" in each of the four places the rule reads the deadline. This test keeps the former form
(``former_status_case``, copied from the earlier tasks/status.py) and checks that both give the
same class as each other and as the rule in Python, at every reference date around the grant
dates, for assignments with two to four extensions granted at different dates (and refused or
pending requests, which never count), at both frozen "todays".
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta

import pytest
import time_machine
from django.db.models import Case, CharField, DateField, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.db.models.lookups import GreaterThanOrEqual, IsNull, LessThanOrEqual
from django.utils import timezone

from giaoban.core.dates import end_of_day
from giaoban.tasks.models import Assignment, ExtensionRequest, Task
from giaoban.tasks.status import StatusRow, existing_at, status_case, status_of
from giaoban.test import make_cast

D = timedelta(days=1)
TODAYS = [date(2026, 3, 16), date(2026, 1, 5)]


@pytest.fixture(params=TODAYS, ids=lambda d: d.isoformat())
def today(request):
    with time_machine.travel(datetime.combine(request.param, time(9, 30)), tick=False):
        yield request.param


@pytest.fixture
def cast(db, today):
    return make_cast(today)


# -- the former form, kept as the reference ----------------------------------------------------


def _former_granted_by(ref: date):
    return (
        ExtensionRequest.objects.filter(assignment=OuterRef("pk"), decision="approved")
        .annotate(granted_at=Coalesce("decided_at", "requested_at"))
        .filter(granted_at__lt=end_of_day(ref))
    )


def _former_deadline_at(ref: date):
    latest = _former_granted_by(ref).order_by("-granted_at", "-id").values("new_deadline")[:1]
    return Case(
        When(extension_count=0, then=F("deadline")),
        default=Coalesce(Subquery(latest, output_field=DateField()), F("original_deadline")),
        output_field=DateField(),
    )


def former_status_case(ref: date) -> Case:
    """tasks.status.status_case for a past ``ref`` as it was: four correlated subqueries."""
    cancelled = Q(state="cancelled") & (Q(cancelled_on__isnull=True) | Q(cancelled_on__lte=ref))
    done = Q(state="done", completed_on__lte=ref) & (
        Q(confirmed_at__isnull=True) | Q(confirmed_at__lt=end_of_day(ref))
    )
    deadline = _former_deadline_at(ref)
    return Case(
        When(cancelled, then=Value("cancelled")),
        When(done & Q(IsNull(deadline, True)), then=Value("done_on_time")),
        When(done & Q(LessThanOrEqual(F("completed_on"), deadline)), then=Value("done_on_time")),
        When(done, then=Value("done_late")),
        When(IsNull(deadline, True), then=Value("standing")),
        When(GreaterThanOrEqual(deadline, ref), then=Value("open_in_time")),
        default=Value("open_overdue"),
        output_field=CharField(),
    )


# -- a cast extended several times -------------------------------------------------------------


def _aware(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _extension_plans(t: date) -> list[list[tuple]]:
    """Lists of (granted day or None when decided without a time, new deadline, decision)."""
    g1, g2, g3, g4 = t - 50 * D, t - 30 * D, t - 12 * D, t - 2 * D
    return [
        [(g1, t - 25 * D, "approved"), (g2, t - 8 * D, "approved")],
        [(g1, t - 25 * D, "approved"), (g2, t - 8 * D, "approved"), (g3, t + 15 * D, "approved")],
        # granted later but to an earlier date: the latest grant is in force, not the farthest
        [(g1, t + 30 * D, "approved"), (g3, t - 5 * D, "approved"), (g4, t + 5 * D, "approved")],
        # refused and pending requests never count
        [(g1, t - 25 * D, "approved"), (g2, t + 40 * D, "rejected"), (g3, t - 6 * D, "approved")],
        [(g2, t - 9 * D, "approved"), (g3, t + 40 * D, "pending")],
        # decided before the decision time was kept: counts from its request
        [(g1, t - 20 * D, "approved"), (None, t - 4 * D, "approved")],
        [
            (g1, t - 40 * D, "approved"),
            (g2, t - 20 * D, "approved"),
            (g3, t - 7 * D, "approved"),
            (g4, t + 3 * D, "approved"),
        ],
    ]


def _fates(t: date) -> list[tuple]:
    fates: list[tuple] = [("open", None, None, None), ("claimed", None, None, None)]
    for completed in (t - 45 * D, t - 22 * D, t - 10 * D, t - 3 * D, t - D):
        fates.append(("done", completed, completed, None))
        fates.append(("done", completed, min(t, completed + 6 * D), None))
    fates += [("cancelled", None, None, t - 15 * D)]
    return fates


def _store(cast, t: date) -> dict[int, StatusRow]:
    created, original = t - 60 * D, t - 35 * D
    task = Task.objects.create(
        committee=cast.committee_a,
        doc_number="701-TB/TU",
        doc_date=created,
        item_number="1",
        text="Nhiệm vụ gia hạn nhiều lần",
        deadline=original,
        created_by=cast.office_a,
        created_on=created,
    )
    units = [cast.board_a, cast.board_a2, cast.commune_a, cast.office_unit_a]
    out: dict[int, StatusRow] = {}
    for n, (plan, fate) in enumerate(itertools.product(_extension_plans(t), _fates(t))):
        state, completed, confirmed, cancelled = fate
        if n >= len(units):
            task = Task.objects.create(
                committee=cast.committee_a,
                doc_number=f"{702 + n}-TB/TU",
                doc_date=created,
                item_number="1",
                text=f"Nhiệm vụ {n}",
                deadline=original,
                created_by=cast.office_a,
                created_on=created,
            )
        approved = [(g if g else t - 4 * D, d) for g, d, dec in plan if dec == "approved"]
        a = Assignment.objects.create(
            task=task,
            unit=units[n % len(units)],
            state=state,
            deadline=approved[-1][1],
            original_deadline=original,
            extension_count=len(approved),
            completed_on=completed,
            confirmed_at=_aware(confirmed, 16) if confirmed else None,
            confirmed_by=cast.office_a if state == "done" else None,
            cancelled_on=cancelled,
        )
        for granted, new_deadline, decision in plan:
            ext = ExtensionRequest.objects.create(
                assignment=a,
                requested_by=cast.unit_a,
                old_deadline=original,
                new_deadline=new_deadline,
                reason="Cần thêm thời gian.",
                decision=decision,
                decided_by=cast.office_a if decision != "pending" else None,
                decided_at=_aware(granted, 9) if granted and decision != "pending" else None,
            )
            # requested_at is set on creation: date it the day before the decision (decided
            # without a time: the request's day is the one that counts)
            asked = granted - D if granted else t - 4 * D
            ExtensionRequest.objects.filter(pk=ext.pk).update(requested_at=_aware(asked, 10))
        out[a.pk] = StatusRow(
            state=state,
            deadline=approved[-1][1],
            original_deadline=original,
            completed_on=completed,
            confirmed_on=confirmed,
            cancelled_on=cancelled,
            created_on=created,
            extensions=tuple(approved),
        )
    return out


def test_one_lookup_per_row_gives_the_former_classes_with_several_extensions(cast, today):
    Assignment.objects.all().delete()
    stored = _store(cast, today)
    assert len(stored) == len(_extension_plans(today)) * len(_fates(today))
    grants = sorted({g for row in stored.values() for g, _ in row.extensions})
    refs = sorted(
        {today - 58 * D, today - D}
        | {g + k * D for g in grants for k in (-1, 0, 1)}
        | {today - 9 * D, today - 21 * D}
    )
    refs = [r for r in refs if r < today]
    assert len(refs) > 10
    changed = 0
    for ref in refs:
        qs = existing_at(Assignment.objects.all(), ref, today=today)
        new = dict(qs.annotate(c=status_case(ref, today=today)).values_list("pk", "c"))
        old = dict(qs.annotate(c=former_status_case(ref)).values_list("pk", "c"))
        assert new == old, ref
        assert new == {pk: status_of(row, ref, today).value for pk, row in stored.items()}, ref
        changed += sum(1 for pk in new if new[pk] != status_of(stored[pk], today, today).value)
    assert changed > 0  # the past dates really differ from today's classes


def test_extended_rows_are_looked_up_once(cast, today):
    """The compiled SQL holds one extension subquery, not four."""
    ref = today - 10 * D
    sql = str(Assignment.objects.annotate(c=status_case(ref, today=today)).query).lower()
    assert sql.count("tasks_extensionrequest") == 1
    former = str(Assignment.objects.annotate(c=former_status_case(ref)).query).lower()
    assert former.count("tasks_extensionrequest") == 4
