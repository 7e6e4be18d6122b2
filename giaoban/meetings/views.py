"""Meeting pages: list, form, page, minutes, files, presentation. Short function views: load
through the scope, bind a form, call a service, redirect or render."""

from __future__ import annotations

import calendar as pycalendar
import re
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from giaoban.core.models import AuditEntry
from giaoban.core.permissions import scope_for
from giaoban.core.text import fold
from giaoban.core.views import apply_validation_error, paginate, querystring_without_page
from giaoban.meetings import services
from giaoban.meetings.forms import (
    AgendaFormSet,
    FileForm,
    FilterForm,
    MeetingForm,
    MinutesForm,
    ParticipantFormSet,
    PointFormSet,
)
from giaoban.meetings.models import Meeting, MeetingFile, Minutes, Notice
from giaoban.meetings.presenting import meeting_context
from giaoban.meetings.review_section import review_section
from giaoban.org.models import Unit


def _meeting(request: HttpRequest, pk: int, *, record: bool = False) -> Meeting:
    """The meeting in the user's scope (404 outside); 403 when ``record`` and not its office."""
    meeting = get_object_or_404(
        Meeting.objects.for_user(request.user).select_related("committee", "created_by"), pk=pk
    )
    if record and not services.can_record(request.user, meeting.committee_id):
        raise PermissionDenied
    return meeting


def _filtered(request: HttpRequest, form: FilterForm, *, year: bool = True):
    """The user's meetings (scope) narrowed by the list's filters."""
    qs = Meeting.objects.for_user(request.user).select_related("committee")
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        for word in fold(data.get("q") or "").split():
            qs = qs.filter(search_folded__contains=word)
        if data.get("kind"):
            qs = qs.filter(kind=data["kind"])
        if data.get("state"):
            qs = qs.filter(state=data["state"])
        if year and data.get("year"):
            qs = qs.filter(starts_at__year=data["year"])
    return qs


@login_required
@require_GET
def meeting_list(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    refused = form.is_bound and not form.is_valid()  # the message shows, nothing is listed
    qs = _filtered(request, form)
    page = paginate(request, qs.none() if refused else qs.order_by("-starts_at", "-id"))
    scope = scope_for(request.user)
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "form": form,
            "page": page,
            "qs": querystring_without_page(request),
            "can_create": bool(scope.office_committee_ids),
        },
        status=400 if refused else 200,
    )


def _month(raw: str, today: date) -> date | None:
    """The first day of the month ``YYYY-MM`` (today's month when empty; None when invalid)."""
    if not raw:
        return today.replace(day=1)
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", raw.strip())
    if not match or not 1990 <= int(match[1]) <= 2999 or not 1 <= int(match[2]) <= 12:
        return None
    return date(int(match[1]), int(match[2]), 1)


def _month_link(request: HttpRequest, first: date) -> str:
    params = request.GET.copy()
    params["month"] = f"{first.year:04d}-{first.month:02d}"
    return "?" + params.urlencode()


@login_required
@require_GET
def meeting_calendar(request: HttpRequest) -> HttpResponse:
    """A month grid (Monday first) with the meetings on their days, the list's filters, and
    links to the previous and next month. Two queries beyond the session: scope and meetings."""
    today = timezone.localdate()
    first = _month(request.GET.get("month", ""), today)
    error = None
    if first is None:
        error = _("Invalid month: use the form YYYY-MM, e.g. 2026-03.")
        first = today.replace(day=1)
    form = FilterForm(request.GET or None)
    weeks = pycalendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    tz = timezone.get_current_timezone()
    start = datetime.combine(weeks[0][0], time.min, tzinfo=tz)
    end = datetime.combine(weeks[-1][-1] + timedelta(days=1), time.min, tzinfo=tz)
    by_day: dict[date, list[Meeting]] = defaultdict(list)
    qs = _filtered(request, form, year=False).filter(starts_at__gte=start, starts_at__lt=end)
    for meeting in qs.order_by("starts_at", "id"):
        by_day[timezone.localtime(meeting.starts_at).date()].append(meeting)
    grid = [
        [
            {
                "day": d,
                "in_month": d.month == first.month,
                "today": d == today,
                "meetings": by_day.get(d, []),
            }
            for d in week
        ]
        for week in weeks
    ]
    previous = (first - timedelta(days=1)).replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    scope = scope_for(request.user)
    return render(
        request,
        "meetings/meeting_calendar.html",
        {
            "form": form,
            "first": first,
            "weeks": grid,
            "count": sum(len(v) for d, v in by_day.items() if d.month == first.month),
            "previous": _month_link(request, previous),
            "following": _month_link(request, following),
            "this_month": _month_link(request, today.replace(day=1)),
            "list_qs": querystring_without_page(request),
            "error": error,
            "can_create": bool(scope.office_committee_ids),
        },
        status=400 if error else 200,
    )


