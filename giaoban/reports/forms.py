"""Forms of the reporting pages. They check shape; the services check the rules."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from giaoban.core.files import ALLOWED_ATTACHMENT_EXTENSIONS
from giaoban.periods import MAX_YEAR, MIN_YEAR, Period, PeriodType
from giaoban.reports.models import (
    NEXT_TASKS_MAX,
    REASON_MAX,
    PeriodTypeChoice,
    ReportingRules,
    SectionKey,
)
from giaoban.tasks.forms import BootstrapMixin, date_field


class UnitChoices(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj) -> str:
        return obj.name


class PeriodForm(BootstrapMixin, forms.Form):
    committee = forms.ModelChoiceField(label=_("Committee"), queryset=None)
    period_type = forms.ChoiceField(label=_("Period type"), choices=PeriodTypeChoice.choices)
    year = forms.IntegerField(label=_("Year"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    number = forms.IntegerField(
        label=_("Number"),
        required=False,
        min_value=1,
        max_value=12,
        help_text=_("Month 1–12, quarter 1–4, half 1–2; empty for nine months and year."),
    )
    due_date = date_field(_("Due date (empty: from the committee's rules)"), required=False)

    def __init__(self, *args, committees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = committees
        if committees.count() == 1:
            self.fields["committee"].initial = committees.first()

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        kind = PeriodType(data["period_type"])
        number = (
            data.get("number")
            if kind in (PeriodType.MONTH, PeriodType.QUARTER, PeriodType.HALF)
            else None
        )
        try:
            data["period"] = Period(data["year"], kind, number)
        except ValueError:
            raise forms.ValidationError(
                _("This period does not exist: check the number.")
            ) from None
        return data


class ExpectedForm(forms.Form):
    units = UnitChoices(label=_("Units that must report"), queryset=None, required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = units


class CloseForm(BootstrapMixin, forms.Form):
    allow_late = forms.BooleanField(
        label=_("Still accept late reports (counted late)"), required=False
    )


class RulesForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = ReportingRules
        fields = [
            "cutoff_day",
            "due_working_days",
            "due_day",
            "due_month_offset",
            "plan_due_day",
            "plan_due_month",
            "plan_approve_day",
            "plan_approve_month",
        ]


class SubmitForm(BootstrapMixin, forms.Form):
    doc_number = forms.CharField(
        label=_("Number of the signed report"),
        max_length=64,
        required=False,
        help_text=_("e.g. 335-BC/ĐU"),
    )
    doc_date = date_field(_("Date of the signed report"), required=False)
    document = forms.FileField(label=_("Signed report (PDF/DOCX)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # the page refuses a file over the limit as soon as it is chosen (reports/report_form.js):
        # sending it would be refused whole, before the typed text could be saved
        limit = settings.GIAOBAN_MAX_ATTACHMENT_BYTES
        self.fields["document"].widget.attrs.update(
            {
                "data-max-bytes": str(limit),
                "data-too-large": _("The file is larger than %(mb)s MB.")
                % {"mb": limit // (1024 * 1024)},
                "accept": ",".join(sorted(ALLOWED_ATTACHMENT_EXTENSIONS)),
            }
        )


class ReasonForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason for returning"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReportFormForm(BootstrapMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    indicators = forms.ModelMultipleChoiceField(
        label=_("Indicators asked"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, indicators, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicators"].queryset = indicators
        titles = {s["key"]: s["title"] for s in sections}
        for key in SectionKey:
            self.fields[f"use_{key.value}"] = forms.BooleanField(
                label=key.label, required=False, initial=key.value in titles
            )
            self.fields[f"title_{key.value}"] = forms.CharField(
                label=_("Title"),
                max_length=200,
                required=False,
                initial=titles.get(key.value, str(key.label)),
            )

    def chosen_sections(self) -> list[dict[str, str]]:
        return [
            {"key": key.value, "title": self.cleaned_data[f"title_{key.value}"] or str(key.label)}
            for key in SectionKey
            if self.cleaned_data.get(f"use_{key.value}")
        ]


class IndicatorForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        from giaoban.reports.models import Indicator

        model = Indicator
        fields = [
            "code",
            "name",
            "measure",
            "direction",
            "accumulation",
            "min_value",
            "max_value",
            "sort_order",
        ]


class TargetForm(BootstrapMixin, forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    unit = forms.ModelChoiceField(
        label=_("Unit (empty: the committee as a whole)"), queryset=None, required=False
    )
    target = forms.DecimalField(label=_("Yearly target"), max_digits=14, decimal_places=2)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class PlanCreateForm(BootstrapMixin, forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=None)
    year = forms.IntegerField(label=_("Year"), min_value=MIN_YEAR, max_value=MAX_YEAR)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        if units.count() == 1:
            self.fields["unit"].initial = units.first()


class PlanItemForm(BootstrapMixin, forms.Form):
    text = forms.CharField(label=_("Content"), max_length=1000)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Whole year")), (1, "I"), (2, "II"), (3, "III"), (4, "IV")],
    )
    key_result = forms.CharField(label=_("Key result"), max_length=500, required=False)
    measure = forms.CharField(label=_("Unit of measure"), max_length=50, required=False)
    target = forms.DecimalField(
        label=_("Target"), max_digits=14, decimal_places=2, required=False, min_value=0
    )
    weight = forms.IntegerField(label=_("Weight"), min_value=1, max_value=100, initial=1)
    breakthrough = forms.BooleanField(
        label=_("Breakthrough (not in the completion share)"), required=False
    )


class PlanDecisionForm(BootstrapMixin, forms.Form):
    approve = forms.BooleanField(required=False)
    reason = forms.CharField(
        label=_("Reason for returning"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CarryItemForm(BootstrapMixin, forms.Form):
    """One task of the report's "next period's tasks", as a draft item of the next quarter's plan."""

    carry = forms.BooleanField(label=_("Carry"), required=False)
    text = forms.CharField(label=_("Content"), max_length=1000, required=False)
    key_result = forms.CharField(label=_("Key result"), max_length=500, required=False)
    weight = forms.IntegerField(label=_("Weight"), min_value=1, max_value=100, initial=1)
    breakthrough = forms.BooleanField(label=_("Breakthrough"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("carry") and not (data.get("text") or "").strip():
            self.add_error("text", _("This field cannot be empty."))
        return data


CarryFormSet = forms.formset_factory(
    CarryItemForm, extra=0, max_num=NEXT_TASKS_MAX, absolute_max=NEXT_TASKS_MAX
)
