"""Fixtures of the meeting tests: a briefing of committee Alpha with an issued notice.

Built on the frozen day of the core tests (16/03/2026): the briefing of quarter IV/2025 was held
on 20/01/2026 and its notice 12-TB/TU of 25/01/2026 gives Ban Tổ chức A (lead) and Ban Tuyên
giáo A (coordinating) item 1, and all units item 2; item 3 gives no task.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from giaoban.core.tests.support import frozen  # noqa: F401

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def caching(settings):
    """The aggregate cache on for an hour, empty before and after."""
    from django.core.cache import cache

    settings.GIAOBAN_AGGREGATE_CACHE_SECONDS = 3600
    cache.clear()
    yield
    cache.clear()


def make_briefing(cast, *, number: str = "12-TB/TU", issue: bool = True):
    from giaoban.meetings import notice_services as ns
    from giaoban.meetings import services
    from giaoban.meetings.models import Part
    from giaoban.periods import Period

    meeting = services.create_meeting(
        committee=cast.committee_a,
        user=cast.office_a,
        title="Hội nghị giao ban quý IV/2025",
        starts_at=datetime(2026, 1, 20, 8, 0, tzinfo=TZ),
        period=Period.of_quarter(2025, 4),
        place="Hội trường Tỉnh ủy",
        online=True,
        participants=[
            services.ParticipantSpec(
                part=Part.CHAIR, name="Hồ Thanh Sơn", title="Phó Bí thư Thường trực Tỉnh ủy"
            ),
            services.ParticipantSpec(part=Part.REPORTS, unit=cast.board_a),
            services.ParticipantSpec(
                part=Part.ABSENT, unit=cast.commune_a, absence_reason="Đi công tác"
            ),
        ],
        agenda=[services.AgendaSpec(title="Các đơn vị báo cáo", kind="units_report")],
        points=[
            services.PointSpec(
                name="Điểm cầu Đảng ủy xã Tân An", unit=cast.commune_a, attendance=25
            )
        ],
    )
    notice = ns.create_notice(
        committee=cast.committee_a,
        user=cast.office_a,
        meeting=meeting,
        title="kết luận của Thường trực Tỉnh ủy tại hội nghị giao ban quý IV/2025",
        issuer="TỈNH ỦY",
        issuer_parent="ĐẢNG BỘ TỈNH ALPHA",
        place="Alpha",
        signing_formula="T/M THƯỜNG TRỰC TỈNH ỦY\nPHÓ BÍ THƯ THƯỜNG TRỰC",
        signer_name="Hồ Thanh Sơn",
        recipients="- Các đồng chí Tỉnh ủy viên,\n- Lưu Văn phòng Tỉnh ủy.",
        opening="Ngày 20/01/2026, Thường trực Tỉnh ủy chủ trì hội nghị giao ban quý IV/2025.",
        items=[
            ns.ItemSpec(
                number=1,
                heading="I. NHIỆM VỤ TRỌNG TÂM",
                text="Rà soát quy hoạch cán bộ",
                tasks=[
                    ns.TaskSpec(
                        text="Rà soát quy hoạch cán bộ",
                        deadline=date(2026, 3, 1),
                        lead_units=[cast.board_a],
                        coordinating_units=[cast.board_a2],
                    )
                ],
            ),
            ns.ItemSpec(
                number=2,
                text="Tăng cường kiểm tra, giám sát",
                tasks=[ns.TaskSpec(text="Tăng cường kiểm tra, giám sát", all_units=True)],
            ),
            ns.ItemSpec(
                number=3,
                heading="II. GHI NHẬN",
                text="Ghi nhận kết quả quý IV",
                no_task=True,
                no_task_reason="Nội dung ghi nhận",
            ),
        ],
    )
    if issue:
        ns.submit_notice(notice=notice, user=cast.office_a)
        ns.approve_notice(notice=notice, user=cast.leader_a)
        ns.issue_notice(
            notice=notice, user=cast.office_a, number=number, doc_date=date(2026, 1, 25)
        )
        notice.refresh_from_db()
    return meeting, notice


@pytest.fixture
def briefing(frozen, cast):  # noqa: F811
    return make_briefing(cast)


@pytest.fixture(autouse=True)
def english_messages():
    """Service messages are matched in English here (the Vietnamese ones are in the catalogue)."""
    from django.utils import translation

    with translation.override("en"):
        yield
