"""Writes of the notifications app: reading, preferences, committee rules. Atomic, audited."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from giaoban.core.audit import log_action, snapshot
from giaoban.core.permissions import scope_for
from giaoban.notifications.models import Notification, Preference, ReminderRule
from giaoban.org.models import Unit

RULE_FIELDS = [
    "days_before",
    "on_the_day",
    "overdue_every",
    "escalate_after",
    "claim_unconfirmed_after",
    "report_missing_after",
    "recommendation_unanswered",
]


@transaction.atomic
def mark_read(*, notification: Notification, user: Any) -> Notification:
    if notification.recipient_id != user.pk:
        raise PermissionDenied
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def mark_all_read(*, user: Any) -> int:
    count = Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    if count:
        log_action(user, "notifications.read_all", user=user, data={"count": count})
    return count


def preference_of(user: Any) -> Preference:
    return Preference.objects.filter(user=user).first() or Preference(user=user)


@transaction.atomic
def save_preference(*, user: Any, email_enabled: bool, digest: bool) -> Preference:
    pref = Preference.objects.select_for_update().filter(user=user).first() or Preference(user=user)
    before = snapshot(pref, ["email_enabled", "digest"]) if pref.pk else None
    pref.email_enabled, pref.digest = email_enabled, digest
    pref.full_clean()
    pref.save()
    log_action(
        pref,
        "notifications.preference.saved",
        user=user,
        before=before,
        data=snapshot(pref, ["email_enabled", "digest"]),
    )
    return pref


def rule_of(committee: Unit) -> ReminderRule:
    return ReminderRule.objects.filter(committee=committee).first() or ReminderRule(
        committee=committee
    )


@transaction.atomic
def save_rule(*, committee: Unit, user: Any, **values: Any) -> ReminderRule:
    """The committee's office sets its reminder rules; negative days are refused."""
    if committee.pk not in scope_for(user).office_committee_ids:
        raise PermissionDenied
    unknown = set(values) - set(RULE_FIELDS)
    if unknown:
        raise ValueError(f"unknown rule fields {sorted(unknown)}")
    errors = {
        name: _("A number of days cannot be negative.")
        for name, value in values.items()
        if isinstance(value, int) and not isinstance(value, bool) and value < 0
    }
    if errors:
        raise ValidationError(errors)
    rule = ReminderRule.objects.select_for_update().filter(committee=committee).first()
    before = snapshot(rule, RULE_FIELDS) if rule else None
    rule = rule or ReminderRule(committee=committee)
    for name, value in values.items():
        setattr(rule, name, value)
    rule.full_clean()
    rule.save()
    log_action(
        rule,
        "notifications.rule.saved",
        user=user,
        unit=committee,
        before=before,
        data=snapshot(rule, RULE_FIELDS),
    )
    return rule
