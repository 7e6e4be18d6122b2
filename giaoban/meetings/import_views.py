"""Import from text: paste or upload → review screen (nothing saved) → save (one transaction)."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from giaoban.core.views import apply_validation_error
from giaoban.meetings import importing
from giaoban.meetings.forms import ImportReviewForm, ImportRowFormSet, ImportStartForm
from giaoban.meetings.views import _committees, _unit_choices


def _review_forms(request, committees, committee, proposal=None):
    units = _unit_choices([committee.pk]).exclude(pk=committee.pk)
    if proposal is None:
        form = ImportReviewForm(request.POST, committees=committees)
        rows = ImportRowFormSet(request.POST, prefix="r", form_kwargs={"units": units})
        return form, rows
    m, n = proposal.meeting, proposal.notice
    form = ImportReviewForm(
        committees=committees,
        initial={
            "committee": committee,
            "source_text": proposal.text,
            "source_name": proposal.source_name,
            "kind": m["kind"],
            "title": m["title"],
            "day": m["day"],
            "period": m["period"].label if m["period"] else "",
            "online": m["online"],
            "points": m["points"],
            "chairs": "\n".join(f"{name}, {title}" for name, title in m["chairs"]),
            "notice_title": n["title"],
            "number": n["number"],
            "doc_date": n["doc_date"],
            "signer_name": n["signer_name"],
        },
    )
    rows = ImportRowFormSet(
        prefix="r",
        form_kwargs={"units": units},
        initial=[
            {
                "text": r.text,
                "deadline": r.deadline,
                "all_units": r.all_units,
                "lead_units": r.lead,
                "coordinating_units": r.coordinating,
            }
            for r in proposal.rows
        ],
    )
    return form, rows


@login_required
@require_http_methods(["GET", "POST"])
def import_text(request: HttpRequest) -> HttpResponse:
    committees = _committees(request)
    if not committees:
        raise PermissionDenied
    if request.method == "POST" and request.POST.get("stage") == "save":
        return _save(request, committees)
    start = ImportStartForm(
        request.POST or None,
        request.FILES or None,
        committees=committees,
        initial={"committee": committees[0]},
    )
    if request.method == "POST" and start.is_valid():
        committee = start.cleaned_data["committee"]
        try:
            text, name = importing.read_text(
                text=start.cleaned_data["text"] or "", upload=start.cleaned_data["upload"]
            )
            proposal = importing.propose(committee=committee, text=text, source_name=name)
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                exc = ValidationError(
                    {("upload" if k == "upload" else "text"): v for k, v in exc.error_dict.items()}
                )
            apply_validation_error(start, exc)
        else:
            form, rows = _review_forms(request, committees, committee, proposal)
            return render(
                request,
                "meetings/import_review.html",
                _ctx(
                    form,
                    rows,
                    committee,
                    proposal,
                    [r.unknown for r in proposal.rows],
                    [r.phrases for r in proposal.rows],
                ),
            )
    status = 400 if request.method == "POST" else 200
    return render(request, "meetings/import_start.html", {"form": start}, status=status)


def _save(request: HttpRequest, committees) -> HttpResponse:
    probe = ImportReviewForm(request.POST, committees=committees)
    try:
        committee = probe.fields["committee"].clean(request.POST.get("committee"))
    except ValidationError:
        start = ImportStartForm(committees=committees)
        start.add_error(None, _("Unknown committee."))
        return render(request, "meetings/import_start.html", {"form": start}, status=400)
    form, rows = _review_forms(request, committees, committee)
    if all([form.is_valid(), rows.is_valid()]):
        d = form.cleaned_data
        duplicates = importing.MeetingFile.objects.filter(
            kind=importing.FileKind.ORIGINAL_TEXT,
            sha256=importing.text_hash(d["source_text"]),
            meeting__committee=committee,
        ).exists()
        if duplicates and not d["confirm_duplicate"]:
            form.add_error(
                "confirm_duplicate",
                _("This text was imported before: tick the box to import it again."),
            )
        else:
            reviewed = [
                importing.ReviewedRow(
                    text=r["text"],
                    deadline=r.get("deadline"),
                    all_units=r.get("all_units", False),
                    lead_units=tuple(r.get("lead_units") or ()),
                    coordinating_units=tuple(r.get("coordinating_units") or ()),
                    proposed=_proposed(request, f.prefix),
                )
                for f in rows.forms
                for r in [f.cleaned_data]
                if r and not r.get("DELETE")
            ]
            try:
                _meeting, notice = importing.save_import(
                    committee=committee,
                    user=request.user,
                    text=d["source_text"],
                    source_name=d["source_name"],
                    meeting={
                        "kind": d["kind"],
                        "title": d["title"],
                        "day": d["day"],
                        "period": d["period"],
                        "online": d["online"],
                        "points": d["points"] or 0,
                        "chairs": form.chair_pairs(),
                    },
                    notice={
                        "title": d["notice_title"],
                        "number": d["number"],
                        "doc_date": d["doc_date"],
                        "signer_name": d["signer_name"],
                    },
                    rows=reviewed,
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(
                    request,
                    _("Imported: the meeting and the draft notice with %(n)s items are saved.")
                    % {"n": len(reviewed)},
                )
                return redirect("meetings:notice", pk=notice.pk)
    kept = [_proposed(request, f.prefix) for f in rows.forms]
    return render(
        request,
        "meetings/import_review.html",
        _ctx(form, rows, committee, None, [], kept),
        status=400,
    )


def _proposed(request: HttpRequest, prefix: str) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """The row's proposal carried through the review form: (phrase, unit ids) pairs.

    It only tells which phrase a corrected unit names; anything malformed is no proposal."""
    try:
        data = json.loads(request.POST.get(f"{prefix}-proposed") or "[]")
        return tuple(
            (str(phrase)[:200], tuple(int(pk) for pk in pks))
            for phrase, pks in data[:20]
            if isinstance(phrase, str) and isinstance(pks, list)
        )
    except (ValueError, TypeError):
        return ()


def _ctx(form, rows, committee, proposal, notes, proposed=()) -> dict:
    from itertools import zip_longest

    units = _unit_choices([committee.pk]).exclude(pk=committee.pk)
    carried = [
        json.dumps([[p, list(pks)] for p, pks in row], ensure_ascii=False) for row in proposed
    ]
    n = len(rows.forms)
    return {
        "unit_options": list(units.values_list("pk", "name")),
        "form": form,
        "rows": rows,
        "committee": committee,
        "proposal": proposal,
        "row_pairs": list(zip_longest(rows.forms, notes[:n], carried[:n])),
    }
