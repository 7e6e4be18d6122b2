"""A user signed in with a temporary password sees only the password change page.

The flag is set in the session at sign-in (accounts/apps.py) from the audit log."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

SESSION_FLAG = "must_change_password"
ALLOWED_PREFIXES = ("/static/", "/i18n/", "/favicon.ico", "/api/")


class ForcePasswordChangeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and request.session.get(SESSION_FLAG)
            and not request.path.startswith(ALLOWED_PREFIXES)
            and request.path not in (reverse("accounts:password"), reverse("logout"))
        ):
            if request.headers.get("HX-Request"):
                # a fragment the password page itself polls (the bell): nothing to swap in. A
                # redirect would be followed by HTMX and the whole page nested into the bell.
                return HttpResponse(status=204)
            return redirect("accounts:password")
        return self.get_response(request)
