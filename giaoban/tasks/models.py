"""Tasks given by a conclusion, fanned out to units as assignments."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from giaoban.core.decisions import Decision, DecisionRecord, one_pending
from giaoban.core.references import display_reference, format_reference
from giaoban.core.text import clean_identifier, fold

__all__ = ["Decision"]  # re-exported: the choices live in giaoban.core.decisions

TEXT_MAX = 4000
NOTE_MAX = 2000


def restrict_tasks(qs: models.QuerySet, scope: Any) -> models.QuerySet:
    """Tasks hosted in the reach of ``scope`` (a core Scope), or given to one of its units."""
    if scope.is_admin:
        return qs
    reach = scope.office_unit_ids | scope.leader_unit_ids
    condition = Q(committee_id__in=reach) if reach else Q(pk__in=[])
    if scope.own_unit_ids:
        mine = Assignment.objects.filter(task=OuterRef("pk"), unit_id__in=scope.own_unit_ids)
        condition |= Exists(mine)
    return qs.filter(condition)


def restrict_assignments(qs: models.QuerySet, scope: Any) -> models.QuerySet:
    """Assignments of the units ``scope`` (a core Scope) may read."""
    return qs if scope.is_admin else qs.filter(unit_id__in=scope.readable_unit_ids)


class TaskQuerySet(models.QuerySet):
    def for_user(self, scope: Any) -> models.QuerySet:
        return restrict_tasks(self, scope)


class AssignmentQuerySet(models.QuerySet):
    def for_user(self, scope: Any) -> models.QuerySet:
        return restrict_assignments(self, scope)


class Task(models.Model):
    """One directive from a source document ("Thông báo 90-TB/TU, mục 3").

    The document number is not unique on its own: numbering restarts each
    year, so (committee, year, number, item) identifies a task. ``deadline``
    is the deadline given at the source; NULL means standing ("thường xuyên").
    The leader who gave the direction is kept apart from the clerk who
    entered it.
    """

    committee = models.ForeignKey(
        "org.Unit", models.PROTECT, related_name="hosted_tasks", verbose_name=_("host committee")
    )
    doc_number = models.CharField(
        _("document number"),
        max_length=64,
        help_text=_("Party style '90-TB/TU' or state style '45/KH-UBND'."),
    )
    doc_date = models.DateField(_("document date"))
    doc_year = models.PositiveSmallIntegerField(_("document year"), editable=False)
    item_number = models.CharField(_("item"), max_length=16, blank=True)
    text = models.TextField(_("content"), max_length=TEXT_MAX)
    deadline = models.DateField(
        _("deadline"),
        null=True,
        blank=True,
        help_text=_("Leave empty for a standing task (thường xuyên)."),
    )
    directed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="directed_tasks",
        verbose_name=_("directed by"),
    )
    directed_by_name = models.CharField(
        _("directed by (name and title)"), max_length=200, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="entered_tasks",
        verbose_name=_("entered by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_on = models.DateField(_("created on"))
    search_folded = models.TextField(editable=False, default="")

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["-doc_date", "doc_number", "item_number", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "doc_year", "doc_number", "item_number"],
                name="tasks_task_unique_source_item",
                violation_error_message=_("This item of this document has already been entered."),
            ),
            models.CheckConstraint(
                condition=Q(deadline__isnull=True) | Q(deadline__gte=models.F("doc_date")),
                name="tasks_task_deadline_after_document",
                violation_error_message=_("The deadline cannot be before the document date."),
            ),
        ]
        indexes = [
            # task list of one committee, newest documents first
            models.Index(fields=["committee", "-doc_date"], name="tasks_task_committee_idx"),
        ]

    def __str__(self) -> str:
        item = f", mục {self.item_number}" if self.item_number else ""
        return f"{self.doc_number}{item}: {self.text[:60]}"

    @property
    def source_label(self) -> str:
        return format_reference(self.doc_number, self.doc_date, self.item_number, numbered=False)

    @property
    def source_display(self) -> str:
        """The source for a reader, in the interface's language (source_label: the written
        Vietnamese form, for documents and letters)."""
        return display_reference(self.doc_number, self.doc_date, self.item_number, numbered=False)

    def clean(self) -> None:
        # before the uniqueness check: invisible characters must not make a second "item 1"
        self.doc_number = clean_identifier(self.doc_number)
        self.item_number = clean_identifier(self.item_number)

    def save(self, *args, **kwargs) -> None:
        self.doc_number = clean_identifier(self.doc_number)
        self.item_number = clean_identifier(self.item_number)
        self.doc_year = self.doc_date.year
        # the leader is found by name too, whether chosen from the accounts or typed in
        leader = self.directed_by if self.directed_by_id else None
        leader_name = f"{leader.full_name} {leader.position}" if leader is not None else ""
        self.search_folded = fold(
            f"{self.doc_number} {self.text} {self.directed_by_name} {leader_name}"
        )
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = set(kwargs["update_fields"]) | {"doc_year", "search_folded"}
        super().save(*args, **kwargs)


class AssignmentRole(models.TextChoices):
    LEAD = "lead", _("Lead")
    COORDINATING = "coordinating", _("Coordinating")


def lead_first() -> models.Case:
    """Order assignments as an office lists them: the lead units before the coordinating ones
    (the role's stored values would sort the other way)."""
    return models.Case(
        models.When(role=AssignmentRole.LEAD, then=models.Value(0)), default=models.Value(1)
    )


class AssignmentState(models.TextChoices):
    """Workflow state. The reporting *status class* is derived from it (see status.py)."""

    OPEN = "open", _("In progress")
    CLAIMED = "claimed", _("Completion claimed")
    DONE = "done", _("Confirmed done")
    CANCELLED = "cancelled", _("Cancelled")


class Assignment(models.Model):
    """A task as one unit carries it: its own progress, evidence and status."""

    task = models.ForeignKey(
        Task, models.CASCADE, related_name="assignments", verbose_name=_("task")
    )
    unit = models.ForeignKey(
        "org.Unit", models.PROTECT, related_name="assignments", verbose_name=_("unit")
    )
    role = models.CharField(
        _("role"), max_length=16, choices=AssignmentRole.choices, default=AssignmentRole.LEAD
    )
    state = models.CharField(
        _("state"), max_length=16, choices=AssignmentState.choices, default=AssignmentState.OPEN
    )
    #: the deadline in force: the task's, or the latest approved extension
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    original_deadline = models.DateField(_("original deadline"), null=True, blank=True)
    extension_count = models.PositiveSmallIntegerField(_("extensions approved"), default=0)
    progress_percent = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    #: an extension request awaits the office (kept by the services, for the office's to-do list)
    extension_pending = models.BooleanField(_("extension requested"), default=False)
    cancelled_on = models.DateField(_("cancelled on"), null=True, blank=True)
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=NOTE_MAX, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["deadline", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "unit"],
                name="tasks_assignment_unique_unit",
                violation_error_message=_("This unit already has this task."),
            ),
            models.CheckConstraint(
                condition=Q(progress_percent__lte=100),
                name="tasks_assignment_percent_range",
                violation_error_message=_("Progress must be between 0 and 100%."),
            ),
            models.CheckConstraint(
                condition=~Q(state="done") | Q(completed_on__isnull=False),
                name="tasks_assignment_done_has_date",
                violation_error_message=_("A confirmed assignment needs its completion date."),
            ),
        ]
        indexes = [
            # every scoped list and dashboard count: unit IN (subtree) + status-class predicates; holds
            # every column the status class reads, so counts are index-only scans (migration 0002)
            models.Index(
                fields=[
                    "unit",
                    "deadline",
                    "state",
                    "completed_on",
                    "cancelled_on",
                    "extension_count",
                    "original_deadline",
                    "id",
                ],
                name="tasks_asg_scope_cover_idx",
            ),
            # first page of a list ordered by deadline across a committee (overdue list, API)
            models.Index(
                fields=["deadline", "id", "unit", "state", "completed_on", "cancelled_on"],
                name="tasks_asg_deadline_order_idx",
            ),
            # overdue / due-soon lists across a committee ordered by deadline
            # the office's "awaiting your decision" list: claimed, or an extension request pending
            models.Index(
                fields=["unit", "deadline"],
                name="tasks_asg_awaiting_idx",
                condition=Q(state="claimed") | Q(extension_pending=True),
            ),
            models.Index(fields=["state", "deadline"], name="tasks_asg_state_deadline_idx"),
        ]

    def __str__(self) -> str:
        return (
            f"{self.task.doc_number} → {self.unit.display_name}"
            if self.task_id and self.unit_id
            else "assignment"
        )

    @property
    def is_closed(self) -> bool:
        return self.state in (AssignmentState.DONE, AssignmentState.CANCELLED)


