"""The audit log: ``log_action``, the one way to write it, and ``history``, the one way to read an
object's history (with the history of related objects, e.g. a notice with its tasks).

Apps register what core cannot know: how their actions read (``register_action_labels``) and
which related objects belong to an object's history (``register_related_history``).
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Callable, Iterable
from typing import Any

from django.db import models
from django.db.models import CharField, Q
from django.db.models.fields.files import FieldFile
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from giaoban.core.cache import bump_on_commit
from giaoban.core.models import AuditEntry

#: How each action reads in a history (filled by the apps); an action not listed shows its code.
ACTION_LABELS: dict[str, Any] = {
    "accounts.token.issued": _("API token issued"),
    "accounts.token.revoked": _("API token revoked"),
    "accounts.user.created": _("Account created"),
    "accounts.user.updated": _("Account changed"),
    "accounts.user.password_reset": _("Password reset (temporary password)"),
    "accounts.user.password_changed": _("Password changed"),
}
#: model -> function(obj) giving querysets of related objects whose entries join obj's history
_RELATED: dict[type[models.Model], Callable[[Any], Iterable[models.QuerySet]]] = {}


def register_action_labels(labels: dict[str, Any]) -> None:
    ACTION_LABELS.update(labels)


def register_related_history(
    model: type[models.Model], related: Callable[[Any], Iterable[models.QuerySet]]
) -> None:
    """``history(obj)`` of a ``model`` instance also shows the entries of ``related(obj)``."""
    _RELATED[model] = related


def history(
    obj: models.Model, *, related: Iterable[models.QuerySet] | None = None
) -> models.QuerySet:
    """Audit entries of ``obj`` and of the objects in ``related`` (querysets; by default what
    the app registered for the model), newest first, with their actors.

    Load ``obj`` through the user's scope first: the history is as visible as the object.
    """
    condition = Q(object_type=obj._meta.label_lower, object_id=str(obj.pk))
    if related is None:
        finder = _RELATED.get(type(obj))
        related = finder(obj) if finder is not None else ()
    for qs in related:
        ids = qs.order_by().annotate(_audit_id=Cast("pk", CharField())).values("_audit_id")
        condition |= Q(object_type=qs.model._meta.label_lower, object_id__in=ids)
    return (
        AuditEntry.objects.filter(condition).select_related("actor").order_by("-created_at", "-id")
    )


#: field names whose values are secrets: never written to the audit log (password hashes,
#: API token digests, session keys). A change to one is recorded as "[redacted]".
SECRET_FIELDS = frozenset(
    {"password", "key_hash", "session_key", "session_data", "token", "secret", "raw_token"}
)
REDACTED = "[redacted]"


def redact(value: Any) -> Any:
    """``value`` (JSON-ready audit data) with the value of every secret field replaced."""
    if isinstance(value, dict):
        return {k: (REDACTED if k in SECRET_FIELDS else redact(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [redact(v) for v in value]
    return value


def action_label(action: str) -> str:
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v) for v in value]
    return value


def snapshot(obj: models.Model, fields: list[str] | None = None) -> dict[str, Any]:
    """The concrete field values of ``obj`` as JSON-ready data (FKs as ids)."""
    out: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if fields is not None and field.name not in fields:
            continue
        if field.name in SECRET_FIELDS:
            out[field.name] = REDACTED
            continue
        out[field.name] = _jsonable(getattr(obj, field.attname))
    return out


def log_action(
    obj: models.Model,
    action: str,
    *,
    user: Any | None,
    before: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
    unit: Any | None = None,
    stales_aggregates: bool = True,
) -> AuditEntry:
    """Record one state change. Call inside the service's transaction.

    ``stales_aggregates=False``: a change no cached aggregate reads (a unit's report draft,
    saved every few seconds while typing) leaves the committees' data versions alone."""
    if stales_aggregates:
        # cached aggregates (dashboard counts) of the unit's committees are stale from now on
        bump_on_commit(getattr(unit, "pk", None))
    actor = user if (user is not None and getattr(user, "is_authenticated", False)) else None
    return AuditEntry.objects.create(
        actor=actor,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        unit=unit,
        before=redact(_jsonable(before)) if before is not None else None,
        data=redact(_jsonable(data)) if data is not None else None,
    )
