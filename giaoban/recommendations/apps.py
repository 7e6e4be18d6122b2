from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecommendationsConfig(AppConfig):
    name = "giaoban.recommendations"
    verbose_name = _("Recommendations")
    label = "recommendations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from giaoban.core.audit import ACTION_LABELS

        ACTION_LABELS.update(
            {
                "recommendations.raised": _("Recommendation raised"),
                "recommendations.edited": _("Recommendation edited"),
                "recommendations.forwarded": _("Recommendation forwarded"),
                "recommendations.answered": _("Recommendation answered"),
                "recommendations.closed": _("Recommendation closed"),
            }
        )
