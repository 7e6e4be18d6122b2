"""Template filters for the status classes of assignments: ``{% load tasks_status %}``."""

from __future__ import annotations

from django import template
from django.utils.html import format_html

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


@register.simple_tag
def status_badge(value: str) -> str:
    """<span class="badge">…</span> for a status class, without a template include per row."""
    return format_html(
        '<span class="badge text-bg-{}">{}</span>', status_colour(value), status_label(value)
    )
