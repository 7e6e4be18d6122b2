"""The REST API under /api/: django-ninja, session or bearer-token auth.

Each app owns its router (``giaoban/<app>/api.py``); this module mounts them
and turns service errors into clear JSON answers (Vietnamese by default,
English with ``Accept-Language: en``).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer, django_auth

from giaoban.accounts.models import ApiToken, hash_token


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        try:
            api_token = ApiToken.objects.select_related("user").get(key_hash=hash_token(token))
        except ApiToken.DoesNotExist:
            return None
        if not api_token.user.is_active:
            return None
        now = timezone.now()
        # note the use at most once a minute: a busy script must not write on every read
        if api_token.last_used_at is None or (now - api_token.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        request.user = api_token.user
        return api_token.user


api = NinjaAPI(
    title="giaoban API",
    version="1",
    description="Units, tasks and assignments of the briefing cycle. Authenticate with a session cookie "
    "(and CSRF token) or 'Authorization: Bearer TOKEN' (issue one with `giaoban token USERNAME`).",
    auth=[TokenAuth(), django_auth],
    urls_namespace="api",
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


def _schema_message(err: dict) -> str:
    """A user-facing message for one pydantic error (pydantic's own text is English only)."""
    kind = err.get("type", "")
    ctx = err.get("ctx") or {}
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
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return _("Enter a whole number.")
    if kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
        return _("The number is out of range.")
    if kind == "enum":
        return _("Choose one of: %(values)s.") % {"values": ctx.get("expected", "")}
    if kind in ("bool_parsing", "bool_type"):
        return _("Enter true or false.")
    return str(err.get("msg", _("The value is not valid.")))


@api.exception_handler(NinjaValidationError)
def on_schema_error(request, exc: NinjaValidationError):
    errors: dict[str, list[str]] = {}
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
        request, {"detail": _("The request is not valid."), "errors": errors}, status=422
    )


from giaoban.org.api import router as org_router  # noqa: E402
from giaoban.tasks.api import router as tasks_router  # noqa: E402

api.add_router("/units", org_router)
api.add_router("/", tasks_router)

from giaoban.recommendations.api import router as recommendations_router  # noqa: E402
from giaoban.reports.api import router as reports_router  # noqa: E402

api.add_router("/", reports_router)
api.add_router("/", recommendations_router)
