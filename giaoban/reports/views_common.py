"""What the reporting pages share: the right to act (for the buttons) and the one body of every
act that calls a service and goes back to the object's page (submit, accept, decide, remove …)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from giaoban.reports.permissions import check


def may(user: Any, obj: Any, action: str) -> bool:
    """Whether ``user`` may do ``action`` on ``obj`` (shows or hides a button)."""
    try:
        check(user, obj, action)
    except PermissionDenied:
        return False
    return True


def error_messages(exc: ValidationError) -> list[str]:
    """Every message of a ValidationError, with or without fields."""
    if hasattr(exc, "error_dict"):
        return [m for msgs in exc.message_dict.values() for m in msgs]
    return list(exc.messages)


def run_act(
    request: HttpRequest,
    act: Callable[[], object],
    *,
    back: tuple[str, Any],
    success: str | None = None,
) -> HttpResponse:
    """Call the service (``act``); a refusal becomes error messages, success its message; then
    back to the page ``back`` (``(url name, pk)``), whatever happened: nothing was half-saved."""
    try:
        act()
    except ValidationError as exc:
        for m in error_messages(exc):
            messages.error(request, m)
    else:
        if success:
            messages.success(request, success)
    return redirect(*back)
