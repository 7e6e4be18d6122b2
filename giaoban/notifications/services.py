"""Writes of the notifications app: reading, preferences, committee rules. Atomic, audited."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from giaoban.core.audit import log_action, snapshot
from giaoban.core.permissions import scope_for
from giaoban.notifications.models import CalendarFeed, Notification, Preference, ReminderRule
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


@transaction.atomic
def create_feed(*, user: Any, committee: Unit | None = None) -> tuple[CalendarFeed, str]:
    """A new secret calendar link; the person's previous link of the same kind is revoked.
    Only the secret's hash is stored, and only its first characters are audited."""
    from giaoban.notifications.calendar import hash_secret, new_secret

    if committee is not None and committee.pk not in scope_for(user).office_committee_ids:
        raise PermissionDenied
    now = timezone.now()
    old = CalendarFeed.objects.filter(user=user, committee=committee, revoked_at__isnull=True)
    for previous in old:
        previous.revoked_at = now
        previous.save(update_fields=["revoked_at"])
        log_action(
            previous, "notifications.feed.revoked", user=user, data={"prefix": previous.prefix}
        )
    secret = new_secret()
    feed = CalendarFeed.objects.create(
        user=user, committee=committee, secret_hash=hash_secret(secret), prefix=secret[:6]
    )
    log_action(
        feed,
        "notifications.feed.created",
        user=user,
        unit=committee,
        data={"prefix": feed.prefix, "committee": committee.pk if committee else None},
    )
    return feed, secret


@transaction.atomic
def revoke_feed(*, feed: CalendarFeed, user: Any) -> CalendarFeed:
    if feed.user_id != user.pk:
        raise PermissionDenied
    if feed.revoked_at is None:
        feed.revoked_at = timezone.now()
        feed.save(update_fields=["revoked_at"])
        log_action(feed, "notifications.feed.revoked", user=user, data={"prefix": feed.prefix})
    return feed


def touch_feed(feed: CalendarFeed) -> None:
    """Note the use at most once an hour (calendar programs poll often)."""
    now = timezone.now()
    if feed.last_used_at is None or (now - feed.last_used_at).total_seconds() > 3600:
        CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=now)
