"""The issue's frozen-clock walk: one deadline, from 3 working days before to 10 days after,
with ``giaoban remind`` run every morning; exactly these e-mails reach the loopback SMTP server
and exactly these notifications exist."""

from __future__ import annotations

from datetime import date, timedelta

from giaoban.notifications.models import Digest, Kind, Notification
from giaoban.notifications.tests.support import DEADLINE, at, remind
from giaoban.tasks import services


def test_walk_from_three_working_days_before_to_ten_days_after(walk, smtp):
    cast, head, task = walk
    sent_on: dict[str, list[date]] = {"unit_a@alpha.test": [], "head@alpha.test": []}
    subjects: dict[tuple[str, date], str] = {}
    day = date(2026, 3, 17)
    while day <= DEADLINE + timedelta(days=10):
        smtp.clear()
        line = remind(day)
        assert line.startswith(f"remind {day:%d/%m/%Y}"), line
        for m in smtp.messages:
            (address,) = m.envelope_to
            assert address != "office_a@alpha.test", "the office gave the task: not told of it"
            sent_on[address].append(day)
            subjects[(address, day)] = m.subject
            # the digest links to the assignment page
            assert f"/tasks/assignments/{task.assignments.get().pk}/" in m.text
        # a second run the same morning sends nothing more
        smtp.clear()
        remind(day)
        assert smtp.messages == [], day
        day += timedelta(days=1)

    working = [date(2026, 3, d) for d in (17, 20, 23, 24, 27, 30)]
    assert sent_on["unit_a@alpha.test"] == working
    assert sent_on["head@alpha.test"] == working
    # 17/03 carries the two tasks given on 10/03 (the cast's and this one) and the first
    # reminder; Monday 23/03 carries Saturday's first overdue reminder (no e-mail on days off)
    assert subjects[("unit_a@alpha.test", date(2026, 3, 17))].startswith("[giaoban] 3 ")
    assert subjects[("unit_a@alpha.test", date(2026, 3, 23))].startswith("[giaoban] 1 ")
    assert subjects[("head@alpha.test", date(2026, 3, 27))].startswith("[giaoban] 2 ")
    assert "17/03/2026" in subjects[("unit_a@alpha.test", date(2026, 3, 17))]

    asg = task.assignments.get()
    mine = list(
        Notification.objects.filter(recipient=cast.unit_a)
        .order_by("created_at", "id")
        .values_list("kind", "key")
    )
    given = list(
        Notification.objects.filter(recipient=cast.unit_a, kind=Kind.ASSIGNMENT_GIVEN)
        .order_by("id")
        .values_list("object_id", flat=True)
    )
    assert given == [str(cast.asg_a.pk), str(asg.pk)]
    assert mine == [
        (Kind.ASSIGNMENT_GIVEN, mine[0][1]),
        (Kind.ASSIGNMENT_GIVEN, mine[1][1]),
        (Kind.DUE_SOON, f"asg:{asg.pk}:soon:2026-03-20"),
        (Kind.DUE_TODAY, f"asg:{asg.pk}:today:2026-03-20"),
        (Kind.OVERDUE, f"asg:{asg.pk}:over:2026-03-20:1"),
        (Kind.OVERDUE, f"asg:{asg.pk}:over:2026-03-20:4"),
        (Kind.OVERDUE, f"asg:{asg.pk}:over:2026-03-20:7"),
        (Kind.OVERDUE, f"asg:{asg.pk}:over:2026-03-20:10"),
    ]
    head_kinds = list(Notification.objects.filter(recipient=head).values_list("kind", flat=True))
    # the head joined after the cast's task was given: told of this task only, then escalated
    assert sorted(head_kinds) == sorted([k for k, _ in mine[1:]] + [Kind.ESCALATION])
    assert not Notification.objects.filter(recipient=cast.office_a).exists()
    # Ban Tuyên giáo A coordinates the cast's task only: told of it, never reminded of this one
    assert list(
        Notification.objects.filter(recipient=cast.unit_a2).values_list("kind", flat=True)
    ) == [Kind.ASSIGNMENT_GIVEN]
    assert Digest.objects.filter(recipient=cast.unit_a, state="sent").count() == 6


def test_a_claim_stops_the_reminders_and_tells_the_office(walk, smtp):
    cast, head, task = walk
    asg = task.assignments.get()
    remind(date(2026, 3, 17))
    with at(date(2026, 3, 18), 9):
        services.claim_completion(
            assignment=asg,
            user=cast.unit_a,
            completed_on=date(2026, 3, 18),
            evidence_number="5-BC/BTC",
        )
    smtp.clear()
    for d in range(18, 31):
        remind(date(2026, 3, d))
    kinds = list(Notification.objects.filter(recipient=cast.unit_a).values_list("kind", flat=True))
    assert Kind.DUE_TODAY not in kinds and Kind.OVERDUE not in kinds
    office = Notification.objects.filter(recipient=cast.office_a)
    # told of the claim at once, reminded after 5 days without a decision, once
    assert sorted(office.values_list("kind", flat=True)) == [
        Kind.CLAIM_TO_CONFIRM,
        Kind.CLAIM_UNCONFIRMED,
    ]
    assert [m.envelope_to for m in smtp.messages] == [
        ["office_a@alpha.test"],
        ["office_a@alpha.test"],
    ]


def test_an_approved_extension_moves_the_reminders_to_the_new_deadline(walk, smtp):
    cast, head, task = walk
    asg = task.assignments.get()
    with at(date(2026, 3, 16), 9):
        req = services.request_extension(
            assignment=asg, user=cast.unit_a, new_deadline=date(2026, 4, 10), reason="Chờ số liệu"
        )
        services.decide_extension(request=req, user=cast.office_a, approve=True)
    for d in range(17, 31):
        remind(date(2026, 3, d))
    kinds = set(Notification.objects.filter(recipient=cast.unit_a).values_list("kind", flat=True))
    assert kinds == {Kind.ASSIGNMENT_GIVEN, Kind.EXTENSION_DECIDED}
    remind(date(2026, 4, 7))  # 3 working days before 10/04
    assert Notification.objects.filter(
        recipient=cast.unit_a, key=f"asg:{asg.pk}:soon:2026-04-10"
    ).exists()
