from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "giaoban.reports"
    label = "reports"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from giaoban.core.audit import ACTION_LABELS

        # how this app's acts read in a history (core keeps the table, each app adds its rows)
        ACTION_LABELS.update(
            {
                "reports.rules.saved": _("Reporting rules saved"),
                "reports.form.saved": _("Report form saved"),
                "reports.period.created": _("Reporting period prepared"),
                "reports.period.expected_changed": _("Units that must report changed"),
                "reports.period.opened": _("Reporting period opened"),
                "reports.period.closed": _("Reporting period closed"),
                "reports.report.started": _("Report started"),
                "reports.report.draft_saved": _("Draft saved"),
                "reports.report.submitted": _("Report sent"),
                "reports.report.returned": _("Report returned to the unit"),
                "reports.report.accepted": _("Report accepted"),
                "reports.synthesis.issued": _("Synthesis report drafted"),
                "reports.synthesis.uploaded": _("Issued synthesis report kept"),
                "reports.indicator.saved": _("Indicator saved"),
                "reports.indicator.target_set": _("Indicator target set"),
                "reports.plan.created": _("Work plan created"),
                "reports.plan.item_added": _("Plan item added"),
                "reports.plan.item_removed": _("Plan item removed"),
                "reports.plan.submitted": _("Work plan sent"),
                "reports.plan.approved": _("Work plan approved"),
                "reports.plan.returned": _("Work plan returned"),
                "reports.plan.items_carried": _("Next period's tasks carried into the plan"),
            }
        )
