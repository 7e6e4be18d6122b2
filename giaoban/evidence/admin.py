from django.contrib import admin

from giaoban.evidence.models import EvidenceSnapshot


@admin.register(EvidenceSnapshot)
class EvidenceSnapshotAdmin(admin.ModelAdmin):
    list_display = ["unit", "period_code", "ref_date", "frozen_at"]
    list_filter = ["period_code"]
    raw_id_fields = ["unit"]
    readonly_fields = ["unit", "period_code", "ref_date", "frozen_at", "data"]
