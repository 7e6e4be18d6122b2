"""The frozen-clock walk of the reporting reminders: a quarter's report due Friday 20/03/2026 and
a recommendation to answer by the same day, from 17/03 to 30/03 with ``giaoban remind`` run every
morning; exactly these notifications exist and exactly these e-mails reach the loopback server."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from giaoban.notifications.models import Kind, Notification, ReminderRule
from giaoban.notifications.reminders_reports import _dates, late_step
from giaoban.notifications.tests.support import at, remind
from giaoban.periods import Period
from giaoban.recommendations import services as rec_services
from giaoban.reports import services as report_services
from giaoban.reports.content import RawContent
from giaoban.test import make_cast

DUE = date(2026, 3, 20)  # Friday: Quý I/2026's due date under the default rules


@pytest.fixture
def reporting(db):
    with at(date(2026, 3, 10), 10):
        cast = make_cast(today=date(2026, 3, 10))
        for user in (cast.unit_a, cast.unit_a2, cast.office_a):
            user.email = f"{user.username}@alpha.test"
            user.save()
        period = report_services.create_period(
            committee=cast.committee_a,
            period=Period.of_quarter(2026, 1),
            user=cast.office_a,
            expected_units=[cast.board_a, cast.board_a2],
        )
        period = report_services.open_period(period=period, user=cast.office_a)
        rec = rec_services.raise_recommendation(
            unit=cast.board_a, user=cast.unit_a, text="Cấp kinh phí", response_deadline=DUE
        )
    assert period.due_date == DUE
    return cast, period, rec


def send_report(period, unit, user):
    report = report_services.start_report(period=period, unit=unit, user=user)
    report_services.save_draft(
        report=report,
        user=user,
        raw=RawContent(
            sections={"results": "Hoàn thành"},
            next_tasks=[],
            recommendations=[],
            indicators={},
            plan_progress={},
        ),
    )
    report_services.submit_report(
        report=report, user=user, doc_number="9-BC/BTG", doc_date=date(2026, 3, 23)
    )


def keys(user, kind) -> list[str]:
    return list(
        Notification.objects.filter(recipient=user, kind=kind)
        .order_by("id")
        .values_list("key", flat=True)
    )


def test_walk_a_report_due_date_and_a_recommendation_deadline(reporting, smtp):
    cast, period, rec = reporting
    sent_on: dict[str, list[date]] = {}
    texts: dict[tuple[str, date], str] = {}
    day = date(2026, 3, 17)
    while day <= DUE + timedelta(days=10):
        smtp.clear()
        remind(day)
        for m in smtp.messages:
            (address,) = m.envelope_to
            sent_on.setdefault(address, []).append(day)
            texts[(address, day)] = m.text
        before = Notification.objects.count()
        smtp.clear()
        remind(day)  # a second run the same morning writes and sends nothing
        assert smtp.messages == [] and Notification.objects.count() == before, day
        if day == date(2026, 3, 23):  # Ban Tuyên giáo sends its report on Monday at ten
            with at(day, 10):
                send_report(period, cast.board_a2, cast.unit_a2)
        if day == date(2026, 3, 25):  # the office answers the recommendation
            with at(day, 10):
                rec_services.answer(rec=rec, user=cast.office_a, text="Bố trí trong quý II")
        day += timedelta(days=1)

    p = f"report:{period.pk}"
    assert keys(cast.unit_a, Kind.REPORT_MISSING) == [
        f"{p}:{cast.board_a.pk}:missing:{over}" for over in (1, 4, 7, 10)
    ]
    assert keys(cast.unit_a2, Kind.REPORT_MISSING) == [f"{p}:{cast.board_a2.pk}:missing:1"]
    assert keys(cast.office_a, Kind.REPORT_MISSING) == []
    assert keys(cast.office_a, Kind.RECOMMENDATION_UNANSWERED) == [
        f"rec:{rec.pk}:unanswered:2026-03-20:1",
        f"rec:{rec.pk}:unanswered:2026-03-20:4",
    ]
    assert keys(cast.unit_a, Kind.RECOMMENDATION_UNANSWERED) == []
    # Saturday 21/03's reminders wait for Monday's digest; the 17/03 digest carries the acts
    # of 10/03 (the cast's tasks, the recommendation raised)
    assert sent_on == {
        "unit_a@alpha.test": [date(2026, 3, d) for d in (17, 23, 24, 27, 30)],
        "unit_a2@alpha.test": [date(2026, 3, 17), date(2026, 3, 23)],
        "office_a@alpha.test": [date(2026, 3, 17), date(2026, 3, 23), date(2026, 3, 24)],
    }
    monday = texts[("unit_a@alpha.test", date(2026, 3, 23))]
    assert "chưa gửi báo cáo" in monday and "(hạn 20/03/2026)" in monday
    assert f"/reports/periods/{period.pk}/" in monday
    office = texts[("office_a@alpha.test", date(2026, 3, 24))]
    assert "Kiến nghị của Ban Tổ chức" in office and "chưa được trả lời từ 20/03/2026" in office
    assert "Cấp kinh phí" in texts[("office_a@alpha.test", date(2026, 3, 17))]


def test_rules_turn_the_reporting_reminders_off(reporting, smtp):
    cast, period, rec = reporting
    ReminderRule.objects.create(
        committee=cast.committee_a, report_missing_after=0, recommendation_unanswered=False
    )
    for d in range(21, 31):
        remind(date(2026, 3, d))
    kinds = {Kind.REPORT_MISSING, Kind.RECOMMENDATION_UNANSWERED}
    assert not Notification.objects.filter(kind__in=kinds).exists()


def test_a_later_first_reminder_and_a_forwarded_recommendation(reporting, smtp):
    cast, period, rec = reporting
    ReminderRule.objects.create(committee=cast.committee_a, report_missing_after=5)
    with at(date(2026, 3, 18), 10):
        rec_services.forward(rec=rec, user=cast.office_a, to_unit=cast.board_a2)
    for d in range(21, 27):
        remind(date(2026, 3, d))
    assert keys(cast.unit_a, Kind.REPORT_MISSING) == [
        f"report:{period.pk}:{cast.board_a.pk}:missing:5"
    ]
    # forwarded: the board that answers is reminded, not the office
    assert keys(cast.unit_a2, Kind.RECOMMENDATION_UNANSWERED) == [
        f"rec:{rec.pk}:unanswered:2026-03-20:1",
        f"rec:{rec.pk}:unanswered:2026-03-20:4",
    ]
    assert keys(cast.office_a, Kind.RECOMMENDATION_UNANSWERED) == []


@pytest.mark.parametrize("first", [0, 1, 2, 5])
@pytest.mark.parametrize("every", [0, 1, 3, 7])
def test_the_query_dates_agree_with_the_step(first, every):
    day = date(2026, 3, 30)
    wanted = set(_dates(day, first, every))
    for over in range(-5, 800):
        assert late_step(over, first, every) == (day - timedelta(days=over) in wanted), over


def test_negative_days_are_refused(db):
    cast = make_cast(today=date(2026, 3, 10))
    rule = ReminderRule(committee=cast.committee_a, report_missing_after=-1)
    with pytest.raises(ValidationError):
        rule.full_clean()
