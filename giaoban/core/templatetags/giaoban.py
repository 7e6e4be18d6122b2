"""Template filters and tags every app shares: Vietnamese dates, audit labels, the actions a user
may take on an object, fast form fields. (Task status badges: ``{% load tasks_status %}``.)"""

from __future__ import annotations

from django import template

register = template.Library()


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


@register.simple_tag
def fast_field(bound) -> str:
    """Render a text, date or select field of a GET filter form directly.

    Django renders every widget through templates (three per input, one per
    <option>); list pages render their filter form on every request, so the
    plain fields are built here instead. Other widgets fall back to Django.
    """
    from django import forms
    from django.utils.html import format_html, format_html_join

    widget = bound.field.widget
    css = widget.attrs.get("class", "form-control")
    if bound.errors and "is-invalid" not in css:
        css += " is-invalid"
    value = bound.value()
    if isinstance(widget, forms.Select) and not isinstance(widget, forms.SelectMultiple):
        chosen = "" if value is None else str(value)
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (str(k), " selected" if str(k) == chosen else "", label)
                for k, label in bound.field.choices
            ),
        )
        return format_html(
            '<select name="{}" id="{}" class="{}">{}</select>',
            bound.html_name,
            bound.id_for_label,
            css,
            options,
        )
    if isinstance(widget, (forms.TextInput, forms.DateInput)):
        if hasattr(value, "strftime"):
            value = value.strftime("%d/%m/%Y")
        placeholder = widget.attrs.get("placeholder", "")
        return format_html(
            '<input type="text" name="{}" id="{}" class="{}" value="{}" placeholder="{}">',
            bound.html_name,
            bound.id_for_label,
            css,
            "" if value is None else value,
            placeholder,
        )
    return str(bound)


@register.simple_tag(takes_context=True)
def allowed_actions(context, obj) -> frozenset[str]:
    """``{% allowed_actions obj as acts %}{% if "claim" in acts %}…``: what the request's user may
    do on ``obj`` now, from the action table of ``obj``'s app (see core.permissions)."""
    from giaoban.core.permissions import allowed_actions as allowed

    request = context.get("request")
    return allowed(getattr(request, "user", None), obj)
