"""The demo's briefings: every quarter's tasks of the demo province came from a briefing and its
notice. For each demo document number this builds the briefing held a few days before it
(chair, reporting units, connection points for the online ones, signed minutes), the issued
notice whose numbered items carry the existing tasks (plus one item that gives no task), and
the review frozen at the briefing; then the coming briefing of the current quarter, not held yet.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from itertools import groupby
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from giaoban.meetings import services
from giaoban.meetings.models import (
    AgendaKind,
    ItemTask,
    Minutes,
    MinutesState,
    Notice,
    NoticeItem,
    NoticeState,
    Part,
)
from giaoban.org.models import Unit, UnitKind
from giaoban.periods import Period
from giaoban.tasks.models import Task

AGENDA = [
    (
        AgendaKind.OFFICE_REVIEW,
        "Văn phòng Tỉnh ủy báo cáo kết quả thực hiện kết luận kỳ trước",
        "Chánh Văn phòng Tỉnh ủy",
    ),
    (AgendaKind.UNITS_REPORT, "Các đơn vị báo cáo kết quả công tác quý, nhiệm vụ quý tới", ""),
    (AgendaKind.RECOMMENDATIONS, "Các đơn vị nêu khó khăn, kiến nghị, đề xuất", ""),
    (
        AgendaKind.CONCLUSION,
        "Đồng chí Phó Bí thư Thường trực Tỉnh ủy kết luận hội nghị",
        "Hồ Thanh Sơn",
    ),
]


def _period_before(day: date) -> Period:
    """The quarter a briefing held on ``day`` (a few weeks after it ended) reviews."""
    earlier = day - timedelta(days=35)
    return Period.of_quarter(earlier.year, (earlier.month - 1) // 3 + 1)


def _at(day: date) -> datetime:
    return datetime.combine(day, time(8, 0), tzinfo=ZoneInfo(settings.TIME_ZONE))


def _meeting(
    committee: Unit, office, leader, day: date, period: Period, online: bool, rng: random.Random
):
    children = list(
        Unit.objects.active(day).filter(parent=committee).order_by("sort_order", "name")
    )
    boards = [u for u in children if u.kind not in (UnitKind.COMMUNE_COMMITTEE,)]
    communes = [u for u in children if u.kind == UnitKind.COMMUNE_COMMITTEE]
    participants = [
        services.ParticipantSpec(
            part=Part.CHAIR, user=leader, name=leader.full_name, title=leader.position
        )
    ]
    participants += [services.ParticipantSpec(part=Part.REPORTS, unit=u) for u in boards[:6]]
    participants += [services.ParticipantSpec(part=Part.ATTENDS, unit=u) for u in boards[6:]]
    if communes:
        participants.append(
            services.ParticipantSpec(
                part=Part.ABSENT,
                unit=communes[-1],
                absence_reason="Tiếp đoàn công tác của Trung ương",
            )
        )
    points = []
    if online:
        for u in [b for b in boards if b.kind == UnitKind.BLOC_COMMITTEE] + communes[:16]:
            points.append(
                services.PointSpec(
                    name=f"Điểm cầu {u.name}",
                    unit=u,
                    attendance=rng.randint(12, 40),
                    connected=rng.random() > 0.05,
                )
            )
    return services.create_meeting(
        committee=committee,
        user=office,
        title=f"Hội nghị giao ban {period.label.replace('Quý', 'quý')}",
        starts_at=_at(day),
        period=period,
        place="Hội trường Tỉnh ủy" + (", trực tuyến đến các điểm cầu" if online else ""),
        online=online,
        participants=participants,
        agenda=[services.AgendaSpec(title=t, kind=k, presenter=p) for k, t, p in AGENDA],
        points=points,
        check_permission=False,
    )


def _notice(
    committee: Unit, meeting, office, leader, number: str, doc_date: date, tasks: list[Task]
) -> Notice:
    province = committee.name.replace("Tỉnh ủy ", "")
    issued_at = _at(doc_date)
    notice = Notice(
        committee=committee,
        meeting=meeting,
        number=number,
        doc_date=doc_date,
        issuer_parent=f"ĐẢNG BỘ TỈNH {province.upper()}",
        issuer="TỈNH ỦY",
        place=province,
        title=f"kết luận của Thường trực Tỉnh ủy tại hội nghị giao ban {meeting.period_label.replace('Quý', 'quý')}",
        opening=f"Ngày {meeting.date:%d/%m/%Y}, Thường trực Tỉnh ủy chủ trì {meeting.title[:1].lower()}{meeting.title[1:]}. "
        "Sau khi nghe báo cáo của các đơn vị và ý kiến phát biểu, đồng chí Phó Bí thư Thường trực Tỉnh ủy kết luận như sau:",
        closing="Thường trực Tỉnh ủy thông báo để các cơ quan, đơn vị biết, thực hiện.",
        signing_formula="T/M THƯỜNG TRỰC TỈNH ỦY\nPHÓ BÍ THƯ THƯỜNG TRỰC",
        signer_name=leader.full_name,
        recipients="- Các đồng chí Tỉnh ủy viên,\n- Các đơn vị trực thuộc Tỉnh ủy,\n- Lưu Văn phòng Tỉnh ủy.",
        state=NoticeState.ISSUED,
        created_by=office,
        submitted_by=office,
        submitted_at=issued_at,
        approved_by=leader,
        approved_at=issued_at,
        issued_by=office,
        issued_at=issued_at,
    )
    notice.save()
    for task in tasks:
        item = NoticeItem.objects.create(
            notice=notice,
            number=int(task.item_number),
            heading="NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI" if task.item_number == "1" else "",
            text=task.text,
        )
        ItemTask.objects.create(item=item, text=task.text, deadline=task.deadline, task=task)
    NoticeItem.objects.create(
        notice=notice,
        number=len(tasks) + 1,
        heading="GHI NHẬN",
        text="Ghi nhận sự nỗ lực của các cơ quan, đơn vị trong thực hiện nhiệm vụ của quý.",
        no_task=True,
        no_task_reason="Nội dung ghi nhận, không giao việc",
    )
    return notice


def build_briefings(
    *, committee: Unit, office, leader, today: date | None = None, seed: int = 2026
) -> str:
    """Briefings, notices, minutes and review snapshots for the committee's demo tasks."""
    rng = random.Random(seed)
    today = today or timezone.localdate()
    tasks = list(
        Task.objects.filter(committee=committee, notice_link__isnull=True).order_by(
            "doc_date", "doc_number", "id"
        )
    )
    made = 0
    meetings = []
    for (number, doc_date), group in groupby(tasks, key=lambda t: (t.doc_number, t.doc_date)):
        group = sorted(group, key=lambda t: int(t.item_number) if t.item_number.isdigit() else 0)
        if not all(t.item_number.isdigit() for t in group):
            continue
        day = doc_date - timedelta(days=3)
        meeting = _meeting(
            committee, office, leader, day, _period_before(day), online=made % 2 == 1, rng=rng
        )
        _notice(committee, meeting, office, leader, number, doc_date, group)
        meetings.append(meeting)
        made += 1
    for meeting in meetings:
        Minutes.objects.create(
            meeting=meeting,
            secretary_name=office.full_name,
            secretary_title=office.position,
            text="Hội nghị khai mạc lúc 08 giờ 00.\nVăn phòng Tỉnh ủy báo cáo kết quả thực hiện kết luận kỳ trước.\n"
            "Các đơn vị báo cáo kết quả công tác, khó khăn, vướng mắc và kiến nghị.\n"
            "Đồng chí Phó Bí thư Thường trực Tỉnh ủy kết luận hội nghị.\nHội nghị kết thúc lúc 11 giờ 30.",
            state=MinutesState.SIGNED,
            signed_at=_at(meeting.date) + timedelta(hours=4),
            signed_by=office,
            created_by=office,
        )
        # the review each briefing was told, frozen as of its date
        services.mark_held(meeting=meeting, user=office, check_permission=False)
    coming = today + timedelta(days=10)
    _meeting(committee, office, leader, coming, _period_before(coming), online=True, rng=rng)
    return f"{made} briefings with issued notices and frozen reviews, 1 coming briefing"
