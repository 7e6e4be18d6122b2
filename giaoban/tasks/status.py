"""The status class of an assignment at a reference date, computed in SQL.

DESIGN.md's table, as official reports count it:

=================  ============================  ====================================
class              Vietnamese                    rule at reference date R
=================  ============================  ====================================
done_on_time       hoàn thành đúng hạn           done by R, completed ≤ deadline (or standing)
done_late          hoàn thành quá hạn            done by R, completed > deadline
open_in_time       đang thực hiện trong hạn      not done, R ≤ deadline
open_overdue       đang thực hiện quá hạn        not done, R > deadline
standing           thường xuyên                  not done, no deadline
cancelled          đã hủy / điều chỉnh           cancelled by R
=================  ============================  ====================================

At a reference date R in the past, the rule reads the rows as they stood at R: only tasks entered
on or before R (``Task.created_on``) count; "done by R" means completed on or before R *and*
confirmed by the office on or before R (``confirmed_at``); the deadline in force is the latest
extension granted on or before R (``ExtensionRequest.decided_at``), else the original one;
"cancelled by R" means cancelled on or before R. The rule is a pure function of (row, R, today):
``today`` is passed in, never read from the clock here.

Three forms are given and a test checks that they agree on every combination: ``status_of`` (the
rule in Python, on one ``StatusRow``), ``status_case`` (an SQL CASE, for display and sorting) and
``status_q`` (an SQL predicate per class, for filtering and counting). For R on or after today
nothing can be dated after R (the services refuse future dates), so both SQL forms take a fast
path, ``current_status_q`` / ``current_status_case``, reading the current state and deadline
only: no join, no subquery, index-only counts at national scale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import models
from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    Exists,
    Expression,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.db.models.lookups import (
    Exact,
    GreaterThan,
    GreaterThanOrEqual,
    IsNull,
    LessThan,
    LessThanOrEqual,
)
from django.utils.translation import gettext_lazy as _

from giaoban.core.dates import end_of_day
from giaoban.tasks.models import ExtensionRequest


class StatusClass(models.TextChoices):
    DONE_ON_TIME = "done_on_time", _("Done on time")
    DONE_LATE = "done_late", _("Done late")
    OPEN_IN_TIME = "open_in_time", _("In progress, in time")
    OPEN_OVERDUE = "open_overdue", _("In progress, overdue")
    STANDING = "standing", _("Standing")
    CANCELLED = "cancelled", _("Cancelled")


#: Bootstrap colour per class, used by badges and the chart.
STATUS_COLOURS = {
    StatusClass.DONE_ON_TIME: "success",
    StatusClass.DONE_LATE: "warning",
    StatusClass.OPEN_IN_TIME: "primary",
    StatusClass.OPEN_OVERDUE: "danger",
    StatusClass.STANDING: "info",
    StatusClass.CANCELLED: "secondary",
}
STATUS_HEX = {
    StatusClass.DONE_ON_TIME: "#198754",
    StatusClass.DONE_LATE: "#fd7e14",
    StatusClass.OPEN_IN_TIME: "#0d6efd",
    StatusClass.OPEN_OVERDUE: "#dc3545",
    StatusClass.STANDING: "#0dcaf0",
    StatusClass.CANCELLED: "#6c757d",
}


# -- the rule in Python: the reference the SQL forms are tested against ------------------------


@dataclass(frozen=True)
class StatusRow:
    """What the rule reads of one assignment (dates only; times already turned into local dates)."""

    state: str
    #: the deadline in force now, and the one given at the source
    deadline: date | None
    original_deadline: date | None
    completed_on: date | None = None
    #: the day the office confirmed completion (None: recorded without a confirmation time)
    confirmed_on: date | None = None
    cancelled_on: date | None = None
    #: the day the task was entered
    created_on: date | None = None
    #: approved extensions: (day granted, new deadline)
    extensions: tuple[tuple[date, date], ...] = ()


def status_of(row: StatusRow, ref: date, today: date) -> StatusClass | None:
    """The class of ``row`` at ``ref`` (None: its task had not been entered yet)."""
    if ref < today and row.created_on is not None and row.created_on > ref:
        return None
    if row.state == "cancelled" and (row.cancelled_on is None or row.cancelled_on <= ref):
        return StatusClass.CANCELLED
    if row.extensions:
        granted = sorted(e for e in row.extensions if e[0] <= ref)
        deadline = granted[-1][1] if granted else row.original_deadline
    else:
        deadline = row.deadline
    done = (
        row.state == "done"
        and row.completed_on is not None
        and row.completed_on <= ref
        and (row.confirmed_on is None or row.confirmed_on <= ref)
    )
    if done:
        assert row.completed_on is not None
        if deadline is None or row.completed_on <= deadline:
            return StatusClass.DONE_ON_TIME
        return StatusClass.DONE_LATE
    if deadline is None:
        return StatusClass.STANDING
    return StatusClass.OPEN_IN_TIME if ref <= deadline else StatusClass.OPEN_OVERDUE


# -- the rule in SQL ---------------------------------------------------------------------------


def _granted_by(ref: date) -> QuerySet:
    """Approved extensions of the outer assignment granted on or before ``ref`` (rows decided
    before the decision time was kept count from their request)."""
    return (
        ExtensionRequest.objects.filter(assignment=OuterRef("pk"), decision="approved")
        .annotate(granted_at=Coalesce("decided_at", "requested_at"))
        .filter(granted_at__lt=end_of_day(ref))
    )


def deadline_at(ref: date) -> Expression:
    """The deadline in force at ``ref``: the latest extension granted by then, else the original
    deadline; without extensions (most rows) simply the deadline column."""
    latest = _granted_by(ref).order_by("-granted_at", "-id").values("new_deadline")[:1]
    return Case(
        When(extension_count=0, then=F("deadline")),
        default=Coalesce(Subquery(latest, output_field=DateField()), F("original_deadline")),
        output_field=DateField(),
    )


def deadline_in_force(ref: date, *, today: date) -> Expression:
    """The deadline column for ``ref`` ≥ today, else the deadline in force at ``ref``."""
    return F("deadline") if ref >= today else deadline_at(ref)


def existed_q(ref: date, *, today: date) -> Q:
    """Assignments whose task had been entered by ``ref`` (every one, for ``ref`` ≥ today)."""
    return Q() if ref >= today else Q(task__created_on__lte=ref)


def existing_at(qs: QuerySet, ref: date, *, today: date) -> QuerySet:
    """``qs`` (assignments) without those whose task was entered after ``ref``."""
    return qs if ref >= today else qs.filter(existed_q(ref, today=today))


def _cancelled_by(ref: date) -> Q:
    return Q(state="cancelled") & (Q(cancelled_on__isnull=True) | Q(cancelled_on__lte=ref))


def _done_by(ref: date) -> Q:
    return Q(state="done", completed_on__lte=ref) & (
        Q(confirmed_at__isnull=True) | Q(confirmed_at__lt=end_of_day(ref))
    )


def done_q(ref: date, *, today: date) -> Q:
    """Done (confirmed) by ``ref``: the two done classes together."""
    if ref >= today:
        return Q(state="done")
    return existed_q(ref, today=today) & _done_by(ref)


def live_q(ref: date, *, today: date) -> Q:
    """Entered and not cancelled by ``ref``: the units a task's roll-up counts."""
    if ref >= today:
        return ~Q(state="cancelled")
    return existed_q(ref, today=today) & ~_cancelled_by(ref)


