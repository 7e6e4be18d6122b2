"""Reporting API: the same scope helpers, validation and services as the pages."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from giaoban.core.permissions import scope_for
from giaoban.org.models import Unit
from giaoban.org.permissions import units_for
from giaoban.periods import Period, PeriodType
from giaoban.reports import services
from giaoban.reports.completeness import completeness, history_totals, unit_history
from giaoban.reports.content import RawContent
from giaoban.reports.models import REASON_MAX, PeriodTypeChoice, ReportState
from giaoban.reports.permissions import get_for_user, periods_for, reports_for

router = Router(tags=["reports"])


class PeriodIn(Schema):
    committee: int
    period_type: PeriodTypeChoice
    year: int = Field(..., ge=1900, le=2999)
    number: int | None = Field(None, ge=1, le=12)
    due_date: date | None = None
    expected_units: list[int] | None = Field(
        None, description="Default: every active unit of the committee"
    )


class PeriodOut(Schema):
    id: int
    committee_id: int
    label: str = Field(
        ..., description="the period's name in the request's language (Quý I/2026, Q1 2026)"
    )
    code: str
    period_type: str
    year: int
    number: int | None
    cutoff_start: date
    cutoff_end: date
    due_date: date
    state: str
    allow_late: bool
    expected_units: list[int] = []

    @staticmethod
    def resolve_code(obj) -> str:
        return obj.period.code

    @staticmethod
    def resolve_label(obj) -> str:
        # the request's language, as the pages show it; ``code`` is the same in every language
        return obj.display_label

    @staticmethod
    def resolve_expected_units(obj) -> list[int]:
        return sorted(e.unit_id for e in obj.expected.all())


class UnitsIn(Schema):
    units: list[int] = Field(..., max_length=2000)


class CloseIn(Schema):
    allow_late: bool = False


class RowOut(Schema):
    unit_id: int
    unit_name: str
    status: str
    state: str
    first_submitted_at: datetime | None
    versions: int


class CompletenessOut(Schema):
    period_id: int
    expected: int
    submitted: int
    on_time: int
    late: int
    missing: int
    returned: int
    accepted: int
    completeness_rate: float
    timeliness_rate: float
    units: list[RowOut]


class ReportOut(Schema):
    id: int
    period_id: int
    unit_id: int
    state: str
    content: dict[str, Any]
    doc_number: str
    doc_date: date | None
    first_submitted_at: datetime | None
    submitted_at: datetime | None
    late: bool
    version_count: int
    return_reason: str


class RecommendationIn(Schema):
    text: str = Field("", max_length=4000)
    addressed_to: str = Field("", max_length=200)
    rec_id: int | None = None


class DraftIn(Schema):
    sections: dict[str, str] = {}
    next_tasks: list[str] = Field([], max_length=100)
    recommendations: list[RecommendationIn] = Field([], max_length=50)
    indicators: dict[str, str] = Field(
        {}, description="Indicator code -> value as typed ('12', '1.234,5')"
    )
    plan_progress: dict[str, str] = {}


class SubmitIn(Schema):
    doc_number: str = Field(..., max_length=64)
    doc_date: date


class ReasonIn(Schema):
    reason: str = Field(..., min_length=1, max_length=REASON_MAX)


class VersionOut(Schema):
    number: int
    submitted_at: datetime
    submitted_by_id: int
    doc_number: str
    doc_date: date | None
    content: dict[str, Any]


class HistoryOut(Schema):
    period_id: int
    label: str = Field(..., description="the period's name in the request's language")
    due_date: date
    status: str
    state: str
    first_submitted_at: datetime | None


class TimelinessOut(Schema):
    unit_id: int
    expected: int
    on_time: int
    late: int
    missing: int
    timeliness_rate: float
    periods: list[HistoryOut]


def _period_out(period):
    return period


@router.get("/reporting/periods", response=list[PeriodOut])
def list_periods(request: HttpRequest):
    return list(
        periods_for(request.user).prefetch_related("expected").order_by("-cutoff_end", "-id")[:200]
    )


@router.post("/reporting/periods", response={201: PeriodOut})
def create_period(request: HttpRequest, payload: PeriodIn):
    if payload.committee not in scope_for(request.user).office_committee_ids:
        raise PermissionDenied
    committee = get_object_or_404(Unit, pk=payload.committee)
    kind = PeriodType(payload.period_type.value)
    try:
        period = Period(
            payload.year,
            kind,
            payload.number
            if kind in (PeriodType.MONTH, PeriodType.QUARTER, PeriodType.HALF)
            else None,
        )
    except ValueError:
        raise ValidationError(
            {"number": _("This period does not exist: check the number.")}
        ) from None
    units = None
    if payload.expected_units is not None:
        units = list(Unit.objects.filter(pk__in=payload.expected_units))
        if len(units) != len(set(payload.expected_units)):
            raise ValidationError({"expected_units": _("Unknown unit.")})
    obj = services.create_period(
        committee=committee,
        period=period,
        user=request.user,
        due_date=payload.due_date,
        expected_units=units,
    )
    return Status(201, _period_out(obj))


@router.get("/reporting/periods/{period_id}", response=PeriodOut)
def get_period(request: HttpRequest, period_id: int):
    return _period_out(get_for_user(request.user, periods_for(request.user), period_id))


@router.put("/reporting/periods/{period_id}/expected", response=PeriodOut)
def set_expected(request: HttpRequest, period_id: int, payload: UnitsIn):
    period = get_for_user(request.user, periods_for(request.user), period_id, "manage_period")
    units = list(Unit.objects.filter(pk__in=payload.units))
    if len(units) != len(set(payload.units)):
        raise ValidationError({"units": _("Unknown unit.")})
    return _period_out(services.set_expected(period=period, units=units, user=request.user))


@router.post("/reporting/periods/{period_id}/open", response=PeriodOut)
def open_period(request: HttpRequest, period_id: int):
    period = get_for_user(request.user, periods_for(request.user), period_id, "manage_period")
    return _period_out(services.open_period(period=period, user=request.user))


@router.post("/reporting/periods/{period_id}/close", response=PeriodOut)
def close_period(request: HttpRequest, period_id: int, payload: CloseIn):
    period = get_for_user(request.user, periods_for(request.user), period_id, "manage_period")
    return _period_out(
        services.close_period(period=period, user=request.user, allow_late=payload.allow_late)
    )


@router.get("/reporting/periods/{period_id}/completeness", response=CompletenessOut)
def period_completeness(request: HttpRequest, period_id: int):
    period = get_for_user(request.user, periods_for(request.user), period_id)
    scope = scope_for(request.user)
    stats = completeness(
        period, unit_ids=None if (scope.is_admin or scope.is_overseer) else scope.own_unit_ids
    )
    rows = [
        {
            "unit_id": r.unit.pk,
            "unit_name": r.unit.name,
            "status": r.status,
            "state": r.state,
            "first_submitted_at": r.first_submitted_at,
            "versions": r.report.version_count if r.report else 0,
        }
        for r in stats.rows
    ]
    return {"period_id": period.pk, **stats.totals(), "units": rows}


@router.post("/reporting/periods/{period_id}/reports", response={201: ReportOut})
def start_report(request: HttpRequest, period_id: int):
    period = get_for_user(request.user, periods_for(request.user), period_id)
    own = (
        period.expected.filter(unit_id__in=scope_for(request.user).own_unit_ids)
        .select_related("unit")
        .first()
    )
    if own is None:
        raise PermissionDenied
    return Status(201, services.start_report(period=period, unit=own.unit, user=request.user))


@router.get("/reporting/reports", response=list[ReportOut])
def list_reports(
    request: HttpRequest,
    period: int | None = None,
    unit: int | None = None,
    state: ReportState | None = None,
):
    qs = reports_for(request.user).order_by("-period__cutoff_end", "unit__sort_order", "id")
    if period is not None:
        qs = qs.filter(period_id=period)
    if unit is not None:
        qs = qs.filter(unit_id=unit)
    if state is not None:
        qs = qs.filter(state=state.value)
    return list(qs[:500])


@router.get("/reporting/reports/{report_id}", response=ReportOut)
def get_report(request: HttpRequest, report_id: int):
    return get_for_user(request.user, reports_for(request.user), report_id)


@router.put("/reporting/reports/{report_id}/draft", response=ReportOut)
def save_draft(request: HttpRequest, report_id: int, payload: DraftIn):
    report = get_for_user(request.user, reports_for(request.user), report_id, "edit_report")
    raw = RawContent(
        sections=payload.sections,
        next_tasks=payload.next_tasks,
        recommendations=[r.dict() for r in payload.recommendations],
        indicators=payload.indicators,
        plan_progress=payload.plan_progress,
    )
    return services.save_draft(report=report, user=request.user, raw=raw)


@router.post("/reporting/reports/{report_id}/submit", response=ReportOut)
def submit(request: HttpRequest, report_id: int, payload: SubmitIn):
    report = get_for_user(request.user, reports_for(request.user), report_id, "edit_report")
    return services.submit_report(
        report=report, user=request.user, doc_number=payload.doc_number, doc_date=payload.doc_date
    )


@router.post("/reporting/reports/{report_id}/accept", response=ReportOut)
def accept(request: HttpRequest, report_id: int):
    report = get_for_user(
        request.user, reports_for(request.user).select_related("period"), report_id, "decide_report"
    )
    return services.accept_report(report=report, user=request.user)


@router.post("/reporting/reports/{report_id}/return", response=ReportOut)
def return_report(request: HttpRequest, report_id: int, payload: ReasonIn):
    report = get_for_user(
        request.user, reports_for(request.user).select_related("period"), report_id, "decide_report"
    )
    return services.return_report(report=report, user=request.user, reason=payload.reason)


@router.get("/reporting/reports/{report_id}/versions", response=list[VersionOut])
def versions(request: HttpRequest, report_id: int):
    report = get_for_user(request.user, reports_for(request.user), report_id)
    return list(report.versions.order_by("number"))


@router.get("/reporting/units/{unit_id}/timeliness", response=TimelinessOut)
def timeliness(request: HttpRequest, unit_id: int):
    unit = get_object_or_404(units_for(request.user), pk=unit_id)
    rows = unit_history(unit)
    periods = []
    for h in rows:
        r = h.row
        periods.append(
            {
                "period_id": h.period.pk,
                "label": h.period.display_label,
                "due_date": h.period.due_date,
                "status": r.status,
                "state": r.state,
                "first_submitted_at": r.first_submitted_at,
            }
        )
    return {"unit_id": unit.pk, **history_totals(rows), "periods": periods}
