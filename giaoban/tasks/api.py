"""Tasks API: the same scope helper, queries and services as the pages."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from giaoban.core.dates import today
from giaoban.core.permissions import get_for_user, scope_for
from giaoban.tasks import services
from giaoban.tasks.models import NOTE_MAX, TEXT_MAX, ExtensionRequest
from giaoban.tasks.permissions import assignments_for, task_choices, tasks_for
from giaoban.tasks.queries import Filters, assignment_list, task_list, with_rollup
from giaoban.tasks.status import StatusClass, status_case

router = Router(tags=["tasks"])


class FilterIn(Schema):
    q: str = Field("", max_length=200)
    unit: int | None = None
    status: StatusClass | None = None
    source: str = Field("", max_length=64)
    deadline_from: date | None = None
    deadline_to: date | None = None
    as_of: date | None = Field(
        None, description="Reference date of the status classes (default: today)"
    )

    def ref(self) -> date:
        return self.as_of or today()

    def to_filters(self, user) -> Filters:
        if self.unit is not None and not scope_for(user).can_read_unit(self.unit):
            raise ValidationError({"unit": _("Unknown unit.")})
        if self.deadline_from and self.deadline_to and self.deadline_from > self.deadline_to:
            raise ValidationError(
                {"deadline_from": _("'Deadline from' must not be after 'deadline to'.")}
            )
        return Filters(
            q=self.q,
            unit_id=self.unit,
            status=self.status.value if self.status else "",
            source=self.source,
            deadline_from=self.deadline_from,
            deadline_to=self.deadline_to,
        )


class TaskOut(Schema):
    id: int
    committee_id: int
    doc_number: str
    doc_date: date
    item_number: str
    text: str
    deadline: date | None
    directed_by_name: str
    created_on: date
    n_units: int
    n_done: int
    n_overdue: int


class AssignmentOut(Schema):
    id: int
    task_id: int
    unit_id: int
    unit_name: str = Field(alias="unit.name")
    doc_number: str = Field(alias="task.doc_number")
    text: str = Field(alias="task.text")
    role: str
    state: str
    status: str
    deadline: date | None
    original_deadline: date | None
    extension_count: int
    progress_percent: int
    completed_on: date | None


class TaskIn(Schema):
    committee: int
    doc_number: str = Field(..., min_length=1, max_length=64)
    doc_date: date
    item_number: str = Field("", max_length=16)
    text: str = Field(..., min_length=1, max_length=TEXT_MAX)
    deadline: date | None = None
    directed_by: int | None = Field(
        None, description="id of the leader (a user) who gave the direction"
    )
    directed_by_name: str = Field("", max_length=200)
    all_units: bool = False
    lead_units: list[int] = []
    coordinating_units: list[int] = []


class ProgressIn(Schema):
    text: str = Field(..., min_length=1, max_length=NOTE_MAX)
    percent: int | None = Field(None, ge=0, le=100)


class ClaimIn(Schema):
    completed_on: date
    evidence_number: str = Field("", max_length=64)
    evidence_date: date | None = None
    note: str = Field("", max_length=NOTE_MAX)


class ReasonIn(Schema):
    reason: str = Field(..., min_length=1, max_length=NOTE_MAX)


class ExtensionIn(Schema):
    new_deadline: date
    reason: str = Field(..., min_length=1, max_length=NOTE_MAX)


class DecisionIn(Schema):
    approve: bool
    reason: str = Field("", max_length=NOTE_MAX)


class ExtensionOut(Schema):
    id: int
    assignment_id: int
    old_deadline: date | None
    new_deadline: date
    reason: str
    decision: str
    requested_at: datetime


def _assignment(request: HttpRequest, pk: int, action: str = "view"):
    qs = (
        assignments_for(request.user)
        .select_related("task", "unit")
        .annotate(status=status_case(today(), today=today()))
    )
    return get_for_user(request.user, qs, pk, action)


@router.get("/tasks", response=list[TaskOut], summary="Tasks with their roll-up")
@paginate(LimitOffsetPagination)
def list_tasks(request: HttpRequest, filters: Query[FilterIn]):
    return task_list(request.user, filters.to_filters(request.user), filters.ref())


@router.get("/tasks/{task_id}", response=TaskOut)
def get_task(request: HttpRequest, task_id: int):
    return get_for_user(
        request.user, with_rollup(tasks_for(request.user), today(), today=today()), task_id
    )


@router.post("/tasks", response={201: TaskOut})
def create_task(request: HttpRequest, payload: TaskIn):
    if not scope_for(request.user).office_committee_ids:
        raise PermissionDenied
    # the same choices as the form: an id outside them reads as unknown, whoever it belongs to
    choices = task_choices(request.user)
    committee = choices.committees.filter(pk=payload.committee).first()
    if committee is None:
        raise ValidationError({"committee": _("Unknown committee.")})
    wanted = set(payload.lead_units) | set(payload.coordinating_units)
    units = {u.pk: u for u in choices.units.filter(pk__in=wanted)}
    unknown = sorted(wanted - set(units))
    if unknown:
        raise ValidationError(
            {"units": _("Unknown unit: %(ids)s.") % {"ids": ", ".join(map(str, unknown))}}
        )
    leader = None
    if payload.directed_by is not None:
        leader = choices.leaders.filter(pk=payload.directed_by).first()
        if leader is None:
            raise ValidationError({"directed_by": _("Unknown leader.")})
    task = services.create_task(
        directed_by=leader,
        committee=committee,
        doc_number=payload.doc_number,
        doc_date=payload.doc_date,
        item_number=payload.item_number,
        text=payload.text,
        deadline=payload.deadline,
        directed_by_name=payload.directed_by_name,
        created_by=request.user,
        all_units=payload.all_units,
        lead_units=[units[i] for i in payload.lead_units],
        coordinating_units=[units[i] for i in payload.coordinating_units],
    )
    return Status(201, with_rollup(tasks_for(request.user), today(), today=today()).get(pk=task.pk))


@router.get(
    "/assignments", response=list[AssignmentOut], summary="Assignments with their status class"
)
@paginate(LimitOffsetPagination)
def list_assignments(request: HttpRequest, filters: Query[FilterIn]):
    qs = assignment_list(request.user, filters.to_filters(request.user), filters.ref())
    return qs.order_by("deadline", "id")


@router.get("/assignments/{assignment_id}", response=AssignmentOut)
def get_assignment(request: HttpRequest, assignment_id: int):
    return _assignment(request, assignment_id)


@router.post("/assignments/{assignment_id}/progress", response={201: AssignmentOut})
def post_progress(request: HttpRequest, assignment_id: int, payload: ProgressIn):
    services.add_progress(
        assignment=_assignment(request, assignment_id, "progress"),
        user=request.user,
        text=payload.text,
        percent=payload.percent,
    )
    return Status(201, _assignment(request, assignment_id))


@router.post("/assignments/{assignment_id}/claim", response={201: AssignmentOut})
def post_claim(request: HttpRequest, assignment_id: int, payload: ClaimIn):
    services.claim_completion(
        assignment=_assignment(request, assignment_id, "claim"),
        user=request.user,
        completed_on=payload.completed_on,
        evidence_number=payload.evidence_number,
        evidence_date=payload.evidence_date,
        note=payload.note,
    )
    return Status(201, _assignment(request, assignment_id))


@router.post("/assignments/{assignment_id}/confirm", response=AssignmentOut)
def post_confirm(request: HttpRequest, assignment_id: int):
    services.confirm_completion(
        assignment=_assignment(request, assignment_id, "confirm"), user=request.user
    )
    return _assignment(request, assignment_id)


@router.post("/assignments/{assignment_id}/return", response=AssignmentOut)
def post_return(request: HttpRequest, assignment_id: int, payload: ReasonIn):
    services.return_completion(
        assignment=_assignment(request, assignment_id, "return"),
        user=request.user,
        reason=payload.reason,
    )
    return _assignment(request, assignment_id)


@router.post("/assignments/{assignment_id}/extensions", response={201: ExtensionOut})
def post_extension(request: HttpRequest, assignment_id: int, payload: ExtensionIn):
    req = services.request_extension(
        assignment=_assignment(request, assignment_id, "request_extension"),
        user=request.user,
        new_deadline=payload.new_deadline,
        reason=payload.reason,
    )
    return Status(201, req)


@router.post("/assignments/{assignment_id}/extensions/{request_id}/decide", response=ExtensionOut)
def post_extension_decision(
    request: HttpRequest, assignment_id: int, request_id: int, payload: DecisionIn
):
    action = "approve_extension" if payload.approve else "reject_extension"
    assignment = _assignment(request, assignment_id, action)
    ext = get_object_or_404(ExtensionRequest, pk=request_id, assignment=assignment)
    return services.decide_extension(
        request=ext, user=request.user, approve=payload.approve, reason=payload.reason
    )


@router.post("/assignments/{assignment_id}/cancel", response=AssignmentOut)
def post_cancel(request: HttpRequest, assignment_id: int, payload: ReasonIn):
    services.cancel_assignment(
        assignment=_assignment(request, assignment_id, "cancel"),
        user=request.user,
        reason=payload.reason,
    )
    return _assignment(request, assignment_id)
