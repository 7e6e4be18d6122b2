"""Meetings and notices API: the same scopes, services and review as the pages."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from giaoban.meetings import notice_services as ns
from giaoban.meetings import services
from giaoban.meetings.models import Meeting, MeetingKind, Notice, Part
from giaoban.meetings.presenting import _review_for, notices_with_rollup
from giaoban.org.models import Unit
from giaoban.periods import Period

router = Router(tags=["meetings"])


class PersonOut(Schema):
    part: str
    unit_id: int | None
    name: str
    title: str
    absence_reason: str


class PointOut(Schema):
    name: str
    unit_id: int | None
    attendance: int | None
    connected: bool


class MeetingOut(Schema):
    id: int
    committee_id: int
    kind: str
    title: str
    period_code: str | None = Field(
        None, description="the period's stable code, the same in every language (e.g. 2026-Q4)"
    )
    period_label: str = Field(
        "", description="the period's name in the request's language (Quý IV/2026, Q4 2026)"
    )
    starts_at: datetime
    ends_at: datetime | None
    place: str
    online: bool
    state: str

    # a meeting is read from the model; the detail answer is a dict already made from it
    @staticmethod
    def resolve_period_code(obj) -> str | None:
        if isinstance(obj, dict):
            return obj.get("period_code")
        return obj.period.code if obj.period is not None else None

    @staticmethod
    def resolve_period_label(obj) -> str:
        return obj.get("period_label", "") if isinstance(obj, dict) else obj.period_display


class MeetingDetailOut(MeetingOut):
    participants: list[PersonOut]
    connection_points: list[PointOut]
    agenda: list[str]


class PersonIn(Schema):
    part: Part = Part.ATTENDS
    unit: int | None = None
    name: str = Field("", max_length=200)
    title: str = Field("", max_length=300)
    absence_reason: str = Field("", max_length=500)


class PointIn(Schema):
    name: str = Field(..., min_length=1, max_length=300)
    unit: int | None = None
    attendance: int | None = Field(None, ge=0)
    connected: bool = True


class MeetingIn(Schema):
    committee: int
    kind: MeetingKind = MeetingKind.GIAO_BAN
    title: str = Field(..., min_length=1, max_length=300)
    starts_at: datetime
    period: str = Field(
        "",
        max_length=60,
        description="the period's code (as period_code, e.g. '2023-Q4') or its Vietnamese name"
        " ('Quý IV/2023', '6 tháng đầu năm 2024')",
    )
    place: str = Field("", max_length=300)
    online: bool = False
    participants: list[PersonIn] = []
    connection_points: list[PointIn] = []
    agenda: list[str] = []


class ItemOut(Schema):
    id: int
    number: int
    heading: str
    text: str
    no_task: bool
    task_ids: list[int]
    done: int
    total: int


class NoticeOut(Schema):
    id: int
    committee_id: int
    meeting_id: int | None
    number: str
    doc_date: date | None
    title: str
    state: str
    in_force: bool


class ApprovalOut(Schema):
    """A request for a leader's approval and its answer (core.decisions)."""

    requested_by_id: int
    requested_at: datetime
    decision: str
    decided_by_id: int | None
    decided_at: datetime | None
    decision_reason: str


class NoticeDetailOut(NoticeOut):
    items: list[ItemOut]
    done: int
    total: int
    approvals: list[ApprovalOut]


class ReturnIn(Schema):
    reason: str = Field(..., max_length=2000)


class IssueIn(Schema):
    number: str = Field(..., min_length=1, max_length=64)
    doc_date: date


def _meeting(request: HttpRequest, meeting_id: int) -> Meeting:
    return get_object_or_404(Meeting.objects.for_user(request.user), pk=meeting_id)


def _notice(request: HttpRequest, notice_id: int) -> Notice:
    return get_object_or_404(Notice.objects.for_user(request.user), pk=notice_id)


def _read_period(text: str) -> Period | None:
    """A period given by its code ("2023-Q4", as the API answers it) or its Vietnamese name."""
    for read in (Period.from_code, Period.parse):
        try:
            return read(text)
        except ValueError:
            continue
    return None


def _detail(m: Meeting) -> dict[str, Any]:
    out = MeetingOut.from_orm(m).dict()
    out["participants"] = [
        {
            "part": p.part,
            "unit_id": p.unit_id,
            "name": p.name,
            "title": p.title,
            "absence_reason": p.absence_reason,
        }
        for p in m.participants.all()
    ]
    out["connection_points"] = [
        {"name": c.name, "unit_id": c.unit_id, "attendance": c.attendance, "connected": c.connected}
        for c in m.connection_points.all()
    ]
    out["agenda"] = [a.title for a in m.agenda.all()]
    return out


@router.get("/meetings", response=list[MeetingOut])
@paginate(LimitOffsetPagination)
def list_meetings(request: HttpRequest):
    return Meeting.objects.for_user(request.user).order_by("-starts_at", "-id")


