from django.contrib import admin

from giaoban.notifications.models import Digest, Notification, Preference, ReminderRule, RemindRun


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient", "kind", "key", "read_at", "mail"]
    list_filter = ["kind", "mail"]
    search_fields = ["recipient__username", "key"]
    raw_id_fields = ["recipient", "unit", "digest"]


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ["day", "recipient", "address", "count", "state", "attempts", "sent_at"]
    list_filter = ["state", "single"]
    search_fields = ["recipient__username", "address", "message_id"]
    raw_id_fields = ["recipient"]


@admin.register(RemindRun)
class RemindRunAdmin(admin.ModelAdmin):
    list_display = ["day", "started_at", "finished_at", "created", "sent", "failed", "summary"]


admin.site.register(ReminderRule)
admin.site.register(Preference)