def met_original_q(ref: date, *, today: date) -> Q:
    """Done by ``ref`` within the deadline first given (extensions not counted)."""
    return done_q(ref, today=today) & (
        Q(original_deadline__isnull=True) | Q(completed_on__lte=F("original_deadline"))
    )


def extended_q(ref: date, *, today: date) -> Q:
    """At least one extension granted by ``ref``."""
    if ref >= today:
        return Q(extension_count__gt=0)
    return existed_q(ref, today=today) & Q(extension_count__gt=0) & Exists(_granted_by(ref))


def current_status_q(cls: str, ref: date, prefix: str = "") -> Q:
    """The fast path of ``status_q``, valid for ``ref`` on or after today only: nothing is
    completed, confirmed, cancelled or extended after today (the services date a completion no
    later than its claim and a cancellation on its day), so "not done" is simply the open states
    and the deadline is the current one (the overdue list's COUNT at national scale: 20 -> 12 ms).
    ``prefix`` runs the rule across a relation ("assignments__")."""

    def q(**kw) -> Q:
        return Q(**{prefix + k: v for k, v in kw.items()})

    cancelled = q(state="cancelled")
    done = q(state="done")
    not_done = q(state__in=["open", "claimed"])
    if cls == StatusClass.CANCELLED:
        return cancelled
    if cls == StatusClass.DONE_ON_TIME:
        return done & (q(deadline__isnull=True) | q(completed_on__lte=F(prefix + "deadline")))
    if cls == StatusClass.DONE_LATE:
        return done & q(deadline__isnull=False) & q(completed_on__gt=F(prefix + "deadline"))
    if cls == StatusClass.STANDING:
        return not_done & q(deadline__isnull=True)
    if cls == StatusClass.OPEN_IN_TIME:
        return not_done & q(deadline__gte=ref)
    if cls == StatusClass.OPEN_OVERDUE:
        return not_done & q(deadline__lt=ref)
    raise ValueError(f"unknown status class {cls!r}")


