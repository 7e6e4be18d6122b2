"""Conclusion notices ("thông báo kết luận"), their numbered items and the tasks they give."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from giaoban.core.decisions import Decision, DecisionRecord, one_pending
from giaoban.core.references import display_notice
from giaoban.core.text import fold

TEXT_MAX = 20000


class NoticeState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    ISSUED = "issued", _("Issued")


class NoticeQuerySet(models.QuerySet):
    def for_user(self, user) -> NoticeQuerySet:
        """Office and leaders: their committees' notices; unit staff: issued notices that give
        their unit a task."""
        from giaoban.core.permissions import scope_for
        from giaoban.tasks.models import Assignment

        scope = scope_for(user)
        if scope.is_admin:
            return self
        reach = scope.office_unit_ids | scope.leader_unit_ids
        condition = Q(committee_id__in=reach) if reach else Q(pk__in=[])
        if scope.own_unit_ids:
            mine = Assignment.objects.filter(
                task__notice_link__item__notice=OuterRef("pk"), unit_id__in=scope.own_unit_ids
            )
            condition |= Q(state=NoticeState.ISSUED) & Exists(mine)
        return self.filter(condition)


class Notice(models.Model):
    """A conclusion notice: "Thông báo số 123-TB/TU ngày 28/11/2023 kết luận của Thường trực
    Tỉnh ủy tại hội nghị giao ban quý IV/2023".

    The number is unique per committee and year (numbering restarts each year); a draft may
    not have one yet. Draft → awaiting approval → approved by a leader (never the person who
    asked, nor the drafter) → issued by the office; an issued notice is locked and corrected
    only by a supplementary notice pointing to it. Each request for approval, with its answer,
    is a ``NoticeApproval`` (core.decisions).
    """

    committee = models.ForeignKey(
        "org.Unit", models.PROTECT, related_name="notices", verbose_name=_("host committee")
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="notices",
        verbose_name=_("meeting"),
    )
    supplements = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="supplementary",
        verbose_name=_("supplements"),
    )
    number = models.CharField(
        _("number"), max_length=64, blank=True, help_text=_("Party style, e.g. 123-TB/TU.")
    )
    doc_date = models.DateField(_("date"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, editable=False)
    issuer_parent = models.CharField(
        _("body above the issuer"), max_length=200, blank=True, help_text=_("ĐẢNG BỘ TỈNH …")
    )
    issuer = models.CharField(_("issuing body"), max_length=200, help_text=_("TỈNH ỦY"))
    place = models.CharField(_("place (date line)"), max_length=100, blank=True)
    title = models.CharField(
        _("subject"),
        max_length=500,
        help_text=_("kết luận của Thường trực Tỉnh ủy tại hội nghị giao ban quý IV/2023"),
    )
    opening = models.TextField(_("opening text"), max_length=TEXT_MAX, blank=True)
    closing = models.TextField(_("closing text"), max_length=TEXT_MAX, blank=True)
    signing_formula = models.TextField(
        _("signing formula"),
        max_length=500,
        help_text=_("One line each: T/M THƯỜNG TRỰC TỈNH ỦY / PHÓ BÍ THƯ THƯỜNG TRỰC"),
    )
    signer_name = models.CharField(_("signer"), max_length=200, blank=True)
    recipients = models.TextField(
        _("recipients (Nơi nhận)"), max_length=4000, blank=True, help_text=_("One per line.")
    )
    state = models.CharField(
        _("state"), max_length=16, choices=NoticeState.choices, default=NoticeState.DRAFT
    )
    in_force = models.BooleanField(
        _("in force"), default=True, help_text=_("Reviewed at the next briefings while in force.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("drafted by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    search_folded = models.TextField(editable=False, default="")

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("conclusion notice")
        verbose_name_plural = _("conclusion notices")
        ordering = ["-doc_date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "year", "number"],
                condition=~Q(number=""),
                name="meetings_notice_number_unique_per_year",
                violation_error_message=_(
                    "This number is already used by another notice of this committee this year."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(state="issued") | (~Q(number="") & Q(doc_date__isnull=False)),
                name="meetings_notice_issued_has_number",
                violation_error_message=_("An issued notice needs its number and date."),
            ),
        ]
        indexes = [
            # notices of a committee newest first; "earlier notices in force" of a review
            models.Index(
                fields=["committee", "state", "doc_date"], name="meetings_notice_committee_idx"
            ),
        ]

    def __str__(self) -> str:
        if self.number:
            return f"Thông báo số {self.number}"
        return f"Thông báo (dự thảo) {self.title[:60]}"

    def save(self, *args, **kwargs) -> None:
        self.year = self.doc_date.year if self.doc_date else None
        self.search_folded = fold(f"{self.number} {self.title}")
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = set(kwargs["update_fields"]) | {"year", "search_folded"}
        super().save(*args, **kwargs)

    @property
    def is_locked(self) -> bool:
        return self.state == NoticeState.ISSUED

    @property
    def reference(self) -> str:
        if not self.number:
            return str(self)
        return f"Thông báo số {self.number} ngày {self.doc_date:%d/%m/%Y}"

    @property
    def reference_display(self) -> str:
        """``reference`` for a reader, in the interface's language."""
        if not self.number:
            return str(self)
        return display_notice(self.number, self.doc_date)

    @property
    def last_approval(self) -> NoticeApproval | None:
        """The latest request for approval (pending, or with its answer), or None."""
        return self.approvals.order_by("-requested_at", "-id").first()

    def formula_lines(self) -> list[str]:
        return [line.strip() for line in self.signing_formula.splitlines() if line.strip()]

    def recipient_lines(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]


