"""Forms of the meeting pages: shape only (dates, lengths, choices); rules live in services."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from giaoban.meetings.models import AgendaKind, MeetingKind, MeetingState, Part
from giaoban.org.models import Unit
from giaoban.periods import Period
from giaoban.tasks.forms import BootstrapMixin, date_field

TIME_WIDGET = forms.TimeInput(attrs={"placeholder": "08:00"}, format="%H:%M")


class PeriodField(forms.Field):
    """A period as written: "Quý IV/2023", "quý 2/2024", "6 tháng đầu năm 2024", "năm 2023"."""

    widget = forms.TextInput

    def __init__(self, *args, max_length: int = 60, **kwargs):
        self.max_length = max_length
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        return value.label if isinstance(value, Period) else value

    def to_python(self, value):
        value = (value or "").strip() if isinstance(value, str) else value
        if not value:
            return None
        if isinstance(value, Period):
            return value
        if len(value) > self.max_length:
            raise forms.ValidationError(_("The period is too long."))
        try:
            return Period.parse(value)
        except ValueError:
            raise forms.ValidationError(
                _("Write the period as 'Quý IV/2023', '6 tháng đầu năm 2024' or 'năm 2023'.")
            )


def combine(day, at: time | None) -> datetime:
    return datetime.combine(day, at or time(8, 0), tzinfo=ZoneInfo(settings.TIME_ZONE))


class MeetingForm(BootstrapMixin, forms.Form):
    committee = forms.ModelChoiceField(
        label=_("Host committee"),
        queryset=Unit.objects.none(),
        error_messages={"invalid_choice": _("Unknown committee.")},
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=MeetingKind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    period = PeriodField(
        label=_("Period reviewed"), required=False, max_length=60, help_text=_("E.g. Quý IV/2023")
    )
    day = date_field(_("Date"))
    at = forms.TimeField(
        label=_("Time"),
        required=False,
        widget=TIME_WIDGET,
        error_messages={"invalid": _("Enter a time as hh:mm.")},
    )
    ends = forms.TimeField(
        label=_("Ends at"),
        required=False,
        widget=TIME_WIDGET,
        error_messages={"invalid": _("Enter a time as hh:mm.")},
    )
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    online = forms.BooleanField(label=_("Online, with connection points"), required=False)
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, committees=None, **kwargs):
        super().__init__(*args, **kwargs)
        if committees is not None:
            self.fields["committee"].queryset = committees

    def clean(self):
        data = super().clean()
        if data.get("day") and data.get("ends") and data.get("at") and data["ends"] < data["at"]:
            self.add_error("ends", _("The meeting cannot end before it starts."))
        return data

    def starts_at(self) -> datetime:
        return combine(self.cleaned_data["day"], self.cleaned_data.get("at"))

    def ends_at(self) -> datetime | None:
        ends = self.cleaned_data.get("ends")
        return combine(self.cleaned_data["day"], ends) if ends else None


class UnitChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class ParticipantForm(BootstrapMixin, forms.Form):
    part = forms.ChoiceField(label=_("Part"), choices=Part.choices, initial=Part.ATTENDS)
    unit = UnitChoice(label=_("Unit"), queryset=Unit.objects.none(), required=False)
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    # the person's position ("Phó Bí thư Thường trực Tỉnh ủy"), not a document's title
    title = forms.CharField(label=_("Position"), max_length=300, required=False)
    absence_reason = forms.CharField(label=_("Reason for absence"), max_length=500, required=False)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units

    def clean(self):
        data = super().clean()
        if not data.get("unit") and not data.get("name"):
            raise forms.ValidationError(_("Name the person or choose the unit."))
        if data.get("part") == Part.ABSENT and not data.get("absence_reason"):
            self.add_error("absence_reason", _("Give the reason for the absence."))
        return data


class AgendaForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=AgendaKind.choices, initial=AgendaKind.OTHER)
    title = forms.CharField(label=_("Agenda item"), max_length=500)
    presenter = forms.CharField(label=_("Presented by"), max_length=300, required=False)


class PointForm(BootstrapMixin, forms.Form):
    name = forms.CharField(label=_("Connection point"), max_length=300)
    unit = UnitChoice(label=_("Unit"), queryset=Unit.objects.none(), required=False)
    attendance = forms.IntegerField(label=_("Attendance"), min_value=0, required=False)
    connected = forms.BooleanField(label=_("Connected"), required=False, initial=True)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units


def formset(form_cls, extra: int = 2):
    return forms.formset_factory(form_cls, extra=extra, can_delete=True, max_num=500)


ParticipantFormSet = formset(ParticipantForm, 3)
AgendaFormSet = formset(AgendaForm, 2)
PointFormSet = formset(PointForm, 2)


class MinutesForm(BootstrapMixin, forms.Form):
    secretary_name = forms.CharField(label=_("Secretary"), max_length=200, required=False)
    secretary_title = forms.CharField(label=_("Secretary's title"), max_length=300, required=False)
    text = forms.CharField(
        label=_("Minutes"), max_length=200000, widget=forms.Textarea(attrs={"rows": 16})
    )


class FileForm(BootstrapMixin, forms.Form):
    file = forms.FileField(label=_("File"))


class FilterForm(BootstrapMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *MeetingKind.choices]
    )
    state = forms.ChoiceField(
        label=_("State"), required=False, choices=[("", _("All states")), *MeetingState.choices]
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2999)


class NoticeForm(BootstrapMixin, forms.Form):
    number = forms.CharField(
        label=_("Number"),
        max_length=64,
        required=False,
        help_text=_("E.g. 123-TB/TU; may be given at issue."),
    )
    doc_date = date_field(_("Date"), required=False)
    issuer_parent = forms.CharField(
        label=_("Body above the issuer"), max_length=200, required=False
    )
    issuer = forms.CharField(label=_("Issuing body"), max_length=200)
    place = forms.CharField(label=_("Place (date line)"), max_length=100, required=False)
    title = forms.CharField(label=_("Subject"), max_length=500)
    opening = forms.CharField(
        label=_("Opening text"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    closing = forms.CharField(
        label=_("Closing text"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    signing_formula = forms.CharField(
        label=_("Signing formula"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One line each: T/M THƯỜNG TRỰC TỈNH ỦY / PHÓ BÍ THƯ THƯỜNG TRỰC"),
    )
    signer_name = forms.CharField(label=_("Signer"), max_length=200, required=False)
    recipients = forms.CharField(
        label=_("Recipients (Nơi nhận)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line."),
    )


class ItemForm(BootstrapMixin, forms.Form):
    number = forms.IntegerField(label=_("No."), min_value=1, max_value=999)
    heading = forms.CharField(label=_("Section heading"), max_length=300, required=False)
    text = forms.CharField(
        label=_("Text"), max_length=20000, widget=forms.Textarea(attrs={"rows": 2})
    )
    no_task = forms.BooleanField(label=_("No task arises"), required=False)
    no_task_reason = forms.CharField(label=_("Why no task"), max_length=500, required=False)


ItemFormSet = formset(ItemForm, 2)


class UnitsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class ItemTaskForm(BootstrapMixin, forms.Form):
    text = forms.CharField(
        label=_("Task"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    deadline = date_field(_("Deadline"), required=False)
    all_units = forms.BooleanField(label=_("All units"), required=False)
    lead_units = UnitsField(label=_("Lead units"), queryset=Unit.objects.none(), required=False)
    coordinating_units = UnitsField(
        label=_("Coordinating units"), queryset=Unit.objects.none(), required=False
    )
    task = forms.ModelChoiceField(
        label=_("Or link an existing task"), queryset=None, required=False
    )

    def __init__(self, *args, units=None, tasks=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["lead_units"].queryset = units
            self.fields["coordinating_units"].queryset = units
        from giaoban.tasks.models import Task

        self.fields["task"].queryset = tasks if tasks is not None else Task.objects.none()

    def clean(self):
        data = super().clean()
        if not data.get("task") and not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Write the task, or link an existing task."))
        return data


ItemTaskFormSet = formset(ItemTaskForm, 1)


class IssueForm(BootstrapMixin, forms.Form):
    number = forms.CharField(label=_("Number"), max_length=64)
    doc_date = date_field(_("Date"))


class ReasonForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ImportStartForm(BootstrapMixin, forms.Form):
    committee = forms.ModelChoiceField(
        label=_("Host committee"),
        queryset=Unit.objects.none(),
        error_messages={"invalid_choice": _("Unknown committee.")},
    )
    text = forms.CharField(
        label=_("Paste the text"), required=False, widget=forms.Textarea(attrs={"rows": 12})
    )
    upload = forms.FileField(label=_("Or upload a .txt, .docx or .html file"), required=False)

    def __init__(self, *args, committees=None, **kwargs):
        super().__init__(*args, **kwargs)
        if committees is not None:
            self.fields["committee"].queryset = committees


class ImportReviewForm(BootstrapMixin, forms.Form):
    committee = forms.ModelChoiceField(queryset=Unit.objects.none(), widget=forms.HiddenInput)
    source_text = forms.CharField(widget=forms.HiddenInput, max_length=2 * 1024 * 1024)
    source_name = forms.CharField(widget=forms.HiddenInput, required=False, max_length=255)
    kind = forms.ChoiceField(label=_("Kind"), choices=MeetingKind.choices)
    title = forms.CharField(label=_("Meeting"), max_length=300)
    day = date_field(_("Date"))
    period = PeriodField(label=_("Period reviewed"), required=False, max_length=60)
    online = forms.BooleanField(label=_("Online"), required=False)
    points = forms.IntegerField(
        label=_("Connection points"), min_value=0, max_value=500, required=False
    )
    chairs = forms.CharField(
        label=_("Chairs"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line: name, title"),
    )
    notice_title = forms.CharField(label=_("Subject of the notice"), max_length=500)
    number = forms.CharField(label=_("Number"), max_length=64, required=False)
    doc_date = date_field(_("Date of the notice"), required=False)
    signer_name = forms.CharField(label=_("Signer"), max_length=200, required=False)
    confirm_duplicate = forms.BooleanField(label=_("Import it again anyway"), required=False)

    def __init__(self, *args, committees=None, **kwargs):
        super().__init__(*args, **kwargs)
        if committees is not None:
            self.fields["committee"].queryset = committees

    def chair_pairs(self) -> list[tuple[str, str]]:
        pairs = []
        for line in (self.cleaned_data.get("chairs") or "").splitlines():
            if line.strip():
                name, _sep, title = line.partition(",")
                pairs.append((name.strip(), title.strip()))
        return pairs


class ImportRowForm(BootstrapMixin, forms.Form):
    text = forms.CharField(
        label=_("Directive"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    deadline = date_field(_("Deadline"), required=False)
    all_units = forms.BooleanField(label=_("All units"), required=False)
    lead_units = UnitsField(label=_("Lead units"), queryset=Unit.objects.none(), required=False)
    coordinating_units = UnitsField(
        label=_("Coordinating units"), queryset=Unit.objects.none(), required=False
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["lead_units"].queryset = units
            self.fields["coordinating_units"].queryset = units

    def clean(self):
        data = super().clean()
        if (
            not data.get("DELETE")
            and data.get("text")
            and not data.get("all_units")
            and not data.get("lead_units")
            and not data.get("coordinating_units")
        ):
            raise forms.ValidationError(_("Choose the units of this directive, or 'all units'."))
        return data


ImportRowFormSet = formset(ImportRowForm, 0)
