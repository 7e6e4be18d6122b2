"""The page of statistics per directing leader (with its reference date box)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from giaoban.core import dates
from giaoban.core.forms import parse_as_of
from giaoban.tasks.leaders import by_leader
from giaoban.tasks.status import STATUS_COLOURS, StatusClass


@login_required
@require_GET
def leader_stats(request: HttpRequest) -> HttpResponse:
    today = dates.today()
    error = ""
    try:
        ref = parse_as_of(request.GET.get("as_of")) or today
    except ValidationError as exc:  # a visible message and nothing counted, never a silent today
        error, ref = " ".join(exc.messages), None
    rows = by_leader(request.user, ref, today=today) if ref is not None else []
    classes = [(c, STATUS_COLOURS[c]) for c in StatusClass]
    for row in rows:
        row["cells"] = [(c, row[c.value]) for c in StatusClass]
    totals = {c.value: sum(r[c.value] for r in rows) for c in StatusClass}
    return render(
        request,
        "tasks/leader_stats.html",
        {
            "rows": rows,
            "ref": ref,
            "as_of_value": request.GET.get("as_of", ""),
            "error": error,
            "classes": classes,
            "totals": [totals[c.value] for c in StatusClass],
            "grand_total": sum(r["total"] for r in rows),
        },
        status=400 if error else 200,
    )
