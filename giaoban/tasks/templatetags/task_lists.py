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


@register.simple_tag(takes_context=True)
def sort_th(context, key: str, label: str, css: str = ""):
    """A sortable column head: a link to the same list sorted by ``key`` (the other direction
    when it is already the order), keeping every filter and going back to page 1."""
    from django.utils.html import format_html

    request = context["request"]
    params = request.GET.copy()
    params.pop("page", None)
    current = params.get("ordering", "")
    params["ordering"] = f"-{key}" if current == key else key
    if current == key:
        aria, arrow = "ascending", " ▲"
    elif current == f"-{key}":
        aria, arrow = "descending", " ▼"
    else:
        aria, arrow = "none", ""
    return format_html(
        '<th class="{}" aria-sort="{}"><a class="sort-link link-dark" data-sort="{}" href="?{}">{}{}</a></th>',
        css,
        aria,
        key,
        params.urlencode(),
        label,
        arrow,
    )
