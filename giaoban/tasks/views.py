"""Task pages: short function views that load through the scope helper,
bind a form, call a service, then redirect or render (an HTMX partial when
the request comes from htmx)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from giaoban.core.audit import history
from giaoban.core.files import serve
from giaoban.core.permissions import get_for_user, scope_for
from giaoban.core.views import apply_validation_error, paginate, querystring_without_page
from giaoban.tasks import services
from giaoban.tasks.filtering import parse_list_query
from giaoban.tasks.forms import (
    ClaimForm,
    DecisionForm,
    ExtensionForm,
    ProgressForm,
    ReasonForm,
    TaskForm,
)
from giaoban.tasks.models import Assignment, Decision, ExtensionRequest, lead_first
from giaoban.tasks.ordering import TASK_ORDERINGS, order_assignments
from giaoban.tasks.permissions import assignments_for, task_choices, tasks_for
from giaoban.tasks.queries import (
    assignment_list as query_assignments,
)
from giaoban.tasks.queries import (
    mark_rollup_visible,
    with_rollup,
)
from giaoban.tasks.queries import (
    task_list as query_tasks,
)
from giaoban.tasks.status import STATUS_COLOURS, status_case


@login_required
@require_GET
def task_list(request: HttpRequest) -> HttpResponse:
    query = parse_list_query(request.user, request.GET, orderings=TASK_ORDERINGS)
    qs = query_tasks(request.user, query.filters, query.ref)
    page = paginate(request, qs.none() if query.refused else qs)
    mark_rollup_visible(request.user, page, query.ref)
    ctx = {
        "form": query.form,
        "page": page,
        "qs": querystring_without_page(request),
        "ref": query.ref,
        "partial_errors": bool(request.htmx),
    }
    template = "tasks/_partials/task_rows.html" if request.htmx else "tasks/task_list.html"
    return render(request, template, ctx, status=400 if query.refused else 200)


@login_required
@require_GET
def assignment_list(request: HttpRequest) -> HttpResponse:
    query = parse_list_query(request.user, request.GET)
    filters, ref = query.filters, query.ref
    qs = query_assignments(request.user, filters, ref)
    qs = order_assignments(qs, filters.ordering, filters.q, ref, today=timezone.localdate())
    page = paginate(request, qs.none() if query.refused else qs)
    ctx = {
        "form": query.form,
        "page": page,
        "qs": querystring_without_page(request),
        "ref": ref,
        "colours": STATUS_COLOURS,
        "partial_errors": bool(request.htmx),
    }
    template = (
        "tasks/_partials/assignment_rows.html" if request.htmx else "tasks/assignment_list.html"
    )
    return render(request, template, ctx, status=400 if query.refused else 200)


@login_required
@require_http_methods(["GET", "POST"])
def task_create(request: HttpRequest) -> HttpResponse:
    if not scope_for(request.user).office_committee_ids:
        raise PermissionDenied
    choices = task_choices(request.user)
    form = TaskForm(
        request.POST or None,
        committees=choices.committees,
        units=choices.units,
        leaders=choices.leaders,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            task = services.create_task(
                committee=data["committee"],
                doc_number=data["doc_number"],
                doc_date=data["doc_date"],
                item_number=data["item_number"],
                text=data["text"],
                deadline=data["deadline"],
                directed_by=data["directed_by"],
                directed_by_name=data["directed_by_name"],
                created_by=request.user,
                lead_units=data["lead_units"],
                coordinating_units=data["coordinating_units"],
                all_units=data["all_units"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("Task created and given to %(n)s units.") % {"n": task.assignments.count()},
            )
            return redirect("tasks:detail", pk=task.pk)
    # a refused POST answers 400 (like the assignment acts), so scripts and htmx see the failure
    return render(
        request,
        "tasks/task_form.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_GET
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    ref = timezone.localdate()
    task = get_for_user(
        request.user,
        with_rollup(
            tasks_for(request.user).select_related("committee", "created_by", "directed_by"), ref
        ),
        pk,
    )
    mark_rollup_visible(request.user, [task])
    assignments = (
        assignments_for(request.user, task.assignments.all())
        .select_related("unit")
        .annotate(status=status_case(ref, today=ref))
        .order_by(lead_first(), "unit__sort_order", "unit__name")
    )
    audit = history(task, related=())  # the task's own acts; each assignment has its page
    return render(
        request,
        "tasks/task_detail.html",
        {
            "task": task,
            "assignments": assignments,
            "audit": audit,
            "ref": ref,
            "colours": STATUS_COLOURS,
        },
    )


def _assignment(request: HttpRequest, pk: int, action: str = "view") -> Assignment:
    ref = timezone.localdate()
    qs = (
        assignments_for(request.user)
        .select_related("task__committee", "unit")
        .annotate(status=status_case(ref, today=ref))
    )
    return get_for_user(request.user, qs, pk, action)


def _timeline(assignment: Assignment) -> list[dict]:
    """Progress, claims, extensions and audit entries, newest first."""
    items: list[dict] = []
    for p in assignment.progress_updates.select_related("author"):
        items.append({"at": p.created_at, "kind": "progress", "obj": p})
    for c in assignment.claims.select_related("claimed_by", "decided_by"):
        items.append({"at": c.claimed_at, "kind": "claim", "obj": c})
    for e in assignment.extensions.select_related("requested_by", "decided_by"):
        items.append({"at": e.requested_at, "kind": "extension", "obj": e})
    # decisions from the audit log; acts shown above as their own items are not repeated
    shown = {
        "tasks.assignment.progress",
        "tasks.assignment.claimed",
        "tasks.assignment.extension_requested",
    }
    for a in history(assignment).exclude(action__in=shown):
        items.append({"at": a.created_at, "kind": "audit", "obj": a})
    return sorted(items, key=lambda i: i["at"], reverse=True)


def _detail_context(request: HttpRequest, assignment: Assignment, **forms) -> dict:
    pending_ext = assignment.extensions.filter(decision=Decision.PENDING).first()
    pending_claim = assignment.claims.filter(decision=Decision.PENDING).first()
    ctx = {
        "a": assignment,
        "task": assignment.task,
        "timeline": _timeline(assignment),
        "colours": STATUS_COLOURS,
        "pending_ext": pending_ext,
        "pending_claim": pending_claim,
        "progress_form": ProgressForm(),
        "claim_form": ClaimForm(initial={"completed_on": timezone.localdate()}),
        "extension_form": ExtensionForm(),
        "reason_form": ReasonForm(),
        "decision_form": DecisionForm(),
    }
    ctx.update(forms)
    return ctx


@login_required
@require_GET
def assignment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _assignment(request, pk)
    return render(request, "tasks/assignment_detail.html", _detail_context(request, assignment))


def _act(
    request: HttpRequest,
    pk: int,
    action: str,
    form_cls,
    form_key: str,
    call: Callable[[Assignment, dict], object],
    done_message: str,
) -> HttpResponse:
    """The shape every assignment act shares: load in scope, bind, call the service, re-render."""
    assignment = _assignment(request, pk, action)
    form = form_cls(request.POST, request.FILES)
    if form.is_valid():
        try:
            call(assignment, form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, done_message)
            assignment = _assignment(request, pk)
            if request.htmx:
                return render(
                    request,
                    "tasks/_partials/assignment_panel.html",
                    _detail_context(request, assignment),
                )
            return redirect("tasks:assignment", pk=pk)
    ctx = _detail_context(request, assignment, **{form_key: form})
    # errors about the assignment as a whole (cancelled, no claim to confirm…) go above the panel:
    # the form they came from may not be on the page any more
    ctx["act_errors"] = form.errors.pop(NON_FIELD_ERRORS, [])
    template = (
        "tasks/_partials/assignment_panel.html" if request.htmx else "tasks/assignment_detail.html"
    )
    return render(request, template, ctx, status=400)


@login_required
@require_POST
def assignment_progress(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "progress",
        ProgressForm,
        "progress_form",
        lambda a, d: services.add_progress(
            assignment=a,
            user=request.user,
            text=d["text"],
            percent=d["percent"],
            attachment=d["attachment"],
        ),
        _("Progress recorded."),
    )


def completion_act(
    request: HttpRequest,
    pk: int,
    *,
    action: str,
    form_cls,
    form_key: str,
    service: Callable[..., object],
    done_message: str,
) -> HttpResponse:
    """A completion with its evidence (ClaimForm's fields): the unit's claim and the office's
    record of an older completion (edit_views.assignment_record_completion) share this body."""
    return _act(
        request,
        pk,
        action,
        form_cls,
        form_key,
        lambda a, d: service(
            assignment=a,
            user=request.user,
            completed_on=d["completed_on"],
            evidence_number=d["evidence_number"],
            evidence_date=d["evidence_date"],
            note=d["note"],
            attachment=d["attachment"],
        ),
        done_message,
    )


@login_required
@require_POST
def assignment_claim(request: HttpRequest, pk: int) -> HttpResponse:
    return completion_act(
        request,
        pk,
        action="claim",
        form_cls=ClaimForm,
        form_key="claim_form",
        service=services.claim_completion,
        done_message=_("Completion claimed; the office will confirm it."),
    )


@login_required
@require_POST
def assignment_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    from django import forms as djforms

    return _act(
        request,
        pk,
        "confirm",
        djforms.Form,
        "confirm_form",
        lambda a, d: services.confirm_completion(assignment=a, user=request.user),
        _("Completion confirmed."),
    )


@login_required
@require_POST
def assignment_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "return",
        ReasonForm,
        "reason_form",
        lambda a, d: services.return_completion(
            assignment=a, user=request.user, reason=d["reason"]
        ),
        _("Claim returned to the unit."),
    )


@login_required
@require_POST
def assignment_extension(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "request_extension",
        ExtensionForm,
        "extension_form",
        lambda a, d: services.request_extension(
            assignment=a, user=request.user, new_deadline=d["new_deadline"], reason=d["reason"]
        ),
        _("Extension requested; the office will decide."),
    )


@login_required
@require_POST
def extension_decide(request: HttpRequest, pk: int, req_pk: int) -> HttpResponse:
    approve = request.POST.get("approve") == "1"
    assignment = _assignment(request, pk, "approve_extension" if approve else "reject_extension")
    ext = get_object_or_404(ExtensionRequest, pk=req_pk, assignment=assignment)
    return _act(
        request,
        pk,
        "approve_extension" if approve else "reject_extension",
        DecisionForm,
        "decision_form",
        lambda a, d: services.decide_extension(
            request=ext, user=request.user, approve=d["approve"], reason=d["reason"]
        ),
        _("Extension approved.") if approve else _("Extension rejected."),
    )


@login_required
@require_GET
def attachment(request: HttpRequest, pk: int, kind: str, item_pk: int) -> FileResponse:
    """Attachments are served only through the scope: another unit's file is a 404."""
    assignment = _assignment(request, pk)
    related = {"progress": assignment.progress_updates, "claim": assignment.claims}.get(kind)
    if related is None:
        raise Http404
    return serve(get_object_or_404(related.all(), pk=item_pk).attachment)


@login_required
@require_POST
def assignment_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "cancel",
        ReasonForm,
        "reason_form",
        lambda a, d: services.cancel_assignment(
            assignment=a, user=request.user, reason=d["reason"]
        ),
        _("Assignment cancelled."),
    )
