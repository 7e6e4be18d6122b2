"""The meetings block of the permission matrix (imported by core/tests/test_permission_matrix.py).

Objects in the paths: Alpha's briefing of quarter IV/2025 (Ban Tổ chức A reports at it), its
issued notice 12-TB/TU (giving Ban Tổ chức A tasks), its draft minutes and one file; and a
second, unissued notice for the acts that need a draft, a submitted or an approved notice.
"""

from __future__ import annotations

from datetime import date

from django.core.files.base import ContentFile

from giaoban.core.tests.acts import api_table, page_table
from giaoban.core.tests.test_permission_matrix import NO_GET, NO_POST, READ_A, READ_ALL, Row
from giaoban.meetings.tests import acts as notice_acts

MEETING_POST = {
    "committee": "{committee_a}",
    "kind": "giao_ban",
    "title": "Giao ban quý I/2026",
    "day": "16/03/2026",
    **{f"{p}-{k}": "0" for p in "pac" for k in ("TOTAL_FORMS", "INITIAL_FORMS")},
}
NOTICE_POST = {
    "issuer": "TỈNH ỦY",
    "title": "kết luận tại buổi làm việc",
    "signing_formula": "T/M THƯỜNG TRỰC TỈNH ỦY",
    "i-TOTAL_FORMS": "0",
    "i-INITIAL_FORMS": "0",
}
ITEM_TASKS_POST = {
    "t-TOTAL_FORMS": "1",
    "t-INITIAL_FORMS": "0",
    "t-0-text": "Báo cáo kết quả",
    "t-0-lead_units": "{board_a}",
}

#                         anon office leader unit_a unit_b admin
RECORD_GET = Row("get", "302  200    403    403    404    403")
RECORD_POST = "302  302    403    403    404    403"
DRAFT_GET = Row("get", "302  200    403    404    404    403", state="draft")
DRAFT_POST = "302  302    403    404    404    403"
CREATE = [
    Row("get", "302  200    403    403    403    403"),
]


def _post(expect: str, data: dict | None = None, state: str = "") -> list[Row]:
    return [Row("post", expect, data or {}, state), Row("get", NO_GET.expect, state=state)]


IMPORT_POST = {
    "committee": "{committee_a}",
    "stage": "read",
    "text": "Ngày 10/3/2026, Thường trực Tỉnh ủy chủ trì hội nghị giao ban quý I/2026. Kết luận hội nghị, "
    "đồng chí Phó Bí thư Thường trực Tỉnh ủy yêu cầu các đơn vị tăng cường kiểm tra, giám sát.",
}

PAGES: dict[str, list[Row]] = {
    # the review screen (200) saves nothing; its Save is the same URL with stage=save
    "meetings/import/": [*CREATE, Row("post", "302  200    403    403    403    403", IMPORT_POST)],
    "meetings/": [READ_ALL, NO_POST],
    "meetings/calendar/": [READ_ALL, NO_POST],
    "meetings/new/": [*CREATE, Row("post", "302  302    403    403    403    403", MEETING_POST)],
    "meetings/<int:pk>/": [READ_A, NO_POST],
    "meetings/<int:pk>/edit/": [RECORD_GET, Row("post", RECORD_POST, MEETING_POST)],
    "meetings/<int:pk>/held/": _post(RECORD_POST),
    "meetings/<int:pk>/present/": [READ_A, NO_POST],
    "meetings/<int:pk>/minutes/": [
        RECORD_GET,
        Row("post", RECORD_POST, {"text": "Hội nghị khai mạc"}),
    ],
    "meetings/<int:pk>/minutes/<int:minutes_pk>/sign/": _post(RECORD_POST),
    "meetings/<int:pk>/minutes/<int:minutes_pk>/docx/": [READ_A, NO_POST],
    "meetings/<int:pk>/minutes/<int:minutes_pk>/pdf/": [READ_A, NO_POST],
    "meetings/<int:pk>/files/": _post(RECORD_POST),
    "meetings/<int:pk>/files/<int:file_pk>/": [READ_A, NO_POST],
    "meetings/notices/": [READ_ALL, NO_POST],
    "meetings/notices/new/": [
        *CREATE,
        Row("post", "302  302    403    403    403    403", NOTICE_POST),
    ],
    "meetings/notices/<int:pk>/": [READ_A, NO_POST],
    "meetings/notices/<int:pk>/edit/": [
        DRAFT_GET,
        Row("post", DRAFT_POST, {**NOTICE_POST}, "draft"),
    ],
    "meetings/notices/<int:pk>/items/<int:item_pk>/tasks/": [
        DRAFT_GET,
        Row("post", DRAFT_POST, ITEM_TASKS_POST, "draft"),
    ],
    "meetings/notices/<int:pk>/docx/": [READ_A, NO_POST],
    "meetings/notices/<int:pk>/pdf/": [READ_A, NO_POST],
}
# the notice acts (submit, approve, return, issue, in force): giaoban/meetings/tests/acts.py
PAGES.update(page_table(notice_acts.ACTS))
STATES = {"draft", "submitted", "approved"}


