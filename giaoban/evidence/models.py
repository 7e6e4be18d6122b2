"""Frozen rating evidence: a unit's figures for a period as they stood at its end."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EvidenceSnapshot(models.Model):
    """The evidence of one unit for one period, frozen when first read after the period ended
    (or by the daily reminder run), so later edits never rewrite it."""

    unit = models.ForeignKey(
        "org.Unit", models.CASCADE, related_name="evidence_snapshots", verbose_name=_("unit")
    )
    period_code = models.CharField(_("period"), max_length=10)
    ref_date = models.DateField(_("figures as of"))
    frozen_at = models.DateTimeField(_("frozen at"), auto_now_add=True)
    data = models.JSONField(_("figures"))

    class Meta:
        verbose_name = _("rating evidence")
        verbose_name_plural = _("rating evidence")
        ordering = ["unit", "-period_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "period_code"],
                name="evidence_one_snapshot_per_period",
                violation_error_message=_("The evidence of this period is already frozen."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.period_code}"
