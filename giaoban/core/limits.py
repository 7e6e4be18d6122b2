"""Requests too large, or otherwise malformed: the app's own answer (a Vietnamese page, or JSON
on the API) instead of Django's bare English "Bad Request (400)"."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def max_request_bytes() -> int:
    """The largest request body accepted: one attachment plus the form around it."""
    return getattr(
        settings,
        "GIAOBAN_MAX_REQUEST_BYTES",
        settings.GIAOBAN_MAX_ATTACHMENT_BYTES + 1024 * 1024,
    )


def _answer(request: HttpRequest, status: int, message: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=status)
    return render(request, "400.html", {"message": message, "status": status}, status=status)


def too_large_message() -> str:
    mb = max_request_bytes() / (1024 * 1024)
    return _("What was sent is too large: at most %(mb)s MB (a file and the form together).") % {
        "mb": f"{mb:.0f}" if mb >= 1 else f"{mb:.2f}"
    }


class RequestSizeMiddleware:
    """Refuse a body larger than the limit before reading it (HTTP 413)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > max_request_bytes():
            return _answer(request, 413, too_large_message())
        return self.get_response(request)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler400: also reached when Django refuses too many fields or too much form data."""
    from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent

    if isinstance(exception, RequestDataTooBig):
        return _answer(request, 413, too_large_message())
    if isinstance(exception, TooManyFieldsSent):
        return _answer(request, 400, _("The form sent has too many fields."))
    return _answer(request, 400, _("The request could not be read. Go back and try again."))
