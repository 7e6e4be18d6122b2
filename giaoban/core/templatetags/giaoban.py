"""Template filters: status badges and Vietnamese date/number display."""

from __future__ import annotations

from django import template

from giaoban.tasks.status import STATUS_COLOURS, StatusClass

register = template.Library()


@register.filter
def status_colour(value: str) -> str:
    try:
        return STATUS_COLOURS[StatusClass(value)]
    except ValueError:
        return "light"


@register.filter
def status_label(value: str) -> str:
    try:
        return str(StatusClass(value).label)
    except ValueError:
        return value


@register.filter
def action_label(value: str) -> str:
    from giaoban.core.audit import action_label as label

    return label(value)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def vndate(value) -> str:
    """dd/mm/yyyy whatever the active language."""
    return value.strftime("%d/%m/%Y") if value else ""
