"""The register pages: the register view, its XLSX export, and the XLSX import with a preview."""

from __future__ import annotations

import secrets
from dataclasses import replace
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from giaoban.core.permissions import scope_for
from giaoban.core.references import display_reference
from giaoban.core.views import paginate, querystring_without_page
from giaoban.org.models import Unit
from giaoban.tasks.filtering import ListQuery, parse_list_query
from giaoban.tasks.register import (
    COLUMNS,
    RegisterRow,
    _labels,
    everyone_of,
    export_rows,
    page_words,
    registered_tasks,
    row_of,
)
from giaoban.tasks.register_import import run
from giaoban.tasks.register_xlsx import MAX_BYTES, RegisterFileError, read_register, write_register

SESSION_KEY = "register_import"
#: the register's column titles on the page, in the interface's language (the file keeps the
#: paper register's Vietnamese titles: its import recognises a file by them)
PAGE_TITLES = {
    "stt": pgettext_lazy("register column", "No."),
    "source": gettext_lazy("Document number and date"),
    "text": gettext_lazy("Summary of the task"),
    "lead": gettext_lazy("Lead unit"),
    "coordinating": gettext_lazy("Coordinating units"),
    "deadline": gettext_lazy("Deadline"),
    "result": pgettext_lazy("register column", "Result"),
    "note": gettext_lazy("Note"),
}


def _page_rows(tasks: list, offset: int) -> list[RegisterRow]:
    """The register's rows as the page shows them: source and note in the interface's
    language (the file keeps the paper register's Vietnamese); "all units" summed up for the
    tasks given to every unit (one query for the page's committees)."""
    everyone: dict[int, frozenset[int]] = {}
    everyone_of({t.committee_id for t in tasks}, everyone)
    labels, words = _labels(), page_words()
    out = []
    for i, task in enumerate(tasks, start=1):
        row = row_of(offset + i, task, labels, everyone=everyone, words=words)
        source = display_reference(task.doc_number, task.doc_date, task.item_number, numbered=False)
        out.append(replace(row, source=source))
    return out


def _filters(request: HttpRequest) -> ListQuery:
    """The register's filters, read by the same parser as the task lists: an invalid value is
    refused with its message (the page lists nothing, status 400), never silently dropped."""
    return parse_list_query(request.user, request.GET)


def _committee_label(request: HttpRequest) -> str:
    scope = scope_for(request.user)
    ids = scope.reach_root_ids or scope.own_unit_ids
    names = list(Unit.objects.filter(pk__in=ids).order_by("name").values_list("name", flat=True))
    return ", ".join(names[:3]) or "giaoban"


@login_required
@require_GET
def register(request: HttpRequest) -> HttpResponse:
    query = _filters(request)
    form, filters, ref = query.form, query.filters, query.ref
    qs = registered_tasks(request.user, filters, ref)
    page = paginate(request, qs.none() if query.refused else qs, per_page=50)
    offset = (page.number - 1) * 50
    table = _page_rows(list(page.object_list), offset)
    ctx = {
        "form": form,
        "page": page,
        "rows": table,
        "columns": [(key, PAGE_TITLES[key], width) for key, _title, width in COLUMNS],
        "qs": querystring_without_page(request),
        "ref": ref,
        "can_import": bool(scope_for(request.user).office_committee_ids),
    }
    return render(request, "tasks/register.html", ctx, status=400 if query.refused else 200)


@login_required
@require_GET
def register_export(request: HttpRequest) -> HttpResponse:
    query = _filters(request)
    if query.refused:  # the register page with the message, not a file of everything
        return register(request)
    filters, ref = query.filters, query.ref
    out = write_register(
        export_rows(request.user, filters, ref),
        committee=_committee_label(request),
        as_of=ref,
    )
    return FileResponse(
        out,
        as_attachment=True,
        filename=f"so-theo-doi-nhiem-vu-{ref:%Y%m%d}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


class ImportForm(forms.Form):
    committee = forms.ModelChoiceField(
        label=gettext_lazy("Committee"), queryset=Unit.objects.none(), empty_label=None
    )
    file = forms.FileField(label=gettext_lazy("Register file (.xlsx)"), required=False)
    token = forms.CharField(required=False, widget=forms.HiddenInput)
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)


def _upload_dir() -> Path:
    path = settings.VAR_DIR / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


@login_required
@require_http_methods(["GET", "POST"])
def register_import(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    if not scope.office_committee_ids:
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    form.fields["committee"].queryset = Unit.objects.filter(pk__in=scope.office_committee_ids)
    ctx: dict = {"form": form, "columns": COLUMNS, "max_mb": MAX_BYTES // (1024 * 1024)}
    if request.method != "POST" or not form.is_valid():
        return render(
            request, "tasks/register_import.html", ctx, status=400 if form.errors else 200
        )
    committee = form.cleaned_data["committee"]
    upload = form.cleaned_data["file"]
    token = form.cleaned_data["token"]
    if upload is not None:
        # keep the file for the confirming POST; the token is tied to this session
        token = secrets.token_hex(16)
        path = _upload_dir() / f"{token}.xlsx"
        with path.open("wb") as fh:
            for chunk in upload.chunks():
                fh.write(chunk)
        request.session[SESSION_KEY] = {"token": token, "name": upload.name[:200]}
    stored = request.session.get(SESSION_KEY) or {}
    if not token or stored.get("token") != token:
        form.add_error("file", _("Choose the register file to import."))
        return render(request, "tasks/register_import.html", ctx, status=400)
    path = _upload_dir() / f"{token}.xlsx"
    try:
        with path.open("rb") as fh:
            parsed = read_register(fh, size=path.stat().st_size)
    except (RegisterFileError, FileNotFoundError) as exc:
        form.add_error(
            "file",
            str(exc)
            if isinstance(exc, RegisterFileError)
            else _("Choose the register file to import."),
        )
        return render(request, "tasks/register_import.html", ctx, status=400)
    commit = bool(form.cleaned_data["confirm"]) and upload is None
    try:
        outcome = run(
            parsed,
            committee=committee,
            user=request.user,
            commit=commit,
            filename=stored.get("name", ""),
        )
    except ValidationError:
        commit = False
        outcome = run(parsed, committee=committee, user=request.user, commit=False)
    if commit:
        path.unlink(missing_ok=True)
        request.session.pop(SESSION_KEY, None)
        messages.success(
            request,
            _("%(n)s tasks imported; %(k)s already entered were skipped.")
            % {"n": outcome.created, "k": outcome.existing},
        )
        return redirect("tasks:register")
    ctx.update(
        {
            "outcome": outcome,
            "token": token,
            "committee": committee,
            "filename": stored.get("name", ""),
        }
    )
    return render(request, "tasks/register_import.html", ctx, status=400 if outcome.wrong else 200)
