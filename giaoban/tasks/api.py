"""Tasks API: the same scope helper, queries and services as the pages."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from giaoban.accounts.models import Role, User
from giaoban.api.inputs import BoundedLimitOffset
from giaoban.core.dates import today
from giaoban.core.limits import ApiDate, BodyBool, BodyId, BodyInt, Id
from giaoban.core.permissions import get_for_user, scope_for
from giaoban.tasks import services
from giaoban.tasks.filtering import parse_list_query
from giaoban.tasks.models import NOTE_MAX, TEXT_MAX, ExtensionRequest
from giaoban.tasks.ordering import ASSIGNMENT_ORDERINGS, TASK_ORDERINGS, order_assignments
from giaoban.tasks.permissions import (
    assignments_for,
    task_choices,
    task_unit_choices,
    tasks_for,
)
from giaoban.tasks.queries import (
    assignment_list,
    rollup_visible,
    task_list,
    with_rollup,
)
from giaoban.tasks.status import StatusClass, status_case

router = Router(tags=["tasks"])


class FilterIn(Schema):
    """The list filters, typed for the schema (a value of the wrong type: 422). Their meaning
    is checked by the same parser as the pages' (``tasks.filtering``): an unknown unit or
    leader, a reversed deadline range or an unknown sort order answers 400 with the message."""

    q: str = Field("", max_length=200)
    unit: Id | None = None
    status: StatusClass | None = None
    source: str = Field("", max_length=64)
    deadline_from: ApiDate | None = None
    deadline_to: ApiDate | None = None
    as_of: ApiDate | None = Field(
        None, description="Reference date of the status classes (default: today)"
    )
    leader: Id | None = Field(None, description="id of the leader (a user) who directed the task")
    ordering: str = Field(
        "",
        max_length=32,
        description="Sort key, '-' first for descending. Assignments: "
        + ", ".join(ASSIGNMENT_ORDERINGS)
        + "; tasks: "
        + ", ".join(TASK_ORDERINGS)
        + ". Ties: by deadline, then id.",
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
    #: the roll-up: null for a unit user unless the committee publishes it (GIAOBAN_PUBLISH_ROLLUP)
    n_units: int | None
    n_done: int | None
    n_overdue: int | None

    @staticmethod
    def _rollup(obj, context, name: str) -> int | None:
        return (
            getattr(obj, name)
            if rollup_visible(context["request"].user, obj.committee_id)
            else None
        )

    @staticmethod
    def resolve_n_units(obj, context) -> int | None:
        return TaskOut._rollup(obj, context, "n_units")

    @staticmethod
    def resolve_n_done(obj, context) -> int | None:
        return TaskOut._rollup(obj, context, "n_done")

    @staticmethod
    def resolve_n_overdue(obj, context) -> int | None:
        return TaskOut._rollup(obj, context, "n_overdue")


class AssignmentOut(Schema):
    id: int
    task_id: Id
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
    committee: BodyId
    doc_number: str = Field(..., min_length=1, max_length=64)
    doc_date: ApiDate
    item_number: str = Field("", max_length=16)
    text: str = Field(..., min_length=1, max_length=TEXT_MAX)
    deadline: ApiDate | None = None
    directed_by: BodyId | None = Field(
        None, description="id of the leader (a user) who gave the direction"
    )
    directed_by_name: str = Field("", max_length=200)
    all_units: BodyBool = False
    lead_units: list[BodyId] = Field([], max_length=5000)
    coordinating_units: list[BodyId] = Field([], max_length=5000)


class ProgressIn(Schema):
    text: str = Field(..., min_length=1, max_length=NOTE_MAX)
    percent: BodyInt | None = Field(None, ge=0, le=100)


class ClaimIn(Schema):
    completed_on: ApiDate
    evidence_number: str = Field("", max_length=64)
    evidence_date: ApiDate | None = None
    note: str = Field("", max_length=NOTE_MAX)


class ReasonIn(Schema):
    reason: str = Field(..., min_length=1, max_length=NOTE_MAX)


class ExtensionIn(Schema):
    new_deadline: ApiDate
    reason: str = Field(..., min_length=1, max_length=NOTE_MAX)


class DecisionIn(Schema):
    approve: BodyBool
    reason: str = Field("", max_length=NOTE_MAX)


class ExtensionOut(Schema):
    id: int
    assignment_id: Id
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
@paginate(BoundedLimitOffset)
def list_tasks(request: HttpRequest, filters: Query[FilterIn]):
    query = parse_list_query(request.user, request.GET, orderings=TASK_ORDERINGS)
    query.raise_if_refused()
    return task_list(request.user, query.filters, query.ref)


@router.get("/tasks/{task_id}", response=TaskOut)
def get_task(request: HttpRequest, task_id: Id):
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
@paginate(BoundedLimitOffset)
def list_assignments(request: HttpRequest, filters: Query[FilterIn]):
    query = parse_list_query(request.user, request.GET)
    query.raise_if_refused()
    parsed, ref = query.filters, query.ref
    qs = assignment_list(request.user, parsed, ref)
    return order_assignments(qs, parsed.ordering, parsed.q, ref, today=today())


@router.get("/assignments/{assignment_id}", response=AssignmentOut)
def get_assignment(request: HttpRequest, assignment_id: Id):
    return _assignment(request, assignment_id)


@router.post("/assignments/{assignment_id}/progress", response={201: AssignmentOut})
def post_progress(request: HttpRequest, assignment_id: Id, payload: ProgressIn):
    services.add_progress(
        assignment=_assignment(request, assignment_id, "progress"),
        user=request.user,
        text=payload.text,
        percent=payload.percent,
    )
    return Status(201, _assignment(request, assignment_id))


def _evidence(payload: ClaimIn) -> dict:
    """A completion's evidence, as the claim and the office's record take it."""
    return {
        "completed_on": payload.completed_on,
        "evidence_number": payload.evidence_number,
        "evidence_date": payload.evidence_date,
        "note": payload.note,
    }


@router.post("/assignments/{assignment_id}/claim", response={201: AssignmentOut})
def post_claim(request: HttpRequest, assignment_id: Id, payload: ClaimIn):
    services.claim_completion(
        assignment=_assignment(request, assignment_id, "claim"),
        user=request.user,
        **_evidence(payload),
    )
    return Status(201, _assignment(request, assignment_id))


@router.post("/assignments/{assignment_id}/confirm", response=AssignmentOut)
def post_confirm(request: HttpRequest, assignment_id: Id):
    services.confirm_completion(
        assignment=_assignment(request, assignment_id, "confirm"), user=request.user
    )
    return _assignment(request, assignment_id)


@router.post("/assignments/{assignment_id}/return", response=AssignmentOut)
def post_return(request: HttpRequest, assignment_id: Id, payload: ReasonIn):
    services.return_completion(
        assignment=_assignment(request, assignment_id, "return"),
        user=request.user,
        reason=payload.reason,
    )
    return _assignment(request, assignment_id)


@router.post("/assignments/{assignment_id}/extensions", response={201: ExtensionOut})
def post_extension(request: HttpRequest, assignment_id: Id, payload: ExtensionIn):
    req = services.request_extension(
        assignment=_assignment(request, assignment_id, "request_extension"),
        user=request.user,
        new_deadline=payload.new_deadline,
        reason=payload.reason,
    )
    return Status(201, req)


@router.post("/assignments/{assignment_id}/extensions/{request_id}/decide", response=ExtensionOut)
def post_extension_decision(
    request: HttpRequest, assignment_id: Id, request_id: Id, payload: DecisionIn
):
    action = "approve_extension" if payload.approve else "reject_extension"
    assignment = _assignment(request, assignment_id, action)
    ext = get_object_or_404(ExtensionRequest, pk=request_id, assignment=assignment)
    return services.decide_extension(
        request=ext, user=request.user, approve=payload.approve, reason=payload.reason
    )


@router.post("/assignments/{assignment_id}/cancel", response=AssignmentOut)
def post_cancel(request: HttpRequest, assignment_id: Id, payload: ReasonIn):
    services.cancel_assignment(
        assignment=_assignment(request, assignment_id, "cancel"),
        user=request.user,
        reason=payload.reason,
    )
    return _assignment(request, assignment_id)


# -- corrections after entry (tasks/editing.py) ------------------------------------------


class TaskEditIn(Schema):
    """Only the fields sent are corrected; a changed deadline needs ``reason``."""

    doc_number: str | None = Field(None, min_length=1, max_length=64)
    doc_date: date | None = None
    item_number: str | None = Field(None, max_length=16)
    text: str | None = Field(None, min_length=1, max_length=TEXT_MAX)
    deadline: date | None = Field(None, description="send null with clear_deadline for standing")
    clear_deadline: bool = Field(False, description="make the task standing (no deadline)")
    directed_by: int | None = None
    directed_by_name: str | None = Field(None, max_length=200)
    reason: str = Field("", max_length=NOTE_MAX)


class UnitsIn(Schema):
    lead_units: list[int] = []
    coordinating_units: list[int] = []


class RemoveUnitIn(Schema):
    reason: str = Field("", max_length=NOTE_MAX)


def _task_for_edit(request: HttpRequest, task_id: int):
    return get_for_user(
        request.user, tasks_for(request.user).select_related("committee"), task_id, "edit_task"
    )


@router.patch("/tasks/{task_id}", response=TaskOut, summary="Correct a task (audited)")
def patch_task(request: HttpRequest, task_id: int, payload: TaskEditIn):
    from giaoban.tasks import editing

    task = _task_for_edit(request, task_id)
    leader = task.directed_by
    if payload.directed_by is not None:
        leader = User.objects.filter(
            pk=payload.directed_by,
            memberships__role=Role.LEADER,
            memberships__unit_id=task.committee_id,
        ).first()
        if leader is None:
            raise ValidationError({"directed_by": _("Unknown leader.")})
    sent = payload.dict(exclude_unset=True)
    editing.edit_task(
        task=task,
        user=request.user,
        doc_number=sent.get("doc_number") or task.doc_number,
        doc_date=sent.get("doc_date") or task.doc_date,
        item_number=sent["item_number"] if "item_number" in sent else task.item_number,
        text=sent.get("text") or task.text,
        deadline=None if payload.clear_deadline else sent.get("deadline") or task.deadline,
        directed_by=leader,
        directed_by_name=sent.get("directed_by_name", task.directed_by_name) or "",
        reason=payload.reason,
    )
    return with_rollup(tasks_for(request.user), today()).get(pk=task.pk)


@router.post("/tasks/{task_id}/units", response={201: list[AssignmentOut]})
def post_task_units(request: HttpRequest, task_id: int, payload: UnitsIn):
    from giaoban.tasks import editing

    task = _task_for_edit(request, task_id)
    wanted = set(payload.lead_units) | set(payload.coordinating_units)
    units = {u.pk: u for u in task_unit_choices(task).filter(pk__in=wanted)}
    unknown = sorted(wanted - set(units))
    if unknown:
        raise ValidationError(
            {"units": _("Unknown unit: %(ids)s.") % {"ids": ", ".join(map(str, unknown))}}
        )
    added = editing.add_units(
        task=task,
        user=request.user,
        lead_units=[units[i] for i in payload.lead_units],
        coordinating_units=[units[i] for i in payload.coordinating_units],
    )
    ref = today()
    return Status(
        201,
        list(
            assignments_for(request.user)
            .filter(pk__in=[a.pk for a in added])
            .select_related("task", "unit")
            .annotate(status=status_case(ref, today=ref))
        ),
    )


@router.post(
    "/assignments/{assignment_id}/remove",
    response={200: AssignmentOut, 204: None},
    summary="Take a unit off its task: 204 when removed, 200 when cancelled (it had worked on it)",
)
def post_remove_unit(request: HttpRequest, assignment_id: int, payload: RemoveUnitIn):
    from giaoban.tasks import editing

    kept = editing.remove_unit(
        assignment=_assignment(request, assignment_id, "cancel"),
        user=request.user,
        reason=payload.reason,
    )
    if kept is None:
        return Status(204, None)
    return _assignment(request, assignment_id)


@router.post(
    "/assignments/{assignment_id}/record",
    response=AssignmentOut,
    summary="The office records a completion it holds the evidence for (older notices)",
)
def post_record_completion(request: HttpRequest, assignment_id: Id, payload: ClaimIn):
    from giaoban.tasks import editing

    editing.record_completion(
        assignment=_assignment(request, assignment_id, "confirm"),
        user=request.user,
        **_evidence(payload),
    )
    return _assignment(request, assignment_id)


# the statistics endpoints live in their own module, on this router
from giaoban.tasks import api_stats  # noqa: E402, F401
