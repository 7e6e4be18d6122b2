"""Every write to reporting periods: prepare, choose the expected units, open, close.

Keyword-only, atomic, audited; ``ValidationError`` with a user-facing message on a broken rule.
The unit reports' writes are in ``services.py`` (which re-exports these).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from giaoban.core.audit import log_action, snapshot
from giaoban.org.models import Unit, subtree_ids
from giaoban.periods import Period
from giaoban.reports import permissions
from giaoban.reports.models import ExpectedReport, PeriodState, ReportingPeriod, rules_for
from giaoban.reports.services_setup import form_for, office_only

PERIOD_FIELDS = ["state", "allow_late", "opened_at", "closed_at", "due_date"]


def today() -> date:
    return timezone.localdate()


def default_expected_units(committee: Unit, on: date) -> list[Unit]:
    """All active units directly below the committee (the committee itself does not report)."""
    return list(Unit.objects.active(on).filter(parent=committee).order_by("sort_order", "name"))


@transaction.atomic
def create_period(
    *,
    committee: Unit,
    period: Period,
    user: Any,
    due_date: date | None = None,
    expected_units: Iterable[Unit] | None = None,
) -> ReportingPeriod:
    """Prepare a period (state 'planned'): cut-off and due date from the committee's rules."""
    office_only(user, committee)
    rules = rules_for(committee.pk).as_rules()
    start, end = rules.cutoff_window(period)
    computed_due = rules.due_date(period)
    if due_date is not None and due_date < end:
        raise ValidationError(
            {"due_date": _("The due date cannot be before the data cut-off day.")}
        )
    obj = ReportingPeriod(
        committee=committee,
        period_type=period.type.value,
        year=period.year,
        number=period.number,
        form=form_for(committee, period.type.value),
        cutoff_start=start,
        cutoff_end=end,
        due_date=due_date or computed_due,
        created_by=user,
    )
    obj.full_clean()
    obj.save()
    units = (
        list(expected_units)
        if expected_units is not None
        else default_expected_units(committee, today())
    )
    _check_units(obj, units)
    ExpectedReport.objects.bulk_create([ExpectedReport(period=obj, unit=u) for u in units])
    log_action(
        obj,
        "reports.period.created",
        user=user,
        data={
            **snapshot(obj),
            "expected": sorted(u.pk for u in units),
            "computed_due": computed_due,
        },
        unit=committee,
    )
    return obj


def _check_units(period: ReportingPeriod, units: list[Unit]) -> None:
    allowed = subtree_ids([period.committee_id], include_roots=False)
    wrong = [u for u in units if u.pk not in allowed]
    if wrong:
        raise ValidationError(
            {
                "units": _("Not a unit of this committee: %(names)s.")
                % {"names": ", ".join(str(u) for u in wrong)}
            }
        )
    closed = [u for u in units if not u.is_active(period.cutoff_end)]
    if closed:
        raise ValidationError(
            {
                "units": _("No longer active: %(names)s.")
                % {"names": ", ".join(str(u) for u in closed)}
            }
        )


@transaction.atomic
def set_expected(*, period: ReportingPeriod, units: Iterable[Unit], user: Any) -> ReportingPeriod:
    """Change the units that must report; only while the period is being prepared."""
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    permissions.check(user, period, "manage_period")
    if period.state != PeriodState.PLANNED:
        raise ValidationError(
            _("The expected units can only be changed before the period is opened.")
        )
    units = list(units)
    if not units:
        raise ValidationError({"units": _("At least one unit must report.")})
    _check_units(period, units)
    before = sorted(period.expected.values_list("unit_id", flat=True))
    after = sorted({u.pk for u in units})
    period.expected.exclude(unit_id__in=after).delete()
    ExpectedReport.objects.bulk_create(
        [ExpectedReport(period=period, unit_id=uid) for uid in after if uid not in before]
    )
    log_action(
        period,
        "reports.period.expected_changed",
        user=user,
        before={"expected": before},
        data={"expected": after},
        unit=period.committee,
    )
    return period


@transaction.atomic
def open_period(*, period: ReportingPeriod, user: Any) -> ReportingPeriod:
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    permissions.check(user, period, "manage_period")
    if period.state != PeriodState.PLANNED:
        raise ValidationError(_("Only a period being prepared can be opened."))
    if not period.expected.exists():
        raise ValidationError(_("Choose the units that must report before opening."))
    before = snapshot(period, PERIOD_FIELDS)
    period.state = PeriodState.OPEN
    period.opened_at = timezone.now()
    period.save(update_fields=["state", "opened_at"])
    log_action(
        period,
        "reports.period.opened",
        user=user,
        before=before,
        data=snapshot(period, PERIOD_FIELDS),
        unit=period.committee,
    )
    return period


@transaction.atomic
def close_period(
    *, period: ReportingPeriod, user: Any, allow_late: bool = False
) -> ReportingPeriod:
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    permissions.check(user, period, "manage_period")
    if period.state == PeriodState.PLANNED:
        raise ValidationError(_("A period that was never opened cannot be closed."))
    before = snapshot(period, PERIOD_FIELDS)
    if period.state == PeriodState.OPEN:
        period.state = PeriodState.CLOSED
        period.closed_at = timezone.now()
    period.allow_late = allow_late
    period.save(update_fields=["state", "closed_at", "allow_late"])
    log_action(
        period,
        "reports.period.closed",
        user=user,
        before=before,
        data=snapshot(period, PERIOD_FIELDS),
        unit=period.committee,
    )
    return period
