from django.contrib import admin

from giaoban.reports.models import Indicator, ReportingPeriod, UnitReport, WorkPlan


class ReadOnlyAdmin(admin.ModelAdmin):
    """Read-only in admin: reporting changes only through the services (audited)."""

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(ReadOnlyAdmin):
    list_display = ("committee", "period_type", "year", "number", "due_date", "state")
    list_filter = ("state", "period_type")


@admin.register(UnitReport)
class UnitReportAdmin(ReadOnlyAdmin):
    list_display = ("unit", "period", "state", "first_submitted_at", "late", "version_count")
    list_filter = ("state", "late")
    list_select_related = ("unit", "period")


@admin.register(Indicator)
class IndicatorAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "measure", "committee", "accumulation", "direction")


@admin.register(WorkPlan)
class WorkPlanAdmin(ReadOnlyAdmin):
    list_display = ("unit", "year", "state")
    list_select_related = ("unit",)
