"""Filters of the meeting pages."""

from __future__ import annotations

from datetime import date

from django import template

register = template.Library()


@register.filter
def isodate(value) -> str:
    """'2024-09-20' (as the frozen review stores it) -> '20/09/2024'."""
    if not value:
        return ""
    try:
        return date.fromisoformat(str(value)).strftime("%d/%m/%Y")
    except ValueError:
        return str(value)
