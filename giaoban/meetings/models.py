"""Briefings: the meeting, who took part, its minutes, its conclusion notice and the
review of earlier notices frozen at the meeting.

A notice's numbered items give tasks. While the notice is a draft an item's
tasks are *planned* (``ItemTask`` rows with their units and deadline); when
the notice is issued each planned row becomes a real ``tasks.Task`` fanned out
to assignments, so units never see tasks of a notice that was not issued.
An existing task (entered before the notice was recorded) may be linked to
an item instead.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from giaoban.core.references import display_period
from giaoban.core.text import fold
from giaoban.periods import Period, PeriodType

TEXT_MAX = 20000


class MeetingKind(models.TextChoices):
    GIAO_BAN = "giao_ban", _("Briefing (giao ban)")
    LAM_VIEC = "lam_viec", _("Working session")
    HOI_NGHI = "hoi_nghi", _("Conference")


class MeetingState(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")


PERIOD_TYPE_CHOICES = [
    (PeriodType.QUARTER.value, _("Quarter")),
    (PeriodType.HALF.value, _("Half year")),
    (PeriodType.NINE_MONTHS.value, _("Nine months")),
    (PeriodType.YEAR.value, _("Year")),
    (PeriodType.MONTH.value, _("Month")),
]


class MeetingQuerySet(models.QuerySet):
    def for_user(self, user) -> MeetingQuerySet:
        """Office and leaders: their committees' meetings; unit staff: the meetings their unit
        takes part in (as a participant or a connection point)."""
        from giaoban.core.permissions import scope_for

        scope = scope_for(user)
        if scope.is_admin:
            return self
        reach = scope.office_unit_ids | scope.leader_unit_ids
        condition = Q(committee_id__in=reach) if reach else Q(pk__in=[])
        if scope.own_unit_ids:
            condition |= Exists(
                Participant.objects.filter(meeting=OuterRef("pk"), unit_id__in=scope.own_unit_ids)
            ) | Exists(
                ConnectionPoint.objects.filter(
                    meeting=OuterRef("pk"), unit_id__in=scope.own_unit_ids
                )
            )
        return self.filter(condition)


class Meeting(models.Model):
    """A briefing ("hội nghị giao ban"), working session or conference of a host committee."""

    committee = models.ForeignKey(
        "org.Unit", models.PROTECT, related_name="meetings", verbose_name=_("host committee")
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=MeetingKind.choices, default=MeetingKind.GIAO_BAN
    )
    title = models.CharField(_("title"), max_length=300)
    period_type = models.CharField(
        _("period type"), max_length=16, choices=PERIOD_TYPE_CHOICES, blank=True
    )
    period_year = models.PositiveSmallIntegerField(_("period year"), null=True, blank=True)
    period_number = models.PositiveSmallIntegerField(_("period number"), null=True, blank=True)
    starts_at = models.DateTimeField(_("date and time"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    online = models.BooleanField(_("online (connection points)"), default=False)
    state = models.CharField(
        _("state"), max_length=16, choices=MeetingState.choices, default=MeetingState.PLANNED
    )
    held_at = models.DateTimeField(_("marked held at"), null=True, blank=True)
    notes = models.TextField(_("notes"), max_length=TEXT_MAX, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    search_folded = models.TextField(editable=False, default="")

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="meetings_meeting_ends_after_start",
                violation_error_message=_("The meeting cannot end before it starts."),
            ),
        ]
        indexes = [
            # the meeting list of a committee, newest first; "the previous briefing" look-up
            models.Index(fields=["committee", "-starts_at"], name="meetings_committee_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({timezone.localtime(self.starts_at):%d/%m/%Y})"

    def save(self, *args, **kwargs) -> None:
        self.search_folded = fold(f"{self.title} {self.place}")
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = set(kwargs["update_fields"]) | {"search_folded"}
        super().save(*args, **kwargs)

    @property
    def date(self):
        return timezone.localtime(self.starts_at).date()

    @property
    def period(self) -> Period | None:
        if not self.period_type or not self.period_year:
            return None
        try:
            return Period(self.period_year, PeriodType(self.period_type), self.period_number)
        except ValueError:
            return None

    @property
    def period_label(self) -> str:
        period = self.period
        return period.label if period is not None else ""

    @property
    def period_display(self) -> str:
        """``period_label`` for a reader, in the interface's language ("Q1 2026" in English);
        ``period_label`` stays the written Vietnamese form (forms, documents, calendars)."""
        return display_period(self.period)

    @property
    def is_held(self) -> bool:
        return self.state == MeetingState.HELD


class Part(models.TextChoices):
    CHAIR = "chair", _("Chairs")
    ATTENDS = "attends", _("Attends")
    REPORTS = "reports", _("Reports")
    ABSENT = "absent", _("Absent")


class Participant(models.Model):
    """A unit or a person at the meeting, with their part; chairs carry their title chain."""

    meeting = models.ForeignKey(
        Meeting, models.CASCADE, related_name="participants", verbose_name=_("meeting")
    )
    part = models.CharField(_("part"), max_length=16, choices=Part.choices, default=Part.ATTENDS)
    unit = models.ForeignKey(
        "org.Unit",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_parts",
        verbose_name=_("unit"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    #: "Phó Bí thư Thường trực Tỉnh ủy" — the title chain as written in the notice
    title = models.CharField(_("title"), max_length=300, blank=True)
    absence_reason = models.CharField(_("reason for absence"), max_length=500, blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["sort_order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__isnull=False) | Q(user__isnull=False) | ~Q(name=""),
                name="meetings_participant_who",
                violation_error_message=_("Name the person or choose the unit."),
            ),
            models.CheckConstraint(
                condition=~Q(part="absent") | ~Q(absence_reason=""),
                name="meetings_participant_absent_reason",
                violation_error_message=_("Give the reason for the absence."),
            ),
        ]
        indexes = [
            # "meetings my unit takes part in" (unit users' scope)
            models.Index(fields=["unit", "meeting"], name="meetings_participant_unit_idx"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        who = self.name or (str(self.user) if self.user_id else "")
        unit = self.unit.name if self.unit_id else ""
        parts = [p for p in (who, self.title, unit if not who else "") if p]
        return ", ".join(parts) or unit


class AgendaKind(models.TextChoices):
    UNITS_REPORT = "units_report", _("Units report")
    OFFICE_REVIEW = "office_review", _("The office reports on the last conclusions")
    RECOMMENDATIONS = "recommendations", _("Recommendations")
    DISCUSSION = "discussion", _("Discussion")
    CONCLUSION = "conclusion", _("Conclusion of the chair")
    OTHER = "other", _("Other")


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, models.CASCADE, related_name="agenda", verbose_name=_("meeting")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=AgendaKind.choices, default=AgendaKind.OTHER
    )
    title = models.CharField(_("title"), max_length=500)
    presenter = models.CharField(_("presented by"), max_length=300, blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["sort_order", "id"]

    def __str__(self) -> str:
        return self.title


class ConnectionPoint(models.Model):
    """A remote point of an online meeting ("điểm cầu"), with its attendance."""

    meeting = models.ForeignKey(
        Meeting, models.CASCADE, related_name="connection_points", verbose_name=_("meeting")
    )
    name = models.CharField(_("name"), max_length=300)
    unit = models.ForeignKey(
        "org.Unit",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="connection_points",
        verbose_name=_("unit"),
    )
    attendance = models.PositiveIntegerField(_("attendance"), null=True, blank=True)
    connected = models.BooleanField(_("connected"), default=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("connection point")
        verbose_name_plural = _("connection points")
        ordering = ["sort_order", "id"]
        indexes = [
            # "meetings my unit takes part in" through its connection point
            models.Index(fields=["unit", "meeting"], name="meetings_point_unit_idx"),
        ]

    def __str__(self) -> str:
        return self.name


class MinutesState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SIGNED = "signed", _("Signed")


class Minutes(models.Model):
    """The record of the meeting; signed minutes are locked and corrected only by a
    supplementary minutes pointing to them."""

    meeting = models.ForeignKey(
        Meeting, models.CASCADE, related_name="minutes", verbose_name=_("meeting")
    )
    supplements = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="supplementary",
        verbose_name=_("supplements"),
    )
    secretary_name = models.CharField(_("secretary"), max_length=200, blank=True)
    secretary_title = models.CharField(_("secretary's title"), max_length=300, blank=True)
    text = models.TextField(_("text"), max_length=200000, blank=True)
    state = models.CharField(
        _("state"), max_length=16, choices=MinutesState.choices, default=MinutesState.DRAFT
    )
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("written by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting"],
                condition=Q(supplements__isnull=True),
                name="meetings_minutes_one_main",
                violation_error_message=_("This meeting already has its minutes."),
            ),
        ]

    def __str__(self) -> str:
        kind = _("Supplementary minutes") if self.supplements_id else _("Minutes")
        return f"{kind}: {self.meeting.title}" if self.meeting_id else str(kind)

    @property
    def is_signed(self) -> bool:
        return self.state == MinutesState.SIGNED


class FileKind(models.TextChoices):
    ATTACHMENT = "attachment", _("Attachment")
    ORIGINAL_TEXT = "original_text", _("Original text of an import")


class MeetingFile(models.Model):
    """A file of a meeting: agenda papers, reports, or the original text it was imported from."""

    meeting = models.ForeignKey(
        Meeting, models.CASCADE, related_name="files", verbose_name=_("meeting")
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=FileKind.choices, default=FileKind.ATTACHMENT
    )
    file = models.FileField(_("file"), upload_to="meetings/%Y/%m/")
    name = models.CharField(_("file name"), max_length=255)
    #: SHA-256 of the normalized text of an import: the same text imported twice is noticed
    sha256 = models.CharField(max_length=64, blank=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("meeting file")
        verbose_name_plural = _("meeting files")
        ordering = ["uploaded_at", "id"]
        indexes = [
            # "this text was imported before" on the import screen
            models.Index(fields=["sha256"], name="meetings_file_sha_idx"),
        ]

    def __str__(self) -> str:
        return self.name


class ReviewSnapshot(models.Model):
    """What a briefing was told about the earlier notices, frozen when it was held.

    ``data`` holds the figures and rows exactly as shown (see ``review.build_review``):
    later edits of assignments never change it.
    """

    meeting = models.OneToOneField(
        Meeting, models.CASCADE, related_name="snapshot", verbose_name=_("meeting")
    )
    as_of = models.DateField(_("as of"))
    taken_at = models.DateTimeField(_("frozen at"), auto_now_add=True)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("frozen by"),
    )
    data = models.JSONField(_("figures"))

    class Meta:
        verbose_name = _("review snapshot")
        verbose_name_plural = _("review snapshots")
        ordering = ["-as_of", "-id"]

    def __str__(self) -> str:
        return f"{self.meeting} @ {self.as_of:%d/%m/%Y}"


from giaoban.meetings.models_notice import (  # noqa: E402,F401  (notice models, kept apart)
    ItemTask,
    Notice,
    NoticeApproval,
    NoticeItem,
    NoticeState,
)
from giaoban.meetings.models_review import (  # noqa: E402,F401  (review storage, kept apart)
    ReviewRendering,
    ReviewState,
    ReviewStateUnit,
    UnitDataVersion,
)
