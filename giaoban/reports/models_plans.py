"""Indicators (chỉ tiêu) with yearly targets and reported values; work plans with their items."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from giaoban.core.decisions import RequestRule


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class Accumulation(models.TextChoices):
    #: the value of a period adds up over the year (e.g. "new Party members admitted")
    PER_PERIOD = "per_period", _("Per period (added up over the year)")
    #: each report gives the running total since 1 January
    CUMULATIVE = "cumulative", _("Cumulative since the start of the year")
    #: a rate or share measured at the report date (e.g. "tỷ lệ ... %"): compared with the full target
    RATIO = "ratio", _("Rate or share (a level, no pro-rata)")


class Indicator(models.Model):
    """A target indicator a committee follows (e.g. "Kết nạp đảng viên mới", người)."""

    committee = models.ForeignKey(
        "org.Unit", models.CASCADE, related_name="indicators", verbose_name=_("committee")
    )
    code = models.CharField(_("code"), max_length=32)
    name = models.CharField(_("name"), max_length=300)
    measure = models.CharField(_("unit of measure"), max_length=50)
    direction = models.CharField(
        _("direction"), max_length=8, choices=Direction.choices, default=Direction.HIGHER
    )
    accumulation = models.CharField(
        _("how values add up"),
        max_length=16,
        choices=Accumulation.choices,
        default=Accumulation.PER_PERIOD,
    )
    min_value = models.DecimalField(
        _("smallest value"), max_digits=14, decimal_places=2, null=True, blank=True, default=0
    )
    max_value = models.DecimalField(
        _("largest value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["committee", "sort_order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "code"],
                name="reports_indicator_code_unique",
                violation_error_message=_(
                    "This committee already has an indicator with this code."
                ),
            ),
            models.CheckConstraint(
                condition=Q(min_value__isnull=True)
                | Q(max_value__isnull=True)
                | Q(max_value__gte=models.F("min_value")),
                name="reports_indicator_range",
                violation_error_message=_("The largest value must not be below the smallest."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"


class IndicatorTarget(models.Model):
    """A yearly target, for one unit or (``unit`` empty) for the committee as a whole."""

    indicator = models.ForeignKey(
        Indicator, models.CASCADE, related_name="targets", verbose_name=_("indicator")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    unit = models.ForeignKey(
        "org.Unit",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="indicator_targets",
        verbose_name=_("unit"),
    )
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("indicator target")
        verbose_name_plural = _("indicator targets")
        ordering = ["indicator", "year", "unit"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year", "unit"],
                name="reports_target_unique",
                nulls_distinct=False,
                violation_error_message=_("This target has already been set."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}: {self.target}"


class IndicatorValue(models.Model):
    """A value a unit reported for one indicator in one report: the draft's until it is first
    sent, then its last sent version's (``reports.sent``)."""

    report = models.ForeignKey(
        "reports.UnitReport", models.CASCADE, related_name="values", verbose_name=_("report")
    )
    indicator = models.ForeignKey(
        Indicator, models.CASCADE, related_name="values", verbose_name=_("indicator")
    )
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["report", "indicator"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "indicator"],
                name="reports_value_unique",
                violation_error_message=_("This value has already been given."),
            )
        ]
        indexes = [
            # the committee table: values of one indicator across the year's reports
            models.Index(fields=["indicator", "report"], name="reports_value_indicator_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code}: {self.value}"


class PlanState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for correction")
    APPROVED = "approved", _("Approved")


class WorkPlan(RequestRule, models.Model):
    """A unit's yearly work plan (kế hoạch công tác năm), broken into quarters by its items.

    A submitted plan is a request for approval: core.decisions' one rule keeps the submitter and
    anyone of the unit from deciding on it."""

    requester_field = "submitted_by"
    requester_unit_field = "unit"

    unit = models.ForeignKey(
        "org.Unit", models.PROTECT, related_name="work_plans", verbose_name=_("unit")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    state = models.CharField(
        _("state"), max_length=16, choices=PlanState.choices, default=PlanState.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    return_reason = models.CharField(_("reason for returning"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        ordering = ["-year", "unit__sort_order", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year"],
                name="reports_plan_unique",
                violation_error_message=_("This unit already has a plan for this year."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.year}"


class PlanItem(models.Model):
    """One item of a plan: what, its key result (measure, target), weight, quarter."""

    plan = models.ForeignKey(WorkPlan, models.CASCADE, related_name="items", verbose_name=_("plan"))
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), null=True, blank=True, help_text=_("Empty: the whole year.")
    )
    text = models.CharField(_("content"), max_length=1000)
    key_result = models.CharField(_("key result"), max_length=500, blank=True)
    measure = models.CharField(_("unit of measure"), max_length=50, blank=True)
    target = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    breakthrough = models.BooleanField(
        _("breakthrough"),
        default=False,
        help_text=_("A breakthrough item is not counted in the completion share."),
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")
        ordering = ["plan", "quarter", "sort_order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quarter__isnull=True) | Q(quarter__gte=1, quarter__lte=4),
                name="reports_planitem_quarter",
                violation_error_message=_("The quarter must be 1 to 4."),
            ),
            models.CheckConstraint(
                condition=Q(weight__gte=1, weight__lte=100),
                name="reports_planitem_weight",
                violation_error_message=_("The weight must be between 1 and 100."),
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class PlanItemProgress(models.Model):
    """Progress of one plan item as a quarterly report states it."""

    report = models.ForeignKey(
        "reports.UnitReport", models.CASCADE, related_name="plan_progress", verbose_name=_("report")
    )
    item = models.ForeignKey(
        PlanItem, models.CASCADE, related_name="progress", verbose_name=_("plan item")
    )
    percent = models.PositiveSmallIntegerField(_("progress (%)"))

    class Meta:
        verbose_name = _("plan item progress")
        verbose_name_plural = _("plan item progress")
        ordering = ["report", "item"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "item"],
                name="reports_planprogress_unique",
                violation_error_message=_("This progress has already been given."),
            ),
            models.CheckConstraint(
                condition=Q(percent__lte=100),
                name="reports_planprogress_range",
                violation_error_message=_("Progress must be between 0 and 100%."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.percent}%"
