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

"Done by R" means confirmed with ``completed_on ≤ R``: asked about a past
date, work finished later counts as not done then. The deadline is the one
in force (the latest approved extension). Two forms are given: ``status_case``
(an annotation for display and sorting) and ``status_q`` (an equivalent
predicate that uses the indexes, for filtering and counting); a test checks
that they agree on every combination.
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Case, CharField, Count, F, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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


def _done_by(ref: date) -> Q:
    return Q(state="done", completed_on__lte=ref)


def _cancelled_by(ref: date) -> Q:
    return Q(state="cancelled") & (Q(cancelled_on__isnull=True) | Q(cancelled_on__lte=ref))


def status_q(cls: str, ref: date, prefix: str = "") -> Q:
    """A predicate selecting assignments in class ``cls`` at ``ref``.

    ``prefix`` lets the same rule run across a relation ("assignments__").
    """

    def q(**kw) -> Q:
        return Q(**{prefix + k: v for k, v in kw.items()})

    if ref >= timezone.localdate():
        # Today or later: nothing is completed or cancelled after today (the services date a
        # completion no later than its claim and a cancellation on its day), so "not done"
        # is simply the open states: a cheaper predicate on every row of a committee
        # (the overdue list's COUNT at national scale: 20 -> 12 ms).
        cancelled = q(state="cancelled")
        done = q(state="done")
        not_done = q(state__in=["open", "claimed"])
    else:
        cancelled = q(state="cancelled") & (q(cancelled_on__isnull=True) | q(cancelled_on__lte=ref))
        done = q(state="done", completed_on__lte=ref)
        not_done = ~cancelled & ~done
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


def status_case(ref: date) -> Case:
    """An SQL CASE giving the class name of each assignment at ``ref``."""
    return Case(
        When(_cancelled_by(ref), then=Value(StatusClass.CANCELLED.value)),
        When(_done_by(ref) & Q(deadline__isnull=True), then=Value(StatusClass.DONE_ON_TIME.value)),
        When(
            _done_by(ref) & Q(completed_on__lte=F("deadline")),
            then=Value(StatusClass.DONE_ON_TIME.value),
        ),
        When(_done_by(ref), then=Value(StatusClass.DONE_LATE.value)),
        When(deadline__isnull=True, then=Value(StatusClass.STANDING.value)),
        When(deadline__gte=ref, then=Value(StatusClass.OPEN_IN_TIME.value)),
        default=Value(StatusClass.OPEN_OVERDUE.value),
        output_field=CharField(),
    )


def with_status(qs: QuerySet, ref: date) -> QuerySet:
    return qs.annotate(status=status_case(ref))


def count_by_status(qs: QuerySet, ref: date) -> dict[str, int]:
    """One aggregate query: {class: count} plus 'total', 'extended', 'met_original'.

    Grouped by the CASE annotation (one evaluation per row) rather than one
    FILTER per class (six predicate evaluations per row): at national scale
    this is the dashboard's largest cost (docs/performance.md).
    """
    met_original = _done_by(ref) & (
        Q(original_deadline__isnull=True) | Q(completed_on__lte=F("original_deadline"))
    )
    rows = (
        qs.order_by()
        .annotate(status_class_=status_case(ref))
        .values("status_class_")
        .annotate(
            n=Count("id"),
            extended=Count("id", filter=Q(extension_count__gt=0)),
            met_original=Count("id", filter=met_original),
        )
    )
    counts = {cls.value: 0 for cls in StatusClass}
    counts.update(total=0, extended=0, met_original=0)
    for row in rows:
        counts[row["status_class_"]] += row["n"]
        counts["total"] += row["n"]
        counts["extended"] += row["extended"]
        counts["met_original"] += row["met_original"]
    return counts
