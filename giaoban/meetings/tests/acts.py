"""The acts on meetings, their minutes and files, and conclusion notices: one row each drives the
permission matrix and the act tests (giaoban/core/tests/acts.py says how).

Objects (giaoban/meetings/tests/matrix.py ``prepare``): Alpha's briefing of quarter IV/2025 with
its draft minutes and one file; by ``state``, a second notice of committee Alpha that is a draft,
awaits approval ("submitted") or is approved; without a state, the issued notice 12-TB/TU. A
notice that is not issued exists only for the office and the leaders: unit staff get 404 for it,
like the user of committee Beta.
"""

from __future__ import annotations

from giaoban.core.tests.acts import LEADER, OFFICE, Act, app_counts

UNSEEN = ("unit_a", "unit_b")
RETURN_REASON = "Bổ sung thời hạn"

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
IMPORT_POST = {
    "committee": "{committee_a}",
    "stage": "read",
    "text": "Ngày 10/3/2026, Thường trực Tỉnh ủy chủ trì hội nghị giao ban quý I/2026. Kết luận "
    "hội nghị, đồng chí Phó Bí thư Thường trực Tỉnh ủy yêu cầu các đơn vị tăng cường kiểm tra, "
    "giám sát.",
}

MEETING_ACTS: list[Act] = [
    # reading a text into a draft: the review screen (200) saves nothing; its Save is the same
    # URL with stage=save
    Act(
        "import_text",
        OFFICE,
        "",
        page="meetings/import/",
        page_get="form",
        page_ok=200,
        page_data=IMPORT_POST,
        unseen=(),
    ),
    Act(
        "create_meeting",
        OFFICE,
        "meetings.meeting.created",
        page="meetings/new/",
        page_get="form",
        page_data=MEETING_POST,
        api=("post", "/api/meetings"),
        api_ok=201,
        api_data={
            "committee": "{committee_a}",
            "title": "Giao ban quý I/2026",
            "starts_at": "2026-03-16T08:00:00+07:00",
            "period": "Quý I/2026",
        },
        unseen=(),
    ),
    Act(
        "edit_meeting",
        OFFICE,
        "meetings.meeting.changed",
        page="meetings/<int:pk>/edit/",
        page_get="form",
        page_data=MEETING_POST,
    ),
    Act(
        "meeting_held",
        OFFICE,
        "meetings.meeting.held",
        page="meetings/<int:pk>/held/",
        page_get="405",
        api=("post", "/api/meetings/{meeting_id}/held"),
    ),
    Act(
        "save_minutes",
        OFFICE,
        "meetings.minutes.saved",
        page="meetings/<int:pk>/minutes/",
        page_get="form",
        page_data={"text": "Hội nghị khai mạc"},
    ),
    Act(
        "sign_minutes",
        OFFICE,
        "meetings.minutes.signed",
        page="meetings/<int:pk>/minutes/<int:minutes_pk>/sign/",
        page_get="405",
    ),
    Act(
        "add_file",
        OFFICE,
        "meetings.file.added",
        page="meetings/<int:pk>/files/",
        page_get="405",
        page_data={"file": "file:bao-cao.pdf"},
    ),
    # -- conclusion notices --
    Act(
        "create_notice",
        OFFICE,
        "meetings.notice.created",
        page="meetings/notices/new/",
        page_get="form",
        page_data=NOTICE_POST,
        unseen=(),
    ),
    Act(
        "edit_notice",
        OFFICE,
        "meetings.notice.changed",
        page="meetings/notices/<int:pk>/edit/",
        page_get="form",
        page_data=NOTICE_POST,
        state="draft",
        unseen=UNSEEN,
    ),
    Act(
        "item_tasks",
        OFFICE,
        "meetings.notice.changed",
        page="meetings/notices/<int:pk>/items/<int:item_pk>/tasks/",
        page_get="form",
        page_data=ITEM_TASKS_POST,
        state="draft",
        unseen=UNSEEN,
    ),
]

NOTICE_ACTS: list[Act] = [
    Act(
        "submit_notice",
        OFFICE,
        "meetings.notice.submitted",
        page="meetings/notices/<int:pk>/submit/",
        page_get="405",
        api=("post", "/api/notices/{notice_id}/submit"),
        state="draft",
        unseen=UNSEEN,
    ),
    # the decisions (core.decisions: NoticeApproval): a leader, never the drafter or the sender
    Act(
        "approve_notice",
        LEADER,
        "meetings.notice.approved",
        page="meetings/notices/<int:pk>/approve/",
        page_get="405",
        api=("post", "/api/notices/{notice_id}/approve"),
        state="submitted",
        unseen=UNSEEN,
    ),
    Act(
        "return_notice",
        LEADER,
        "meetings.notice.returned",
        page="meetings/notices/<int:pk>/return/",
        page_get="405",
        page_data={"reason": RETURN_REASON},
        api=("post", "/api/notices/{notice_id}/return"),
        api_data={"reason": RETURN_REASON},
        state="submitted",
        unseen=UNSEEN,
    ),
    Act(
        "issue_notice",
        OFFICE,
        "meetings.notice.issued",
        page="meetings/notices/<int:pk>/issue/",
        page_get="405",
        page_data={"number": "30-TB/TU", "doc_date": "16/03/2026"},
        api=("post", "/api/notices/{notice_id}/issue"),
        api_data={"number": "30-TB/TU", "doc_date": "2026-03-16"},
        state="approved",
        unseen=UNSEEN,
    ),
    # the office takes an approved notice back to draft (to correct a date or a unit)
    Act(
        "withdraw_notice",
        OFFICE,
        "meetings.notice.withdrawn",
        page="meetings/notices/<int:pk>/withdraw/",
        page_get="405",
        page_data={"reason": RETURN_REASON},
        api=("post", "/api/notices/{notice_id}/withdraw"),
        api_data={"reason": RETURN_REASON},
        state="approved",
        unseen=UNSEEN,
    ),
    # an issued notice is seen by the units it gives tasks: unit_a is refused, not blind
    Act(
        "notice_in_force",
        OFFICE,
        "meetings.notice.in_force",
        page="meetings/notices/<int:pk>/in-force/",
        page_get="405",
        page_data={"in_force": "0"},
    ),
]

ACTS: list[Act] = MEETING_ACTS + NOTICE_ACTS


def counts() -> dict:
    """Rows of the tables a meeting or notice act writes to, with the audit log, and each
    notice's state."""
    from giaoban.meetings.models import Notice

    out: dict = app_counts("meetings", "tasks")()
    out["Notice"] = list(Notice.objects.order_by("pk").values_list("pk", "state", "in_force"))
    return out
