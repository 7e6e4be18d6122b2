"""Reminder letters: the office makes one (for a unit or for all), lists them, downloads them."""

from __future__ import annotations

import re

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from giaoban.core.permissions import scope_for
from giaoban.core.views import apply_validation_error
from giaoban.notifications import letters
from giaoban.notifications.models import ReminderLetter
from giaoban.org.models import Unit

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class LetterNumberField(forms.Field):
    """The letter's number: "215" or as the office writes it, "215-CV/VPTU" or "Số 215-CV/VPTU"
    (the "-CV/VPTU" part is the letter's own); anything else is said in words."""

    _NUMBER = re.compile(r"^(?:s[oố]\s*)?(\d{1,6})(?:\s*-\s*CV\s*/\s*VPTU)?$", re.IGNORECASE)

    widget = forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "215"})

    def to_python(self, value):
        text = " ".join(str(value or "").split())[:40]
        if not text:
            return None
        match = self._NUMBER.match(text)
        if match is None:
            raise forms.ValidationError(
                _(
                    "Write the letter's number, e.g. 215 or 215-CV/VPTU "
                    "(the “-CV/VPTU” part is added by itself)."
                ),
                code="invalid",
            )
        return int(match.group(1))


class LetterForm(forms.Form):
    committee = forms.ModelChoiceField(
        label=_("Committee"), queryset=Unit.objects.none(), empty_label=None
    )
    unit = forms.ModelChoiceField(
        label=_("To"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("Every unit with overdue or soon-due work"),
    )
    number = LetterNumberField(label=_("Number (…-CV/VPTU)"))
    signer_title = forms.CharField(
        label=_("Signer's title"), max_length=200, widget=forms.Textarea(attrs={"rows": 2})
    )
    signer_name = forms.CharField(label=_("Signer's name"), max_length=200)
    reply_by = forms.DateField(label=_("Report back by"))


def _office_committees(request: HttpRequest):
    ids = scope_for(request.user).office_committee_ids
    if not ids:
        raise PermissionDenied
    return Unit.objects.filter(pk__in=ids).order_by("name")


@login_required
@require_GET
def letter_list(request: HttpRequest) -> HttpResponse:
    committees = _office_committees(request)
    qs = ReminderLetter.objects.filter(committee__in=committees).select_related(
        "unit", "created_by"
    )
    return render(request, "notifications/letters.html", {"letters": qs[:100]})


@login_required
@require_http_methods(["GET", "POST"])
def letter_create(request: HttpRequest) -> HttpResponse:
    committees = _office_committees(request)
    first = committees.first()
    today = timezone.localdate()
    form = LetterForm(
        request.POST or None,
        initial={
            "committee": first,
            "number": letters.next_number(first, today.year),
            "signer_title": "K/T CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG",
            "reply_by": today + timezone.timedelta(days=7),
        },
    )
    scope = scope_for(request.user)
    form.fields["committee"].queryset = committees
    form.fields["unit"].queryset = (
        Unit.objects.active()
        .filter(pk__in=scope.office_unit_ids - scope.office_committee_ids)
        .order_by("sort_order", "name")
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            letter = letters.create_letter(
                data=letters.LetterInput(
                    committee=d["committee"],
                    unit=d["unit"],
                    number=d["number"],
                    signer_title=d["signer_title"],
                    signer_name=d["signer_name"],
                    reply_by=d["reply_by"],
                ),
                user=request.user,
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("Letter %(n)s made: %(k)s items.") % {"n": letter.label, "k": letter.item_count},
            )
            return redirect("notifications:letters")
    status = 400 if request.method == "POST" else 200
    return render(request, "notifications/letter_form.html", {"form": form}, status=status)


@login_required
@require_GET
def letter_file(request: HttpRequest, pk: int) -> FileResponse:
    """The office of the committee, and the staff of an addressed unit, may read a letter."""
    scope = scope_for(request.user)
    letter = ReminderLetter.objects.filter(pk=pk).first()
    if letter is None or not letter.file:
        raise Http404
    office = letter.committee_id in scope.office_committee_ids
    addressed = letter.assignments.filter(unit_id__in=scope.readable_unit_ids).exists()
    if not (office or addressed or scope.is_admin):
        raise Http404
    return FileResponse(
        letter.file.open("rb"),
        as_attachment=True,
        filename=f"{letter.label.replace('/', '-')}.docx",
        content_type=DOCX,
    )
