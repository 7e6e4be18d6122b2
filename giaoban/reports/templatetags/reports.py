"""The completeness table's rows, built in one pass (a committee has up to ~120 units; Django
renders each {% url %} and filter per row through the template engine, and format_html per
cell escapes through lazy wrappers: plain ``html.escape`` of the few text cells is what the
page needs)."""

from __future__ import annotations

from html import escape

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from giaoban.reports.completeness import STATUS_COLOURS, STATUS_LABELS
from giaoban.reports.numbers import vn_number

register = template.Library()


@register.filter
def vnnum(value) -> str:
    """A figure as people write it: 12 (not 12,00), 1.234,5; '' for None."""
    try:
        return vn_number(value)
    except (TypeError, ValueError, ArithmeticError):
        return "" if value is None else str(value)


@register.simple_tag
def completeness_rows(stats) -> SafeString:
    report_url = reverse("reports:report", args=[0])[:-2]  # "/reports/r/"
    history_url = reverse("reports:unit_history", args=[0])[:-2]
    open_label, history_label = escape(_("View the report")), escape(_("History"))
    labels = {k: escape(str(v)) for k, v in STATUS_LABELS.items()}
    states: dict[str, str] = {}
    tz = timezone.get_current_timezone()
    rows = []
    for r in stats.rows:
        rep, unit = r.report, r.unit
        status = r.status
        state = sent = versions = doc = link = ""
        if rep is not None:
            if rep.state not in states:
                states[rep.state] = escape(rep.get_state_display())
            state = states[rep.state]
            if rep.first_submitted_at:
                sent = rep.first_submitted_at.astimezone(tz).strftime("%d/%m/%Y %H:%M")
            versions = str(rep.version_count)
            doc = escape(rep.doc_label)
            if rep.version_count:
                link = f'<a href="{report_url}{rep.pk}/">{open_label}</a>'
        rows.append(
            f'<tr data-unit="{unit.pk}"><td>{escape(unit.name)}</td><td><span class="badge '
            f'text-bg-{STATUS_COLOURS[status]}">{labels[status]}</span></td><td>{state}</td>'
            f'<td>{sent}</td><td>{versions}</td><td>{doc}</td><td class="text-end">{link} '
            f'<a class="small ms-2" href="{history_url}{unit.pk}/">{history_label}</a></td></tr>'
        )
    return mark_safe("\n".join(rows))  # every text cell escaped above
