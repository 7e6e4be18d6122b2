"""Forms of the account pages; the rules are in services.py."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from giaoban.accounts.models import User
from giaoban.core.forms import BootstrapMixin
from giaoban.org.models import Unit


class UnitRoleMixin(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        error_messages={"invalid_choice": _("Unknown unit.")},
    )
    role = forms.ChoiceField(label=_("Role"), choices=())

    def __init__(self, *args, units, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["role"].choices = roles


class UserCreateForm(BootstrapMixin, UnitRoleMixin):
    username = forms.CharField(label=_("Username"), max_length=150)
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), required=False)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    field_order = ["username", "full_name", "email", "position", "unit", "role"]

    def clean_username(self):
        name = self.cleaned_data["username"].strip()
        if User.objects.filter(username__iexact=name).exists():
            raise forms.ValidationError(_("This username is taken."))
        return name


class UserEditForm(BootstrapMixin, UnitRoleMixin):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), required=False)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    is_active = forms.BooleanField(label=_("Active (may sign in)"), required=False, initial=True)
    field_order = ["full_name", "email", "position", "unit", "role", "is_active"]


class PasswordForm(BootstrapMixin, forms.Form):
    old_password = forms.CharField(
        label=_("Current password"), widget=forms.PasswordInput(render_value=False)
    )
    new_password1 = forms.CharField(label=_("New password"), widget=forms.PasswordInput)
    new_password2 = forms.CharField(label=_("New password again"), widget=forms.PasswordInput)

    def clean(self):
        data = super().clean()
        if data.get("new_password1") != data.get("new_password2"):
            self.add_error("new_password2", _("The two new passwords differ."))
        return data


class TokenForm(BootstrapMixin, forms.Form):
    name = forms.CharField(
        label=_("Token name"), max_length=100, help_text=_("What will use it, e.g. 'Excel report'.")
    )
    days = forms.IntegerField(
        label=_("Valid for (days)"),
        required=False,
        min_value=1,
        help_text=_("After this the token stops working and a new one is needed."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        days = self.fields["days"]  # the upper bound is the service's rule (GIAOBAN_TOKEN_MAX_DAYS)
        days.widget.attrs["max"] = settings.GIAOBAN_TOKEN_MAX_DAYS
        if settings.GIAOBAN_TOKEN_DAYS:
            days.initial = settings.GIAOBAN_TOKEN_DAYS


class ImportForm(BootstrapMixin, forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        required=False,
        help_text=_(
            "Columns: full name, e-mail, unit code, role (by name or code: office, leader, unit)."
        ),
    )
    text = forms.CharField(widget=forms.HiddenInput, required=False)
