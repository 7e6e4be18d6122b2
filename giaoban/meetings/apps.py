from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "giaoban.meetings"
    label = "meetings"
    verbose_name = _("Briefings")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from giaoban.core.audit import ACTION_LABELS

        # how this app's acts read in a history (the labels live in this app's catalogue)
        ACTION_LABELS.update(
            {
                "meetings.meeting.created": _("Meeting recorded"),
                "meetings.meeting.changed": _("Meeting changed"),
                "meetings.meeting.held": _("Meeting marked held"),
                "meetings.review.frozen": _("Review figures frozen"),
                "meetings.minutes.created": _("Minutes written"),
                "meetings.minutes.saved": _("Minutes changed"),
                "meetings.minutes.signed": _("Minutes signed and locked"),
                "meetings.file.added": _("File attached"),
                "meetings.import.saved": _("Imported from text"),
                "meetings.import.alias_learned": _("Unit name learned from an import correction"),
                "meetings.notice.created": _("Notice drafted"),
                "meetings.notice.changed": _("Notice changed"),
                "meetings.notice.submitted": _("Notice sent for approval"),
                "meetings.notice.approved": _("Notice approved"),
                "meetings.notice.returned": _("Notice returned to draft"),
                "meetings.notice.withdrawn": _("Approved notice taken back to draft"),
                "meetings.notice.issued": _("Notice issued, tasks given"),
                "meetings.notice.in_force": _("Notice review at briefings changed"),
                "documents.template.uploaded": _("Word template uploaded"),
                "documents.template.changed": _("Word template changed"),
            }
        )
