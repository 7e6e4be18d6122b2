from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "giaoban.notifications"
    label = "notifications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # every audited act is a possible notification: the outbox is written by a receiver of
        # the audit entry's post_save, i.e. inside the transaction of the act itself
        from giaoban.notifications import acts

        acts.connect()
