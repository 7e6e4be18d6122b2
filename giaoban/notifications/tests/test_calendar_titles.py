"""An event's title is cut at a word with "…", never mid-word or on "(", and the whole
text is in its description (the walk saw "… theo quy định (" in a phone calendar)."""

from __future__ import annotations

from datetime import date

import pytest

from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.notifications import services
from giaoban.notifications.calendar import shorten
from giaoban.notifications.tests.test_calendar import events, fetch
from giaoban.tasks import services as task_services

pytestmark = pytest.mark.usefixtures("frozen")
TEXT = (
    "Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên theo quy định "
    "(Quy định số 366-QĐ/TW) và báo cáo kết quả về Văn phòng Tỉnh ủy"
)


def test_cut_at_a_word_with_an_ellipsis():
    assert shorten("Ngắn gọn") == "Ngắn gọn"
    cut = shorten(TEXT)
    assert cut == "Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên theo quy định…"
    assert len(cut) <= 81 and TEXT.startswith(cut[:-1])
    # no space to cut at: the characters, then "…"
    assert shorten("x" * 100, 10) == "x" * 10 + "…"
    assert shorten("Một hai ba (bốn năm sáu", 12) == "Một hai ba…"


def test_feed_titles_are_cut_at_a_word_and_the_description_is_whole(cast, client):
    task = task_services.create_task(
        committee=cast.committee_a,
        doc_number="68-TB/TU",
        doc_date=date(2026, 3, 2),
        text=TEXT,
        deadline=date(2026, 4, 30),
        created_by=cast.office_a,
        lead_units=[cast.board_a],
    )
    feed, secret = services.create_feed(user=cast.unit_a)
    found = events(fetch(client, feed, secret))
    (event,) = [e for e in found.values() if "68-TB/TU" in str(e["summary"])]
    assert str(event["summary"]) == f"Hạn: 68-TB/TU — {shorten(TEXT)}"
    assert str(event["summary"]).endswith("theo quy định…")
    assert TEXT in str(event["description"])
    office, secret = services.create_feed(user=cast.office_a, committee=cast.committee_a)
    (event,) = [
        e
        for e in events(fetch(client, office, secret)).values()
        if str(e["uid"]).endswith(f"task-{task.pk}@giaoban.localhost")
    ]
    assert str(event["summary"]).endswith("theo quy định…")