class NoticeApproval(DecisionRecord):
    """The office asks a leader to approve a draft notice; the leader approves it or returns it
    to draft with the reason. Nobody decides on a notice they asked approval for or drafted."""

    requester_field = "requested_by"
    co_requester_fields = ("notice__created_by",)

    notice = models.ForeignKey(
        Notice, models.CASCADE, related_name="approvals", verbose_name=_("notice")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("asked by")
    )
    requested_at = models.DateTimeField(_("asked at"))

    class Meta:
        verbose_name = _("approval of a notice")
        verbose_name_plural = _("approvals of notices")
        ordering = ["-requested_at", "-id"]
        constraints = [
            one_pending(
                "notice",
                name="meetings_notice_approval_one_pending",
                message=_("This notice is already awaiting a leader's approval."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.notice} · {self.get_decision_display()}"

    @property
    def returned(self) -> bool:
        return self.decision == Decision.REJECTED


class NoticeItem(models.Model):
    """A numbered item of a notice, under an optional heading; it gives tasks or is marked
    "không phát sinh nhiệm vụ" (no task arises)."""

    notice = models.ForeignKey(
        Notice, models.CASCADE, related_name="items", verbose_name=_("notice")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    heading = models.CharField(_("section heading"), max_length=300, blank=True)
    text = models.TextField(_("text"), max_length=TEXT_MAX)
    no_task = models.BooleanField(_("no task arises"), default=False)
    no_task_reason = models.CharField(_("why no task"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("notice item")
        verbose_name_plural = _("notice items")
        ordering = ["number", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["notice", "number"],
                name="meetings_item_unique_number",
                violation_error_message=_("Two items of the notice have the same number."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:60]}"


class ItemTask(models.Model):
    """A task an item gives: planned while the notice is a draft (units, deadline), the real
    ``tasks.Task`` once the notice is issued (or an existing task linked to the item)."""

    item = models.ForeignKey(
        NoticeItem, models.CASCADE, related_name="tasks", verbose_name=_("item")
    )
    text = models.TextField(_("task"), max_length=4000)
    deadline = models.DateField(
        _("deadline"), null=True, blank=True, help_text=_("Empty: standing (thường xuyên).")
    )
    all_units = models.BooleanField(_("all units"), default=False)
    lead_units = models.ManyToManyField(
        "org.Unit", related_name="+", blank=True, verbose_name=_("lead units")
    )
    coordinating_units = models.ManyToManyField(
        "org.Unit", related_name="+", blank=True, verbose_name=_("coordinating units")
    )
    task = models.OneToOneField(
        "tasks.Task",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="notice_link",
        verbose_name=_("task"),
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("task of an item")
        verbose_name_plural = _("tasks of items")
        ordering = ["sort_order", "id"]

    def __str__(self) -> str:
        return self.text[:80]
