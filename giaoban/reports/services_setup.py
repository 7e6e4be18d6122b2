"""Writes of a committee's reporting setup: its rules and its report forms (audited)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from giaoban.core.audit import log_action, snapshot
from giaoban.core.permissions import scope_for
from giaoban.org.models import Unit
from giaoban.reports.models import ReportForm, ReportingRules, default_sections, rules_for


def office_only(user: Any, committee: Unit) -> None:
    if committee.pk not in scope_for(user).office_committee_ids:
        raise PermissionDenied


@transaction.atomic
def save_rules(*, committee: Unit, user: Any, **values: Any) -> ReportingRules:
    office_only(user, committee)
    rules = rules_for(committee.pk)
    before = snapshot(rules) if rules.pk else None
    for name, value in values.items():
        setattr(rules, name, value)
    rules.full_clean()
    try:
        rules.as_rules()
        rules.plan_due(2000)
        rules.plan_approve_by(2000)
    except ValueError as exc:
        raise ValidationError(_("These rules are not valid: %(e)s") % {"e": exc}) from None
    rules.save()
    log_action(
        rules, "reports.rules.saved", user=user, before=before, data=snapshot(rules), unit=committee
    )
    return rules


def form_for(committee: Unit, period_type: str) -> ReportForm:
    """The committee's form for this period type, created with the five sections if missing."""
    form, _created = ReportForm.objects.get_or_create(
        committee=committee,
        period_type=period_type,
        defaults={"name": f"Báo cáo {committee.display_name}", "sections": default_sections()},
    )
    return form


@transaction.atomic
def save_form(
    *,
    form: ReportForm,
    user: Any,
    name: str,
    sections: list[dict[str, str]],
    indicators: Iterable[Any],
) -> ReportForm:
    office_only(user, form.committee)
    before = snapshot(form)
    keys = [s["key"] for s in sections]
    if not keys:
        raise ValidationError({"sections": _("A form needs at least one section.")})
    if len(set(keys)) != len(keys):
        raise ValidationError({"sections": _("A section is listed twice.")})
    form.name = name
    form.sections = sections
    form.full_clean()
    form.save()
    indicators = list(indicators)
    if any(ind.committee_id != form.committee_id for ind in indicators):
        raise ValidationError({"indicators": _("An indicator of another committee was chosen.")})
    form.indicators.set(indicators)
    log_action(
        form,
        "reports.form.saved",
        user=user,
        before=before,
        data={**snapshot(form), "indicators": [i.pk for i in indicators]},
        unit=form.committee,
    )
    return form
