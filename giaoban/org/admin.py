from django.contrib import admin

from giaoban.core.admin import AuditedAdminMixin
from giaoban.org.models import Unit


@admin.register(Unit)
class UnitAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("name", "short_name", "kind", "code", "parent", "valid_from", "valid_to")
    list_filter = ("kind",)
    search_fields = ("name", "short_name", "code")
    raw_id_fields = ("parent", "successor")