@router.post("/meetings", response={201: MeetingDetailOut})
def create_meeting(request: HttpRequest, payload: MeetingIn):
    committee = Unit.objects.filter(pk=payload.committee).first()
    if committee is None or not services.can_record(request.user, committee.pk):
        raise PermissionDenied
    period = None
    if payload.period:
        period = _read_period(payload.period)
        if period is None:
            raise ValidationError(
                {
                    "period": _(
                        "Write the period as 'Quý IV/2023', '6 tháng đầu năm 2024' or 'năm 2023'."
                    )
                }
            )
    units = {
        u.pk: u
        for u in Unit.objects.filter(
            pk__in=[p.unit for p in payload.participants + payload.connection_points if p.unit]
        )
    }
    meeting = services.create_meeting(
        committee=committee,
        user=request.user,
        title=payload.title,
        kind=payload.kind.value,
        starts_at=payload.starts_at,
        period=period,
        place=payload.place,
        online=payload.online,
        participants=[
            services.ParticipantSpec(
                part=p.part.value,
                unit=units.get(p.unit),
                name=p.name,
                title=p.title,
                absence_reason=p.absence_reason,
            )
            for p in payload.participants
        ],
        points=[
            services.PointSpec(
                name=c.name, unit=units.get(c.unit), attendance=c.attendance, connected=c.connected
            )
            for c in payload.connection_points
        ],
        agenda=[services.AgendaSpec(title=a) for a in payload.agenda if a.strip()],
    )
    return Status(201, _detail(meeting))


@router.get("/meetings/{meeting_id}", response=MeetingDetailOut)
def get_meeting(request: HttpRequest, meeting_id: int):
    return _detail(_meeting(request, meeting_id))


@router.get("/meetings/{meeting_id}/review")
def get_review(request: HttpRequest, meeting_id: int) -> dict:
    """The review of earlier notices: the frozen snapshot once the meeting is held, else live."""
    meeting = _meeting(request, meeting_id)
    ctx = _review_for(meeting, request.user, since=True)
    data = dict(ctx["review"])
    data.pop("open_ids", None)
    data["frozen"] = ctx["snapshot"] is not None
    data["since_done"] = ctx["since_done"]
    return data


@router.post("/meetings/{meeting_id}/held", response=MeetingOut)
def mark_held(request: HttpRequest, meeting_id: int):
    meeting = _meeting(request, meeting_id)
    services.mark_held(meeting=meeting, user=request.user)
    meeting.refresh_from_db()
    return meeting


@router.get("/notices", response=list[NoticeOut])
@paginate(LimitOffsetPagination)
def list_notices(request: HttpRequest):
    return Notice.objects.for_user(request.user).order_by("-doc_date", "-id")


def _notice_detail(notice: Notice) -> dict[str, Any]:
    rolled = notices_with_rollup([notice], timezone.localdate())[0]
    out = NoticeOut.from_orm(notice).dict()
    links = {}
    for item in notice.items.prefetch_related("tasks"):
        links[item.pk] = [t.task_id for t in item.tasks.all() if t.task_id]
    out["items"] = [
        {
            "id": i.pk,
            "number": i.number,
            "heading": i.heading,
            "text": i.text,
            "no_task": i.no_task,
            "task_ids": links.get(i.pk, []),
            "done": (c or {}).get("done", 0),
            "total": (c or {}).get("total", 0),
        }
        for i, c in rolled["items"]
    ]
    out["done"], out["total"] = rolled["counts"]["done"], rolled["counts"]["total"]
    out["approvals"] = [ApprovalOut.from_orm(a).dict() for a in notice.approvals.all()]
    return out


@router.get("/notices/{notice_id}", response=NoticeDetailOut)
def get_notice(request: HttpRequest, notice_id: int):
    return _notice_detail(_notice(request, notice_id))


@router.post("/notices/{notice_id}/submit", response=NoticeDetailOut)
def submit_notice(request: HttpRequest, notice_id: int):
    return _notice_detail(ns.submit_notice(notice=_notice(request, notice_id), user=request.user))


@router.post("/notices/{notice_id}/approve", response=NoticeDetailOut)
def approve_notice(request: HttpRequest, notice_id: int):
    return _notice_detail(ns.approve_notice(notice=_notice(request, notice_id), user=request.user))


@router.post("/notices/{notice_id}/return", response=NoticeDetailOut)
def return_notice(request: HttpRequest, notice_id: int, payload: ReturnIn):
    """A leader returns the notice to draft, with the reason (never the drafter or the asker)."""
    notice = ns.return_notice(
        notice=_notice(request, notice_id), user=request.user, reason=payload.reason
    )
    return _notice_detail(notice)


@router.post("/notices/{notice_id}/withdraw", response=NoticeDetailOut)
def withdraw_notice(request: HttpRequest, notice_id: int, payload: ReturnIn):
    """The office takes an approved, not yet issued notice back to draft, with the reason."""
    notice = ns.withdraw_notice(
        notice=_notice(request, notice_id), user=request.user, reason=payload.reason
    )
    return _notice_detail(notice)


@router.post("/notices/{notice_id}/issue", response=NoticeDetailOut)
def issue_notice(request: HttpRequest, notice_id: int, payload: IssueIn):
    notice = ns.issue_notice(
        notice=_notice(request, notice_id),
        user=request.user,
        number=payload.number,
        doc_date=payload.doc_date,
    )
    return _notice_detail(notice)
