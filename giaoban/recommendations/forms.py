"""Forms of the register pages (shape only; the services check the rules)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from giaoban.recommendations.models import ANSWER_MAX, TEXT_MAX, RecState
from giaoban.tasks.forms import BootstrapMixin, date_field


class FilterForm(BootstrapMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    state = forms.ChoiceField(
        label=_("State"), required=False, choices=[("", "—")] + RecState.choices
    )
    unit = forms.ModelChoiceField(label=_("Unit"), required=False, queryset=None)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    raised_from = date_field(_("Raised from"), required=False)
    raised_to = date_field(_("Raised until"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class RaiseForm(BootstrapMixin, forms.Form):
    unit = forms.ModelChoiceField(label=_("From unit"), queryset=None)
    text = forms.CharField(
        label=_("Recommendation"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 4})
    )
    addressed_to = forms.CharField(label=_("Addressed to"), max_length=200, required=False)
    response_deadline = date_field(_("Answer wanted by"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        if units.count() == 1:
            self.fields["unit"].initial = units.first()


class ForwardForm(BootstrapMixin, forms.Form):
    to_unit = forms.ModelChoiceField(label=_("Forward to"), queryset=None)
    response_deadline = date_field(_("Answer due by"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_unit"].queryset = units


class AnswerForm(BootstrapMixin, forms.Form):
    answer = forms.CharField(
        label=_("Text of the answer"),
        max_length=ANSWER_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