def prepare(cast, state: str) -> dict[str, int]:
    """Create the meeting objects; ``state`` chooses the second notice's state."""
    from giaoban.meetings import notice_services as ns
    from giaoban.meetings import services
    from giaoban.meetings.tests.conftest import make_briefing

    meeting, notice = make_briefing(cast)
    minutes = services.save_minutes(
        meeting=meeting, user=cast.office_a, text="Hội nghị khai mạc lúc 8 giờ."
    )
    row = services.add_file(
        meeting=meeting, user=cast.office_a, content=b"bao cao", name="bao-cao.txt"
    )
    del row
    ids = {
        "meeting": meeting.pk,
        "notice": notice.pk,
        "minutes": minutes.pk,
        "file": meeting.files.get().pk,
        "item": notice.items.first().pk,
    }
    if state in STATES:
        draft = ns.create_notice(
            committee=cast.committee_a,
            user=cast.office_a,
            title="kết luận tại buổi làm việc",
            issuer="TỈNH ỦY",
            signing_formula="T/M THƯỜNG TRỰC TỈNH ỦY",
            items=[
                ns.ItemSpec(
                    number=1,
                    text="Báo cáo kết quả",
                    tasks=[ns.TaskSpec(text="Báo cáo", lead_units=[cast.board_a])],
                )
            ],
        )
        if state in ("submitted", "approved"):
            ns.submit_notice(notice=draft, user=cast.office_a)
        if state == "approved":
            ns.approve_notice(notice=draft, user=cast.leader_a)
        ids["notice"], ids["item"] = draft.pk, draft.items.get().pk
    return ids


def url_value(route: str, name: str, ids: dict[str, int]) -> int | None:
    if not route.startswith("meetings/"):
        return None
    if name == "pk":
        return ids["notice"] if route.startswith("meetings/notices/") else ids["meeting"]
    return {
        "minutes_pk": ids.get("minutes"),
        "file_pk": ids.get("file"),
        "item_pk": ids.get("item"),
    }.get(name)


_ = (date, ContentFile)

#                                 anon office leader unit_a unit_b admin
API: dict[tuple[str, str], Row] = {
    ("get", "/api/meetings"): Row("get", "401  200    200    200    200    200"),
    ("post", "/api/meetings"): Row(
        "post",
        "401  201    403    403    403    403",
        {
            "committee": "{committee_a}",
            "title": "Giao ban quý I/2026",
            "starts_at": "2026-03-16T08:00:00+07:00",
            "period": "Quý I/2026",
        },
    ),
    ("get", "/api/meetings/{meeting_id}"): Row("get", "401  200    200    200    404    200"),
    ("get", "/api/meetings/{meeting_id}/review"): Row(
        "get", "401  200    200    200    404    200"
    ),
    ("post", "/api/meetings/{meeting_id}/held"): Row(
        "post", "401  200    403    403    404    403"
    ),
    ("get", "/api/notices"): Row("get", "401  200    200    200    200    200"),
    ("get", "/api/notices/{notice_id}"): Row("get", "401  200    200    200    404    200"),
}
API.update(api_table(notice_acts.ACTS))
API_NAMES = {"meeting_id": "meeting", "notice_id": "notice"}
