"""The REST API under /api/: django-ninja, session or bearer-token auth.

Each app owns its router (``giaoban/<app>/api.py``); this module mounts them
and turns service errors into clear JSON answers (Vietnamese by default,
English with ``Accept-Language: en``).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer, SessionAuth

from giaoban.accounts.models import ApiToken, hash_token
from giaoban.accounts.security import client_ip, note_token_failure, token_failures_exceeded
from giaoban.api.inputs import NulCharacter, StrictParser, UnsupportedMediaType
from giaoban.api.openapi import document_errors
from giaoban.core.limits import MAX_DATE, MIN_DATE


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        if token_failures_exceeded(request):
            raise TooManyFailures
        try:
            api_token = ApiToken.objects.select_related("user").get(key_hash=hash_token(token))
        except ApiToken.DoesNotExist:
            note_token_failure(request)
            return None
        if not api_token.user.is_active:
            return None
        now = timezone.now()
        if api_token.is_expired(now):
            raise ExpiredToken(api_token)
        # note the use at most once a minute: a busy script must not write on every read
        if api_token.last_used_at is None or (now - api_token.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=api_token.pk).update(
                last_used_at=now, last_used_from=client_ip(request)
            )
        request.user = api_token.user
        return api_token.user


class TooManyFailures(Exception):
    """Too many wrong bearer tokens from one address lately."""


class ExpiredToken(Exception):
    """A known bearer token past its expiry date."""

    def __init__(self, token: ApiToken):
        super().__init__(token.prefix)
        self.expires_at = token.expires_at


class SignedInSession(SessionAuth):
    """The session cookie, checked for CSRF only when somebody is signed in: an anonymous
    (or revoked-token) write is answered 401 "authentication required", not a CSRF 403."""

    def __call__(self, request: HttpRequest):
        if not request.user.is_authenticated:
            return None
        return super().__call__(request)


class GiaobanAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        # the document is made per request: its description and tags in the reader's language
        schema["info"]["description"] = str(DESCRIPTION)
        schema["tags"] = [{"name": name, "description": str(text)} for name, text in TAGS.items()]
        return document_errors(schema)


DESCRIPTION = _lazy(
    "The briefing cycle of a Party committee's office: units, tasks and assignments, leaders'"
    " statistics, meetings and conclusion notices, reporting periods, unit reports and"
    " completeness, recommendations — each answer limited to what the signed-in user's unit and"
    " role may see, in the language of the request (Accept-Language: vi or en).\n\n"
    "Authenticate with the session cookie (and the CSRF token) or the header 'Authorization:"
    " Bearer TOKEN'. Issue a token on your own page: your name (top right) → My account → API"
    " tokens → Issue a token; it is shown once.\n\n"
    "Codes stay the same in every language (status, state, role, kind; periods as period_code,"
    " e.g. 2026-Q4); labels (period_label, messages) follow the request's language. Dates are"
    " ISO 8601, times in UTC; the office works in Asia/Ho_Chi_Minh."
)
TAGS = {
    "units": _lazy("The units of the committee tree the user reaches"),
    "tasks": _lazy(
        "Tasks, their assignments to units, every act on them, and the leaders' statistics"
    ),
    "reports": _lazy("Reporting periods, unit reports, completeness and timeliness"),
    "recommendations": _lazy("Recommendations raised by the units and their answers"),
    "meetings": _lazy("Meetings, conclusion notices and the review of earlier notices"),
}


api = GiaobanAPI(
    title="giaoban API",
    version="1",
    description=str(DESCRIPTION),
    auth=[TokenAuth(), SignedInSession()],
    urls_namespace="api",
    # the interactive documentation and its OpenAPI document are for signed-in users only
    docs_decorator=login_required,
    parser=StrictParser(),
)


def _messages(exc: ValidationError) -> dict:
    if hasattr(exc, "error_dict"):
        return {
            field: [str(m) for m in errs[0].messages]
            if len(errs) == 1
            else [m for e in errs for m in e.messages]
            for field, errs in exc.error_dict.items()
        }
    return {"__all__": [str(m) for m in exc.messages]}


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    return api.create_response(
        request, {"detail": _("The request is not valid."), "errors": _messages(exc)}, status=400
    )


@api.exception_handler(PermissionDenied)
def on_permission_denied(request, exc):
    return api.create_response(
        request, {"detail": _("You do not have permission to do this.")}, status=403
    )


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(AuthenticationError)
def on_auth_error(request, exc):
    return api.create_response(request, {"detail": _("Authentication required.")}, status=401)


@api.exception_handler(ExpiredToken)
def on_expired_token(request, exc: ExpiredToken):
    detail = _(
        "This API token expired on %(date)s. Issue a new one on your account page (My account)."
    ) % {"date": timezone.localtime(exc.expires_at).strftime("%d/%m/%Y %H:%M")}
    return api.create_response(request, {"detail": detail}, status=401)


@api.exception_handler(TooManyFailures)
def on_too_many_failures(request, exc):
    detail = _("Too many failed attempts: wait a few minutes and try again.")
    return api.create_response(request, {"detail": detail}, status=429)


@api.exception_handler(NulCharacter)
def on_nul_character(request, exc):
    errors = {"__all__": [_("Text must not contain NUL characters.")]}
    return api.create_response(
        request, {"detail": _("The request is not valid."), "errors": errors}, status=422
    )


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    """ninja's own errors, in the user's language: a body that is not JSON, a CSRF failure."""
    cause = exc.__cause__
    if isinstance(cause, UnsupportedMediaType):
        detail = _("Send the body as JSON (Content-Type: application/json).")
        return api.create_response(request, {"detail": detail}, status=415)
    if isinstance(cause, NulCharacter):
        return on_nul_character(request, cause)
    if cause is not None:
        return api.create_response(
            request, {"detail": _("The body is not valid JSON.")}, status=400
        )
    if exc.status_code == 403:
        detail = _("CSRF check failed: reload the page and try again.")
        return api.create_response(request, {"detail": detail}, status=403)
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(OverflowError)
def on_overflow(request, exc):
    """Safety net: a number too large for the database (SQLite holds 64 bits) that a schema
    did not bound. The schemas bound every id (giaoban.core.limits.Id); this keeps it a 422."""
    return api.create_response(
        request,
        {
            "detail": _("The request is not valid."),
            "errors": {"__all__": [_("The number is out of range.")]},
        },
        status=422,
    )


def _schema_message(err: dict) -> str:
    """A user-facing message for one pydantic error (pydantic's own text is English only)."""
    kind = err.get("type", "")
    ctx = err.get("ctx") or {}
    if kind == "value_error" and "date_range" in str(err.get("msg", "")):
        return _("Enter a date between %(first)s and %(last)s.") % {
            "first": MIN_DATE.strftime("%d/%m/%Y"),
            "last": MAX_DATE.strftime("%d/%m/%Y"),
        }
    if kind.startswith("date") or kind.startswith("datetime"):
        return _("Enter a valid date as YYYY-MM-DD.")
    if kind == "missing":
        return _("This field is required.")
    if kind == "string_too_long":
        return _("The text is too long (at most %(max)s characters).") % {
            "max": ctx.get("max_length")
        }
    if kind == "string_too_short":
        return _("This field cannot be empty.")
    if kind in ("int_parsing", "int_type", "int_from_float", "int_parsing_size"):
        return _("Enter a whole number.")
    if kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
        return _("The number is out of range.")
    if kind == "enum":
        # pydantic joins the last value with an English "or": list them all with commas
        values = str(ctx.get("expected", "")).replace(" or ", ", ")
        return _("Choose one of: %(values)s.") % {"values": values}
    if kind == "string_type":
        return _("Enter text.")
    if kind in ("bool_parsing", "bool_type"):
        return _("Enter true or false.")
    return str(err.get("msg", _("The value is not valid.")))


@api.exception_handler(NinjaValidationError)
def on_schema_error(request, exc: NinjaValidationError):
    errors: dict[str, list[str]] = {}
    # a query parameter the server cannot read (an unknown filter value, a limit over the
    # ceiling) is a bad request, 400, like a filter whose meaning is refused; a body that does
    # not match its schema is 422
    in_query = bool(exc.errors) and all(
        (err.get("loc") or ("",))[0] == "query" for err in exc.errors
    )
    for err in exc.errors:
        # loc is like ("body", "payload", "completed_on"): keep the field path only
        parts = [
            str(p)
            for p in err.get("loc", [])
            if p not in ("body", "query", "path", "payload", "filters")
        ]
        loc = ".".join(parts) or "__all__"
        errors.setdefault(loc, []).append(_schema_message(err))
    return api.create_response(
        request,
        {"detail": _("The request is not valid."), "errors": errors},
        status=400 if in_query else 422,
    )


from giaoban.meetings.api import router as meetings_router  # noqa: E402
from giaoban.org.api import router as org_router  # noqa: E402
from giaoban.tasks.api import router as tasks_router  # noqa: E402

api.add_router("/units", org_router)
api.add_router("/", tasks_router)

from giaoban.recommendations.api import router as recommendations_router  # noqa: E402
from giaoban.reports.api import router as reports_router  # noqa: E402

api.add_router("/", reports_router)
api.add_router("/", recommendations_router)
api.add_router("/", meetings_router)
