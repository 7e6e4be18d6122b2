"""The meetings API speaks to programs: a period is a stable code (period_code, the same in
every language) with a label in the request's language; a period may be sent back as its code."""

from __future__ import annotations

import pytest

from giaoban.api.tests.support import api
from giaoban.meetings.models import Meeting
from giaoban.meetings.tests.conftest import make_briefing

pytestmark = pytest.mark.usefixtures("frozen")


def test_a_meeting_s_period_is_a_code_with_a_label_in_the_request_s_language(cast):
    meeting, _ = make_briefing(cast)
    english = api(cast, "office_a", "en").get("/api/meetings").json()["items"]
    vietnamese = api(cast, "office_a", "vi").get("/api/meetings").json()["items"]
    assert [(m["id"], m["period_code"], m["period_label"]) for m in english] == [
        (meeting.pk, "2025-Q4", "Q4 2025")
    ]
    assert [(m["period_code"], m["period_label"]) for m in vietnamese] == [
        ("2025-Q4", "Quý IV/2025")
    ]
    detail = api(cast, "office_a", "en").get(f"/api/meetings/{meeting.pk}").json()
    assert (detail["period_code"], detail["period_label"]) == ("2025-Q4", "Q4 2025")
    assert detail["participants"][0]["name"] == "Hồ Thanh Sơn"  # data stays as written


def test_a_meeting_without_a_period_has_no_code(cast):
    client = api(cast, "office_a")
    response = client.post(
        "/api/meetings",
        {
            "committee": cast.committee_a.pk,
            "title": "Họp chuyên đề",
            "starts_at": "2026-03-20T08:00:00+07:00",
        },
    )
    assert response.status_code == 201, response.content
    assert (response.json()["period_code"], response.json()["period_label"]) == (None, "")


@pytest.mark.parametrize("period", ["2026-Q1", "Quý I/2026", "quy 1/2026"])
def test_a_period_is_accepted_by_its_code_or_its_vietnamese_name(cast, period):
    response = api(cast, "office_a").post(
        "/api/meetings",
        {
            "committee": cast.committee_a.pk,
            "title": "Hội nghị giao ban quý I/2026",
            "starts_at": "2026-03-20T08:00:00+07:00",
            "period": period,
        },
    )
    assert response.status_code == 201, response.content
    assert response.json()["period_code"] == "2026-Q1"
    assert Meeting.objects.get(pk=response.json()["id"]).period_label == "Quý I/2026"


def test_a_period_neither_code_nor_name_is_a_400_with_the_message(cast):
    response = api(cast, "office_a", "vi").post(
        "/api/meetings",
        {
            "committee": cast.committee_a.pk,
            "title": "Hội nghị",
            "starts_at": "2026-03-20T08:00:00+07:00",
            "period": "2026-Q5",
        },
    )
    assert response.status_code == 400
    assert "Quý IV/2023" in response.json()["errors"]["period"][0]
    assert Meeting.objects.count() == 0
