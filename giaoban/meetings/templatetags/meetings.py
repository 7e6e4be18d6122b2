"""Filters of the meeting pages."""

from __future__ import annotations

from datetime import date

from django import template

from giaoban.core.cache import process_memo

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


def _d(value) -> str:
    return isodate(value) if value else ""


def _cut(text: str, n: int) -> str:
    # plain slicing: django.utils.text.Truncator costs ~1 ms a call
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


#: escaped item labels by (number, text): the same few thousand items are shown on every read
#: of a briefing's page, and escaping them was a third of its rendering
_labels: dict[tuple[int, str], str] = process_memo()


def table_head(h_notice, h_item, *labels) -> tuple[str, str, str]:
    """(notice heading, the tables' opening with their header row, "no task arises"), escaped:
    ``labels`` are the five class headings, "Done", and the "no task arises" label."""
    from django.utils.html import conditional_escape as esc

    *heads, no_task = (str(esc(x)) for x in labels)
    thead = "".join(f"<th>{h}</th>" for h in (str(esc(h_item)), *heads))
    thead = f'<table class="table table-sm review-items"><thead><tr>{thead}</tr></thead><tbody>'
    return str(esc(h_notice)), thead, no_task


def notice_table(head: tuple[str, str, str], number: str, title: str, items) -> str:
    """One notice's item table; ``items``: (number, text, no_task, counts) with counts the
    seven figures (done on time, done late, in time, overdue, standing, done, total)."""
    from html import escape as plain_escape  # Django's escape() is this, behind a lazy wrapper

    h_notice, thead, no_task = head
    out = [f'<h3 class="h6 mt-2">{h_notice} {plain_escape(number)} — {plain_escape(title)}</h3>']
    add = out.append
    add(thead)
    for item_number, item_text, item_no_task, c in items:
        key = (item_number, item_text)
        text = _labels.get(key)
        if text is None:
            if len(_labels) > 50_000:
                _labels.clear()
            text = _labels[key] = plain_escape(_cut(f"{item_number}. {item_text}", 120))
        if item_no_task:
            add(
                f'<tr><td class="text-task">{text}</td><td colspan="6" class="text-muted">{no_task}</td></tr>'
            )
            continue
        dot, late, in_time, overdue, standing, done, total = c
        add(
            f'<tr><td class="text-task">{text}</td><td>{dot}</td><td>{late}</td>'
            f"<td>{in_time}</td><td>{overdue}</td><td>{standing}</td><td>{done}/{total}</td></tr>"
        )
    add("</tbody></table>")
    return "".join(out)


def figures(c: dict) -> tuple[int, ...]:
    """The seven figures of ``notice_table`` from a counts dict of the review's JSON."""
    return (
        c["done_on_time"],
        c["done_late"],
        c["open_in_time"],
        c["open_overdue"],
        c["standing"],
        c["done"],
        c["total"],
    )


def notice_tables(notices, h_notice, h_item, *labels) -> str:
    """The item tables of the reviewed notices, built directly: a province reviews some four
    hundred notices of eight items, and template loops cost ~1 ms per row. ``notices``: (number,
    title, items) with items as ``notice_table`` takes them."""
    head = table_head(h_notice, h_item, *labels)
    return "".join(notice_table(head, number, title, items) for number, title, items in notices)


@register.simple_tag
def review_notices(notices, h_notice, h_item, *labels) -> str:
    """The item tables of the review's JSON notices, or of an object that renders its own
    (``tables``: the live review's page, review_section.LiveNotices)."""
    from django.utils.safestring import mark_safe

    if hasattr(notices, "tables"):
        return mark_safe(notices.tables(table_head(h_notice, h_item, *labels)))
    rows = (
        (
            n["number"],
            n["title"],
            ((i["number"], i["text"], i["no_task"], figures(i["counts"])) for i in n["items"]),
        )
        for n in notices
    )
    return mark_safe(notice_tables(rows, h_notice, h_item, *labels))


@register.simple_tag
def review_units(by_unit, status_labels, standing_label) -> str:
    """The unfinished-by-unit rows (each with its tasks in a <details>), built directly."""
    from html import escape as plain_escape

    from django.utils.html import conditional_escape as esc
    from django.utils.safestring import mark_safe

    labels = {k: str(esc(v)) for k, v in status_labels.items()}
    standing = str(esc(standing_label))

    out = []
    for u in by_unit:
        rows = "".join(
            f"<li>{plain_escape(r['source'])}: {plain_escape(_cut(r['text'], 140))} · "
            f"{_d(r['deadline']) if r['deadline'] else standing} · {labels.get(r['status']) or plain_escape(r['status'])}</li>"
            for r in u["rows"]
        )
        out.append(
            f'<tr><td><details><summary>{plain_escape(u["unit"])}</summary><ul class="small mb-0">{rows}</ul></details></td>'
            f"<td>{u['unfinished']}</td><td>{u['overdue']}</td></tr>"
        )
    return mark_safe("".join(out))
