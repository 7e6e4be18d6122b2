from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from giaoban.core import dates
from giaoban.core.cache import cached
from giaoban.core.forms import parse_as_of
from giaoban.core.permissions import scope_for
from giaoban.dashboard import queries
from giaoban.periods import Period, PeriodType, ReportRules, default_calendar
from giaoban.tasks.status import STATUS_COLOURS, STATUS_HEX, StatusClass


def current_period(ref: date) -> dict:
    """The quarter under way, its data cut-off window and report due date."""
    rules = ReportRules(
        cutoff_day=settings.GIAOBAN_REPORT_CUTOFF_DAY,
        due_working_days=settings.GIAOBAN_REPORT_DUE_WORKING_DAYS,
    )
    period = Period.current(PeriodType.QUARTER, today=ref)
    start, end = rules.cutoff_window(period)
    return {
        "label": period.label,
        "cutoff_start": start,
        "cutoff_end": end,
        "due": rules.due_date(period, default_calendar()),
    }


def _chart(counts: dict[str, int]) -> dict:
    return {
        "labels": [str(c.label) for c in StatusClass],
        "values": [counts[c.value] for c in StatusClass],
        "colours": [STATUS_HEX[c] for c in StatusClass],
    }


def _as_of(request: HttpRequest) -> date:
    """?as_of=dd/mm/yyyy shows the counts as they stood on that day; a bad date falls back to today."""
    try:
        return parse_as_of(request.GET.get("as_of")) or dates.today()
    except ValidationError:
        messages.warning(request, _("Enter a valid date as dd/mm/yyyy."))
        return dates.today()


def _unit_table(request: HttpRequest, ref: date, per_unit: list[dict]) -> str:
    """The per-unit table (~100 units × 8 numbers), rendered once per data version and language:
    rendering it was most of the dashboard's time at national scale."""
    key, roots = queries.cache_key(
        request.user, f"per_unit_html:{get_language()}:{ref.isoformat()}"
    )

    def render() -> str:
        rows = [
            {
                "unit_id": row["unit_id"],
                "name": row["name"],
                "total": row["total"],
                "cells": [row[c.value] for c in StatusClass],
            }
            for row in per_unit
        ]
        return render_to_string(
            "dashboard/_per_unit.html", {"unit_rows": rows, "classes_list": list(StatusClass)}
        )

    return mark_safe(cached(key, render, roots=roots))


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Office/leader/admin: the committee dashboard; unit staff: their unit's."""
    ref, today = _as_of(request), dates.today()
    scope = scope_for(request.user)
    unit_ids = None if scope.is_overseer else scope.own_unit_ids
    per_unit = queries.per_unit(request.user, ref, today=today) if scope.is_overseer else None
    counts = (
        queries.totals(per_unit)
        if per_unit is not None
        else queries.status_counts(request.user, ref, unit_ids, today=today)
    )
    ctx = {
        "ref": ref,
        "counts": counts,
        "classes": [(c, counts[c.value], STATUS_COLOURS[c]) for c in StatusClass],
        "chart": _chart(counts),
        "overdue": queries.overdue(request.user, ref, unit_ids=unit_ids, today=today),
        "due_soon": queries.due_soon(request.user, ref, unit_ids=unit_ids, today=today),
        "per_unit": per_unit,
        "unit_table": _unit_table(request, ref, per_unit) if per_unit is not None else "",
        "classes_list": list(StatusClass),
        "period": current_period(ref),
        "awaiting": queries.awaiting_decision(request.user) if scope.is_office else None,
    }
    template = "dashboard/office.html" if scope.is_overseer else "dashboard/unit.html"
    return render(request, template, ctx)
