from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "giaoban.core"
    verbose_name = _("Audit log")
    label = "core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from giaoban.core.django_strings import translate_boolean_icons

        translate_boolean_icons()
