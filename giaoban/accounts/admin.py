from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import transaction

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

    def user_change_password(self, request, id, form_url=""):
        """The admin's "change password" form, audited (the hash itself never is)."""
        from giaoban.core.audit import log_action

        with transaction.atomic():
            response = super().user_change_password(request, id, form_url)
            if request.method == "POST" and response.status_code == 302:
                user = User.objects.get(pk=id)
                log_action(user, "accounts.user.password_changed", user=request.user)
        return response


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedAdminMixin, admin.ModelAdmin):
    delete_action = "revoked"  # deleting a token revokes it
    list_display = ("name", "user", "prefix", "created_at", "last_used_at")
    readonly_fields = ("prefix", "created_at", "last_used_at")
    exclude = ("key_hash",)

    def has_add_permission(self, request):
        # A token is shown only once when issued: use `giaoban token USERNAME`.
        return False


# -- login lockouts (django-axes): unlocking is deleting the attempts, audited ---------------
from axes.admin import AccessAttemptAdmin as AxesAccessAttemptAdmin  # noqa: E402
from axes.models import AccessAttempt  # noqa: E402

admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class AccessAttemptAdmin(AuditedAdminMixin, AxesAccessAttemptAdmin):
    """Failed sign-ins per user name and address; deleting one unlocks it (audited)."""

    delete_action = "unlocked"
