"""Small helpers of the list pages."""

from __future__ import annotations

from datetime import date

from django import template

register = template.Library()


@register.filter
def days_overdue(assignment, ref: date) -> int | str:
    """Days past the deadline in force at ``ref`` for an open, overdue assignment; else ''."""
    if getattr(assignment, "status", "") != "open_overdue" or assignment.deadline is None:
        return ""
    return (ref - assignment.deadline).days


@register.filter
def use_picker(form, scope) -> bool:
    """The unit filter as a searchable picker when the user sees very many units."""
    return bool(scope) and form.use_picker(scope)
