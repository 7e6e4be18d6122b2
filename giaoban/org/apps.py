from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "giaoban.org"
    verbose_name = _("Organisation")
    label = "org"
    default_auto_field = "django.db.models.BigAutoField"
