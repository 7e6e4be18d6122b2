"""Texts of the Django admin and auth pages that Django's own Vietnamese catalogue lacks
(Django 5.2): marked here so that the project catalogue carries their translations, and the
admin reads Vietnamese throughout (core/tests/test_admin_language.py checks the pages)."""

from django.utils.translation import gettext_noop as _
from django.utils.translation import ngettext_lazy

DJANGO_ADMIN = [
    _("Select this object for an action - {}"),
    _("Breadcrumbs"),
    _("Model name"),
    _("Add link"),
    _("Change or view list link"),
    _("After you’ve created a user, you’ll be able to edit more user options."),
    _("Error:"),
    _("Set password"),
    _("Disable password-based authentication"),
    _("Enable password-based authentication"),
    _("Skip to main content"),
    _("Hide counts"),
    _("Show counts"),
    _("Toggle theme (current theme: auto)"),
    _("Toggle theme (current theme: light)"),
    _("Toggle theme (current theme: dark)"),
    _("Added:"),
    _("Changed:"),
    _("Deleted:"),
    _("Forgotten your login credentials?"),
    _("Sidebar"),
    _("View selected %(model)s"),
    _("In case you’ve forgotten, you are:"),
    _("Select all objects on this page for an action"),
    _("Are you sure?"),
    _("The {name} “{obj}” was added successfully. You may edit it again below."),
    _("First, enter a username and password. Then, you’ll be able to edit more user options."),
    _("Enter a username and password."),
    _("Please correct the errors below."),
    _("Forgotten your password or username?"),
    _("Your username, in case you’ve forgotten:"),
    _("Toggle navigation"),
    _("Filter navigation items"),
    # django.contrib.auth
    _("Conflicting form data submitted. Please try again."),
    _("Password-based authentication was disabled."),
    _("Set password: %s"),
    _("Reset password"),
    _("Password-based authentication"),
    _("Enabled"),
    _("Disabled"),
    _("Raw passwords are not stored, so there is no way to see the user’s password."),
    _("Enable password-based authentication for this user by setting a password."),
    _("Password (again)"),
    _(
        "Whether the user will be able to authenticate using a password or not. If disabled, "
        "they may still be able to authenticate using other backends, such as Single Sign-On "
        "or LDAP."
    ),
    _(
        "Raw passwords are not stored, so there is no way to see this user’s password, but "
        'you can change the password using <a href="{}">this form</a>.'
    ),
    _(
        "Enter a valid username. This value may contain only unaccented lowercase a-z and "
        "uppercase A-Z letters, numbers, and @/./+/-/_ characters."
    ),
    _("Sessions"),
]

#: the password rules' messages as Django 5.2 words them ("%d", not the "%(min_length)d" its
#: Vietnamese catalogue translates)
PASSWORD_RULES = [
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
    ),
]

#: django-axes (sign-in throttling) ships no Vietnamese catalogue
AXES = [
    _("Access Attempt"),
    _("Access lock out"),
    _("Attempt Remaining"),
    _("Attempt Time"),
    _("Clean up expired attempts"),
    _("Expires At"),
    _("Failed Logins"),
    _("Form Data"),
    _("GET Data"),
    _("HTTP Accept"),
    _("IP Address"),
    _("Locked Out"),
    _("Logout Time"),
    _("Meta Data"),
    _("Not set"),
    _("POST Data"),
    _("Path"),
    _("Session key hash (sha256)"),
    _("The time when access attempt expires and is no longer valid."),
    _("User Agent"),
    _("access attempt expiration"),
    _("access attempt expirations"),
    _("access attempt"),
    _("access attempts"),
    _("access failure"),
    _("access failures"),
    _("access log"),
    _("access logs"),
]


def translate_boolean_icons() -> None:
    """The admin's yes/no/unknown icons carry an alternative text, which Django writes from the
    Python value in English ("True", "False", "None": admin_list._boolean_icon, out of reach of
    any catalogue). The same icons with the alternative text in the user's language; every
    caller of Django's (lists, read-only fields, the detail views) looks it up at call time."""
    from django.contrib.admin.templatetags import admin_list
    from django.templatetags.static import static
    from django.utils.html import format_html
    from django.utils.translation import gettext

    def boolean_icon(field_val):
        icon = {True: "yes", False: "no", None: "unknown"}[field_val]
        alt = {True: gettext("Yes"), False: gettext("No"), None: gettext("Unknown")}[field_val]
        return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), alt)

    admin_list._boolean_icon = boolean_icon
