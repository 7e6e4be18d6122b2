"""Read-only in admin: meetings and notices change only through the services (audited)."""

from django.contrib import admin

from giaoban.meetings.models import Meeting, Notice


class ReadOnly(admin.ModelAdmin):
    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Meeting)
class MeetingAdmin(ReadOnly):
    list_display = ("title", "committee", "kind", "starts_at", "state")
    list_filter = ("kind", "state")
    search_fields = ("title",)


@admin.register(Notice)
class NoticeAdmin(ReadOnly):
    list_display = ("number", "doc_date", "committee", "state", "title")
    list_filter = ("state",)
    search_fields = ("number", "title")
