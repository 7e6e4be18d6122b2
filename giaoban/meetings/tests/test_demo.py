"""The demo province has a briefing per quarter, an issued notice carrying its tasks, signed
minutes and a frozen review; and the coming briefing."""

from __future__ import annotations

from datetime import date

import pytest

from giaoban.meetings.models import (
    ItemTask,
    Meeting,
    MeetingState,
    Minutes,
    Notice,
    NoticeState,
    ReviewSnapshot,
)
from giaoban.tasks.models import Task

REF = date(2026, 12, 1)


@pytest.mark.django_db
def test_demo_province_briefings():
    import time_machine

    from giaoban.demo import build_province

    with time_machine.travel(REF, tick=False):
        summary = build_province(today=REF)
    assert "6 briefings" in summary
    held = Meeting.objects.filter(state=MeetingState.HELD)
    assert held.count() == 6 and Meeting.objects.filter(state=MeetingState.PLANNED).count() == 1
    assert Notice.objects.filter(state=NoticeState.ISSUED).count() == 6
    # every demo task is carried by an item of its notice, with the same number
    assert ItemTask.objects.filter(task__isnull=False).count() == Task.objects.count() == 48
    assert all(
        link.item.number == int(link.task.item_number)
        for link in ItemTask.objects.select_related("item", "task")
    )
    assert Minutes.objects.filter(state="signed").count() == 6
    assert ReviewSnapshot.objects.count() == 6
    online = held.filter(online=True)
    assert online.exists() and all(m.connection_points.count() >= 10 for m in online)
    # the last held briefing reviewed the earlier notices; the first had none before it
    snaps = list(ReviewSnapshot.objects.order_by("as_of"))
    assert snaps[0].data["notices"] == [] and len(snaps[-1].data["notices"]) == 5
    assert snaps[-1].data["totals"]["total"] > 0


@pytest.mark.django_db
def test_national_scale_gets_the_same_shape_by_bulk_insert():
    from giaoban.accounts.models import User
    from giaoban.demo import build_national
    from giaoban.meetings.review import build_review

    build_national(provinces=2, min_assignments=3_000, today=REF, progress=lambda msg: None)
    tasks = Task.objects.count()
    assert ItemTask.objects.filter(task__isnull=False).count() == tasks
    assert Notice.objects.filter(state=NoticeState.ISSUED).count() == len(
        set(Task.objects.values_list("committee_id", "doc_number"))
    )
    coming = Meeting.objects.filter(state=MeetingState.PLANNED)
    assert coming.count() == 2
    meeting = coming.first()
    review = build_review(meeting)
    assert review["totals"]["total"] > 0 and len(review["notices"]) > 1
    # the province office user reads the review on the meeting's page
    from django.test import Client

    client = Client()
    client.force_login(User.objects.get(username="vp01"))
    mine = coming.get(committee__memberships__user__username="tt01")
    assert client.get(f"/meetings/{mine.pk}/").status_code == 200
