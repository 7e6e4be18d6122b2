"""Meetings, minutes and the review of earlier notices frozen when a briefing is held."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from giaoban.core.tests.support import audit_for
from giaoban.meetings import services
from giaoban.meetings.models import ItemTask, MeetingState, Minutes, Part, ReviewSnapshot
from giaoban.meetings.review import build_review, done_since
from giaoban.meetings.tests.conftest import TZ, make_briefing
from giaoban.periods import Period
from giaoban.tasks import services as task_services
from giaoban.tasks.models import Assignment

pytestmark = pytest.mark.usefixtures("frozen")


def next_briefing(cast, day=date(2026, 3, 16)):
    return services.create_meeting(
        committee=cast.committee_a,
        user=cast.office_a,
        title="Hội nghị giao ban quý I/2026",
        starts_at=datetime(day.year, day.month, day.day, 8, 0, tzinfo=TZ),
        period=Period.of_quarter(2026, 1),
    )


def test_meeting_is_recorded_with_people_agenda_points_and_audited(cast):
    meeting, _ = make_briefing(cast)
    assert meeting.period_label == "Quý IV/2025"
    chairs = list(meeting.participants.filter(part=Part.CHAIR).values_list("name", "title"))
    assert chairs == [("Hồ Thanh Sơn", "Phó Bí thư Thường trực Tỉnh ủy")]
    assert meeting.connection_points.get().attendance == 25
    entry = audit_for(meeting)[0]
    assert (
        entry.action == "meetings.meeting.created"
        and entry.data["connection_points"][0]["attendance"] == 25
    )


def test_bad_meeting_input_is_refused_and_nothing_saved(cast):
    from giaoban.meetings.models import Meeting

    with pytest.raises(ValidationError, match="reason"):
        services.create_meeting(
            committee=cast.committee_a,
            user=cast.office_a,
            title="x",
            starts_at=datetime(2026, 3, 1, 8, tzinfo=TZ),
            participants=[services.ParticipantSpec(part=Part.ABSENT, unit=cast.board_a)],
        )
    with pytest.raises(ValidationError, match="Unknown unit"):
        services.create_meeting(
            committee=cast.committee_a,
            user=cast.office_a,
            title="x",
            starts_at=datetime(2026, 3, 1, 8, tzinfo=TZ),
            points=[services.PointSpec(name="Beta", unit=cast.board_b)],
        )
    with pytest.raises(PermissionDenied):
        services.create_meeting(
            committee=cast.committee_a,
            user=cast.office_b,
            title="x",
            starts_at=datetime(2026, 3, 1, 8, tzinfo=TZ),
        )
    assert Meeting.objects.count() == 0


def test_signed_minutes_are_locked_and_corrected_by_supplementary_ones(cast):
    meeting, _ = make_briefing(cast)
    minutes = services.save_minutes(
        meeting=meeting,
        user=cast.office_a,
        text="Hội nghị khai mạc lúc 8 giờ.",
        secretary_name="Nguyễn Văn A",
    )
    services.sign_minutes(minutes=minutes, user=cast.office_a)
    minutes.refresh_from_db()
    assert minutes.is_signed
    with pytest.raises(ValidationError, match="supplementary"):
        services.save_minutes(meeting=meeting, user=cast.office_a, text="sửa", minutes=minutes)
    with pytest.raises(ValidationError, match="supplementary"):
        services.sign_minutes(minutes=minutes, user=cast.office_a)
    sup = services.save_minutes(
        meeting=meeting,
        user=cast.office_a,
        text="Bổ sung: hội nghị kết thúc 11 giờ.",
        supplements=minutes,
    )
    assert sup.supplements == minutes and Minutes.objects.count() == 2
    # signing the minutes marked the meeting held and froze its review
    meeting.refresh_from_db()
    assert (
        meeting.state == MeetingState.HELD
        and ReviewSnapshot.objects.filter(meeting=meeting).exists()
    )


def test_next_briefing_reviews_the_notice_as_of_its_date(cast):
    _, notice = make_briefing(cast)
    nxt = next_briefing(cast)
    data = build_review(nxt)
    assert [n["number"] for n in data["notices"]] == ["12-TB/TU"]
    items = {i["number"]: i for i in data["notices"][0]["items"]}
    # item 1: deadline 01/03/2026 passed, both units open -> overdue; item 2: standing, 4 units
    assert items[1]["counts"]["open_overdue"] == 2 and items[1]["counts"]["total"] == 2
    assert items[2]["counts"]["standing"] == 4
    assert items[3]["no_task"] and items[3]["counts"]["total"] == 0
    assert data["totals"]["total"] == 6 and data["totals"]["done"] == 0
    units = {u["unit"]: len(u["rows"]) for u in data["by_unit"]}
    assert units["Ban Tổ chức Tỉnh ủy Alpha"] == 2
    assert len(data["overdue"]) == 2


def test_snapshot_freezes_what_the_meeting_was_told(cast):
    _, notice = make_briefing(cast)
    nxt = next_briefing(cast)
    snap = services.mark_held(meeting=nxt, user=cast.office_a)
    assert snap.as_of == date(2026, 3, 16) and snap.data["totals"]["done"] == 0
    # after the briefing Ban Tổ chức A finishes item 1; the snapshot does not move
    task = ItemTask.objects.get(item__notice=notice, item__number=1).task
    asg = Assignment.objects.get(task=task, unit=cast.board_a)
    task_services.claim_completion(
        assignment=asg, user=cast.unit_a, completed_on=date(2026, 3, 16), evidence_number="5-BC/BTC"
    )
    task_services.confirm_completion(assignment=asg, user=cast.office_a)
    snap.refresh_from_db()
    assert snap.data["totals"]["done"] == 0
    assert done_since(snap.data) == 1
    assert build_review(nxt, as_of=date(2026, 3, 16))["totals"]["done"] == 1
    # marking held again keeps the first snapshot
    assert services.mark_held(meeting=nxt, user=cast.office_a).pk == snap.pk
    assert [e.action for e in audit_for(snap)] == ["meetings.review.frozen"]


def test_review_as_of_an_earlier_date_does_not_count_later_work(cast):
    _, notice = make_briefing(cast)
    task = ItemTask.objects.get(item__notice=notice, item__number=2).task
    asg = Assignment.objects.get(task=task, unit=cast.board_a)
    task_services.claim_completion(
        assignment=asg, user=cast.unit_a, completed_on=date(2026, 3, 10), evidence_number="6-BC/BTC"
    )
    task_services.confirm_completion(assignment=asg, user=cast.office_a)
    nxt = next_briefing(cast)
    # the status rule is the tasks app's (giaoban.tasks.status): work counts as done at a date
    # once it was completed and confirmed by then
    assert build_review(nxt, as_of=date(2026, 3, 9))["totals"]["done"] == 0
    assert build_review(nxt, as_of=date(2026, 3, 16))["totals"]["done"] == 1
