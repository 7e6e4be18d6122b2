"""Notice pages: list, draft form with items, tasks of an item, the notice page and its acts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from giaoban.core.decisions import is_own_request, may_decide
from giaoban.core.forms import invalid_choice
from giaoban.core.models import AuditEntry
from giaoban.core.permissions import scope_for
from giaoban.core.views import apply_validation_error, paginate, querystring_without_page
from giaoban.documents import pdf_unavailable_reason
from giaoban.meetings import notice_services as ns
from giaoban.meetings.forms import IssueForm, ItemFormSet, ItemTaskFormSet, NoticeForm, ReasonForm
from giaoban.meetings.models import Meeting, Notice, NoticeItem, NoticeState
from giaoban.meetings.notice_rules import notice_defaults
from giaoban.meetings.presenting import notices_with_rollup
from giaoban.meetings.services import can_approve, can_record
from giaoban.meetings.views import _committees, _unit_choices
from giaoban.org.models import Unit
from giaoban.tasks.models import Task


def _notice(request: HttpRequest, pk: int, *, record: bool = False) -> Notice:
    notice = get_object_or_404(
        Notice.objects.for_user(request.user).select_related("committee", "meeting", "supplements"),
        pk=pk,
    )
    if record and not can_record(request.user, notice.committee_id):
        raise PermissionDenied
    return notice


@login_required
@require_GET
def notice_list(request: HttpRequest) -> HttpResponse:
    qs = (
        Notice.objects.for_user(request.user)
        .select_related("committee", "meeting")
        .order_by("-doc_date", "-id")
    )
    state = request.GET.get("state", "")
    error = ""
    if state in NoticeState.values:
        qs = qs.filter(state=state)
    elif state:  # an unknown state is said, and nothing is listed (never all notices instead)
        error = invalid_choice(state)
        qs = qs.none()
    page = paginate(request, qs)
    ctx = {
        "page": page,
        "qs": querystring_without_page(request),
        "state": state,
        "states": NoticeState.choices,
        "can_create": bool(scope_for(request.user).office_committee_ids),
        "filter_error": error,
    }
    return render(request, "meetings/notice_list.html", ctx, status=400 if error else 200)


def _item_specs(items_fs) -> list[ns.ItemSpec]:
    return [
        ns.ItemSpec(
            number=d["number"],
            text=d["text"],
            heading=d.get("heading", ""),
            no_task=d.get("no_task", False),
            no_task_reason=d.get("no_task_reason", ""),
        )
        for d in (f.cleaned_data for f in items_fs.forms)
        if d and not d.get("DELETE")
    ]


@login_required
@require_http_methods(["GET", "POST"])
def notice_create(request: HttpRequest) -> HttpResponse:
    committees = _committees(request)
    if not committees:
        raise PermissionDenied
    meeting = supplements = None
    if request.GET.get("meeting"):
        meeting = get_object_or_404(
            Meeting.objects.for_user(request.user), pk=request.GET["meeting"]
        )
    if request.GET.get("supplements"):
        supplements = get_object_or_404(
            Notice.objects.for_user(request.user), pk=request.GET["supplements"]
        )
    committee = (
        meeting.committee if meeting else (supplements.committee if supplements else committees[0])
    )
    if not can_record(request.user, committee.pk):
        raise PermissionDenied
    initial = notice_defaults(committee, meeting)
    if meeting is not None:
        initial["title"] = (
            f"kết luận của Thường trực {committee.name} tại {meeting.title[:1].lower()}{meeting.title[1:]}"
        )
    if supplements is not None:
        initial["title"] = f"bổ sung {supplements.reference}"
    form = NoticeForm(request.POST or None, initial=initial)
    items = ItemFormSet(request.POST or None, prefix="i")
    if request.method == "POST" and all([form.is_valid(), items.is_valid()]):
        try:
            notice = ns.create_notice(
                committee=committee,
                user=request.user,
                meeting=meeting,
                supplements=supplements,
                items=_item_specs(items),
                **form.cleaned_data,
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Draft notice saved; give each item its tasks."))
            return redirect("meetings:notice", pk=notice.pk)
    ctx = {
        "form": form,
        "items": items,
        "meeting": meeting,
        "supplements": supplements,
        "committee": committee,
    }
    return render(
        request, "meetings/notice_form.html", ctx, status=400 if request.method == "POST" else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
def notice_edit(request: HttpRequest, pk: int) -> HttpResponse:
    notice = _notice(request, pk, record=True)
    fields = list(NoticeForm.base_fields)
    initial = {f: getattr(notice, f) for f in fields}
    form = NoticeForm(request.POST or None, initial=initial)
    items = ItemFormSet(
        request.POST or None,
        prefix="i",
        initial=[
            {
                "number": i.number,
                "heading": i.heading,
                "text": i.text,
                "no_task": i.no_task,
                "no_task_reason": i.no_task_reason,
            }
            for i in notice.items.all()
        ],
    )
    if request.method == "POST" and all([form.is_valid(), items.is_valid()]):
        specs = _item_specs(items)
        # the tasks already planned for an item number stay with it
        planned = {
            i.number: _task_specs_of(i)
            for i in notice.items.prefetch_related(
                "tasks__lead_units", "tasks__coordinating_units", "tasks__task"
            )
        }
        specs = [
            ns.ItemSpec(
                number=s.number,
                text=s.text,
                heading=s.heading,
                no_task=s.no_task and not planned.get(s.number),
                no_task_reason=s.no_task_reason,
                tasks=() if s.no_task else planned.get(s.number, ()),
            )
            for s in specs
        ]
        try:
            ns.update_notice(
                notice=notice, user=request.user, fields=form.cleaned_data, items=specs
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Notice saved."))
            return redirect("meetings:notice", pk=notice.pk)
    ctx = {"form": form, "items": items, "notice": notice, "committee": notice.committee}
    return render(
        request, "meetings/notice_form.html", ctx, status=400 if request.method == "POST" else 200
    )


def _task_specs_of(item: NoticeItem) -> tuple[ns.TaskSpec, ...]:
    return tuple(
        ns.TaskSpec(
            text=t.text,
            deadline=t.deadline,
            all_units=t.all_units,
            lead_units=list(t.lead_units.all()),
            coordinating_units=list(t.coordinating_units.all()),
            task=t.task,
        )
        for t in item.tasks.all()
    )


@login_required
@require_http_methods(["GET", "POST"])
def item_tasks(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """The tasks one item gives (units, deadline), or an existing task linked to it."""
    notice = _notice(request, pk, record=True)
    item = get_object_or_404(NoticeItem, pk=item_pk, notice=notice)
    units = _unit_choices([notice.committee_id]).exclude(pk=notice.committee_id)
    linkable = Task.objects.filter(committee=notice.committee, notice_link__isnull=True).order_by(
        "-doc_date", "item_number"
    )[:300]
    rows = item.tasks.prefetch_related("lead_units", "coordinating_units")
    initial = [
        {
            "text": t.text,
            "deadline": t.deadline,
            "all_units": t.all_units,
            "lead_units": list(t.lead_units.all()),
            "coordinating_units": list(t.coordinating_units.all()),
            "task": t.task,
        }
        for t in rows
    ]
    fs = ItemTaskFormSet(
        request.POST or None,
        prefix="t",
        initial=initial,
        form_kwargs={
            "units": units,
            "tasks": Task.objects.filter(
                pk__in=[t.pk for t in linkable] + [t.task_id for t in rows if t.task_id]
            ),
        },
    )
    if request.method == "POST" and fs.is_valid():
        specs = tuple(
            ns.TaskSpec(
                text=d.get("text", ""),
                deadline=d.get("deadline"),
                all_units=d.get("all_units", False),
                lead_units=list(d.get("lead_units") or []),
                coordinating_units=list(d.get("coordinating_units") or []),
                task=d.get("task"),
            )
            for d in (f.cleaned_data for f in fs.forms)
            if d and not d.get("DELETE")
        )
        others = [
            ns.ItemSpec(
                number=i.number,
                text=i.text,
                heading=i.heading,
                no_task=i.no_task,
                no_task_reason=i.no_task_reason,
                tasks=specs if i.pk == item.pk else _task_specs_of(i),
            )
            for i in notice.items.prefetch_related(
                "tasks__lead_units", "tasks__coordinating_units", "tasks__task"
            )
        ]
        try:
            ns.update_notice(notice=notice, user=request.user, fields={}, items=others)
        except ValidationError as exc:
            for m in exc.messages:
                fs._non_form_errors = fs.error_class([*fs.non_form_errors(), m])
        else:
            messages.success(request, _("Tasks of item %(n)s saved.") % {"n": item.number})
            return redirect("meetings:notice", pk=notice.pk)
    ctx = {"notice": notice, "item": item, "formset": fs}
    return render(
        request, "meetings/item_tasks.html", ctx, status=400 if request.method == "POST" else 200
    )


@login_required
@require_GET
def notice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    notice = _notice(request, pk)
    rolled = notices_with_rollup([notice], timezone.localdate())[0]
    items = list(
        notice.items.prefetch_related(
            "tasks__lead_units", "tasks__coordinating_units", "tasks__task"
        )
    )
    counts = dict((i.pk, c) for i, c in rolled["items"])
    scope = scope_for(request.user)
    approval = notice.approvals.select_related("requested_by", "decided_by", "notice").first()
    ctx = {
        "notice": notice,
        "items": [(i, counts.get(i.pk)) for i in items],
        "counts": rolled["counts"],
        "can_record": can_record(request.user, notice.committee_id),
        "approval": approval,
        "can_approve": can_approve(request.user, notice.committee_id)
        and may_decide(request.user, approval),
        "own_request": approval is not None
        and approval.is_pending
        and is_own_request(request.user, approval),
        "is_overseer": scope.is_overseer,
        "issue_form": IssueForm(
            initial={"number": notice.number, "doc_date": notice.doc_date or timezone.localdate()}
        ),
        "reason_form": ReasonForm(),
        "audit": AuditEntry.objects.filter(
            object_type="meetings.notice", object_id=str(notice.pk)
        ).select_related("actor")[:50],
        "supplementary": list(notice.supplementary.all()),
        "pdf_reason": pdf_unavailable_reason(),
    }
    return render(request, "meetings/notice_detail.html", ctx)


def _act(request: HttpRequest, pk: int, call, done: str) -> HttpResponse:
    notice = _notice(request, pk)
    try:
        call(notice)
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)
        return redirect("meetings:notice", pk=pk)
    messages.success(request, done)
    return redirect("meetings:notice", pk=pk)


@login_required
@require_POST
def notice_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        lambda n: ns.submit_notice(notice=n, user=request.user),
        _("Sent to a leader for approval."),
    )


@login_required
@require_POST
def notice_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request, pk, lambda n: ns.approve_notice(notice=n, user=request.user), _("Notice approved.")
    )


@login_required
@require_POST
def notice_return(request: HttpRequest, pk: int) -> HttpResponse:
    reason = request.POST.get("reason", "")
    return _act(
        request,
        pk,
        lambda n: ns.return_notice(notice=n, user=request.user, reason=reason),
        _("Notice returned to draft."),
    )


@login_required
@require_POST
def notice_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    reason = request.POST.get("reason", "")
    return _act(
        request,
        pk,
        lambda n: ns.withdraw_notice(notice=n, user=request.user, reason=reason),
        _("Notice taken back to draft: correct it, then send it for approval again."),
    )


@login_required
@require_POST
def notice_issue(request: HttpRequest, pk: int) -> HttpResponse:
    form = IssueForm(request.POST)
    if not form.is_valid():
        notice = _notice(request, pk, record=True)
        for errors in form.errors.values():
            for m in errors:
                messages.error(request, m)
        return redirect("meetings:notice", pk=notice.pk)
    d = form.cleaned_data
    return _act(
        request,
        pk,
        lambda n: ns.issue_notice(
            notice=n, user=request.user, number=d["number"], doc_date=d["doc_date"]
        ),
        _("Notice issued; its tasks are given to the units."),
    )


@login_required
@require_POST
def notice_in_force(request: HttpRequest, pk: int) -> HttpResponse:
    value = request.POST.get("in_force") == "1"
    return _act(
        request,
        pk,
        lambda n: ns.set_in_force(notice=n, user=request.user, in_force=value),
        _("Saved."),
    )


@login_required
@require_GET
def notice_document(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    from giaoban.meetings.documents import notice_file

    notice = _notice(request, pk)
    return notice_file(request, notice, fmt)


def units_of(committee: Unit):
    return _unit_choices([committee.pk])
