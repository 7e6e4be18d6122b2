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


@register.simple_tag
def unit_select(bound, options) -> str:
    """A multiple <select> of units from options computed once per page ((id, name) pairs):
    Django would render each <option> through a template and query the units per field."""
    from django.utils.html import format_html, format_html_join

    value = bound.value() or []
    if not isinstance(value, (list, tuple)):
        value = [value]
    chosen = {str(getattr(v, "pk", v)) for v in value}
    css = "form-select" + (" is-invalid" if bound.errors else "")
    items = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((str(k), " selected" if str(k) in chosen else "", n) for k, n in options),
    )
    return format_html(
        '<select name="{}" id="{}" class="{}" multiple size="4">{}</select>',
        bound.html_name,
        bound.id_for_label,
        css,
        items,
    )
