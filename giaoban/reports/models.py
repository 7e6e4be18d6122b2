"""Reporting: the periods an office opens, the forms, the units' reports and their versions.

Indicators and work plans live in ``models_plans.py`` (imported below so Django sees them).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from giaoban.core.decisions import DecisionRecord, one_pending
from giaoban.periods import Period, PeriodType, ReportRules

#: limits of the free text a unit types (per section) and of a reason
SECTION_MAX = 20_000
REASON_MAX = 2_000
NEXT_TASKS_MAX = 50


class PeriodTypeChoice(models.TextChoices):
    MONTH = PeriodType.MONTH.value, _("Month")
    QUARTER = PeriodType.QUARTER.value, _("Quarter")
    HALF = PeriodType.HALF.value, _("Six months")
    NINE_MONTHS = PeriodType.NINE_MONTHS.value, _("Nine months")
    YEAR = PeriodType.YEAR.value, _("Year")


class SectionKey(models.TextChoices):
    RESULTS = "results", _("Results")
    SHORTCOMINGS = "shortcomings", _("Shortcomings and limitations")
    DIFFICULTIES = "difficulties", _("Difficulties and obstacles")
    RECOMMENDATIONS = "recommendations", _("Recommendations and proposals")
    NEXT_TASKS = "next_tasks", _("Tasks for the next period")


#: sections whose content is free text (the other two are lists)
TEXT_SECTIONS = (SectionKey.RESULTS, SectionKey.SHORTCOMINGS, SectionKey.DIFFICULTIES)


class ReportingRules(models.Model):
    """A committee's own reporting rules; without a row the Nghị định 09/2019 defaults apply."""

    committee = models.OneToOneField(
        "org.Unit", models.CASCADE, related_name="reporting_rules", verbose_name=_("committee")
    )
    cutoff_day = models.PositiveSmallIntegerField(
        _("data cut-off day"),
        default=14,
        help_text=_("Day of the period's last month the data is cut off (Nghị định 09/2019: 14)."),
    )
    due_working_days = models.PositiveSmallIntegerField(
        _("due after (working days)"),
        null=True,
        blank=True,
        default=5,
        help_text=_("Working days after the cut-off day; leave empty to use a fixed day."),
    )
    due_day = models.PositiveSmallIntegerField(_("due on day of month"), null=True, blank=True)
    due_month_offset = models.SmallIntegerField(
        _("months after the period's last month"), default=0
    )
    plan_due_day = models.PositiveSmallIntegerField(_("yearly plan due: day"), default=30)
    plan_due_month = models.PositiveSmallIntegerField(_("yearly plan due: month"), default=11)
    plan_approve_day = models.PositiveSmallIntegerField(
        _("yearly plan approved by: day"), default=25
    )
    plan_approve_month = models.PositiveSmallIntegerField(
        _("yearly plan approved by: month"), default=12
    )

    class Meta:
        verbose_name = _("reporting rules")
        verbose_name_plural = _("reporting rules")
        ordering = ["committee"]
        constraints = [
            models.CheckConstraint(
                condition=Q(cutoff_day__gte=1, cutoff_day__lte=31),
                name="reports_rules_cutoff_range",
                violation_error_message=_("The cut-off day must be between 1 and 31."),
            ),
            models.CheckConstraint(
                condition=Q(due_working_days__isnull=True, due_day__isnull=False)
                | Q(due_working_days__isnull=False, due_day__isnull=True),
                name="reports_rules_one_due_rule",
                violation_error_message=_(
                    "Give either the working days after the cut-off or a fixed due day, not both."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.committee}: {self.cutoff_day}"

    def as_rules(self) -> ReportRules:
        return ReportRules(
            cutoff_day=self.cutoff_day,
            due_working_days=self.due_working_days,
            due_day=self.due_day,
            due_month_offset=self.due_month_offset,
        )

    def plan_due(self, year: int) -> date:
        """The yearly plan for ``year`` is due in the year before (30/11 by default)."""
        return date(year - 1, self.plan_due_month, self.plan_due_day)

    def plan_approve_by(self, year: int) -> date:
        return date(year - 1, self.plan_approve_month, self.plan_approve_day)


def rules_for(committee_id: int) -> ReportingRules:
    """The committee's rules, or an unsaved row carrying the defaults."""
    found = ReportingRules.objects.filter(committee_id=committee_id).first()
    return found or ReportingRules(committee_id=committee_id)


def default_sections() -> list[dict[str, str]]:
    return [{"key": k.value, "title": str(k.label)} for k in SectionKey]


class ReportForm(models.Model):
    """What a committee asks its units to report for one type of period: sections and indicators."""

    committee = models.ForeignKey(
        "org.Unit", models.CASCADE, related_name="report_forms", verbose_name=_("committee")
    )
    period_type = models.CharField(_("period type"), max_length=16, choices=PeriodTypeChoice)
    name = models.CharField(_("name"), max_length=200)
    #: ordered [{"key": SectionKey, "title": "…"}]; the titles are the committee's wording
    sections = models.JSONField(_("sections"), default=default_sections)
    indicators = models.ManyToManyField(
        "reports.Indicator", blank=True, related_name="forms", verbose_name=_("indicators asked")
    )
    asks_plan_progress = models.BooleanField(
        _("asks progress of the work plan items"), default=True
    )

    class Meta:
        verbose_name = _("report form")
        verbose_name_plural = _("report forms")
        ordering = ["committee", "period_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "period_type"],
                name="reports_form_one_per_type",
                violation_error_message=_(
                    "This committee already has a form for this period type."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def section_keys(self) -> list[str]:
        return [s["key"] for s in self.sections]


class PeriodState(models.TextChoices):
    PLANNED = "planned", _("Being prepared")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class ReportingPeriod(models.Model):
    """A period a committee's office opens for its units (kỳ báo cáo).

    The cut-off window and the due date are computed from the committee's
    rules when the period is created and stored, so a later change of the
    rules never moves a period already announced. The expected units are
    stored rows (``ExpectedReport``) the office reviews before opening.
    """

    committee = models.ForeignKey(
        "org.Unit", models.PROTECT, related_name="reporting_periods", verbose_name=_("committee")
    )
    period_type = models.CharField(_("period type"), max_length=16, choices=PeriodTypeChoice)
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("number"), null=True, blank=True)
    form = models.ForeignKey(
        ReportForm, models.PROTECT, related_name="periods", verbose_name=_("report form")
    )
    cutoff_start = models.DateField(_("data from"))
    cutoff_end = models.DateField(_("data until"))
    due_date = models.DateField(_("due date"))
    state = models.CharField(
        _("state"), max_length=16, choices=PeriodState.choices, default=PeriodState.PLANNED
    )
    allow_late = models.BooleanField(
        _("accept late reports after closing"),
        default=False,
        help_text=_("Reports sent after closing are accepted and counted late."),
    )
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["-year", "-cutoff_end", "committee"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "period_type", "year", "number"],
                name="reports_period_unique",
                nulls_distinct=False,
                violation_error_message=_("This committee already has this reporting period."),
            ),
            models.CheckConstraint(
                condition=Q(cutoff_end__gte=models.F("cutoff_start")),
                name="reports_period_window",
                violation_error_message=_("The cut-off window ends before it starts."),
            ),
        ]
        indexes = [
            # the period list of one committee, newest first
            models.Index(fields=["committee", "-year"], name="reports_period_committee_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.period.label} — {self.committee}"

    @property
    def period(self) -> Period:
        return Period(self.year, PeriodType(self.period_type), self.number)

    @property
    def label(self) -> str:
        return self.period.label

    @property
    def display_label(self) -> str:
        """The period's name in the interface's language ("Quý IV/2026", "Q4 2026"); documents
        keep ``label`` (Vietnamese)."""
        from giaoban.core.references import display_period

        return display_period(self.period)

    @property
    def accepts_reports(self) -> bool:
        return self.state == PeriodState.OPEN or (
            self.state == PeriodState.CLOSED and self.allow_late
        )


class ExpectedReport(models.Model):
    """A unit that must report in a period: a stored fact the office edits before opening."""

    period = models.ForeignKey(
        ReportingPeriod, models.CASCADE, related_name="expected", verbose_name=_("period")
    )
    unit = models.ForeignKey(
        "org.Unit", models.PROTECT, related_name="expected_reports", verbose_name=_("unit")
    )

    class Meta:
        verbose_name = _("expected report")
        verbose_name_plural = _("expected reports")
        ordering = ["period", "unit__sort_order", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "unit"],
                name="reports_expected_unique",
                violation_error_message=_("This unit is already expected in this period."),
            )
        ]
        indexes = [
            # "the periods my unit must report in"
            models.Index(fields=["unit", "period"], name="reports_expected_unit_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.period}: {self.unit}"


class ReportState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for correction")
    ACCEPTED = "accepted", _("Accepted")


def report_file_path(instance: models.Model, filename: str) -> str:
    return f"reports/{date.today():%Y/%m}/{filename}"


class UnitReport(models.Model):
    """One unit's report for one period: the draft it edits and the state of the review.

    ``content`` is the working copy: ``{"sections": {key: text}, "next_tasks": [..],
    "recommendations": [{"text", "addressed_to", "rec_id"}], "indicators": {code: "12"},
    "plan_progress": {item_id: percent}}``. Each submission copies it whole into a
    ``ReportVersion``. Timeliness is decided by the *first* submission: a report the
    office returns for correction does not become late by being corrected.
    """

    period = models.ForeignKey(
        ReportingPeriod, models.PROTECT, related_name="reports", verbose_name=_("period")
    )
    unit = models.ForeignKey(
        "org.Unit", models.PROTECT, related_name="unit_reports", verbose_name=_("unit")
    )
    state = models.CharField(
        _("state"), max_length=16, choices=ReportState.choices, default=ReportState.DRAFT
    )
    content = models.JSONField(_("content"), default=dict)
    doc_number = models.CharField(_("document number"), max_length=64, blank=True)
    doc_date = models.DateField(_("document date"), null=True, blank=True)
    document = models.FileField(
        _("signed document"), upload_to=report_file_path, max_length=255, blank=True
    )
    first_submitted_at = models.DateTimeField(_("first submitted at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("last submitted at"), null=True, blank=True)
    #: the first submission came after the due date (or after closing)
    late = models.BooleanField(_("late"), default=False)
    version_count = models.PositiveSmallIntegerField(_("versions"), default=0)
    return_reason = models.CharField(_("reason for returning"), max_length=REASON_MAX, blank=True)
    returned_count = models.PositiveSmallIntegerField(_("times returned"), default=0)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    saved_at = models.DateTimeField(_("draft saved at"), auto_now=True)

    class Meta:
        verbose_name = _("unit report")
        verbose_name_plural = _("unit reports")
        ordering = ["period", "unit__sort_order", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "unit"],
                name="reports_report_one_per_unit",
                violation_error_message=_("This unit already has a report for this period."),
            ),
            models.CheckConstraint(
                condition=Q(state="draft") | Q(first_submitted_at__isnull=False),
                name="reports_report_submitted_has_time",
                violation_error_message=_("A submitted report needs its submission time."),
            ),
        ]
        indexes = [
            # a unit's history across periods
            models.Index(fields=["unit", "period"], name="reports_report_unit_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.period.label}"

    @property
    def doc_label(self) -> str:
        if not self.doc_number:
            return ""
        when = f" ngày {self.doc_date:%d/%m/%Y}" if self.doc_date else ""
        return f"Báo cáo số {self.doc_number}{when}"

    @property
    def editable(self) -> bool:
        return self.state in (ReportState.DRAFT, ReportState.RETURNED)


class ReportVersion(DecisionRecord):
    """One submission, kept whole: the content, the document and who sent it when.

    A submission is a request for the office's decision (``DecisionRecord``): accepted
    (approved) or returned (rejected, with the reason) — never by the person who sent it.
    """

    requester_field = "submitted_by"
    #: nobody of the reporting unit accepts or returns its report, whatever roles they hold
    requester_unit_field = "report__unit"

    report = models.ForeignKey(
        UnitReport, models.CASCADE, related_name="versions", verbose_name=_("report")
    )
    number = models.PositiveSmallIntegerField(_("version"))
    content = models.JSONField(_("content"))
    doc_number = models.CharField(_("document number"), max_length=64, blank=True)
    doc_date = models.DateField(_("document date"), null=True, blank=True)
    document = models.FileField(_("signed document"), max_length=255, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("submitted by")
    )

    class Meta:
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "number"],
                name="reports_version_unique",
                violation_error_message=_("This version already exists."),
            ),
            one_pending(
                "report",
                name="reports_version_one_pending",
                message=_("This report already awaits the office's decision."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report} v{self.number}"


class SynthesisReport(models.Model):
    """A synthesis report (báo cáo tổng hợp) the office issued for a period: the DOCX kept as issued."""

    period = models.ForeignKey(
        ReportingPeriod, models.CASCADE, related_name="syntheses", verbose_name=_("period")
    )
    number = models.PositiveSmallIntegerField(_("version"))
    document = models.FileField(_("document"), upload_to="syntheses/%Y/", max_length=255)
    #: False: a draft giaoban generated; True: the final version the office edited in Word and issued
    issued = models.BooleanField(_("issued version"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("synthesis report")
        verbose_name_plural = _("synthesis reports")
        ordering = ["period", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "number"],
                name="reports_synthesis_unique",
                violation_error_message=_("This version already exists."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.period} — {self.number}"


from giaoban.reports.models_plans import (  # noqa: E402,F401
    Accumulation,
    Direction,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    PlanItem,
    PlanItemProgress,
    PlanState,
    WorkPlan,
)
