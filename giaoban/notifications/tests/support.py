"""Helpers of the notification tests: a day at a fixed hour, one reminder run."""

from __future__ import annotations

from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import time_machine
from django.core.management import call_command

from giaoban.accounts.models import Membership, Role, User
from giaoban.tasks import services
from giaoban.test import make_cast

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DEADLINE = date(2026, 3, 20)  # a Friday; 17/03 is 3 working days before it


def at(day: date, hour: int = 7):
    return time_machine.travel(datetime(day.year, day.month, day.day, hour, tzinfo=TZ), tick=False)


def build_walk():
    with at(date(2026, 3, 10), 10):
        cast = make_cast(today=date(2026, 3, 10))
        for user in (cast.unit_a, cast.office_a):
            user.email = f"{user.username}@alpha.test"
            user.save()
        head = User.objects.create(
            username="head_a", full_name="Trưởng ban", email="head@alpha.test"
        )
        Membership.objects.create(user=head, unit=cast.board_a, role=Role.UNIT, is_head=True)
        task = services.create_task(
            committee=cast.committee_a,
            doc_number="101-TB/TU",
            doc_date=date(2026, 3, 9),
            item_number="2",
            text="Báo cáo kết quả rà soát quy hoạch cán bộ",
            deadline=DEADLINE,
            created_by=cast.office_a,
            lead_units=[cast.board_a],
        )
    return cast, head, task


def remind(day: date) -> str:
    out = StringIO()
    with at(day):
        call_command("remind", stdout=out)
    return out.getvalue()