def status_q(cls: str, ref: date, *, today: date) -> Q:
    """A predicate selecting the assignments in class ``cls`` at ``ref``, ``today`` being today."""
    if ref >= today:
        return current_status_q(cls, ref)
    cancelled = _cancelled_by(ref)
    done = _done_by(ref)
    not_done = ~cancelled & ~done
    deadline = deadline_at(ref)
    existed = existed_q(ref, today=today)
    if cls == StatusClass.CANCELLED:
        rule = cancelled
    elif cls == StatusClass.DONE_ON_TIME:
        rule = done & (Q(IsNull(deadline, True)) | Q(LessThanOrEqual(F("completed_on"), deadline)))
    elif cls == StatusClass.DONE_LATE:
        rule = done & Q(IsNull(deadline, False)) & Q(GreaterThan(F("completed_on"), deadline))
    elif cls == StatusClass.STANDING:
        rule = not_done & Q(IsNull(deadline, True))
    elif cls == StatusClass.OPEN_IN_TIME:
        rule = not_done & Q(GreaterThanOrEqual(deadline, ref))
    elif cls == StatusClass.OPEN_OVERDUE:
        rule = not_done & Q(LessThan(deadline, ref))
    else:
        raise ValueError(f"unknown status class {cls!r}")
    return existed & rule


def current_status_case(ref: date) -> Case:
    """The fast path of ``status_case``, valid for ``ref`` on or after today only."""
    done = Q(state="done")
    return Case(
        When(state="cancelled", then=Value(StatusClass.CANCELLED.value)),
        When(done & Q(deadline__isnull=True), then=Value(StatusClass.DONE_ON_TIME.value)),
        When(done & Q(completed_on__lte=F("deadline")), then=Value(StatusClass.DONE_ON_TIME.value)),
        When(done, then=Value(StatusClass.DONE_LATE.value)),
        When(deadline__isnull=True, then=Value(StatusClass.STANDING.value)),
        When(deadline__gte=ref, then=Value(StatusClass.OPEN_IN_TIME.value)),
        default=Value(StatusClass.OPEN_OVERDUE.value),
        output_field=CharField(),
    )


