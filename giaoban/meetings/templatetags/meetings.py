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


def _d(value) -> str:
    return isodate(value) if value else ""


def _cut(text: str, n: int) -> str:
    # plain slicing: django.utils.text.Truncator costs ~1 ms a call
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


#: escaped item labels by (number, text): the same few thousand items are shown on every read
#: of a briefing's page, and escaping them was a third of its rendering
_labels: dict[tuple[int, str], str] = {}


def notice_tables(notices, h_notice, h_item, *labels) -> str:
    """The item tables of the reviewed notices, built directly: a province reviews some four
    hundred notices of eight items, and template loops cost ~1 ms per row. ``notices``: (number,
    title, items) with items (number, text, no_task, counts); ``labels``: the five class
    headings, "Done", and the "no task arises" label."""
    from html import escape as plain_escape  # Django's escape() is this, behind a lazy wrapper

    from django.utils.html import conditional_escape as esc

    *heads, no_task = (str(esc(x)) for x in labels)
    thead = "".join(f"<th>{h}</th>" for h in (str(esc(h_item)), *heads))
    thead = f'<table class="table table-sm review-items"><thead><tr>{thead}</tr></thead><tbody>'
    h_notice = str(esc(h_notice))
    out = []
    add = out.append
    for number, title, items in notices:
        add(f'<h3 class="h6 mt-2">{h_notice} {plain_escape(number)} — {plain_escape(title)}</h3>')
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
            add(
                f'<tr><td class="text-task">{text}</td><td>{c["done_on_time"]}</td><td>{c["done_late"]}</td>'
                f"<td>{c['open_in_time']}</td><td>{c['open_overdue']}</td><td>{c['standing']}</td>"
                f"<td>{c['done']}/{c['total']}</td></tr>"
            )
        add("</tbody></table>")
    return "".join(out)


@register.simple_tag
def review_notices(notices, h_notice, h_item, *labels) -> str:
    """``notice_tables`` of the review's JSON notices, or of (number, title, items) rows."""
    from django.utils.safestring import mark_safe

    if notices and isinstance(notices[0], dict):
        notices = (
            (
                n["number"],
                n["title"],
                ((i["number"], i["text"], i["no_task"], i["counts"]) for i in n["items"]),
            )
            for n in notices
        )
    return mark_safe(notice_tables(notices, h_notice, h_item, *labels))


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
