from django.contrib import admin
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from giaoban.core.models import AuditEntry


class ActionFilter(admin.SimpleListFilter):
    """The audit's acts by their label (Vietnamese or English), not their code."""

    title = _("action")
    parameter_name = "action"

    def lookups(self, request, model_admin):
        from giaoban.core.audit import action_label

        codes = AuditEntry.objects.order_by().values_list("action", flat=True).distinct()
        return sorted(((c, action_label(c)) for c in codes), key=lambda pair: pair[1])

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("created_at", "actor", "action_display", "object_repr")
    list_filter = (ActionFilter,)
    search_fields = ("object_repr", "action")
    fields = (
        "created_at",
        "actor",
        "action_display",
        "object_type_display",
        "object_id",
        "object_repr",
        "unit",
        "before",
        "data",
    )
    readonly_fields = fields

    @admin.display(description=_("action"), ordering="action")
    def action_display(self, obj: AuditEntry) -> str:
        from giaoban.core.audit import action_label

        return action_label(obj.action)

    @admin.display(description=_("object type"))
    def object_type_display(self, obj: AuditEntry) -> str:
        from django.apps import apps

        try:
            model = apps.get_model(obj.object_type)
        except (LookupError, ValueError):
            return obj.object_type
        return str(model._meta.verbose_name).capitalize()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AuditedAdminMixin:
    """Django admin edits of reference data go to the same audit log as the services."""

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        from giaoban.core.audit import log_action, snapshot

        before = None
        if change and obj.pk:
            previous = type(obj).objects.filter(pk=obj.pk).first()
            before = snapshot(previous) if previous is not None else None
        super().save_model(request, obj, form, change)
        action = f"{obj._meta.label_lower}.{'changed' if change else 'created'}"
        log_action(obj, action, user=request.user, before=before, data=snapshot(obj))
        if obj._meta.label_lower == "org.unit":
            from giaoban.core.cache import forget_tree

            forget_tree()  # a unit may have moved: cached ancestors and aggregates are void

    #: action code written for a deletion (a token "deleted" in admin is revoked)
    delete_action = "deleted"

    @transaction.atomic
    def delete_model(self, request, obj):
        from giaoban.core.audit import log_action, snapshot

        action = f"{obj._meta.label_lower}.{self.delete_action}"
        log_action(obj, action, user=request.user, before=snapshot(obj))
        super().delete_model(request, obj)

    @transaction.atomic
    def delete_queryset(self, request, queryset):
        """The admin's bulk "delete selected": one audit entry per deleted object."""
        from giaoban.core.audit import log_action, snapshot

        for obj in queryset:
            action = f"{obj._meta.label_lower}.{self.delete_action}"
            log_action(obj, action, user=request.user, before=snapshot(obj))
        super().delete_queryset(request, queryset)

    @transaction.atomic
    def save_formset(self, request, form, formset, change):
        from giaoban.core.audit import log_action, snapshot

        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            log_action(
                obj, f"{obj._meta.label_lower}.deleted", user=request.user, before=snapshot(obj)
            )
            obj.delete()
        for obj in instances:
            created = obj.pk is None
            obj.save()
            log_action(
                obj,
                f"{obj._meta.label_lower}.{'created' if created else 'changed'}",
                user=request.user,
                data=snapshot(obj),
            )
        formset.save_m2m()
