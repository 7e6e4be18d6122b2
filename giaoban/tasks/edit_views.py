"""Pages that correct a task after its entry (editing.py): the edit page with its units,
adding and removing units, and the office recording an older completion."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from giaoban.accounts.models import Role, User
from giaoban.core import dates
from giaoban.core.permissions import get_for_user
from giaoban.core.views import apply_validation_error
from giaoban.tasks import editing
from giaoban.tasks.edit_forms import (
    AddUnitsForm,
    RecordCompletionForm,
    RemoveUnitForm,
    TaskEditForm,
)
from giaoban.tasks.models import Task, lead_first
from giaoban.tasks.permissions import assignments_for, task_unit_choices, tasks_for
from giaoban.tasks.status import STATUS_COLOURS, status_case
from giaoban.tasks.views import completion_act


def _task(request: HttpRequest, pk: int) -> Task:
    return get_for_user(
        request.user, tasks_for(request.user).select_related("committee"), pk, "edit_task"
    )


def _leaders(task: Task):
    return User.objects.filter(
        memberships__role=Role.LEADER, memberships__unit_id=task.committee_id
    ).distinct()


def _initial(task: Task) -> dict:
    return {
        "doc_number": task.doc_number,
        "doc_date": task.doc_date,
        "item_number": task.item_number,
        "text": task.text,
        "deadline": task.deadline,
        "directed_by": task.directed_by_id,
        "directed_by_name": task.directed_by_name,
    }


def _page(request: HttpRequest, task: Task, status: int = 200, **forms) -> HttpResponse:
    ref = dates.today()
    assignments = (
        assignments_for(request.user, task.assignments.all())
        .select_related("unit")
        .annotate(status=status_case(ref, today=ref))
        .order_by(lead_first(), "unit__sort_order", "unit__name")
    )
    ctx = {
        "task": task,
        "assignments": assignments,
        "colours": STATUS_COLOURS,
        "form": TaskEditForm(initial=_initial(task), leaders=_leaders(task)),
        "units_form": AddUnitsForm(units=task_unit_choices(task)),
        "remove_form": RemoveUnitForm(),
        "remove_errors": {},
    }
    ctx.update(forms)
    return render(request, "tasks/task_edit.html", ctx, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    if request.method == "GET":
        return _page(request, task)
    form = TaskEditForm(request.POST, leaders=_leaders(task))
    if form.is_valid():
        d = form.cleaned_data
        try:
            editing.edit_task(
                task=task,
                user=request.user,
                doc_number=d["doc_number"],
                doc_date=d["doc_date"],
                item_number=d["item_number"],
                text=d["text"],
                deadline=d["deadline"],
                directed_by=d["directed_by"],
                directed_by_name=d["directed_by_name"],
                reason=d["reason"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Task corrected."))
            return redirect("tasks:detail", pk=task.pk)
    return _page(request, task, status=400, form=form)


@login_required
@require_POST
def task_add_units(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    form = AddUnitsForm(request.POST, units=task_unit_choices(task))
    if form.is_valid():
        try:
            added = editing.add_units(
                task=task,
                user=request.user,
                lead_units=form.cleaned_data["lead_units"],
                coordinating_units=form.cleaned_data["coordinating_units"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Task given to %(n)s more units.") % {"n": len(added)})
            return redirect("tasks:edit", pk=task.pk)
    return _page(request, task, status=400, units_form=form)


@login_required
@require_POST
def task_remove_unit(request: HttpRequest, pk: int, assignment_pk: int) -> HttpResponse:
    task = _task(request, pk)
    assignment = get_for_user(
        request.user, assignments_for(request.user, task.assignments.all()), assignment_pk, "cancel"
    )
    form = RemoveUnitForm(request.POST)
    if form.is_valid():
        try:
            kept = editing.remove_unit(
                assignment=assignment, user=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("The unit's assignment was cancelled; its history is kept.")
                if kept is not None
                else _("Unit removed from the task."),
            )
            return redirect("tasks:edit", pk=task.pk)
    errors = [e for errs in form.errors.values() for e in errs]
    return _page(request, task, status=400, remove_errors={assignment.pk: errors})


@login_required
@require_POST
def assignment_record_completion(request: HttpRequest, pk: int) -> HttpResponse:
    return completion_act(
        request,
        pk,
        action="confirm",
        form_cls=RecordCompletionForm,
        form_key="record_form",
        service=editing.record_completion,
        done_message=_("Completion recorded."),
    )