def _committees(request: HttpRequest):
    scope = scope_for(request.user)
    return Unit.objects.hosts().filter(pk__in=scope.office_unit_ids).order_by("sort_order", "name")


def _unit_choices(committee_ids):
    from giaoban.org.models import subtree_ids

    # units closed by a restructuring are not offered (their history stays on their records)
    return (
        Unit.objects.active()
        .filter(pk__in=subtree_ids(list(committee_ids)))
        .order_by("sort_order", "name")
    )


def _lists(request: HttpRequest, committee_ids, meeting: Meeting | None = None):
    units = _unit_choices(committee_ids)
    data = request.POST if request.method == "POST" else None
    initial = meeting_context(meeting)["initial"] if meeting is not None else {}
    return (
        ParticipantFormSet(
            data, prefix="p", initial=initial.get("participants"), form_kwargs={"units": units}
        ),
        AgendaFormSet(data, prefix="a", initial=initial.get("agenda")),
        PointFormSet(data, prefix="c", initial=initial.get("points"), form_kwargs={"units": units}),
    )


def _specs(participants, agenda, points):
    from giaoban.meetings.services import AgendaSpec, ParticipantSpec, PointSpec

    def rows(fs):
        return [
            f.cleaned_data for f in fs.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]

    return (
        [
            ParticipantSpec(
                part=d["part"],
                unit=d.get("unit"),
                name=d.get("name", ""),
                title=d.get("title", ""),
                absence_reason=d.get("absence_reason", ""),
            )
            for d in rows(participants)
        ],
        [
            AgendaSpec(title=d["title"], kind=d["kind"], presenter=d.get("presenter", ""))
            for d in rows(agenda)
        ],
        [
            PointSpec(
                name=d["name"],
                unit=d.get("unit"),
                attendance=d.get("attendance"),
                connected=d.get("connected", False),
            )
            for d in rows(points)
        ],
    )


