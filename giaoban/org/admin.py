from django.contrib import admin

from giaoban.core.admin import AuditedAdminMixin
from giaoban.org.models import Unit


@admin.register(Unit)
class UnitAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("name", "short_name", "kind", "code", "parent", "valid_from", "valid_to")
    list_filter = ("kind",)
    search_fields = ("name", "short_name", "code")
    raw_id_fields = ("parent", "successor")

    def has_delete_permission(self, request, obj=None):
        """A unit with history is ended (valid to) or merged (successor), never deleted; only a
        unit entered by mistake, with nothing attached, may go. No bulk delete either."""
        if obj is None:
            return False  # the list's "delete selected" action would bypass this check
        if not super().has_delete_permission(request, obj):
            return False
        return not unit_has_history(obj)


def unit_has_history(unit: Unit) -> bool:
    from giaoban.core.models import AuditEntry

    return (
        Unit.objects.filter(parent=unit).exists()
        or unit.assignments.exists()
        or unit.hosted_tasks.exists()
        or unit.memberships.exists()
        or AuditEntry.objects.filter(unit=unit).exists()
    )
