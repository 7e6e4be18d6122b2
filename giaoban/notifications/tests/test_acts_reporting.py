"""Acts of reporting and briefings write their notifications in the act's transaction: a report
returned tells its unit's reporters, a recommendation tells whoever answers it, a notice
submitted tells the leaders who may approve it; never the actor, once per act and recipient;
and the daily digest on the loopback SMTP server reads each of them."""

from __future__ import annotations

from datetime import date

import pytest

from giaoban.accounts.models import Membership, Role, User
from giaoban.core.models import AuditEntry
from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.meetings import notice_services as ns
from giaoban.meetings.tests.conftest import make_briefing
from giaoban.notifications import acts
from giaoban.notifications.messages import message
from giaoban.notifications.models import Kind, Notification
from giaoban.notifications.tests.support import at
from giaoban.recommendations import services as rec_services
from giaoban.reports import services as report_services
from giaoban.reports.content import RawContent
from giaoban.reports.tests.conftest import indicator, period, report  # noqa: F401

pytestmark = pytest.mark.usefixtures("frozen")

ACT_KINDS = {Kind.REPORT_RETURNED, Kind.RECOMMENDATION_TO_ANSWER, Kind.NOTICE_TO_APPROVE}


def told(user) -> list[tuple[str, str]]:
    """(kind, url) of the reporting acts a user was told of, oldest first."""
    return list(
        Notification.objects.filter(recipient=user, kind__in=ACT_KINDS)
        .order_by("id")
        .values_list("kind", "url")
    )


def sent_report(report, cast):  # noqa: F811
    report_services.save_draft(
        report=report,
        user=cast.unit_a,
        raw=RawContent(
            sections={"results": "Hoàn thành 4 đề án"},
            next_tasks=[],
            recommendations=[],
            indicators={"DV01": "12"},
            plan_progress={},
        ),
    )
    return report_services.submit_report(
        report=report, user=cast.unit_a, doc_number="335-BC/BTC", doc_date=date(2026, 3, 16)
    )


def test_a_returned_report_tells_the_units_reporters_only(report, cast):  # noqa: F811
    sent_report(report, cast)
    assert told(cast.unit_a) == []
    report_services.return_report(report=report, user=cast.office_a, reason="Thiếu số liệu quý")
    url = f"/reports/r/{report.pk}/"
    assert told(cast.unit_a) == [(Kind.REPORT_RETURNED, url)]
    assert told(cast.office_a) == [] and told(cast.unit_a2) == [] and told(cast.leader_a) == []
    n = Notification.objects.get(recipient=cast.unit_a, kind=Kind.REPORT_RETURNED)
    assert n.unit == cast.board_a and n.params["reason"] == "Thiếu số liệu quý"
    assert "Thiếu số liệu quý" in message(n.kind, n.params)
    # sent again and returned again: a second act, a second notification
    report_services.submit_report(
        report=report, user=cast.unit_a, doc_number="336-BC/BTC", doc_date=date(2026, 3, 16)
    )
    report_services.return_report(report=report, user=cast.office_a, reason="Sai biểu mẫu")
    assert told(cast.unit_a) == [(Kind.REPORT_RETURNED, url)] * 2
    # accepting tells nobody anything to answer
    report_services.submit_report(
        report=report, user=cast.unit_a, doc_number="337-BC/BTC", doc_date=date(2026, 3, 16)
    )
    report_services.accept_report(report=report, user=cast.office_a)
    assert len(told(cast.unit_a)) == 2


def test_a_recommendation_tells_the_office_then_the_board_it_is_forwarded_to(cast):
    rec = rec_services.raise_recommendation(
        unit=cast.board_a, user=cast.unit_a, text="Cấp kinh phí mua máy tính"
    )
    url = f"/recommendations/{rec.pk}/"
    assert told(cast.office_a) == [(Kind.RECOMMENDATION_TO_ANSWER, url)]
    assert told(cast.unit_a) == [] and told(cast.office_b) == []
    rec_services.forward(rec=rec, user=cast.office_a, to_unit=cast.board_a2)
    assert told(cast.unit_a2) == [(Kind.RECOMMENDATION_TO_ANSWER, url)]
    assert len(told(cast.office_a)) == 1, "the office is not told of its own forwarding"
    n = Notification.objects.get(recipient=cast.unit_a2, kind=Kind.RECOMMENDATION_TO_ANSWER)
    assert message(n.kind, n.params).endswith("Cấp kinh phí mua máy tính")
    # someone of the raising unit who also works in the board is never asked to answer it
    Membership.objects.create(user=cast.unit_a, unit=cast.board_a2, role=Role.UNIT)
    clerk = User.objects.create(username="unit_a3", full_name="Chuyên viên")
    Membership.objects.create(user=clerk, unit=cast.board_a, role=Role.UNIT)
    rec2 = rec_services.raise_recommendation(unit=cast.board_a, user=clerk, text="Thêm")
    rec_services.forward(rec=rec2, user=cast.office_a, to_unit=cast.board_a2)
    assert told(cast.unit_a) == [] and len(told(cast.unit_a2)) == 2