def _valid(*forms) -> bool:
    return all([f.is_valid() for f in forms])  # every form validated, so all show their errors


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest) -> HttpResponse:
    committees = _committees(request)
    if not committees:
        raise PermissionDenied
    form = MeetingForm(request.POST or None, committees=committees)
    lists = _lists(request, [c.pk for c in committees])
    if request.method == "POST" and _valid(form, *lists):
        d = form.cleaned_data
        participants, agenda, points = _specs(*lists)
        try:
            meeting = services.create_meeting(
                committee=d["committee"],
                user=request.user,
                title=d["title"],
                kind=d["kind"],
                period=d["period"],
                starts_at=form.starts_at(),
                ends_at=form.ends_at(),
                place=d["place"],
                online=d["online"],
                notes=d["notes"],
                participants=participants,
                agenda=agenda,
                points=points,
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Meeting recorded."))
            return redirect("meetings:detail", pk=meeting.pk)
    ctx = {"form": form, "participants": lists[0], "agenda": lists[1], "points": lists[2]}
    return render(
        request, "meetings/meeting_form.html", ctx, status=400 if request.method == "POST" else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk, record=True)
    local = timezone.localtime(meeting.starts_at)
    initial = {
        "committee": meeting.committee,
        "kind": meeting.kind,
        "title": meeting.title,
        "period": meeting.period_label,
        "day": local.date(),
        "at": local.time(),
        "ends": timezone.localtime(meeting.ends_at).time() if meeting.ends_at else None,
        "place": meeting.place,
        "online": meeting.online,
        "notes": meeting.notes,
    }
    form = MeetingForm(
        request.POST or None,
        initial=initial,
        committees=Unit.objects.filter(pk=meeting.committee_id),
    )
    lists = _lists(request, [meeting.committee_id], meeting)
    if request.method == "POST" and _valid(form, *lists):
        d = form.cleaned_data
        participants, agenda, points = _specs(*lists)
        fields = {k: d[k] for k in ("kind", "title", "place", "online", "notes")}
        fields.update(period=d["period"], starts_at=form.starts_at(), ends_at=form.ends_at())
        try:
            services.update_meeting(
                meeting=meeting,
                user=request.user,
                fields=fields,
                participants=participants,
                agenda=agenda,
                points=points,
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Meeting saved."))
            return redirect("meetings:detail", pk=meeting.pk)
    ctx = {
        "form": form,
        "meeting": meeting,
        "participants": lists[0],
        "agenda": lists[1],
        "points": lists[2],
    }
    return render(
        request, "meetings/meeting_form.html", ctx, status=400 if request.method == "POST" else 200
    )


@login_required
@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    ctx = meeting_context(meeting, user=request.user, review=False)
    ctx["review_html"] = review_section(meeting, request.user)
    ctx["audit"] = AuditEntry.objects.filter(
        object_type="meetings.meeting", object_id=str(meeting.pk)
    ).select_related("actor")[:50]
    ctx["file_form"] = FileForm()
    return render(request, "meetings/meeting_detail.html", ctx)


@login_required
@require_POST
def meeting_held(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk, record=True)
    services.mark_held(meeting=meeting, user=request.user)
    messages.success(request, _("The meeting is marked held; the review is frozen as of its date."))
    return redirect("meetings:detail", pk=pk)


@login_required
@require_GET
def meeting_present(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    ctx = meeting_context(meeting, user=request.user)
    review = ctx["review"]
    # long lists go over several slides rather than running off the screen: what fits at
    # 1366x768 in type read from the back of the room (docs/briefings.md)
    ctx["unit_pages"] = _chunks(review["by_unit"][:PRESENT_UNITS], 7)
    ctx["overdue_pages"] = _chunks(review["overdue"][:PRESENT_OVERDUE], 4)
    ctx["notice_pages"] = [
        (n, page, i) for n in ctx["notices"] for i, page in enumerate(_chunks(n["items"], 5))
    ]
    return render(request, "meetings/present.html", ctx)


#: the most units and overdue tasks presented (the meeting page lists them all)
PRESENT_UNITS = 21
PRESENT_OVERDUE = 12


def _chunks(rows: list, size: int) -> list[list]:
    return [rows[i : i + size] for i in range(0, len(rows), size)]


def _minutes(meeting: Meeting, minutes_pk: int | None) -> Minutes | None:
    if minutes_pk is None:
        return Minutes.objects.filter(meeting=meeting, supplements__isnull=True).first()
    return get_object_or_404(Minutes, pk=minutes_pk, meeting=meeting)


@login_required
@require_http_methods(["GET", "POST"])
def minutes_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The draft minutes; with ?supplements=<id> a supplementary minutes of signed ones."""
    meeting = _meeting(request, pk, record=True)
    supplements = None
    if request.GET.get("supplements"):
        supplements = get_object_or_404(Minutes, pk=request.GET["supplements"], meeting=meeting)
        minutes = None
    else:
        minutes = _minutes(meeting, None)
    if minutes is not None and minutes.is_signed:
        messages.error(
            request, _("Signed minutes are locked; correct them with supplementary minutes.")
        )
        return redirect("meetings:detail", pk=pk)
    initial = (
        {
            "text": minutes.text,
            "secretary_name": minutes.secretary_name,
            "secretary_title": minutes.secretary_title,
        }
        if minutes
        else {}
    )
    form = MinutesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_minutes(
                meeting=meeting,
                user=request.user,
                minutes=minutes,
                supplements=supplements,
                **form.cleaned_data,
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Minutes saved."))
            return redirect("meetings:detail", pk=pk)
    ctx = {"form": form, "meeting": meeting, "supplements": supplements}
    return render(
        request, "meetings/minutes_form.html", ctx, status=400 if request.method == "POST" else 200
    )


@login_required
@require_POST
def minutes_sign(request: HttpRequest, pk: int, minutes_pk: int) -> HttpResponse:
    meeting = _meeting(request, pk, record=True)
    minutes = get_object_or_404(Minutes, pk=minutes_pk, meeting=meeting)
    try:
        services.sign_minutes(minutes=minutes, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("meetings:detail", pk=pk)
    messages.success(request, _("Minutes signed and locked."))
    return redirect("meetings:detail", pk=pk)


@login_required
@require_GET
def minutes_document(request: HttpRequest, pk: int, minutes_pk: int, fmt: str) -> HttpResponse:
    from giaoban.meetings.documents import minutes_file

    meeting = _meeting(request, pk)
    minutes = get_object_or_404(Minutes, pk=minutes_pk, meeting=meeting)
    return minutes_file(request, meeting, minutes, fmt)


@login_required
@require_POST
def file_upload(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk, record=True)
    form = FileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_file(meeting=meeting, user=request.user, upload=form.cleaned_data["file"])
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect("meetings:detail", pk=pk)
        messages.success(request, _("File attached."))
    else:
        messages.error(request, _("Choose a file."))
    return redirect("meetings:detail", pk=pk)


@login_required
@require_GET
def file_download(request: HttpRequest, pk: int, file_pk: int) -> FileResponse:
    """Files are served only through the meeting's scope: another unit's file is a 404."""
    meeting = _meeting(request, pk)
    row = get_object_or_404(MeetingFile, pk=file_pk, meeting=meeting)
    try:
        handle = row.file.open("rb")
    except FileNotFoundError:
        raise Http404
    return FileResponse(handle, as_attachment=True, filename=row.name)


def notices_of(meeting: Meeting):
    return Notice.objects.filter(meeting=meeting).order_by("doc_date", "id")
