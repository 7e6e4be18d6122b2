from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "giaoban.meetings"
    label = "meetings"
    verbose_name = _("Briefings")
    default_auto_field = "django.db.models.BigAutoField"
