from django.contrib import admin

from giaoban.recommendations.models import Recommendation


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin):
    """Read-only in admin: the register changes only through the services (audited)."""

    list_display = ("raised_on", "unit", "state", "response_deadline")
    list_filter = ("state",)
    search_fields = ("text", "answer")
    list_select_related = ("unit",)

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
