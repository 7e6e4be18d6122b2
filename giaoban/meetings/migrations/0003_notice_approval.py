"""Notice approval becomes a decision record (core.decisions): each request for a leader's
approval is a NoticeApproval (who asked, when; who decided, when, why). The notices' own
submitted/approved/returned fields are carried over, then dropped.

Existing notices: an issued or approved notice gets an approved request (asked by who submitted
it, else its drafter; decided by who approved it); a notice awaiting approval a pending one; a
draft that was returned a rejected one, decided by whoever returned it according to the audit
log (the old rows did not keep the returner)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def carry_over(apps, schema_editor):
    Notice = apps.get_model("meetings", "Notice")
    NoticeApproval = apps.get_model("meetings", "NoticeApproval")
    AuditEntry = apps.get_model("core", "AuditEntry")
    rows = []
    for n in Notice.objects.all().iterator():
        asked_by = n.submitted_by_id or n.created_by_id
        asked_at = n.submitted_at or n.created_at
        if n.state in ("approved", "issued"):
            rows.append(
                NoticeApproval(
                    notice_id=n.pk,
                    requested_by_id=asked_by,
                    requested_at=asked_at,
                    decision="approved",
                    decided_by_id=n.approved_by_id,
                    decided_at=n.approved_at or n.issued_at or asked_at,
                )
            )
        elif n.state == "submitted":
            rows.append(
                NoticeApproval(notice_id=n.pk, requested_by_id=asked_by, requested_at=asked_at)
            )
        elif n.return_reason:
            returned = (
                AuditEntry.objects.filter(
                    object_type="meetings.notice",
                    object_id=str(n.pk),
                    action="meetings.notice.returned",
                )
                .order_by("-created_at", "-id")
                .first()
            )
            rows.append(
                NoticeApproval(
                    notice_id=n.pk,
                    requested_by_id=asked_by,
                    requested_at=asked_at,
                    decision="rejected",
                    decided_by_id=returned.actor_id if returned else None,
                    decided_at=returned.created_at if returned else n.updated_at,
                    decision_reason=n.return_reason,
                )
            )
    NoticeApproval.objects.bulk_create(rows, batch_size=2000)


def carry_back(apps, schema_editor):
    Notice = apps.get_model("meetings", "Notice")
    NoticeApproval = apps.get_model("meetings", "NoticeApproval")
    for a in NoticeApproval.objects.order_by("requested_at", "id").iterator():
        fields = {"submitted_by_id": a.requested_by_id, "submitted_at": a.requested_at}
        if a.decision == "approved":
            fields.update(approved_by_id=a.decided_by_id, approved_at=a.decided_at)
        elif a.decision == "rejected":
            fields.update(return_reason=a.decision_reason)
        Notice.objects.filter(pk=a.notice_id).update(**fields)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_redact_audit_secrets"),
        ("meetings", "0002_review_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="NoticeApproval",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "decision",
                    models.CharField(
                        choices=[
                            ("pending", "Awaiting decision"),
                            ("approved", "Approved"),
                            ("rejected", "Rejected"),
                        ],
                        default="pending",
                        max_length=16,
                        verbose_name="decision",
                    ),
                ),
                (
                    "decided_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="decided at"),
                ),
                (
                    "decision_reason",
                    models.CharField(blank=True, max_length=2000, verbose_name="reason"),
                ),
                ("requested_at", models.DateTimeField(verbose_name="asked at")),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="decided by",
                    ),
                ),
                (
                    "notice",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="approvals",
                        to="meetings.notice",
                        verbose_name="notice",
                    ),
                ),
                (
                    "requested_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="asked by",
                    ),
                ),
            ],
            options={
                "verbose_name": "approval of a notice",
                "verbose_name_plural": "approvals of notices",
                "ordering": ["-requested_at", "-id"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("decision", "pending")),
                        fields=("notice",),
                        name="meetings_notice_approval_one_pending",
                        violation_error_message="This notice is already awaiting a leader's approval.",
                    )
                ],
            },
        ),
        migrations.RunPython(carry_over, carry_back),
        migrations.RemoveField(
            model_name="notice",
            name="approved_at",
        ),
        migrations.RemoveField(
            model_name="notice",
            name="approved_by",
        ),
        migrations.RemoveField(
            model_name="notice",
            name="return_reason",
        ),
        migrations.RemoveField(
            model_name="notice",
            name="submitted_at",
        ),
        migrations.RemoveField(
            model_name="notice",
            name="submitted_by",
        ),
    ]
