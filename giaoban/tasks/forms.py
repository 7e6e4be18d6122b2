"""Forms for every act on tasks and assignments. Validation of the business
rules lives in services.py; forms check shape (dates, lengths, choices)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from giaoban.core.forms import BootstrapMixin, date_field
from giaoban.org.models import Unit
from giaoban.tasks.models import NOTE_MAX, TEXT_MAX
from giaoban.tasks.status import StatusClass


class LeaderChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj} — {obj.position}" if obj.position else str(obj)


class TaskFields(BootstrapMixin, forms.Form):
    """The fields of a task's source and content, shared by entry (TaskForm) and correction
    (edit_forms.TaskEditForm)."""

    doc_number = forms.CharField(
        label=_("Document number"), max_length=64, help_text=_("E.g. 90-TB/TU or 45/KH-UBND")
    )
    doc_date = date_field(_("Document date"))
    item_number = forms.CharField(label=_("Item"), max_length=16, required=False)
    text = forms.CharField(
        label=_("Content"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 4})
    )
    deadline = date_field(_("Deadline"), required=False)
    directed_by = LeaderChoiceField(
        label=_("Directed by (leader)"),
        queryset=None,
        required=False,
        error_messages={"invalid_choice": _("Unknown leader.")},
    )
    directed_by_name = forms.CharField(
        label=_("Directed by (name and title)"),
        max_length=200,
        required=False,
        help_text=_("When the leader has no account, e.g. 'Bí thư Tỉnh ủy'."),
    )

    def __init__(self, *args, leaders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["directed_by"].queryset = leaders


class TaskForm(TaskFields):
    field_order = ["committee"]

    committee = forms.ModelChoiceField(
        label=_("Host committee"),
        queryset=Unit.objects.none(),
        error_messages={"invalid_choice": _("Unknown committee.")},
    )
    all_units = forms.BooleanField(label=_("All units"), required=False)
    lead_units = forms.ModelMultipleChoiceField(
        label=_("Lead units"),
        queryset=Unit.objects.none(),
        required=False,
        error_messages={
            "invalid_choice": _("Unknown unit: %(value)s."),
            "invalid_pk_value": _("Unknown unit: %(pk)s."),
        },
    )
    coordinating_units = forms.ModelMultipleChoiceField(
        label=_("Coordinating units"),
        queryset=Unit.objects.none(),
        required=False,
        error_messages={
            "invalid_choice": _("Unknown unit: %(value)s."),
            "invalid_pk_value": _("Unknown unit: %(pk)s."),
        },
    )

    def __init__(self, *args, committees, units, leaders, **kwargs):
        super().__init__(*args, leaders=leaders, **kwargs)
        self.fields["committee"].queryset = committees
        self.fields["lead_units"].queryset = units
        self.fields["coordinating_units"].queryset = units
        if committees.count() == 1:
            self.fields["committee"].initial = committees.first()


class ProgressForm(BootstrapMixin, forms.Form):
    text = forms.CharField(
        label=_("Progress note"), max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )
    percent = forms.IntegerField(
        label=_("Progress (%)"), min_value=0, max_value=100, required=False
    )
    attachment = forms.FileField(label=_("Attachment"), required=False)


class ClaimForm(BootstrapMixin, forms.Form):
    completed_on = date_field(_("Completed on"))
    evidence_number = forms.CharField(
        label=_("Output document number"),
        max_length=64,
        required=False,
        help_text=_("E.g. 335-BC/ĐU"),
    )
    evidence_date = date_field(_("Output document date"), required=False)
    note = forms.CharField(
        label=_("Note"),
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    attachment = forms.FileField(label=_("Attachment"), required=False)


class ReasonForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )


class DecisionForm(BootstrapMixin, forms.Form):
    approve = forms.TypedChoiceField(
        label=_("Decision"),
        coerce=lambda v: v == "1",
        choices=[("1", _("Approve")), ("0", _("Reject"))],
    )
    reason = forms.CharField(
        label=_("Note"),
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ExtensionForm(BootstrapMixin, forms.Form):
    new_deadline = date_field(_("Requested deadline"))
    reason = forms.CharField(
        label=_("Reason"), max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )


class FilterForm(BootstrapMixin, forms.Form):
    """Filters shared by the task list, the assignment list and the API."""

    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        required=False,
        error_messages={"invalid_choice": _("Unknown unit.")},
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + list(StatusClass.choices)
    )
    source = forms.CharField(label=_("Source document"), max_length=64, required=False)
    deadline_from = date_field(_("Deadline from"), required=False)
    deadline_to = date_field(_("Deadline to"), required=False)
    as_of = date_field(_("Status as of"), required=False)
    leader = LeaderChoiceField(
        label=_("Directed by"),
        queryset=None,
        required=False,
        error_messages={"invalid_choice": _("Unknown leader.")},
    )
    ordering = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        error_messages={"invalid_choice": _("Unknown sort order: %(value)s.")},
    )

    def __init__(self, *args, units, leaders=None, orderings=None, **kwargs):
        from giaoban.accounts.models import User
        from giaoban.tasks.ordering import ASSIGNMENT_ORDERINGS, choices

        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["leader"].queryset = leaders if leaders is not None else User.objects.none()
        self.fields["ordering"].choices = choices(orderings or ASSIGNMENT_ORDERINGS)

    #: above this many units the unit filter is a searchable picker, not a <select> of them all
    PICKER_ABOVE = 200

    def use_picker(self, scope) -> bool:
        return scope.is_admin or len(scope.readable_unit_ids) > self.PICKER_ABOVE

    def picked_unit(self):
        """The unit chosen in the picker (already loaded by the form's validation), or None."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data.get("unit")
        return None

    def unit_options(self) -> list[tuple[int, str, bool]]:
        """(id, name, selected) for the unit <select>, rendered by a plain loop in the template:
        Django's widget renders each of a committee's ~100 options through a template of its own."""
        chosen = str(self["unit"].value() or "")
        return [
            (pk, name, str(pk) == chosen)
            for pk, name in self.fields["unit"].queryset.values_list("pk", "name")
        ]

    def clean(self):
        data = super().clean()
        a, b = data.get("deadline_from"), data.get("deadline_to")
        if a and b and a > b:
            self.add_error("deadline_from", _("'Deadline from' must not be after 'deadline to'."))
        return data
