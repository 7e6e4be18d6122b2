"""The leader's desk (three lists and the ranking) and the rating evidence of a unit."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_GET

from giaoban.core.permissions import scope_for
from giaoban.core.references import display_period
from giaoban.evidence import desk, exports, rating
from giaoban.evidence.stats import ranking
from giaoban.org.permissions import units_for
from giaoban.periods.period import Period, PeriodType

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _period(request: HttpRequest, default_type: str = PeriodType.QUARTER) -> Period:
    code = request.GET.get("period", "").strip()
    if code:
        try:
            return Period.from_code(code)
        except ValueError:
            raise Http404 from None
    return Period.current(default_type, today=timezone.localdate())


def _against(request: HttpRequest, period: Period) -> Period:
    """Compared with the previous period of equal length, or the same one a year earlier."""
    return period.previous_equal() if request.GET.get("compare") == "year" else period.previous()


def _overseer(request: HttpRequest) -> None:
    if not scope_for(request.user).is_overseer:
        raise PermissionDenied


def _periods_around(period: Period, n: int = 8) -> list[Period]:
    out, p = [], Period.current(period.type, today=timezone.localdate())
    for _i in range(n):
        out.append(p)
        p = p.previous()
    return out


@login_required
@require_GET
def desk_page(request: HttpRequest) -> HttpResponse:
    _overseer(request)
    today = timezone.localdate()
    period = _period(request)
    ctx = {
        "overdue": desk.overdue_tasks(request.user, today),
        "awaiting": list(desk.awaiting_tasks(request.user)[: desk.LIST_LIMIT]),
        "decisions": desk.decisions(request.user),
        "gave": list(desk.work_i_gave(request.user, today)[: desk.LIST_LIMIT]),
        "ranking": ranking(
            desk.ranked_units(request.user), period, today=today, against=_against(request, period)
        ),
        "period": period,
        "previous": _against(request, period),
        "period_name": display_period(period),
        # the evidence page's URL around the unit's id, reversed once for the 100 rows
        "unit_url": reverse("evidence:unit", args=[999_999_999]).split("999999999"),
        "previous_name": display_period(_against(request, period)),
        "period_choices": [
            (p.code, display_period(p), p == period) for p in _periods_around(period)
        ],
        "compare": request.GET.get("compare", ""),
        "periods": _periods_around(period),
        "today": today,
    }
    return render(request, "evidence/desk.html", ctx)


RANK_HEADERS = [
    "Hạng",
    "Đơn vị",
    "Nhiệm vụ đến hạn",
    "Hoàn thành đúng hạn",
    "Tỷ lệ đúng hạn (%)",
    "Kỳ trước (%)",
    "",
    "Quá hạn cuối kỳ",
    "Kỳ trước",
    "",
    "Báo cáo đúng hạn (%)",
    "Kỳ trước (%)",
]


def _ranking_rows(request: HttpRequest):
    _overseer(request)
    today = timezone.localdate()
    period = _period(request)
    against = _against(request, period)
    rows = ranking(desk.ranked_units(request.user), period, today=today, against=against)
    table = [
        [
            r.rank,
            r.name,
            r.now.due,
            r.now.on_time,
            r.now.on_time_pct,
            r.before.on_time_pct,
            r.pct_arrow,
            r.now.overdue_at_end,
            r.before.overdue_at_end,
            r.overdue_arrow,
            r.now.reports_pct,
            r.before.reports_pct,
        ]
        for r in rows
    ]
    title = f"XẾP HẠNG ĐƠN VỊ THỰC HIỆN NHIỆM VỤ — {period.label}"
    subtitle = f"So với {against.label}; số liệu đến ngày {min(period.last_day, today):%d/%m/%Y}"
    return period, title, subtitle, table


@login_required
@require_GET
def ranking_xlsx(request: HttpRequest) -> HttpResponse:
    period, title, subtitle, table = _ranking_rows(request)
    data = exports.table_xlsx(
        title, subtitle, RANK_HEADERS, table, [7, 40, 12, 12, 12, 12, 5, 12, 10, 5, 12, 12]
    )
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="xep-hang-{period.code}.xlsx"'
    return response


@login_required
@require_GET
def ranking_pdf(request: HttpRequest) -> HttpResponse:
    period, title, subtitle, table = _ranking_rows(request)
    data = exports.table_docx(title, subtitle, RANK_HEADERS, table)
    try:
        pdf = exports.to_pdf(data, ".docx")
    except exports.PdfUnavailable as exc:
        return render(request, "evidence/pdf_unavailable.html", {"error": str(exc)}, status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="xep-hang-{period.code}.pdf"'
    return response


def _unit_for(request: HttpRequest, pk: int):
    unit = units_for(request.user).filter(pk=pk).first()
    if unit is None:
        raise Http404
    return unit


def _evidence(request: HttpRequest, pk: int):
    unit = _unit_for(request, pk)
    period = _period(request)
    if period.type not in (PeriodType.QUARTER, PeriodType.YEAR):
        raise Http404
    return rating.evidence_for(unit, period, user=request.user)


@login_required
@require_GET
def unit_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    ev = _evidence(request, pk)
    today = timezone.localdate()
    choices = []
    for kind in (PeriodType.QUARTER, PeriodType.YEAR):
        p = Period.current(kind, today=today)
        for _i in range(6 if kind == PeriodType.QUARTER else 3):
            choices.append(p)
            p = p.previous()
    ctx = {
        "ev": ev,
        "lines": ev.lines(),
        "thresholds": rating.thresholds(),
        "choices": [(p.code, display_period(p), p == ev.period) for p in choices],
    }
    return render(request, "evidence/unit.html", ctx)


@login_required
@require_GET
def unit_evidence_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    ev = _evidence(request, pk)
    title = f"MINH CHỨNG ĐÁNH GIÁ, XẾP LOẠI — {ev.unit.name.upper()}"
    subtitle = f"{ev.period.label}; số liệu đến ngày {ev.ref:%d/%m/%Y}" + (
        " (tạm tính)" if ev.provisional else ""
    )
    with translation.override("vi"):  # the document's language, as the DOCX
        rows = [[label, value] for label, value in ev.lines()]
        levels = rating.thresholds()
    rows += [["", ""], ["Mức xếp loại (tham khảo QĐ 366-QĐ/TW)", "Điều kiện"]]
    rows += [[a, b] for a, b in levels]
    data = exports.table_xlsx(title, subtitle, ["Nội dung", "Số liệu"], rows, [60, 40])
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="minh-chung-{ev.unit.pk}-{ev.period.code}.xlsx"'
    )
    return response


@login_required
@require_GET
def unit_evidence_docx(request: HttpRequest, pk: int) -> HttpResponse:
    ev = _evidence(request, pk)
    data = rating.evidence_docx(ev)
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = (
        f'attachment; filename="minh-chung-{ev.unit.pk}-{ev.period.code}.docx"'
    )
    return response
