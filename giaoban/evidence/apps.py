from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "giaoban.evidence"
    label = "evidence"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # report timeliness, indicators achieved, recommendations answered, notices to approve
        from giaoban.evidence import providers  # noqa: F401
