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

from giaoban.core.cache import forget_tree
from giaoban.core.decisions import Decision
from giaoban.core.text import fold
from giaoban.meetings import services
from giaoban.meetings.models import (
    AgendaKind,
    ItemTask,
    Meeting,
    Minutes,
    MinutesState,
    Notice,
    NoticeApproval,
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
        issued_by=office,
        issued_at=issued_at,
    )
    notice.save()
    NoticeApproval.objects.create(
        notice=notice,
        requested_by=office,
        requested_at=issued_at,
        decision=Decision.APPROVED,
        decided_by=leader,
        decided_at=issued_at,
    )
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


def build(demo) -> None:
    """The demo extension point (``giaoban.demo.PROVINCE_BUILDERS``)."""
    demo.summary.append(
        build_briefings(
            committee=demo.committee, office=demo.office, leader=demo.leader, today=demo.today
        )
    )


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
    forget_tree()  # notices were written around the services: cached aggregates are void
    return f"{made} briefings with issued notices and frozen reviews, 1 coming briefing"


def build_national_briefings(*, today: date, progress=print) -> str:
    """The national data's shape by bulk insert: for every province, each document number of its
    tasks becomes an issued notice (items carrying the tasks) of a held briefing three days before
    it, and one coming briefing per province (its review is read live: the benchmark's page)."""
    from collections import defaultdict

    from giaoban.accounts.models import Membership, Role

    offices = {
        m.unit.parent_id: m.user_id
        for m in Membership.objects.filter(role=Role.OFFICE).select_related("unit")
    }
    leaders = {m.unit_id: m.user_id for m in Membership.objects.filter(role=Role.LEADER)}
    docs: dict[tuple[int, str, date], list[tuple[int, str, str, date | None]]] = defaultdict(list)
    for row in (
        Task.objects.filter(notice_link__isnull=True)
        .values_list(
            "id", "committee_id", "doc_number", "doc_date", "item_number", "text", "deadline"
        )
        .iterator(chunk_size=20_000)
    ):
        tid, committee_id, number, doc_date, item, text, deadline = row
        docs[(committee_id, number, doc_date)].append((tid, item, text, deadline))
    meetings, notices = [], []
    keys = sorted(docs, key=lambda k: (k[0], k[2], k[1]))
    for committee_id, number, doc_date in keys:
        office = offices.get(committee_id)
        if office is None:
            continue
        day = doc_date - timedelta(days=3)
        period = _period_before(day)
        meetings.append(
            Meeting(
                committee_id=committee_id,
                title=f"Hội nghị giao ban {period.label.replace('Quý', 'quý')}",
                starts_at=_at(day),
                period_type=period.type.value,
                period_year=period.year,
                period_number=period.number,
                state="held",
                held_at=_at(day),
                created_by_id=office,
                search_folded=fold(f"Hội nghị giao ban {period.label}"),
            )
        )
    Meeting.objects.bulk_create(meetings, batch_size=2000)
    for (committee_id, number, doc_date), meeting in zip(
        [k for k in keys if offices.get(k[0])], meetings
    ):
        notices.append(
            Notice(
                committee_id=committee_id,
                meeting=meeting,
                number=number,
                doc_date=doc_date,
                year=doc_date.year,
                issuer="TỈNH ỦY",
                title=f"kết luận tại {meeting.title[:1].lower()}{meeting.title[1:]}",
                signing_formula="T/M THƯỜNG TRỰC TỈNH ỦY\nPHÓ BÍ THƯ THƯỜNG TRỰC",
                state="issued",
                created_by_id=meeting.created_by_id,
                issued_by_id=meeting.created_by_id,
                search_folded=fold(number),
            )
        )
    Notice.objects.bulk_create(notices, batch_size=2000)
    NoticeApproval.objects.bulk_create(
        [
            NoticeApproval(
                notice=n,
                requested_by_id=n.created_by_id,
                requested_at=_at(n.doc_date),
                decision=Decision.APPROVED,
                decided_by_id=leaders.get(n.committee_id),
                decided_at=_at(n.doc_date),
            )
            for n in notices
        ],
        batch_size=5000,
    )
    items, links = [], []
    for notice in notices:
        for tid, item, text, deadline in docs[
            (notice.committee_id, notice.number, notice.doc_date)
        ]:
            items.append(
                NoticeItem(notice=notice, number=int(item) if item.isdigit() else 0, text=text)
            )
            links.append((tid, text, deadline))
    NoticeItem.objects.bulk_create(items, batch_size=5000)
    ItemTask.objects.bulk_create(
        [
            ItemTask(item=i, text=text, deadline=deadline, task_id=tid)
            for i, (tid, text, deadline) in zip(items, links)
        ],
        batch_size=5000,
    )
    coming = today + timedelta(days=10)
    period = _period_before(coming)
    upcoming = [
        Meeting(
            committee_id=c,
            title=f"Hội nghị giao ban {period.label.replace('Quý', 'quý')}",
            starts_at=_at(coming),
            period_type=period.type.value,
            period_year=period.year,
            period_number=period.number,
            created_by_id=o,
            search_folded=fold(period.label),
        )
        for c, o in sorted(offices.items())
    ]
    Meeting.objects.bulk_create(upcoming)
    summary = f"{len(meetings)} held briefings, {len(notices)} notices, {len(items)} items, {len(upcoming)} coming briefings"
    progress(f"  {summary}")
    return summary
