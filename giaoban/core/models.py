"""Cross-cutting models: the audit log."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """Who changed what, when, with the state before and the data after.

    Written only through ``giaoban.core.audit.log_action`` inside the same
    transaction as the change, so an act and its record land together.
    """

    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    action = models.CharField(_("action"), max_length=64)
    object_type = models.CharField(_("object type"), max_length=64)
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=255)
    #: the unit whose records this concerns, for scoping the log by unit
    unit = models.ForeignKey(
        "org.Unit", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("unit")
    )
    before = models.JSONField(_("before"), null=True, blank=True)
    data = models.JSONField(_("after"), null=True, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-created_at", "-id"]
        indexes = [
            # timeline of one object on its detail page
            models.Index(
                fields=["object_type", "object_id", "created_at"], name="core_audit_object_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%d/%m/%Y %H:%M} {self.action} {self.object_repr}"


class BulkLoad(models.Model):
    """One bulk load (the national demo data): marked in progress when it starts and finished
    when its last step is written, each mark in its own transaction, so that a load killed
    midway is seen for what it is (``giaoban.core.bulk.unfinished_load``)."""

    class State(models.TextChoices):
        RUNNING = "running", _("in progress")
        FINISHED = "finished", _("finished")

    kind = models.CharField(_("kind"), max_length=32)
    parameters = models.JSONField(_("parameters"), default=dict)
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default="running")
    #: the steps written and committed so far, in order ("units", "province:P01", …)
    steps = models.JSONField(_("steps done"), default=list)
    #: the plain indexes dropped for the load, (name, CREATE statement): built again on resume
    dropped_indexes = models.JSONField(_("dropped indexes"), default=list)
    pid = models.IntegerField(_("process"), null=True, blank=True)
    host = models.CharField(_("host"), max_length=255, blank=True)
    started_at = models.DateTimeField(_("started at"))
    updated_at = models.DateTimeField(_("updated at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("bulk load")
        verbose_name_plural = _("bulk loads")
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.started_at:%d/%m/%Y %H:%M} ({self.get_state_display()})"
