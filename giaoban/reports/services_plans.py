"""Writes of indicators and their targets, and of work plans: keyword-only, atomic, audited."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from giaoban.core.audit import log_action, snapshot
from giaoban.core.decisions import ensure_not_own_request
from giaoban.core.permissions import scope_for
from giaoban.org.models import Unit, subtree_ids
from giaoban.reports import permissions
from giaoban.reports.models import (
    Accumulation,
    Indicator,
    IndicatorTarget,
    PlanItem,
    PlanState,
    WorkPlan,
    rules_for,
)

INDICATOR_FIELDS = [
    "code",
    "name",
    "measure",
    "direction",
    "accumulation",
    "min_value",
    "max_value",
    "sort_order",
]
PLAN_FIELDS = ["state", "submitted_at", "approved_at", "decided_by", "return_reason"]


@transaction.atomic
def save_indicator(
    *, committee: Unit, user: Any, indicator: Indicator | None = None, **values: Any
) -> Indicator:
    if committee.pk not in scope_for(user).office_committee_ids:
        raise PermissionDenied
    obj = indicator or Indicator(committee=committee)
    before = snapshot(obj, INDICATOR_FIELDS) if obj.pk else None
    for name, value in values.items():
        setattr(obj, name, value)
    obj.full_clean()
    obj.save()
    log_action(
        obj,
        "reports.indicator.saved",
        user=user,
        before=before,
        data=snapshot(obj, INDICATOR_FIELDS),
        unit=committee,
    )
    return obj


@transaction.atomic
def set_target(
    *, indicator: Indicator, user: Any, year: int, unit: Unit | None, target: Decimal
) -> IndicatorTarget:
    """The yearly target of an indicator for a unit (or, ``unit`` None, the committee)."""
    permissions.check(user, indicator, "manage_indicator")
    if unit is not None and unit.pk not in subtree_ids(
        [indicator.committee_id], include_roots=False
    ):
        raise ValidationError({"unit": _("Not a unit of this committee.")})
    if target < 0:
        raise ValidationError({"target": _("A target cannot be negative.")})
    if target == 0 and indicator.accumulation == Accumulation.RATIO:
        raise ValidationError(
            {"target": _("A rate cannot have a target of zero: its share could not be computed.")}
        )
    if indicator.max_value is not None and target > indicator.max_value:
        raise ValidationError(
            {
                "target": _("The target is above the largest value allowed (%(max)s).")
                % {"max": Decimal(str(indicator.max_value)).normalize()}
            }
        )
    obj, _created = IndicatorTarget.objects.get_or_create(
        indicator=indicator, year=year, unit=unit, defaults={"target": target}
    )
    before = None if _created else {"target": obj.target}
    obj.target = target
    obj.full_clean()
    obj.save()
    log_action(
        indicator,
        "reports.indicator.target_set",
        user=user,
        before=before,
        data={"year": year, "unit": unit.pk if unit else None, "target": target},
        unit=unit or indicator.committee,
    )
    return obj


# -- work plans ------------------------------------------------------------------------------


@transaction.atomic
def create_plan(*, unit: Unit, year: int, user: Any) -> WorkPlan:
    if not scope_for(user).can_act_for_unit(unit.pk):
        raise PermissionDenied
    plan = WorkPlan(unit=unit, year=year)
    plan.full_clean()
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError:
        raise ValidationError(_("This unit already has a plan for this year.")) from None
    log_action(plan, "reports.plan.created", user=user, data={"year": year}, unit=unit)
    return plan


def _editable(plan: WorkPlan, user: Any) -> WorkPlan:
    plan = WorkPlan.objects.select_for_update().get(pk=plan.pk)
    permissions.check(user, plan, "edit_plan")
    if plan.state not in (PlanState.DRAFT, PlanState.RETURNED):
        raise ValidationError(_("This plan has been sent: it can no longer be changed."))
    return plan


@transaction.atomic
def add_item(
    *,
    plan: WorkPlan,
    user: Any,
    text: str,
    quarter: int | None = None,
    key_result: str = "",
    measure: str = "",
    target: Decimal | None = None,
    weight: int = 1,
    breakthrough: bool = False,
) -> PlanItem:
    plan = _editable(plan, user)
    order = (plan.items.aggregate(n=Max("sort_order"))["n"] or 0) + 1
    item = PlanItem(
        plan=plan,
        text=(text or "").strip(),
        quarter=quarter,
        key_result=key_result,
        measure=measure,
        target=target,
        weight=weight,
        breakthrough=breakthrough,
        sort_order=order,
    )
    if not item.text:
        raise ValidationError({"text": _("This field cannot be empty.")})
    item.full_clean()
    item.save()
    log_action(plan, "reports.plan.item_added", user=user, data=snapshot(item), unit=plan.unit)
    return item


@transaction.atomic
def remove_item(*, item: PlanItem, user: Any) -> None:
    plan = _editable(item.plan, user)
    data = snapshot(item)
    item.delete()
    log_action(plan, "reports.plan.item_removed", user=user, before=data, unit=plan.unit)


@transaction.atomic
def submit_plan(*, plan: WorkPlan, user: Any) -> WorkPlan:
    plan = _editable(plan, user)
    if not plan.items.exists():
        raise ValidationError(_("A plan needs at least one item."))
    before = snapshot(plan, PLAN_FIELDS)
    plan.state = PlanState.SUBMITTED
    plan.submitted_at, plan.submitted_by = timezone.now(), user
    plan.return_reason = ""
    plan.save(update_fields=["state", "submitted_at", "submitted_by", "return_reason"])
    log_action(
        plan,
        "reports.plan.submitted",
        user=user,
        before=before,
        data=snapshot(plan, PLAN_FIELDS),
        unit=plan.unit,
    )
    return plan


@transaction.atomic
def decide_plan(*, plan: WorkPlan, user: Any, approve: bool, reason: str = "") -> WorkPlan:
    plan = WorkPlan.objects.select_for_update().get(pk=plan.pk)
    permissions.check(user, plan, "decide_plan")
    ensure_not_own_request(user, plan)  # core.decisions: not the submitter, nor the unit
    if plan.state != PlanState.SUBMITTED:
        raise ValidationError(_("Only a submitted plan can be approved or returned."))
    reason = (reason or "").strip()
    if not approve and not reason:
        raise ValidationError({"reason": _("Say why the plan is returned.")})
    before = snapshot(plan, PLAN_FIELDS)
    plan.state = PlanState.APPROVED if approve else PlanState.RETURNED
    plan.decided_by = user
    plan.approved_at = timezone.now() if approve else None
    plan.return_reason = "" if approve else reason[:2000]
    plan.save(update_fields=["state", "decided_by", "approved_at", "return_reason"])
    action = "reports.plan.approved" if approve else "reports.plan.returned"
    log_action(
        plan, action, user=user, before=before, data=snapshot(plan, PLAN_FIELDS), unit=plan.unit
    )
    return plan


def plan_deadlines(plan: WorkPlan) -> dict[str, Any]:
    """When the plan is due and when it must be approved (the committee's rules), and whether late."""
    committee = plan.unit.host_committee()
    rules = rules_for(committee.pk) if committee else None
    if rules is None:
        return {}
    due, approve_by = rules.plan_due(plan.year), rules.plan_approve_by(plan.year)
    sent = timezone.localtime(plan.submitted_at).date() if plan.submitted_at else None
    approved = timezone.localtime(plan.approved_at).date() if plan.approved_at else None
    return {
        "due": due,
        "approve_by": approve_by,
        "sent_late": sent is not None and sent > due,
        "approved_late": approved is not None and approved > approve_by,
    }


# -- next period's tasks -> items of the next quarter's plan --------------------------------


def next_quarter(report: Any) -> tuple[int, int]:
    """(year, quarter) holding the month after the report's period: Q1/2026 -> Q2/2026,
    Q4/2026 or the year 2026 -> Q1/2027, February -> Q1."""
    p = report.period.period
    if p.last_month == 12:
        return p.year + 1, 1
    return p.year, p.last_month // 3 + 1


def may_carry(user: Any, report: Any) -> bool:
    """The reporting unit's staff, or the committee's office."""
    scope = scope_for(user)
    return (
        scope.can_act_for_unit(report.unit_id)
        or report.period.committee_id in scope.office_committee_ids
    )


def carried_texts(plan: WorkPlan | None, quarter: int) -> set[str]:
    """The item texts already in the plan's quarter (folded), so a task is not carried twice."""
    if plan is None:
        return set()
    from giaoban.core.text import fold

    return {fold(t) for t in plan.items.filter(quarter=quarter).values_list("text", flat=True)}


@transaction.atomic
def carry_next_tasks(
    *, report: Any, user: Any, items: list[dict[str, Any]]
) -> tuple[WorkPlan, list[PlanItem]]:
    """Turn the report's "next period's tasks" into items of the next quarter of the unit's plan.

    ``items``: ``[{"text", "key_result", "weight", "breakthrough"}]`` as the clerk edited them.
    The plan of that year is created (draft) when missing; a plan already sent or approved is not
    changed. Texts already in that quarter are skipped. Audited on the plan."""
    from giaoban.core.text import fold

    if not may_carry(user, report):
        raise PermissionDenied
    year, quarter = next_quarter(report)
    plan = WorkPlan.objects.select_for_update().filter(unit_id=report.unit_id, year=year).first()
    created = plan is None
    if plan is None:
        plan = WorkPlan(unit_id=report.unit_id, year=year)
        plan.full_clean()
        plan.save()
    elif plan.state not in (PlanState.DRAFT, PlanState.RETURNED):
        raise ValidationError(
            _(
                "The work plan of %(year)s has been sent or approved: ask the office to return it "
                "before adding items."
            )
            % {"year": year}
        )
    seen = carried_texts(plan, quarter)
    order = plan.items.aggregate(n=Max("sort_order"))["n"] or 0
    new: list[PlanItem] = []
    for spec in items:
        text = (spec.get("text") or "").strip()
        if not text or fold(text) in seen:
            continue
        seen.add(fold(text))
        order += 1
        item = PlanItem(
            plan=plan,
            quarter=quarter,
            text=text,
            key_result=(spec.get("key_result") or "").strip(),
            weight=spec.get("weight") or 1,
            breakthrough=bool(spec.get("breakthrough")),
            sort_order=order,
        )
        item.full_clean()
        new.append(item)
    if not new:
        raise ValidationError(_("Choose at least one task that is not yet in the plan."))
    PlanItem.objects.bulk_create(new)
    log_action(
        plan,
        "reports.plan.items_carried",
        user=user,
        data={
            "report": report.pk,
            "quarter": quarter,
            "plan_created": created,
            "items": [i.text for i in new],
        },
        unit=plan.unit,
    )
    return plan, new