#: the fields of an assignment every act snapshots for the audit log
ASSIGNMENT_FIELDS = [
    "state",
    "deadline",
    "original_deadline",
    "extension_count",
    "progress_percent",
    "completed_on",
    "confirmed_at",
    "confirmed_by",
    "cancelled_on",
    "cancel_reason",
]


class ProgressUpdate(models.Model):
    """A note of progress from the unit, optionally with a file."""

    assignment = models.ForeignKey(
        Assignment, models.CASCADE, related_name="progress_updates", verbose_name=_("assignment")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("author")
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True)
    text = models.TextField(_("progress"), max_length=NOTE_MAX)
    percent = models.PositiveSmallIntegerField(_("progress (%)"), null=True, blank=True)
    attachment = models.FileField(_("attachment"), upload_to="attachments/%Y/%m/", blank=True)

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%d/%m/%Y}: {self.text[:60]}"


class CompletionClaim(DecisionRecord):
    """The unit says the work is done, with its evidence; the office confirms or returns it."""

    requester_field = "claimed_by"

    assignment = models.ForeignKey(
        Assignment, models.CASCADE, related_name="claims", verbose_name=_("assignment")
    )
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("claimed by")
    )
    claimed_at = models.DateTimeField(_("claimed at"), auto_now_add=True)
    completed_on = models.DateField(_("completed on"))
    evidence_number = models.CharField(_("output document number"), max_length=64, blank=True)
    evidence_date = models.DateField(_("output document date"), null=True, blank=True)
    note = models.TextField(_("note"), max_length=NOTE_MAX, blank=True)
    attachment = models.FileField(_("attachment"), upload_to="attachments/%Y/%m/", blank=True)

    class Meta:
        verbose_name = _("completion claim")
        verbose_name_plural = _("completion claims")
        ordering = ["-claimed_at", "-id"]
        constraints = [
            one_pending(
                "assignment",
                name="tasks_claim_one_pending",
                message=_("A completion claim is already awaiting the office's decision."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.assignment}: {self.get_decision_display()}"

    @property
    def evidence_label(self) -> str:
        return format_reference(self.evidence_number, self.evidence_date)

    @property
    def evidence_display(self) -> str:
        """The evidence for a reader, in the interface's language."""
        return display_reference(self.evidence_number, self.evidence_date)


class ExtensionRequest(DecisionRecord):
    """A unit asks for a later deadline; only the office decides (never the requester)."""

    requester_field = "requested_by"

    assignment = models.ForeignKey(
        Assignment, models.CASCADE, related_name="extensions", verbose_name=_("assignment")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("requested by")
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    old_deadline = models.DateField(_("current deadline"), null=True, blank=True)
    new_deadline = models.DateField(_("requested deadline"))
    reason = models.TextField(_("reason"), max_length=NOTE_MAX)
    decision_reason = models.CharField(_("decision note"), max_length=NOTE_MAX, blank=True)

    class Meta:
        verbose_name = _("extension request")
        verbose_name_plural = _("extension requests")
        ordering = ["-requested_at", "-id"]
        constraints = [
            one_pending(
                "assignment",
                name="tasks_extension_one_pending",
                message=_("An extension request is already awaiting the office's decision."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.assignment}: {self.new_deadline:%d/%m/%Y} ({self.get_decision_display()})"
