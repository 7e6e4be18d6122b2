"""Form helpers every app shares: Bootstrap classes on every widget and error, the date field
(dd/mm/yyyy, as Vietnamese offices write dates) and the "as of" reference date.

``as_of`` is the one name of the reference date from the URL to SQL: pages read
``?as_of=dd/mm/yyyy`` (ISO also accepted), the API ``?as_of=yyyy-mm-dd``; both go through
``parse_as_of`` and then to the status rule with ``today`` (``giaoban.core.dates.today``).
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from giaoban.periods import MAX_YEAR, MIN_YEAR

DATE_WIDGET = forms.DateInput(
    attrs={"type": "text", "placeholder": "dd/mm/yyyy", "class": "form-control"}, format="%d/%m/%Y"
)
DATE_ERRORS = {"invalid": _("Enter a valid date as dd/mm/yyyy.")}


class DateField(forms.DateField):
    """A date as dd/mm/yyyy (also dd-mm-yyyy and ISO), within the years the app handles."""

    def to_python(self, value):
        day = super().to_python(value)
        if day is not None and not MIN_YEAR <= day.year <= MAX_YEAR:
            # a year like 3000 or 0001 is a typing mistake: say which years are accepted
            raise ValidationError(
                _("Enter a date between %(first)s and %(last)s."),
                code="date_range",
                params={"first": f"01/01/{MIN_YEAR}", "last": f"31/12/{MAX_YEAR}"},
            )
        return day


def date_field(label: str, required: bool = True) -> forms.DateField:
    return DateField(
        label=label,
        required=required,
        widget=DATE_WIDGET,
        error_messages=DATE_ERRORS,
        input_formats=["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"],
    )


class BootstrapMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            css = (
                "form-select"
                if isinstance(widget, (forms.Select, forms.SelectMultiple))
                else "form-control"
            )
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            widget.attrs.setdefault("class", css)

    def add_error(self, field, error):
        """Every error (from validation or from a service) also marks its field invalid for Bootstrap."""
        super().add_error(field, error)
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                if "is-invalid" not in attrs.get("class", ""):
                    attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()


def parse_as_of(value: str | None) -> date | None:
    """The reference date written in ``value`` (None when empty); ValidationError with the
    user-facing message when it is not a date or lies outside the years the app handles."""
    if value is None or not str(value).strip():
        return None
    return date_field("as_of", required=False).clean(str(value).strip())


def invalid_choice(value: str) -> str:
    """The message of a list filter given a value it does not know (Django's own "Select a
    valid choice" of a choice field, in the user's language), for the pages whose filters are
    read by hand rather than by a form."""
    message = forms.ChoiceField.default_error_messages["invalid_choice"]
    return str(message) % {"value": value[:50]}
