from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "giaoban.evidence"
    verbose_name = _("Rating evidence")
    label = "evidence"
    default_auto_field = "django.db.models.BigAutoField"
