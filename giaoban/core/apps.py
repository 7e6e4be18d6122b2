from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "giaoban.core"
    verbose_name = _("Audit log")
    label = "core"
    default_auto_field = "django.db.models.BigAutoField"
