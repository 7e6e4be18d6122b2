"""Notifications: the outbox of things people must answer, the committee's reminder rules,
per-person preferences, the daily e-mail digests and the log of reminder runs."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """What a notification is about. Acts first, then the reminders of the rules."""

    ASSIGNMENT_GIVEN = "assignment_given", _("New task for your unit")
    CLAIM_TO_CONFIRM = "claim_to_confirm", _("Completion to confirm")
    EXTENSION_TO_DECIDE = "extension_to_decide", _("Extension request to decide")
    CLAIM_RETURNED = "claim_returned", _("Completion claim returned")
    EXTENSION_DECIDED = "extension_decided", _("Extension request decided")
    REPORT_RETURNED = "report_returned", _("Report returned")
    RECOMMENDATION_TO_ANSWER = "recommendation_to_answer", _("Recommendation to answer")
    NOTICE_TO_APPROVE = "notice_to_approve", _("Notice to approve")
    DUE_SOON = "due_soon", _("Deadline approaching")
    DUE_TODAY = "due_today", _("Deadline today")
    OVERDUE = "overdue", _("Overdue")
    ESCALATION = "escalation", _("Overdue: escalated to the unit head")
    CLAIM_UNCONFIRMED = "claim_unconfirmed", _("Completion claim still unconfirmed")
    REPORT_MISSING = "report_missing", _("Report missing")
    RECOMMENDATION_UNANSWERED = "recommendation_unanswered", _("Recommendation unanswered")
    LETTER = "letter", _("Reminder letter")


class MailState(models.TextChoices):
    PENDING = "pending", _("Not yet e-mailed")
    TAKEN = "taken", _("In an e-mail")
    OFF = "off", _("E-mail turned off")
    NO_ADDRESS = "no_address", _("No e-mail address")


class ReminderRule(models.Model):
    """A committee's reminder rules (one row per committee; defaults when none is saved).

    Days before a deadline count working days (weekends, public holidays and Tết off);
    the other intervals count calendar days, as offices write them ("quá hạn 7 ngày").
    """

    committee = models.OneToOneField(
        "org.Unit", models.CASCADE, related_name="reminder_rule", verbose_name=_("committee")
    )
    days_before = models.PositiveSmallIntegerField(
        _("working days before a deadline"),
        default=3,
        validators=[MaxValueValidator(60)],
        help_text=_("0 = no reminder before the deadline."),
    )
    on_the_day = models.BooleanField(_("remind on the day of the deadline"), default=True)
    overdue_every = models.PositiveSmallIntegerField(
        _("remind every … days when overdue"),
        default=3,
        validators=[MaxValueValidator(365)],
        help_text=_("0 = no overdue reminders."),
    )
    escalate_after = models.PositiveSmallIntegerField(
        _("tell the unit head after … days overdue"),
        default=7,
        validators=[MaxValueValidator(365)],
        help_text=_("0 = never escalate."),
    )
    claim_unconfirmed_after = models.PositiveSmallIntegerField(
        _("remind the office of an unconfirmed claim after … days"),
        default=5,
        validators=[MaxValueValidator(365)],
        help_text=_("0 = no such reminder."),
    )
    report_missing_after = models.PositiveSmallIntegerField(
        _("remind of a missing report … days after its due date"),
        default=1,
        validators=[MaxValueValidator(365)],
        help_text=_("0 = no such reminder."),
    )
    recommendation_unanswered = models.BooleanField(
        _("remind of recommendations unanswered by their deadline"), default=True
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("reminder rule")
        verbose_name_plural = _("reminder rules")
        ordering = ["committee"]
        constraints = [
            # PositiveSmallIntegerField already refuses negatives on PostgreSQL; SQLite needs these
            models.CheckConstraint(
                condition=Q(days_before__gte=0)
                & Q(overdue_every__gte=0)
                & Q(escalate_after__gte=0)
                & Q(claim_unconfirmed_after__gte=0)
                & Q(report_missing_after__gte=0),
                name="notifications_rule_no_negative_days",
                violation_error_message=_("A number of days cannot be negative."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.committee}: {self.days_before}/{self.overdue_every}/{self.escalate_after}"


class Notification(models.Model):
    """One thing one person should know or answer; also the e-mail outbox.

    Written in the same transaction as the act (or by ``giaoban remind`` for the rules);
    ``key`` identifies the act or the reminder step, unique per recipient, so writing it twice
    is a no-op. ``digest`` is set when the row is taken into an e-mail.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    key = models.CharField(_("de-duplication key"), max_length=160)
    #: values for the message (document number, text, deadline …), rendered in the reader's language
    params = models.JSONField(_("details"), default=dict)
    url = models.CharField(_("link"), max_length=255, blank=True)
    unit = models.ForeignKey(
        "org.Unit",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit"),
    )
    object_type = models.CharField(_("object type"), max_length=64, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    digest = models.ForeignKey(
        "Digest",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("e-mail"),
    )
    mail = models.CharField(
        _("e-mail"), max_length=16, choices=MailState.choices, default="pending"
    )

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"],
                name="notifications_unique_key_per_recipient",
                violation_error_message=_("This person has already been told."),
            )
        ]
        indexes = [
            # the bell's unread count and the centre's list, newest first
            models.Index(fields=["recipient", "read_at", "-created_at"], name="notif_inbox_idx"),
            # the digest run: rows not yet taken into an e-mail
            models.Index(
                fields=["recipient", "id"],
                name="notif_outbox_idx",
                condition=Q(mail="pending"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient}: {self.get_kind_display()} ({self.key})"


class Preference(models.Model):
    """A person's choice of e-mail delivery (defaults when none is saved: e-mail on, digest on)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="notification_preference",
        verbose_name=_("user"),
    )
    email_enabled = models.BooleanField(_("send me e-mail"), default=True)
    digest = models.BooleanField(
        _("one digest a day"),
        default=True,
        help_text=_("Off: one e-mail per notification, at each reminder run."),
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        ordering = ["user"]

    def __str__(self) -> str:
        return f"{self.user}: email={self.email_enabled} digest={self.digest}"


class DigestState(models.TextChoices):
    PENDING = "pending", _("To send")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed, will retry")


class Digest(models.Model):
    """One e-mail to one person: the log of what was sent, and the claim that keeps it single.

    A daily digest is unique per (recipient, day); with the digest off each e-mail carries one
    notification (``single``). ``message_id`` is fixed when the row is made, so a retry after a
    crash between the SMTP server's acceptance and our commit carries the same Message-ID.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="digests",
        verbose_name=_("recipient"),
    )
    day = models.DateField(_("day"))
    single = models.BooleanField(_("single notification"), default=False)
    address = models.EmailField(_("address"))
    state = models.CharField(
        _("state"), max_length=16, choices=DigestState.choices, default=DigestState.PENDING
    )
    message_id = models.CharField(_("Message-ID"), max_length=200)
    count = models.PositiveIntegerField(_("notifications"), default=0)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail sent")
        verbose_name_plural = _("e-mails sent")
        ordering = ["-day", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "day"],
                condition=Q(single=False),
                name="notifications_one_digest_per_day",
                violation_error_message=_("This person already has a digest for this day."),
            )
        ]
        indexes = [
            # the delivery loop: e-mails not sent yet
            models.Index(fields=["state", "id"], name="notif_digest_state_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} → {self.address} ({self.count}, {self.state})"


class RemindRun(models.Model):
    """One run of ``giaoban remind``: what it computed and sent (the command's log)."""

    day = models.DateField(_("day"))
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    created = models.PositiveIntegerField(_("notifications created"), default=0)
    sent = models.PositiveIntegerField(_("e-mails sent"), default=0)
    failed = models.PositiveIntegerField(_("e-mails failed"), default=0)
    skipped = models.PositiveIntegerField(_("people without e-mail"), default=0)
    summary = models.CharField(_("summary"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("reminder run")
        verbose_name_plural = _("reminder runs")
        ordering = ["-started_at", "-id"]
        indexes = [
            # "last finished run" (which days to catch up)
            models.Index(fields=["finished_at", "day"], name="notif_run_finished_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y}: {self.summary}"


class CalendarFeed(models.Model):
    """A secret calendar URL. Only the SHA-256 of the secret is kept; revoking ends it for good.

    ``committee`` empty: the person's own feed; set: the committee's feed (its office only)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="calendar_feeds",
        verbose_name=_("user"),
    )
    committee = models.ForeignKey(
        "org.Unit",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("committee"),
    )
    secret_hash = models.CharField(max_length=64, editable=False)
    prefix = models.CharField(max_length=8, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.user} {self.committee or ''} {self.prefix}…"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class ReminderLetter(models.Model):
    """A reminder letter ("văn bản đôn đốc") the office issued: its number, whom it went to, the
    assignments it listed and the DOCX as made."""

    committee = models.ForeignKey(
        "org.Unit", models.PROTECT, related_name="reminder_letters", verbose_name=_("committee")
    )
    unit = models.ForeignKey(
        "org.Unit",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("to"),
        help_text=_("Empty: every unit with overdue or soon-due work."),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number"))
    created_on = models.DateField(_("date"))
    reply_by = models.DateField(_("report back by"))
    signer_title = models.CharField(_("signer's title"), max_length=200)
    signer_name = models.CharField(_("signer's name"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("made by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    item_count = models.PositiveIntegerField(_("items"), default=0)
    assignments = models.ManyToManyField(
        "tasks.Assignment", related_name="reminder_letters", verbose_name=_("assignments")
    )
    file = models.FileField(_("file"), upload_to="letters/%Y/", blank=True)

    class Meta:
        verbose_name = _("reminder letter")
        verbose_name_plural = _("reminder letters")
        ordering = ["-created_on", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "year", "number"],
                name="notifications_letter_number_unique",
                violation_error_message=_("This letter number is already used this year."),
            )
        ]

    def __str__(self) -> str:
        return f"Số {self.label}"

    @property
    def label(self) -> str:
        return f"{self.number}-CV/VPTU"
