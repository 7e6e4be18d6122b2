"""Limits on what a request may carry.

Requests too large, or otherwise malformed: the app's own answer (a Vietnamese page, or JSON
on the API) instead of Django's bare English "Bad Request (400)". And the bounds every value
must respect before it reaches the database (pages and API alike): values outside them are
refused with a clear message, never passed on (SQLite cannot store integers over 64 bits,
PostgreSQL refuses NUL characters in text, dates far from today overflow the calendar
arithmetic)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from pydantic import AfterValidator, Field


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


# -- bounds of values ---------------------------------------------------------------------

#: dates an office may mean: before 1900 or after 2999 is a typing mistake
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2999, 12, 31)
#: the largest id or count a 64-bit signed database integer holds
MAX_INT = 2**63 - 1
#: the furthest a list may be paged (past the end is an empty page, not an error)
MAX_OFFSET = 10**9
MAX_LIMIT = 500


def date_in_range(value: date) -> date:
    if not MIN_DATE <= value <= MAX_DATE:
        raise ValueError("date_range")
    return value


#: an API date an office may mean (1900-2999)
ApiDate = Annotated[date, AfterValidator(date_in_range)]
#: an id in an API path or query (read from text)
Id = Annotated[int, Field(ge=1, le=MAX_INT)]
#: numbers and booleans in a JSON body: of their JSON type, never a string or a boolean
#: taken for a number ("percent": true, "committee": "3")
BodyInt = Annotated[int, Field(strict=True, ge=-MAX_INT, le=MAX_INT)]
BodyId = Annotated[int, Field(strict=True, ge=1, le=MAX_INT)]
BodyBool = Annotated[bool, Field(strict=True)]
