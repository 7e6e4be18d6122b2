"""The completeness table's rows, built in one pass (a committee has up to ~120 units; Django
renders each {% url %} and filter per row through the template engine, which is the page's
largest cost)."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def completeness_rows(stats) -> str:
    report_url = reverse("reports:report", args=[0])[:-2]  # "/reports/r/"
    history_url = reverse("reports:unit_history", args=[0])[:-2]
    open_label, history_label = _("Open"), _("History")
    rows = []
    for r in stats.rows:
        rep = r.report
        sent = (
            timezone.localtime(rep.first_submitted_at).strftime("%d/%m/%Y %H:%M")
            if rep and rep.first_submitted_at
            else ""
        )
        link = (
            format_html('<a href="{}{}/">{}</a>', report_url, rep.pk, open_label)
            if rep and rep.version_count
            else ""
        )
        rows.append(
            (
                r.unit.pk,
                r.unit.name,
                r.colour,
                r.status_label,
                rep.get_state_display() if rep else "",
                sent,
                rep.version_count if rep else "",
                rep.doc_label if rep else "",
                link,
                history_url,
                r.unit.pk,
                history_label,
            )
        )
    return format_html_join(
        "\n",
        '<tr data-unit="{}"><td>{}</td><td><span class="badge text-bg-{}">{}</span></td><td>{}</td><td>{}</td>'
        '<td>{}</td><td>{}</td><td class="text-end">{} <a class="small ms-2" href="{}{}/">{}</a></td></tr>',
        rows,
    )
