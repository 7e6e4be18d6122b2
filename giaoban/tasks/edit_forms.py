"""Forms of the corrections to a task (editing.py): shape only, the rules are in the services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from giaoban.org.models import Unit
from giaoban.tasks.forms import BootstrapMixin, ClaimForm, LeaderChoiceField, date_field
from giaoban.tasks.models import NOTE_MAX, TEXT_MAX


class TaskEditForm(BootstrapMixin, forms.Form):
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
        label=_("Directed by (name and title)"), max_length=200, required=False
    )
    reason = forms.CharField(
        label=_("Reason for the correction"),
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when the deadline is corrected. A correction is not an extension."),
    )

    def __init__(self, *args, leaders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["directed_by"].queryset = leaders


class AddUnitsForm(BootstrapMixin, forms.Form):
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

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_units"].queryset = units
        self.fields["coordinating_units"].queryset = units


class RemoveUnitForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RecordCompletionForm(ClaimForm):
    """The office records a completion it holds the document for (older notices)."""
