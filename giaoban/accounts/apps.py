from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _flag_temporary_password(sender, request, user, **kwargs) -> None:
    """At sign-in: a password set by someone else (new account, reset) must be changed first."""
    from giaoban.accounts.middleware import SESSION_FLAG
    from giaoban.accounts.services import needs_password_change

    if request is not None and hasattr(request, "session"):
        if needs_password_change(user):
            request.session[SESSION_FLAG] = True
        else:
            request.session.pop(SESSION_FLAG, None)


class AccountsConfig(AppConfig):
    name = "giaoban.accounts"
    verbose_name = _("Accounts")
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from axes.signals import user_locked_out

        from giaoban.accounts.security import audit_lockout

        user_locked_out.connect(audit_lockout, dispatch_uid="giaoban-audit-lockout")
        from django.contrib.auth.signals import user_logged_in

        user_logged_in.connect(_flag_temporary_password, dispatch_uid="accounts-temporary-password")
