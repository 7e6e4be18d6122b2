"""Forms of the corrections to a task (editing.py): shape only, the rules are in the services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from giaoban.org.models import Unit
from giaoban.tasks.forms import BootstrapMixin, ClaimForm, TaskFields
from giaoban.tasks.models import NOTE_MAX


class TaskEditForm(TaskFields):
    reason = forms.CharField(
        label=_("Reason for the correction"),
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when the deadline is corrected. A correction is not an extension."),
    )


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
