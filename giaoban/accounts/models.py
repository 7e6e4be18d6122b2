"""Users, their memberships in units, and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in. Custom from the first migration so it can grow."""

    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]

    def __str__(self) -> str:
        return self.full_name or self.get_full_name() or self.username


class Role(models.TextChoices):
    OFFICE = "office", _("Office staff")
    LEADER = "leader", _("Standing committee leader")
    UNIT = "unit", _("Unit staff")
    ADMIN = "admin", _("System administrator")


class Membership(models.Model):
    """User ↔ unit with a role. The role's reach is decided in core.permissions."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    unit = models.ForeignKey(
        "org.Unit", models.CASCADE, related_name="memberships", verbose_name=_("unit")
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    #: the unit's head (thủ trưởng): told when the unit's work is long overdue (escalation)
    is_head = models.BooleanField(_("head of the unit"), default=False)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["user", "unit"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "unit", "role"],
                name="accounts_membership_unique",
                violation_error_message=_("This user already has this role in this unit."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.unit}"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for the API. Only the SHA-256 of the token is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=8, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    #: empty: never expires (tokens issued before expiry dates existed, or --days 0)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    #: noted at most once a minute (a busy script must not write on every request)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    last_used_from = models.GenericIPAddressField(_("last used from"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def is_expired(self, now=None) -> bool:
        return self.expires_at is not None and self.expires_at <= (now or timezone.now())

    @classmethod
    def issue(cls, *, user, name: str, days: int | None = None) -> tuple[ApiToken, str]:
        """A new token valid ``days`` days (None: GIAOBAN_TOKEN_DAYS; 0: never expires)."""
        days = settings.GIAOBAN_TOKEN_DAYS if days is None else days
        raw = "gb_" + secrets.token_urlsafe(32)
        expires = timezone.now() + timedelta(days=days) if days else None
        token = cls.objects.create(
            user=user, name=name, key_hash=hash_token(raw), prefix=raw[:8], expires_at=expires
        )
        return token, raw
