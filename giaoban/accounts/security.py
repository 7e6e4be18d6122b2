"""Sign-in protections around django-axes: the client's address behind the proxy, the audit
of lockouts and unlocks, and the throttle of failed bearer tokens."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: REMOTE_ADDR, or behind the TLS proxy (GIAOBAN_BEHIND_TLS_PROXY)
    the address nginx saw, which it appends last to X-Forwarded-For (earlier entries come
    from the client and are not trusted)."""
    if settings.GIAOBAN_BEHIND_TLS_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    # None when unknown (force_login in tests, a request without an address): stored as NULL,
    # a placeholder text would not be a valid address for PostgreSQL's inet column
    return request.META.get("REMOTE_ADDR") or None


def audit_lockout(sender: Any, request: HttpRequest, username: str, ip_address: str, **kwargs):
    """axes' user_locked_out signal: a lockout lands in the audit log."""
    from axes.models import AccessAttempt

    from giaoban.core.audit import log_action

    attempt = (
        AccessAttempt.objects.filter(username=username).order_by("-attempt_time").first()
        or AccessAttempt.objects.filter(ip_address=ip_address).order_by("-attempt_time").first()
    )
    if attempt is None:
        return
    log_action(
        attempt,
        "accounts.login.locked_out",
        user=None,
        data={"username": username, "ip_address": ip_address},
    )


# -- bearer tokens ----------------------------------------------------------------------


def _token_key(ip: str | None) -> str:
    return f"giaoban:token-failures:{ip or 'unknown'}"


def token_failures_exceeded(request: HttpRequest) -> bool:
    """Too many wrong bearer tokens from this address lately (GIAOBAN_TOKEN_FAILURES within
    GIAOBAN_TOKEN_LOCKOUT_MINUTES): refuse without looking the token up."""
    return cache.get(_token_key(client_ip(request)), 0) >= settings.GIAOBAN_TOKEN_FAILURES


def note_token_failure(request: HttpRequest) -> None:
    key = _token_key(client_ip(request))
    timeout = settings.GIAOBAN_TOKEN_LOCKOUT_MINUTES * 60
    if cache.add(key, 1, timeout):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout)