def test_a_submitted_notice_tells_the_leaders_who_may_approve(cast):
    other_leader = User.objects.create(username="leader_b", full_name="Lãnh đạo Beta")
    Membership.objects.create(user=other_leader, unit=cast.committee_b, role=Role.LEADER)
    _, notice = make_briefing(cast, issue=False)
    ns.submit_notice(notice=notice, user=cast.office_a)
    url = f"/meetings/notices/{notice.pk}/"
    assert told(cast.leader_a) == [(Kind.NOTICE_TO_APPROVE, url)]
    assert told(cast.office_a) == [] and told(other_leader) == [] and told(cast.unit_a) == []
    # the same act delivered twice is one row per recipient
    entry = AuditEntry.objects.get(action="meetings.notice.submitted", object_id=str(notice.pk))
    acts._receiver(AuditEntry, entry, created=True)
    assert len(told(cast.leader_a)) == 1
    # returned, submitted again: a new act asks again
    ns.return_notice(notice=notice, user=cast.leader_a, reason="Sửa mục 2")
    ns.submit_notice(notice=notice, user=cast.office_a)
    assert told(cast.leader_a) == [(Kind.NOTICE_TO_APPROVE, url)] * 2


def test_a_leader_who_submitted_is_not_asked_to_approve(cast):
    """A leader who also holds an office role submits: the other leader is asked, not them."""
    second = User.objects.create(username="leader_a2", full_name="Phó Bí thư")
    Membership.objects.create(user=second, unit=cast.committee_a, role=Role.LEADER)
    Membership.objects.create(user=cast.leader_a, unit=cast.office_unit_a, role=Role.OFFICE)
    from giaoban.core.permissions import forget_scope

    forget_scope(cast.leader_a)
    _, notice = make_briefing(cast, issue=False)
    ns.submit_notice(notice=notice, user=cast.leader_a)
    assert told(cast.leader_a) == []
    assert [k for k, _ in told(second)] == [Kind.NOTICE_TO_APPROVE]


def test_the_digest_reads_each_act(report, cast, smtp):  # noqa: F811
    from django.core.management import call_command

    for user in (cast.unit_a, cast.unit_a2, cast.office_a, cast.leader_a):
        user.email = f"{user.username}@alpha.test"
        user.save()
    sent_report(report, cast)
    report_services.return_report(report=report, user=cast.office_a, reason="Thiếu số liệu quý")
    rec = rec_services.raise_recommendation(
        unit=cast.board_a, user=cast.unit_a, text="Cấp kinh phí mua máy tính"
    )
    rec_services.forward(rec=rec, user=cast.office_a, to_unit=cast.board_a2)
    _, notice = make_briefing(cast, issue=False)
    ns.submit_notice(notice=notice, user=cast.office_a)
    with at(date(2026, 3, 16), 17):
        call_command("remind", stdout=open("/dev/null", "w"))
    (to_unit,) = smtp.to("unit_a@alpha.test")
    assert "Báo cáo trả lại Ban Tổ chức" in to_unit.text and "Thiếu số liệu quý" in to_unit.text
    assert f"/reports/r/{report.pk}/" in to_unit.text
    (to_board,) = smtp.to("unit_a2@alpha.test")
    assert "cần trả lời: Cấp kinh phí mua máy tính" in to_board.text
    (to_leader,) = smtp.to("leader_a@alpha.test")
    assert "Thông báo cần duyệt: kết luận của Thường trực Tỉnh ủy" in to_leader.text
    assert f"/meetings/notices/{notice.pk}/" in to_leader.text
    (to_office,) = smtp.to("office_a@alpha.test")
    assert "Kiến nghị của Ban Tổ chức" in to_office.text
    assert "Thông báo cần duyệt" not in to_office.text and "Báo cáo trả lại" not in to_office.text
    # a second run the same day sends nothing again
    smtp.clear()
    with at(date(2026, 3, 16), 18):
        call_command("remind", stdout=open("/dev/null", "w"))
    assert smtp.messages == []
