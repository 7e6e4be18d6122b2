from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from giaoban.notifications.models import ReminderRule


class PreferenceForm(forms.Form):
    email_enabled = forms.BooleanField(label=_("Send me e-mail"), required=False)
    digest = forms.BooleanField(
        label=_("One digest a day"),
        required=False,
        help_text=_("Off: one e-mail per notification, at each reminder run."),
    )


class RuleForm(forms.ModelForm):
    class Meta:
        model = ReminderRule
        fields = [
            "days_before",
            "on_the_day",
            "overdue_every",
            "escalate_after",
            "claim_unconfirmed_after",
            "report_missing_after",
            "recommendation_unanswered",
        ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.IntegerField):
                # the browser's min=0 is a convenience; the form says it in words as well
                field.min_value = None
                field.validators = [
                    v for v in field.validators if v.__class__.__name__ != "MinValueValidator"
                ]
                field.widget.attrs.pop("min", None)

    def clean(self):
        data = super().clean()
        for name, value in list(data.items()):
            if isinstance(value, int) and not isinstance(value, bool) and value < 0:
                self.add_error(name, _("A number of days cannot be negative."))
        return data
