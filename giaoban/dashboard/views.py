from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from giaoban.core import dates
from giaoban.core.cache import cached
from giaoban.core.permissions import scope_for
from giaoban.dashboard import queries
from giaoban.dashboard.forms import DashboardForm, period_label
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
        "name": period_label(period),
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


def _choices(request: HttpRequest) -> tuple[DashboardForm, date, Period | None, str]:
    """The reference date (?as_of=dd/mm/yyyy, else today) and the period (?period=2026-Q1),
    with the query string every link of the dashboard carries to keep them. A bad value is
    said on the page (a message and the field marked) and left out, never a server error."""
    today = dates.today()
    form = DashboardForm(request.GET or None, year=today.year)
    as_of, period = form.chosen()
    for errors in form.errors.values():
        messages.warning(request, " ".join(errors))
    ref = as_of or today
    form.year = ref.year  # the picker offers the periods around the reference date
    keep = {}
    if as_of:
        keep["as_of"] = as_of.strftime("%d/%m/%Y")
    if period is not None:
        keep["deadline_from"] = period.first_day.strftime("%d/%m/%Y")
        keep["deadline_to"] = period.last_day.strftime("%d/%m/%Y")
    return form, ref, period, urlencode(keep)


def _unit_table(
    request: HttpRequest, ref: date, per_unit: list[dict], period: Period | None, link_qs: str
) -> str:
    """The per-unit table (~100 units × 8 numbers), rendered once per data version and language:
    rendering it was most of the dashboard's time at national scale."""
    key, roots = queries.cache_key(
        request.user,
        f"per_unit_html:{get_language()}:{ref.isoformat()}:{period.code if period else ''}:{link_qs}",
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
            "dashboard/_per_unit.html",
            {"unit_rows": rows, "classes_list": list(StatusClass), "link_qs": link_qs},
        )

    return mark_safe(cached(key, render, roots=roots))


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Office/leader/admin: the committee dashboard; unit staff: their unit's."""
    form, ref, period, link_qs = _choices(request)
    today = dates.today()
    due_in = (period.first_day, period.last_day) if period is not None else None
    scope = scope_for(request.user)
    unit_ids = None if scope.is_overseer else scope.own_unit_ids
    per_unit = (
        queries.per_unit(request.user, ref, today=today, due_in=due_in)
        if scope.is_overseer
        else None
    )
    counts = (
        queries.totals(per_unit)
        if per_unit is not None
        else queries.status_counts(request.user, ref, unit_ids, today=today, due_in=due_in)
    )
    lists = {"unit_ids": unit_ids, "today": today, "due_in": due_in}
    ctx = {
        "ref": ref,
        "today": today,
        # the waiting list is what waits today, whatever the reference date: say so when the
        # page is read at another date (a leader reading 30/06/2025 must not take it for then)
        "ref_is_today": ref == today,
        "form": form,
        "chosen_period": period,
        "chosen_period_label": period_label(period) if period is not None else "",
        "period_options": form.period_options(period),
        "link_qs": link_qs,
        "counts": counts,
        "classes": [(c, counts[c.value], STATUS_COLOURS[c]) for c in StatusClass],
        "chart": _chart(counts),
        "overdue": queries.overdue(request.user, ref, **lists),
        "due_soon": queries.due_soon(request.user, ref, **lists),
        "per_unit": per_unit,
        "unit_table": (
            _unit_table(request, ref, per_unit, period, link_qs) if per_unit is not None else ""
        ),
        "classes_list": list(StatusClass),
        "period": current_period(ref),
        "awaiting": queries.awaiting_decision(request.user) if scope.is_office else None,
    }
    template = "dashboard/office.html" if scope.is_overseer else "dashboard/unit.html"
    return render(request, template, ctx)
