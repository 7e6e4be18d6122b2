"""Services of reporting periods and unit reports: the rules, the versions, the audit."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from giaoban.core.tests.support import audit_for
from giaoban.periods import Period
from giaoban.recommendations.models import Recommendation
from giaoban.reports import services, services_setup
from giaoban.reports.completeness import completeness
from giaoban.reports.content import RawContent
from giaoban.reports.models import (
    ExpectedReport,
    IndicatorValue,
    PeriodState,
    ReportingRules,
    ReportState,
    ReportVersion,
)

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def raw(**kw) -> RawContent:
    base = dict(
        sections={"results": "Hoàn thành 4 đề án"},
        next_tasks=["Sơ kết 6 tháng"],
        recommendations=[],
        indicators={"DV01": "12"},
        plan_progress={},
    )
    base.update(kw)
    return RawContent(**base)


def test_period_dates_follow_decree_defaults(period, cast):
    assert (period.cutoff_start, period.cutoff_end) == (date(2025, 12, 15), date(2026, 3, 14))
    assert period.due_date == date(2026, 3, 20)  # 5 working days after Saturday 14/03
    expected = set(ExpectedReport.objects.filter(period=period).values_list("unit_id", flat=True))
    # active units directly below the committee; the closed board is not expected
    assert expected == {cast.office_unit_a.pk, cast.board_a.pk, cast.board_a2.pk, cast.commune_a.pk}
    assert [e.action for e in audit_for(period)] == [
        "reports.period.created",
        "reports.period.opened",
    ]


def test_committee_rules_change_the_dates(frozen, cast):
    services_setup.save_rules(
        committee=cast.committee_a,
        user=cast.office_a,
        cutoff_day=31,
        due_working_days=None,
        due_day=20,
        due_month_offset=1,
    )
    p = services.create_period(
        committee=cast.committee_a, period=Period.of_quarter(2026, 2), user=cast.office_a
    )
    assert (p.cutoff_start, p.cutoff_end, p.due_date) == (
        date(2026, 4, 1),
        date(2026, 6, 30),
        date(2026, 7, 20),
    )
    assert ReportingRules.objects.get().cutoff_day == 31


def test_rules_with_both_due_rules_are_refused(frozen, cast):
    with pytest.raises(ValidationError):
        services_setup.save_rules(
            committee=cast.committee_a, user=cast.office_a, due_working_days=5, due_day=20
        )
    assert not ReportingRules.objects.exists()


def test_expected_units_change_only_before_opening(frozen, cast):
    p = services.create_period(
        committee=cast.committee_a, period=Period.of_quarter(2026, 2), user=cast.office_a
    )
    services.set_expected(period=p, units=[cast.board_a, cast.board_a2], user=cast.office_a)
    assert set(p.expected.values_list("unit_id", flat=True)) == {cast.board_a.pk, cast.board_a2.pk}
    with pytest.raises(ValidationError):
        services.set_expected(period=p, units=[cast.board_b], user=cast.office_a)
    with pytest.raises(PermissionDenied):
        services.set_expected(period=p, units=[cast.board_a], user=cast.leader_a)
    services.open_period(period=p, user=cast.office_a)
    with pytest.raises(ValidationError):
        services.set_expected(period=p, units=[cast.board_a], user=cast.office_a)
    assert p.expected.count() == 2


def test_unexpected_unit_cannot_report(period, cast):
    services.close_period(period=period, user=cast.office_a)
    p = services.create_period(
        committee=cast.committee_a, period=Period.of_quarter(2026, 2), user=cast.office_a
    )
    services.set_expected(period=p, units=[cast.board_a2], user=cast.office_a)
    services.open_period(period=p, user=cast.office_a)
    with pytest.raises(ValidationError, match="không có trong danh sách"):
        services.start_report(period=p, unit=cast.board_a, user=cast.unit_a)


def test_draft_submit_return_resubmit_accept(report, cast, period):
    services.save_draft(
        report=report,
        user=cast.unit_a,
        raw=raw(
            recommendations=[
                {"text": "Bổ sung kinh phí mua máy tính", "addressed_to": "Thường trực Tỉnh ủy"}
            ]
        ),
    )
    assert IndicatorValue.objects.get(report=report).value == Decimal("12.00")
    services.submit_report(
        report=report, user=cast.unit_a, doc_number="335-BC/ĐU", doc_date=date(2026, 3, 16)
    )
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED and not report.late and report.version_count == 1
    rec = Recommendation.objects.get()
    assert rec.report == report and rec.unit == cast.board_a and rec.committee == cast.committee_a
    assert report.content["recommendations"][0]["rec_id"] == rec.pk
    with pytest.raises(PermissionDenied):
        services.return_report(report=report, user=cast.unit_a, reason="x")
    with pytest.raises(ValidationError):
        services.return_report(report=report, user=cast.office_a, reason="  ")
    services.return_report(report=report, user=cast.office_a, reason="Thiếu số liệu quý")
    report.refresh_from_db()
    assert report.state == ReportState.RETURNED and report.return_reason == "Thiếu số liệu quý"
    with time_machine.travel(datetime(2026, 3, 25, 10, 0, tzinfo=TZ), tick=False):
        services.save_draft(
            report=report,
            user=cast.unit_a,
            raw=raw(
                sections={"results": "Hoàn thành 5 đề án"},
                recommendations=report.content["recommendations"],
            ),
        )
        services.submit_report(
            report=report, user=cast.unit_a, doc_number="336-BC/ĐU", doc_date=date(2026, 3, 25)
        )
    report.refresh_from_db()
    # corrected after the due date, but first sent on time: stays on time
    assert report.version_count == 2 and not report.late
    assert Recommendation.objects.count() == 1, "the same recommendation is not raised twice"
    v1, v2 = ReportVersion.objects.filter(report=report).order_by("number")
    assert v1.content["sections"]["results"] == "Hoàn thành 4 đề án"
    assert v2.content["sections"]["results"] == "Hoàn thành 5 đề án"
    assert (v1.doc_number, v2.doc_number) == ("335-BC/ĐU", "336-BC/ĐU")
    with time_machine.travel(datetime(2026, 3, 26, 9, 0, tzinfo=TZ), tick=False):
        services.accept_report(report=report, user=cast.office_a)
    report.refresh_from_db()
    assert report.state == ReportState.ACCEPTED and report.decided_by == cast.office_a
    actions = [e.action for e in audit_for(report)]
    assert actions == [
        "reports.report.started",
        "reports.report.draft_saved",
        "reports.report.submitted",
        "reports.report.returned",
        "reports.report.draft_saved",
        "reports.report.submitted",
        "reports.report.accepted",
    ]


def test_bad_indicator_value_saves_nothing(report, cast):
    services.save_draft(report=report, user=cast.unit_a, raw=raw())
    for bad in ("mười hai", "-3", "20000"):
        with pytest.raises(ValidationError) as exc:
            services.save_draft(
                report=report,
                user=cast.unit_a,
                raw=raw(sections={"results": "Mới"}, indicators={"DV01": bad}),
            )
        assert "indicator_DV01" in exc.value.message_dict
    report.refresh_from_db()
    assert report.content["sections"]["results"] == "Hoàn thành 4 đề án", (
        "the saved draft is untouched"
    )
    assert IndicatorValue.objects.get(report=report).value == 12


def test_vietnamese_number_format(report, cast):
    services.save_draft(report=report, user=cast.unit_a, raw=raw(indicators={"DV01": "1.234,5"}))
    assert IndicatorValue.objects.get(report=report).value == Decimal("1234.50")


def test_too_long_text_is_refused(report, cast):
    with pytest.raises(ValidationError) as exc:
        services.save_draft(
            report=report, user=cast.unit_a, raw=raw(sections={"results": "x" * 20_001})
        )
    assert "section_results" in exc.value.message_dict


def test_submission_needs_document_number_and_keeps_draft(report, cast):
    services.save_draft(report=report, user=cast.unit_a, raw=raw())
    with pytest.raises(ValidationError) as exc:
        services.submit_report(report=report, user=cast.unit_a, doc_number="", doc_date=None)
    assert set(exc.value.message_dict) == {"doc_number", "doc_date"}
    report.refresh_from_db()
    assert (
        report.state == ReportState.DRAFT
        and report.content["sections"]["results"] == "Hoàn thành 4 đề án"
    )
    assert not ReportVersion.objects.exists()


def test_closed_period_refuses_unless_late_allowed(report, cast, period):
    services.save_draft(report=report, user=cast.unit_a, raw=raw())
    services.close_period(period=period, user=cast.office_a)
    with pytest.raises(ValidationError, match="đã đóng"):
        services.submit_report(
            report=report, user=cast.unit_a, doc_number="1-BC/ĐU", doc_date=date(2026, 3, 16)
        )
    services.close_period(period=period, user=cast.office_a, allow_late=True)
    services.submit_report(
        report=report, user=cast.unit_a, doc_number="1-BC/ĐU", doc_date=date(2026, 3, 16)
    )
    report.refresh_from_db()
    assert report.late, "sent after closing counts late"


def test_late_after_due_date(report, cast):
    with time_machine.travel(datetime(2026, 3, 21, 8, 0, tzinfo=TZ), tick=False):
        services.submit_report(
            report=report, user=cast.unit_a, doc_number="1-BC/ĐU", doc_date=date(2026, 3, 21)
        )
    report.refresh_from_db()
    assert report.late


def test_completeness_counts(report, cast, period):
    services.submit_report(
        report=report, user=cast.unit_a, doc_number="1-BC/ĐU", doc_date=date(2026, 3, 16)
    )
    other = services.start_report(period=period, unit=cast.board_a2, user=cast.unit_a2)
    with time_machine.travel(datetime(2026, 3, 23, 8, 0, tzinfo=TZ), tick=False):
        services.submit_report(
            report=other, user=cast.unit_a2, doc_number="2-BC/BTG", doc_date=date(2026, 3, 23)
        )
    services.return_report(report=other, user=cast.office_a, reason="Sai mẫu")
    c = completeness(period)
    assert c.totals() == {
        "expected": 4,
        "submitted": 2,
        "on_time": 1,
        "late": 1,
        "missing": 2,
        "returned": 1,
        "accepted": 0,
        "completeness_rate": 50.0,
        "timeliness_rate": 25.0,
    }


def test_nobody_decides_on_own_request(report, cast):
    """An office clerk who also works in the reporting unit cannot accept its report."""
    from giaoban.accounts.models import Membership, Role

    Membership.objects.create(user=cast.office_a, unit=cast.board_a, role=Role.UNIT)
    from giaoban.core.permissions import forget_scope

    forget_scope(cast.office_a)
    services.submit_report(
        report=report, user=cast.office_a, doc_number="1-BC/ĐU", doc_date=date(2026, 3, 16)
    )
    with pytest.raises(PermissionDenied):
        services.accept_report(report=report, user=cast.office_a)
    assert report.__class__.objects.get(pk=report.pk).state == ReportState.SUBMITTED


def test_other_committee_office_cannot_decide(report, cast):
    services.submit_report(
        report=report, user=cast.unit_a, doc_number="1-BC/ĐU", doc_date=date(2026, 3, 16)
    )
    with pytest.raises(PermissionDenied):
        services.accept_report(report=report, user=cast.office_b)


def test_period_states(frozen, cast):
    p = services.create_period(
        committee=cast.committee_a, period=Period.of_month(2026, 2), user=cast.office_a
    )
    with pytest.raises(ValidationError):
        services.close_period(period=p, user=cast.office_a)
    services.open_period(period=p, user=cast.office_a)
    with pytest.raises(ValidationError):
        services.open_period(period=p, user=cast.office_a)
    services.close_period(period=p, user=cast.office_a)
    p.refresh_from_db()
    assert p.state == PeriodState.CLOSED and p.closed_at is not None
    with pytest.raises(ValidationError):
        services.create_period(
            committee=cast.committee_a, period=Period.of_month(2026, 2), user=cast.office_a
        )
    with pytest.raises(ValidationError):
        services.create_period(
            committee=cast.committee_a,
            period=Period.of_month(2026, 1),
            user=cast.office_a,
            due_date=date(2026, 1, 2),
        )
    assert timedelta(0) <= p.closed_at - p.opened_at
