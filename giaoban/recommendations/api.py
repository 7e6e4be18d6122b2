"""Recommendations API: the register's filter, scope and services, as the pages use them."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from giaoban.core.permissions import scope_for
from giaoban.org.models import Unit
from giaoban.recommendations import queries, services
from giaoban.recommendations.models import ANSWER_MAX, TEXT_MAX, RecState
from giaoban.recommendations.permissions import get_for_user

router = Router(tags=["recommendations"])


class FilterIn(Schema):
    q: str = Field("", max_length=200)
    state: RecState | None = None
    unit: int | None = None
    overdue: bool = False
    raised_from: date | None = None
    raised_to: date | None = None


class RecOut(Schema):
    id: int
    committee_id: int
    unit_id: int
    report_id: int | None
    text: str
    addressed_to: str
    raised_on: date
    response_deadline: date | None
    state: str
    forwarded_to_id: int | None
    answer: str
    answered_by_id: int | None
    answered_on: date | None
    overdue: bool = False


class RaiseIn(Schema):
    unit: int
    text: str = Field(..., min_length=1, max_length=TEXT_MAX)
    addressed_to: str = Field("", max_length=200)
    response_deadline: date | None = None


class ForwardIn(Schema):
    to_unit: int
    response_deadline: date | None = None


class AnswerIn(Schema):
    answer: str = Field(..., min_length=1, max_length=ANSWER_MAX)


def _out(rec) -> dict:
    out = RecOut.from_orm(rec).dict()
    out["overdue"] = rec.is_overdue(timezone.localdate())
    return out


@router.get("/recommendations", response=list[RecOut])
def register(request: HttpRequest, filters: Query[FilterIn]):
    f = queries.Filters(
        q=filters.q,
        state=filters.state.value if filters.state else "",
        unit_id=filters.unit,
        overdue=filters.overdue,
        raised_from=filters.raised_from,
        raised_to=filters.raised_to,
    )
    return [_out(r) for r in queries.register(request.user, f, timezone.localdate())[:500]]


@router.post("/recommendations", response={201: RecOut})
def raise_recommendation(request: HttpRequest, payload: RaiseIn):
    if payload.unit not in scope_for(request.user).own_unit_ids:
        raise PermissionDenied
    unit = get_object_or_404(Unit, pk=payload.unit)
    rec = services.raise_recommendation(
        unit=unit,
        user=request.user,
        text=payload.text,
        addressed_to=payload.addressed_to,
        response_deadline=payload.response_deadline,
    )
    return Status(201, _out(rec))


@router.get("/recommendations/{recommendation_id}", response=RecOut)
def detail(request: HttpRequest, recommendation_id: int):
    return _out(get_for_user(request.user, recommendation_id))


@router.post("/recommendations/{recommendation_id}/forward", response=RecOut)
def forward(request: HttpRequest, recommendation_id: int, payload: ForwardIn):
    rec = get_for_user(request.user, recommendation_id, "forward")
    to_unit = Unit.objects.filter(pk=payload.to_unit).first()
    if to_unit is None:
        from django.core.exceptions import ValidationError
        from django.utils.translation import gettext as _

        raise ValidationError({"to_unit": _("Unknown unit.")})
    return _out(
        services.forward(
            rec=rec, user=request.user, to_unit=to_unit, response_deadline=payload.response_deadline
        )
    )


@router.post("/recommendations/{recommendation_id}/answer", response=RecOut)
def answer(request: HttpRequest, recommendation_id: int, payload: AnswerIn):
    rec = get_for_user(request.user, recommendation_id)
    return _out(services.answer(rec=rec, user=request.user, text=payload.answer))


@router.post("/recommendations/{recommendation_id}/close", response=RecOut)
def close(request: HttpRequest, recommendation_id: int):
    rec = get_for_user(request.user, recommendation_id, "close")
    return _out(services.close(rec=rec, user=request.user))
