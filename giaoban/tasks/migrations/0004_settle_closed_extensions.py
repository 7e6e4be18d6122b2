"""Settle extension requests left pending on assignments already closed.

Confirming a completion used to leave a pending extension request behind: it could no longer
be decided and kept the assignment in the office's "awaiting" list. Such requests are now
rejected with a recorded reason, the way tasks/services.py settles them when it closes one.
"""

from django.db import migrations


def settle(apps, schema_editor):
    Assignment = apps.get_model("tasks", "Assignment")
    ExtensionRequest = apps.get_model("tasks", "ExtensionRequest")
    closed = ExtensionRequest.objects.filter(
        decision="pending", assignment__state__in=["done", "cancelled"]
    )
    for state, reason in (
        ("done", "Nhiệm vụ đã hoàn thành: không cần gia hạn (tự động khi nâng cấp)"),
        ("cancelled", "Nhiệm vụ đã bị hủy (tự động khi nâng cấp)"),
    ):
        rows = closed.filter(assignment__state=state)
        for req in rows.select_related("assignment"):
            req.decision = "rejected"
            req.decided_at = req.assignment.updated_at
            req.decided_by_id = req.assignment.confirmed_by_id
            req.decision_reason = reason
            req.save(update_fields=["decision", "decided_at", "decided_by", "decision_reason"])
    Assignment.objects.filter(extension_pending=True, state__in=["done", "cancelled"]).update(
        extension_pending=False
    )


class Migration(migrations.Migration):
    dependencies = [("tasks", "0003_awaiting_index")]

    operations = [migrations.RunPython(settle, migrations.RunPython.noop)]
