"""What keeps the review section fast without the cache: the frozen review's rendered HTML, the
live review's counts, and a data version per unit kept by the database itself.

- ``ReviewRendering``: a held briefing's review as the office sees it (every unit's rows), once
  per snapshot and language. A snapshot never changes, so neither does its HTML; ``version``
  is the renderer's (``review_section.RENDER_VERSION``): a newer one renders it again.
- ``UnitDataVersion``: how many times the assignments of a unit were written. Triggers on the
  assignments table (migration 0004) count every insert, update and delete in the same
  transaction as the write, whoever makes it (services, the admin, bulk SQL), so a count read
  with the data it describes never runs ahead of it, and it survives a cache clear or restart.
- ``ReviewState`` / ``ReviewStateUnit``: the live review of a coming briefing (review_live.py),
  counted once and then moved unit by unit, labelled with the units' data versions.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewRendering(models.Model):
    snapshot = models.ForeignKey(
        "meetings.ReviewSnapshot",
        models.CASCADE,
        related_name="renderings",
        verbose_name=_("review snapshot"),
    )
    language = models.CharField(_("language"), max_length=10)
    version = models.PositiveIntegerField(_("renderer version"))
    #: what "since the briefing" needs: the date, the reviewed tasks' ids, the frozen done count
    summary = models.JSONField(_("summary"))
    html = models.TextField(_("HTML"))

    class Meta:
        verbose_name = _("review rendering")
        verbose_name_plural = _("review renderings")
        constraints = [
            models.UniqueConstraint(
                fields=["snapshot", "language"], name="meetings_rendering_snapshot_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.snapshot_id} {self.language} v{self.version}"


class UnitDataVersion(models.Model):
    """Written by the database's triggers only (migration 0004); no row: version 0."""

    unit_id = models.BigIntegerField(_("unit"), primary_key=True)
    n = models.BigIntegerField(_("writes"), default=0)

    class Meta:
        verbose_name = _("unit data version")
        verbose_name_plural = _("unit data versions")

    def __str__(self) -> str:
        return f"{self.unit_id}: {self.n}"


class ReviewState(models.Model):
    meeting = models.ForeignKey(
        "meetings.Meeting", models.CASCADE, related_name="+", verbose_name=_("meeting")
    )
    #: the meeting's date, the review's date and whether that date was past when counted; or
    #: "since:<snapshot>", a held briefing's done count per unit (review_since.py)
    key = models.CharField(_("key"), max_length=64)
    #: the notices and tasks counted (``review_live._digest``)
    digest = models.CharField(_("digest"), max_length=40)
    #: {unit id: data version} when each unit was last read
    versions = models.JSONField(_("versions"))
    #: the counts as one table of integers with the ids of its items and notices
    #: (review_table.CountTable.pack): bytes, where a province's counts as jsonb took
    #: PostgreSQL ~17 ms to write
    counts = models.BinaryField(_("counts"), default=b"")
    #: raised by every write of the counts: a read under the lock reuses the counts it read
    #: before taking the lock when nobody wrote them in between
    revision = models.PositiveIntegerField(_("revision"), default=0)
    #: the frame (the reviewed notices' items and tasks, review_live._frame) packed as the
    #: counts are, and the hash of the list of notices it was read for
    frame_key = models.CharField(_("frame key"), max_length=40, blank=True, default="")
    frame = models.BinaryField(_("frame"), default=b"")
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("live review state")
        verbose_name_plural = _("live review states")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "key"], name="meetings_reviewstate_key")
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id} {self.key}"


class ReviewStateUnit(models.Model):
    state = models.ForeignKey(
        ReviewState, models.CASCADE, related_name="units", verbose_name=_("live review state")
    )
    unit_id = models.BigIntegerField(_("unit"))
    #: {task id: status class} of the unit's reviewed assignments, as "task:class" joined by ","
    classes = models.TextField(_("classes"), blank=True)

    class Meta:
        verbose_name = _("live review unit")
        verbose_name_plural = _("live review units")
        constraints = [
            models.UniqueConstraint(fields=["state", "unit_id"], name="meetings_reviewstate_unit")
        ]

    def __str__(self) -> str:
        return f"{self.state_id} {self.unit_id}"
