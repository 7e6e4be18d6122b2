"""The before/after of an audit entry, as a history shows it: field label, old value, new value."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist

register = template.Library()

#: the acts whose before/after is a correction the history spells out field by field
CORRECTIONS = {"tasks.task.edited", "tasks.assignment.deadline_corrected"}
#: keys of an entry's data that are not field changes
_NOT_FIELDS = {"reason", "claim", "request", "units", "unit", "evidence", "note", "text_note"}


def _show(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    return str(value)


@register.filter
def audit_changes(entry) -> list[tuple[str, str, str]]:
    """[(label, before, after)] for every field the entry's ``before`` names."""
    if entry.action not in CORRECTIONS:
        return []
    before = entry.before if isinstance(entry.before, dict) else {}
    after = entry.data if isinstance(entry.data, dict) else {}
    try:
        model = apps.get_model(entry.object_type)
    except (LookupError, ValueError):
        model = None
    rows = []
    for name, old in before.items():
        if name in _NOT_FIELDS or name not in after or after[name] == old:
            continue
        label = name
        if model is not None:
            try:
                label = str(model._meta.get_field(name).verbose_name)
            except FieldDoesNotExist:
                pass
        rows.append((label[:1].upper() + label[1:], _show(old), _show(after[name])))
    return rows
