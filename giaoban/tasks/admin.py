from django.contrib import admin

from giaoban.tasks.models import Task


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    """Read-only in admin: tasks change only through services (audited), and are cancelled,
    never deleted."""

    list_display = ("doc_number", "doc_date", "item_number", "committee", "deadline")
    search_fields = ("doc_number", "text")
    list_filter = ("committee",)

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # deleting a task would erase its assignments and their history: cancel it instead
        return False
