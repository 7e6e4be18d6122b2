"""The register of recommendations (kiến nghị, đề xuất) units raise to their committee."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from giaoban.core.decisions import RequestRule
from giaoban.core.text import fold

TEXT_MAX = 4000
ANSWER_MAX = 8000


class RecState(models.TextChoices):
    NEW = "new", _("New")
    FORWARDED = "forwarded", _("Forwarded for an answer")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class Recommendation(RequestRule, models.Model):
    """One recommendation from a unit to its committee.

    new → forwarded (the office hands it to the board or office that drafts
    the answer) → answered (text, who, when) → closed. Raised in a unit
    report's section (``report`` set) or on its own. Overdue: not answered by
    ``response_deadline``.

    The answer is a decision on the unit's request (core.decisions): neither the person who
    raised it nor anyone of the raising unit answers it, whatever other role they hold.
    """

    requester_field = "created_by"
    requester_unit_field = "unit"
    decider_field = "answered_by"

    committee = models.ForeignKey(
        "org.Unit", models.PROTECT, related_name="+", verbose_name=_("committee")
    )
    unit = models.ForeignKey(
        "org.Unit", models.PROTECT, related_name="recommendations", verbose_name=_("from unit")
    )
    report = models.ForeignKey(
        "reports.UnitReport",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="recommendations",
        verbose_name=_("raised in report"),
    )
    text = models.TextField(_("content"), max_length=TEXT_MAX)
    addressed_to = models.CharField(
        _("addressed to"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Thường trực Tỉnh ủy, Ban Thường vụ"),
    )
    response_deadline = models.DateField(_("answer due by"), null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=16, choices=RecState.choices, default=RecState.NEW
    )
    forwarded_to = models.ForeignKey(
        "org.Unit",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations_to_answer",
        verbose_name=_("forwarded to"),
    )
    forwarded_at = models.DateTimeField(_("forwarded at"), null=True, blank=True)
    answer = models.TextField(_("answer"), max_length=ANSWER_MAX, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("raised by")
    )
    raised_on = models.DateField(_("raised on"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    search_folded = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["-raised_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state__in=["answered", "closed"]) | ~Q(answer=""),
                name="recs_answered_has_answer",
                violation_error_message=_("An answered recommendation needs its answer."),
            ),
            models.CheckConstraint(
                condition=Q(response_deadline__isnull=True)
                | Q(response_deadline__gte=models.F("raised_on")),
                name="recs_deadline_after_raised",
                violation_error_message=_("The answer deadline cannot be before the day raised."),
            ),
        ]
        indexes = [
            # the register of one committee, newest first
            models.Index(fields=["committee", "-raised_on"], name="recs_committee_idx"),
            # the overdue list: open ones by deadline
            models.Index(fields=["state", "response_deadline"], name="recs_overdue_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.text[:60]}"

    def save(self, *args, **kwargs) -> None:
        self.search_folded = fold(f"{self.text} {self.answer} {self.addressed_to}")
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = set(kwargs["update_fields"]) | {"search_folded"}
        super().save(*args, **kwargs)

    @property
    def is_open(self) -> bool:
        return self.state in (RecState.NEW, RecState.FORWARDED)

    def is_overdue(self, on) -> bool:
        return self.is_open and self.response_deadline is not None and self.response_deadline < on
