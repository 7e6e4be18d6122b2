from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "giaoban.notifications"
    verbose_name = _("Notifications")
    label = "notifications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # every audited act is a possible notification: the outbox is written by a receiver of
        # the audit entry's post_save, i.e. inside the transaction of the act itself
        from django.utils.translation import gettext_lazy as _

        from giaoban.core.audit import ACTION_LABELS
        from giaoban.notifications import acts

        acts.connect()
        ACTION_LABELS.update(
            {
                "notifications.letter.sent": _("Reminder letter sent"),
                "notifications.letter.created": _("Reminder letter made"),
                "notifications.rule.saved": _("Reminder rules saved"),
                "notifications.preference.saved": _("Notification settings saved"),
                "notifications.feed.created": _("Calendar link made"),
                "notifications.feed.revoked": _("Calendar link revoked"),
                "notifications.read_all": _("Notifications marked as read"),
                "tasks.register.imported": _("Tasks imported from a register file"),
                "evidence.snapshot.frozen": _("Rating evidence frozen"),
            }
        )