def _past_rule(ref: date, deadline: Expression, col=F) -> Case:
    """The rule at a past ``ref`` as a CASE, ``deadline`` being the deadline in force at ``ref``
    and ``col`` how the assignment's columns are reached (``F``, or ``OuterRef`` from inside the
    extension subquery of ``status_case``)."""
    state, completed = col("state"), col("completed_on")
    cancelled_on, confirmed_at = col("cancelled_on"), col("confirmed_at")
    cancelled = Q(Exact(state, "cancelled")) & (
        Q(IsNull(cancelled_on, True)) | Q(LessThanOrEqual(cancelled_on, ref))
    )
    done = (
        Q(Exact(state, "done"))
        & Q(LessThanOrEqual(completed, ref))
        & (Q(IsNull(confirmed_at, True)) | Q(LessThan(confirmed_at, end_of_day(ref))))
    )
    return Case(
        When(cancelled, then=Value(StatusClass.CANCELLED.value)),
        When(done & Q(IsNull(deadline, True)), then=Value(StatusClass.DONE_ON_TIME.value)),
        When(
            done & Q(LessThanOrEqual(completed, deadline)),
            then=Value(StatusClass.DONE_ON_TIME.value),
        ),
        When(done, then=Value(StatusClass.DONE_LATE.value)),
        When(IsNull(deadline, True), then=Value(StatusClass.STANDING.value)),
        When(GreaterThanOrEqual(deadline, ref), then=Value(StatusClass.OPEN_IN_TIME.value)),
        default=Value(StatusClass.OPEN_OVERDUE.value),
        output_field=CharField(),
    )


def status_case(ref: date, *, today: date) -> Case:
    """An SQL CASE giving the class name of each assignment at ``ref``, ``today`` being today.

    It does not drop the assignments of tasks entered after ``ref``: filter them out with
    ``existing_at`` (lists and counts do).

    At a past ``ref`` the rule reads the deadline in force four times; for an extended row that
    deadline is the latest extension granted by ``ref``, and SQL does not share a subquery
    between the places it appears in. So the extension is looked up once per extended row, by
    one correlated subquery that returns the class itself (the same rule, the extension's new
    deadline in place of the deadline); without a granted extension the rule runs on the
    original deadline, and rows never extended (most of them) on the deadline column.
    """
    if ref >= today:
        return current_status_case(ref)
    extended = (
        _granted_by(ref)
        .order_by("-granted_at", "-id")
        .annotate(sclass=_past_rule(ref, F("new_deadline"), col=OuterRef))
        .values("sclass")[:1]
    )
    return Case(
        When(extension_count=0, then=_past_rule(ref, F("deadline"))),
        default=Coalesce(
            Subquery(extended, output_field=CharField()),
            _past_rule(ref, F("original_deadline")),
        ),
        output_field=CharField(),
    )


def with_status(qs: QuerySet, ref: date, *, today: date) -> QuerySet:
    """``qs`` (assignments) as it stood at ``ref``, each row annotated with ``status``."""
    return existing_at(qs, ref, today=today).annotate(status=status_case(ref, today=today))


def count_columns(ref: date, *, today: date) -> dict[str, Count]:
    """The aggregates every count of assignments shares: rows, extended by ``ref``, done by
    ``ref`` within the original deadline."""
    return {
        "n": Count("id"),
        "extended": Count("id", filter=extended_q(ref, today=today)),
        "met_original": Count("id", filter=met_original_q(ref, today=today)),
    }


def count_by_status(qs: QuerySet, ref: date, *, today: date) -> dict[str, int]:
    """One aggregate query: {class: count} plus 'total', 'extended', 'met_original'.

    Grouped by the CASE annotation (one evaluation per row) rather than one
    FILTER per class (six predicate evaluations per row): at national scale
    this is the dashboard's largest cost (docs/performance.md).
    """
    rows = (
        existing_at(qs, ref, today=today)
        .order_by()
        .annotate(status_class_=status_case(ref, today=today))
        .values("status_class_")
        .annotate(**count_columns(ref, today=today))
    )
    counts = {cls.value: 0 for cls in StatusClass}
    counts.update(total=0, extended=0, met_original=0)
    for row in rows:
        counts[row["status_class_"]] += row["n"]
        counts["total"] += row["n"]
        counts["extended"] += row["extended"]
        counts["met_original"] += row["met_original"]
    return counts
