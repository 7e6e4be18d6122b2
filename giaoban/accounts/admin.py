from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from giaoban.accounts.models import ApiToken, Membership, User
from giaoban.core.admin import AuditedAdminMixin


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ("unit",)


@admin.register(User)
class UserAdmin(AuditedAdminMixin, BaseUserAdmin):
    inlines = [MembershipInline]
    fieldsets = BaseUserAdmin.fieldsets + (("giaoban", {"fields": ("full_name", "position")}),)
    list_display = ("username", "full_name", "position", "is_active", "is_staff")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at")
    readonly_fields = ("prefix", "created_at", "last_used_at")
    exclude = ("key_hash",)

    def has_add_permission(self, request):
        # A token is shown only once when issued: use `giaoban token USERNAME`.
        return False
