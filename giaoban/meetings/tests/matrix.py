"""The meetings block of the permission matrix (imported by core/tests/test_permission_matrix.py):
the pages and API operations that are read, and the objects every meetings row needs.

Objects in the paths: Alpha's briefing of quarter IV/2025 (Ban Tổ chức A reports at it), its
issued notice 12-TB/TU (giving Ban Tổ chức A tasks), its draft minutes and one file; and a
second, unissued notice for the acts that need a draft, a submitted or an approved notice.
"""

from __future__ import annotations

from giaoban.core.tests.acts import API_READ_A, API_READ_ALL, NO_POST, READ_A, READ_ALL

#: the pages that are read; the acts (their POSTs): giaoban/meetings/tests/acts.py
PAGES = {
    "meetings/": [READ_ALL, NO_POST],
    "meetings/calendar/": [READ_ALL, NO_POST],
    "meetings/<int:pk>/": [READ_A, NO_POST],
    "meetings/<int:pk>/present/": [READ_A, NO_POST],
    "meetings/<int:pk>/minutes/<int:minutes_pk>/docx/": [READ_A, NO_POST],
    "meetings/<int:pk>/minutes/<int:minutes_pk>/pdf/": [READ_A, NO_POST],
    "meetings/<int:pk>/files/<int:file_pk>/": [READ_A, NO_POST],
    "meetings/notices/": [READ_ALL, NO_POST],
    "meetings/notices/<int:pk>/": [READ_A, NO_POST],
    "meetings/notices/<int:pk>/docx/": [READ_A, NO_POST],
    "meetings/notices/<int:pk>/pdf/": [READ_A, NO_POST],
}
API = {
    ("get", "/api/meetings"): API_READ_ALL,
    ("get", "/api/meetings/{meeting_id}"): API_READ_A,
    ("get", "/api/meetings/{meeting_id}/review"): API_READ_A,
    ("get", "/api/notices"): API_READ_ALL,
    ("get", "/api/notices/{notice_id}"): API_READ_A,
}
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


API_NAMES = {"meeting_id": "meeting", "notice_id": "notice"}
