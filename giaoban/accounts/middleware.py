"""A user signed in with a temporary password sees only the password change page."""

from __future__ import annotations

from django.shortcuts import redirect
from django.urls import reverse

ALLOWED_PREFIXES = ("/static/", "/i18n/", "/favicon.ico", "/api/")


class ForcePasswordChangeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and getattr(user, "must_change_password", False)
            and not request.path.startswith(ALLOWED_PREFIXES)
            and request.path not in (reverse("accounts:password"), reverse("logout"))
        ):
            return redirect("accounts:password")
        return self.get_response(request)
