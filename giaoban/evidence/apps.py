from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "giaoban.evidence"
    verbose_name = _("Rating evidence")
    label = "evidence"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # report timeliness, indicators achieved, recommendations answered, notices to approve
        from giaoban.evidence import providers  # noqa: F401
